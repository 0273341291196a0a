import { amazonAdapter } from './amazon';
import { shopeeAdapter } from './shopee';
import type { Adapter } from './types';

/**
 * Every marketplace BuyerLens reads, with its parsers: for the extract CLI and the tests (each
 * console's content script imports its own adapter). Pages read catalog.ts instead. Adding one:
 * `npm run new:adapter <id>` adds its line here and in catalog.ts.
 */
export const adapters: readonly Adapter[] = [shopeeAdapter, amazonAdapter];

/** The adapter whose console this URL belongs to. */
export function adapterForUrl(url: URL): Adapter | undefined {
  return adapters.find((a) => a.matches.some((pattern) => matchesPattern(pattern, url)));
}

/** `https://host/*` style match patterns, as the adapters declare them. */
function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host !== url.hostname && !(host!.startsWith('*.') && url.hostname.endsWith(host!.slice(1)))) return false;
  return path === '/*' || url.pathname.startsWith(path!.replace(/\*$/, ''));
}
