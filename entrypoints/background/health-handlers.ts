import { browser } from 'wxt/browser';
import { catalogEntryForUrl } from '@/lib/adapters/catalog';
import type { RecipeRegistry } from './recipe-registry';
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
/** Whether the page may report for this reader: its console's page kinds, or one of its own site's recipes (nothing else is remembered). */
async function mayReport(reader: string, page: URL, recipes: RecipeRegistry): Promise<boolean> {
  const builtIn = catalogEntryForUrl(page);
  if (builtIn) return reader === `${builtIn.id}:order-list` || reader === `${builtIn.id}:order-detail`;
  return reader.startsWith('site:') && (await recipes.ofSite(page.origin)).some((recipe) => `site:${recipe.id}` === reader);
}

export function registerHealthHandlers(recipes: RecipeRegistry): void {
  onContentMessage('health', {
    refuse: () => undefined,
    async handle(report, sender) {
      const tabId = sender.tab?.id;
      const page = pageOfSender(sender);
      if (tabId === undefined || !page || (sender.frameId ?? 0) !== 0 || !(await mayReport(report.reader, page, recipes))) return;
      const seen = await healthSeenItem.getValue();
      const healthy = report.found > 0 && report.missing.length === 0;
      if (healthy && !seen[report.reader]) await healthSeenItem.setValue({ ...seen, [report.reader]: new Date().toISOString() });
      const broken = !healthy && seen[report.reader] !== undefined;
      const before = await tabHealthItem(tabId).getValue();
      // The page as it says it is now (an SPA's own address after pushState), if it is of the sender's origin.
      const pageUrl = URL.canParse(report.pageUrl) && new URL(report.pageUrl).origin === page.origin ? report.pageUrl : page.href;
      await tabHealthItem(tabId).setValue({ ...report, pageUrl, tabId, broken, at: new Date().toISOString() });
      // A taught page whose recipe just failed is the one the panel should show (a list page puts no
      // buyer on screen, so nothing else points the panel there). A built-in console's tab is followed
      // by its screen as always.
      if (broken && !before?.broken && report.reader.startsWith('site:') && sender.tab?.active !== false) await lastScreenTabItem.setValue(tabId);
    },
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabHealthItem(tabId).removeValue());
}
