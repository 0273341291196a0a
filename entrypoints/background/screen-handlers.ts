import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import { screenSchema } from '@/lib/schema/capture';
import { lastScreenTabItem, screenItem } from '@/lib/screen-state';

export function registerScreenHandlers(): void {
  onMessage('screen', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (sender.id !== browser.runtime.id || tabId === undefined || (sender.frameId ?? 0) !== 0) return;
    if (data === null) {
      await screenItem(tabId).setValue(null);
      return;
    }
    const parsed = screenSchema.safeParse(data);
    if (!parsed.success) return;
    await screenItem(tabId).setValue({ ...parsed.data, tabId, at: new Date().toISOString() });
    await lastScreenTabItem.setValue(tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void screenItem(tabId).removeValue();
  });
}
