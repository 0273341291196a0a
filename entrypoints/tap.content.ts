import { consoleMatches } from '@/lib/adapters/catalog';
import { installTap } from '@/lib/content/tap/tap';

export default defineContentScript({
  matches: [...consoleMatches],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installTap(window);
  },
});
