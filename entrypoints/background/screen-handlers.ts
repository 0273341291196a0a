import { browser } from 'wxt/browser';
import { onContentMessage } from '@/lib/messaging/background';
import { lastScreenTabItem, screenItem } from '@/lib/screen-state';

/** "Buyer on screen" per tab: what each console tab's top frame says it shows. */
export function registerScreenHandlers(): void {
  onContentMessage('screen', {
    refuse: () => undefined,
    async handle(screen, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return;
      if (screen === null) {
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
