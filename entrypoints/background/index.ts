import { refreshBuyerList } from '@/lib/db/buyer-list-writer';
import { db } from '@/lib/db/database';
import { afterEveryPageAction, onPageMessage } from '@/lib/messaging/background';
import { ensureDefaultPacks } from '@/lib/db/replies-repository';
import { addBuyersMenu, openPanelFromToolbar } from './action';
import { registerCaptureHandlers } from './capture-handlers';
import { createRfmScheduler } from './rfm-scheduler';
import { registerReplyHandlers } from './reply-handlers';
import { registerScreenHandlers } from './screen-handlers';
import { registerUserDataHandlers } from './user-data-handlers';
import { registerHealthHandlers } from './health-handlers';
import { RecipeRegistry } from './recipe-registry';
import { registerTeachHandlers } from './teach-handlers';
import { registerTeamHandlers } from './team-handlers';

export default defineBackground(() => {
  const rfm = createRfmScheduler();
  const team = registerTeamHandlers();
  const recipes = new RecipeRegistry();
  const queue = registerCaptureHandlers(recipes, (shopKeys) => {
    rfm.shopsChanged(shopKeys);
    team.shopsChanged(shopKeys);
  });
  registerScreenHandlers(recipes);
  registerTeachHandlers(recipes);
  registerHealthHandlers(recipes);
  registerReplyHandlers();
  registerUserDataHandlers(
    queue,
    () => void rfm.rescoreEverything(),
    (shopKeys) => rfm.shopsChanged(shopKeys),
    () => team.leave(),
  );
  // A page that changed buyers (tags, erase, links, restore…) reads their rows as they are now.
  afterEveryPageAction(() => refreshBuyerList(db));
  onPageMessage('buyers/list-refresh', () => refreshBuyerList(db));
  openPanelFromToolbar();
  // Scripts of taught sites persist across sessions; a recipes change while the worker slept is caught up here.
  recipes.followGrants();
  void recipes.sync().catch((error: unknown) => console.error('[BuyerLens] taught sites not registered', error));
  addBuyersMenu();
  void ensureDefaultPacks(db).catch((error: unknown) => console.error('[BuyerLens] default replies not added', error));
});
