import { openPanelFromToolbar } from './action';
import { registerCaptureHandlers } from './capture-handlers';
import { createRfmScheduler } from './rfm-scheduler';
import { registerScreenHandlers } from './screen-handlers';
import { registerUserDataHandlers } from './user-data-handlers';

export default defineBackground(() => {
  const rfm = createRfmScheduler();
  registerCaptureHandlers((shopKeys) => rfm.shopsChanged(shopKeys));
  registerScreenHandlers();
  registerUserDataHandlers(() => void rfm.rescoreEverything());
  openPanelFromToolbar();
});
