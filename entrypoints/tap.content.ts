import { consoleMatches } from '@/lib/adapters/catalog';
import { installTap } from '@/lib/content/tap/tap';

export default defineContentScript({
  matches: [...consoleMatches],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    // Only before the page's scripts run: natives captured later may be a page's patches (Firefox
    // injects declared scripts into pages already running on install and update).
    if (document.readyState === 'loading') installTap(window);
  },
});
