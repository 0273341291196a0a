import { amazonAdapter } from './amazon';
import { shopeeAdapter } from './shopee';
import { catalogEntryForUrl } from './catalog';
import type { Adapter } from './types';
import { lazadaAdapter } from './lazada';
import { tiktokAdapter } from './tiktok';

/**
 * Every marketplace BuyerLens reads, with its parsers: for the extract CLI and the tests (each
 * console's content script imports its own adapter). Pages read catalog.ts instead. Adding one:
 * `npm run new:adapter <id>` adds its line here and in catalog.ts.
 */
export const adapters: readonly Adapter[] = [shopeeAdapter, amazonAdapter, lazadaAdapter, tiktokAdapter];

/** The adapter whose console this URL belongs to. */
export function adapterForUrl(url: URL): Adapter | undefined {
  const entry = catalogEntryForUrl(url);
  return entry && adapters.find((a) => a.id === entry.id);
}
