import type { Language } from '../i18n/i18n';
import { partsOfKey, partsOfShopKey, siteShopKey, SITE_ADAPTER_ID } from '../schema/keys';
import { amazonCatalog } from './amazon/catalog';
import { shopeeCatalog } from './shopee/catalog';
import type { AdapterCatalogEntry } from './types';
import { lazadaCatalog } from './lazada/catalog';
import { tiktokCatalog } from './tiktok/catalog';
import { siteCatalog } from './site-catalog';

/**
 * Every marketplace BuyerLens reads, as the UI, the main-world tap and the reply check know it: no
 * parsers (those are in registry.ts, for content scripts and the extract CLI). Adding one:
 * `npm run new:adapter <id>` adds its line here and in registry.ts.
 */
export const catalog: readonly AdapterCatalogEntry[] = [shopeeCatalog, amazonCatalog, lazadaCatalog, tiktokCatalog];

/** Every catalog entry, with the sites the seller taught (whose pages the stored recipes name, not match patterns). */
export const allEntries: readonly AdapterCatalogEntry[] = [...catalog, siteCatalog];

export function catalogEntry(adapterId: string): AdapterCatalogEntry | undefined {
  return allEntries.find((entry) => entry.id === adapterId);
}

/** "Shopee", "亚马逊": a marketplace as sellers name it, in the UI language; its id where BuyerLens no longer knows it. */
export function marketplaceName(adapterId: string, language: Language): string {
  return catalogEntry(adapterId)?.names[language] ?? adapterId;
}

/** "Shopee · BR", "Amazon · Amazon.com": the marketplace and the shop, as a seller names them. */
export function shopLabel(language: Language, shopKey: string, shop: { name?: string | undefined; region?: string | undefined } | undefined): string {
  const { adapterId, shop: shopPart } = partsOfShopKey(shopKey);
  return `${marketplaceName(adapterId, language)} · ${shop?.name ?? shop?.region ?? shopPart}`;
}

/** Every console's pages: where the content scripts and the main-world tap run. */
export const consoleMatches: readonly string[] = catalog.flatMap((entry) => entry.matches);

/** The consoles' names in the UI language, as a list the seller reads ("A, B or C"; "A, B and C"). */
export function consoleNameList(language: Language, type: 'disjunction' | 'conjunction' = 'disjunction'): string {
  return new Intl.ListFormat(language, { type }).format(catalog.map((entry) => entry.consoleNames[language]));
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

/** The catalog entry whose console this URL belongs to (its match patterns cover it). */
export function catalogEntryForUrl(url: URL): AdapterCatalogEntry | undefined {
  return catalog.find((entry) => entry.matches.some((pattern) => matchesPattern(pattern, url)));
}

/**
 * Whether a console page at `url` may name these records (a capture's, or who is on screen): only
 * its own marketplace's, and only of the shops it may write (AdapterCatalogEntry.shopsOfPage; a
 * taught site's, its owner as the background's recipes say).
 */
export function pageMayName(
  url: URL,
  adapterId: string,
  keys: readonly (string | undefined)[],
  owner: { adapterId: string; allowsShop: (shopKey: string) => boolean } | undefined = consoleOfPage(url),
): boolean {
  if (!owner || owner.adapterId !== adapterId) return false;
  return keys.every((key) => key === undefined || owner.allowsShop(partsOfKey(key).shopKey));
}

/** The console a page belongs to, as the background trusts it: its marketplace and the shops it may write. */
export function consoleOfPage(url: URL): { adapterId: string; allowsShop: (shopKey: string) => boolean } | undefined {
  const entry = catalogEntryForUrl(url);
  return entry && { adapterId: entry.id, allowsShop: entry.shopsOfPage(url) };
}

/** Whether `url` opens a page of the console that may hold shop `shopKey` (a stored order's console link). */
export function isConsoleLink(url: string, shopKey: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') return false;
  // A taught site's order page is a page of that site (its shop is named after its host).
  if (partsOfShopKey(shopKey).adapterId === SITE_ADAPTER_ID) return !catalogEntryForUrl(parsed) && siteShopKey(parsed.origin) === shopKey;
  return consoleOfPage(parsed)?.allowsShop(shopKey) ?? false;
}
