import { browser } from 'wxt/browser';
import { pageMayName } from '@/lib/adapters/catalog';
import { onContentMessage } from '@/lib/messaging/background';
import { pageOfSender, type Sender } from '@/lib/messaging/sender';
import type { Screen } from '@/lib/schema/capture';
import { lastScreenTabItem, screenItem } from '@/lib/screen-state';
import type { RecipeRegistry } from './recipe-registry';

/** Whether the sender's page may put this buyer or order on screen: its console's adapter, its shops. */
async function mayShow(screen: Screen, sender: Sender, recipes: RecipeRegistry): Promise<boolean> {
  const page = pageOfSender(sender);
  // A built-in console's page, or a taught site's, names only its own shops' buyers and orders.
  return page !== undefined && pageMayName(page, screen.adapterId, [screen.buyerKey, screen.orderKey], await recipes.ownerOf(page));
}

/** "Buyer on screen" per tab: what each console tab's top frame says it shows. */
export function registerScreenHandlers(recipes: RecipeRegistry): void {
  onContentMessage('screen', {
    refuse: () => undefined,
    async handle(screen, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return;
      // A page says who is on screen only in its own console's shops; anything else is nobody.
      if (screen === null || !(await mayShow(screen, sender, recipes))) {
        await screenItem(tabId).setValue(null);
        return;
      }
      await screenItem(tabId).setValue({ ...screen, tabId, at: new Date().toISOString() });
      await lastScreenTabItem.setValue(tabId);
    },
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void screenItem(tabId).removeValue();
  });
}
