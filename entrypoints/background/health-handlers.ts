import { browser } from 'wxt/browser';
import { onContentMessage } from '@/lib/messaging/background';
import { pageOfSender } from '@/lib/messaging/sender';
import { lastScreenTabItem } from '@/lib/screen-state';
import { healthSeenItem, tabHealthItem } from '@/lib/teach-state';

/**
 * Capture health: each console tab reports what its recipe (or adapter) found on the page it just
 * read. A reader that has found orders before (on any page, kept in storage.local) and now finds
 * none, or no longer finds a field it needs, is failing: the panel says so with "Re-teach", within
 * the page view where it happened, never silently.
 */
export function registerHealthHandlers(): void {
  onContentMessage('health', {
    refuse: () => undefined,
    async handle(report, sender) {
      const tabId = sender.tab?.id;
      const page = pageOfSender(sender);
      if (tabId === undefined || !page || (sender.frameId ?? 0) !== 0) return;
      const seen = await healthSeenItem.getValue();
      const healthy = report.found > 0 && report.missing.length === 0;
      if (healthy && !seen[report.reader]) await healthSeenItem.setValue({ ...seen, [report.reader]: new Date().toISOString() });
      const broken = !healthy && seen[report.reader] !== undefined;
      const before = await tabHealthItem(tabId).getValue();
      await tabHealthItem(tabId).setValue({ ...report, pageUrl: page.href, tabId, broken, at: new Date().toISOString() });
      // A tab whose capture just failed is the one the panel should show.
      if (broken && !before?.broken) await lastScreenTabItem.setValue(tabId);
    },
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabHealthItem(tabId).removeValue());
}
