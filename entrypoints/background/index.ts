import { openPanelFromToolbar } from './action';
import { registerCaptureHandlers } from './capture-handlers';
import { registerScreenHandlers } from './screen-handlers';

export default defineBackground(() => {
  registerCaptureHandlers(() => undefined);
  registerScreenHandlers();
  openPanelFromToolbar();
});
