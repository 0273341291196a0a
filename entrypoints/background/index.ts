import { db } from '@/lib/db/database';
import { ensureDefaultPacks } from '@/lib/db/replies-repository';
import { addBuyersMenu, openPanelFromToolbar } from './action';
import { registerCaptureHandlers } from './capture-handlers';
import { createRfmScheduler } from './rfm-scheduler';
import { registerReplyHandlers } from './reply-handlers';
import { registerScreenHandlers } from './screen-handlers';
import { registerUserDataHandlers } from './user-data-handlers';

export default defineBackground(() => {
  const rfm = createRfmScheduler();
  const queue = registerCaptureHandlers((shopKeys) => rfm.shopsChanged(shopKeys));
  registerScreenHandlers();
  registerReplyHandlers();
  registerUserDataHandlers(
    queue,
    () => void rfm.rescoreEverything(),
    (shopKeys) => rfm.shopsChanged(shopKeys),
  );
  openPanelFromToolbar();
  addBuyersMenu();
  void ensureDefaultPacks(db).catch((error: unknown) => console.error('[BuyerLens] default replies not added', error));
});
