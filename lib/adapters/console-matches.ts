import { matches as amazon } from './amazon/urls';
import { matches as shopee } from './shopee/urls';

/**
 * Every console's match patterns, from the adapters' URL modules only: the main-world tap needs the
 * pages, not the adapters, and stays small on the marketplace's own thread. The registry test checks
 * that this list and the registry agree.
 */
export const consoleMatches: readonly string[] = [...shopee, ...amazon];
