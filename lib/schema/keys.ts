/**
 * Every key BuyerLens stores records under, built and parsed here and nowhere else.
 *
 * - shop key:  `<adapter id>:<shop>` (`shopee:br`, `amazon:amazon.com`, `shopee:cnsc-1234567`)
 * - buyer key: `<shop key>:<platform buyer id>` (`shopee:br:73810455`)
 * - order key: `<shop key>:<order id>` (`amazon:amazon.com:114-7941379-5480234`)
 *
 * A shop's buyers and orders are therefore one range of their table's keys (`shopRange`), and a key
 * says which marketplace and shop it belongs to without a lookup. The shop part holds no `:`; the
 * id part may (it is everything after the second `:`).
 */

export const ADAPTER_ID_PATTERN = /^[a-z][a-z0-9-]*$/;
export const SHOP_KEY_PATTERN = /^[a-z][a-z0-9-]*:[^:\s]+$/;
/** A buyer or an order key. */
export const RECORD_KEY_PATTERN = /^[a-z][a-z0-9-]*:[^:\s]+:\S+$/;

export function shopKeyFor(adapterId: string, shop: string): string {
  return `${adapterId}:${shop}`;
}

export function buyerKeyFor(shopKey: string, platformBuyerId: string): string {
  return `${shopKey}:${platformBuyerId}`;
}

export function orderKeyFor(shopKey: string, orderId: string): string {
  return `${shopKey}:${orderId}`;
}

/** A shop key's parts: `shopee:br` → `{ adapterId: 'shopee', shop: 'br' }`. */
export function partsOfShopKey(shopKey: string): { adapterId: string; shop: string } {
  const end = shopKey.indexOf(':');
  return end === -1 ? { adapterId: shopKey, shop: '' } : { adapterId: shopKey.slice(0, end), shop: shopKey.slice(end + 1) };
}

/** A buyer or order key's parts: its marketplace, its shop, and the platform's own id. */
export function partsOfKey(key: string): { adapterId: string; shopKey: string; id: string } {
  const [adapterId = '', shop = '', ...rest] = key.split(':');
  return { adapterId, shopKey: shopKeyFor(adapterId, shop), id: rest.join(':') };
}

/** Whether a buyer or order key belongs to the shop. */
export function isInShop(key: string, shopKey: string): boolean {
  return key.startsWith(`${shopKey}:`);
}

/** Whether a shop, buyer or order key belongs to the marketplace (`shopee-x:br` is not Shopee's). */
export function isOfAdapter(key: string, adapterId: string): boolean {
  return key.startsWith(`${adapterId}:`);
}

/** The key range holding every buyer or order key of a shop: [lower, upper), as IndexedDB compares strings. */
export function shopRange(shopKey: string): readonly [string, string] {
  // ';' is the code unit after ':', so every `<shop key>:…` sorts in between.
  return [`${shopKey}:`, `${shopKey};`];
}

/** The keys of a shop whose id starts with `prefix`: for `startsWith` on a table's keys. */
export function shopKeyPrefix(shopKey: string, idPrefix = ''): string {
  return `${shopKey}:${idPrefix}`;
}

/** The marketplace id of the sites the seller taught BuyerLens (recipes): their keys are namespaced by site. */
export const SITE_ADAPTER_ID = 'site';

/**
 * A taught site's shop key, from its origin: `site:shop.example.com`, `site:127.0.0.1_3000` (a port
 * joins the host with `_`, which no hostname holds, since the shop part may not hold `:`). The
 * scheme is not part of it: http and https of one host are one shop.
 */
export function siteShopKey(origin: string): string {
  const url = new URL(origin);
  return shopKeyFor(SITE_ADAPTER_ID, url.port ? `${url.hostname}_${url.port}` : url.hostname);
}

/** The host (and port) a taught site's shop key names: `site:127.0.0.1_3000` → `127.0.0.1:3000`. */
export function siteHostOfShopKey(shopKey: string): string {
  return partsOfShopKey(shopKey).shop.replace(/_(\d+)$/, ':$1');
}
