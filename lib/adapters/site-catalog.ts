import { SITE_ADAPTER_ID, siteShopKey } from '../schema/keys';
import type { AdapterCatalogEntry } from './types';

/**
 * The sites the seller taught BuyerLens (recipes), as one marketplace of the catalog: their shops
 * are `site:<host>` (one per site), their pages match only where the seller granted the site and a
 * recipe reads it, so `matches` is empty here; the background decides a page's writer from the
 * stored recipes (entrypoints/background/recipe-registry.ts), never from what the page says.
 */
export const siteCatalog: AdapterCatalogEntry = {
  id: SITE_ADAPTER_ID,
  names: { en: 'Taught site', 'zh-CN': '自教站点' },
  consoleNames: { en: 'a console you taught BuyerLens', 'zh-CN': '你教会 BuyerLens 的后台' },
  matches: [],
  // A recipe names its own currency; the seller confirms it when teaching.
  currencies: [],
  // The page's own language is not the buyers' with certainty: the agent picks it per shop.
  replyLanguage: () => undefined,
  replyRules: [],
  shopsOfPage: (url) => {
    const own = siteShopKey(url.origin);
    return (shopKey) => shopKey === own;
  },
};
