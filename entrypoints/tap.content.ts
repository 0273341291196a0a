import { consoleMatches } from '@/lib/adapters/console-matches';
import { installTap } from '@/lib/adapters/tap';

export default defineContentScript({
  matches: [...consoleMatches],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installTap(window);
  },
});
