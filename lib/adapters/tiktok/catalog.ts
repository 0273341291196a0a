import { partsOfShopKey, shopKeyFor } from '../../schema/keys';
import { buyersLanguage, noEmail, noLinks, noOffPlatformContact, noPhone } from '../reply-rules';
import type { AdapterCatalogEntry } from '../types';

/**
 * TikTok Shop Seller Center hosts, one per local market (EVIDENCE.md round 2, "TikTok Shop": the
 * same SPA and JSON on every seller-<region>.tiktok.com; Indonesia's runs on Tokopedia's host).
 * Cross-border (CN) sellers use the global-selling host, one shop per market, named by the page's
 * `shop_region` parameter.
 */
export const REGION_BY_HOST: Readonly<Record<string, string>> = {
  'seller-us.tiktok.com': 'US',
  'seller-uk.tiktok.com': 'GB',
  'seller-br.tiktok.com': 'BR',
  'seller-mx.tiktok.com': 'MX',
  'seller-my.tiktok.com': 'MY',
  'seller-th.tiktok.com': 'TH',
  'seller-ph.tiktok.com': 'PH',
  'seller-vn.tiktok.com': 'VN',
  'seller-sg.tiktok.com': 'SG',
  'seller-id.tokopedia.com': 'ID',
};
export const GLOBAL_HOST = 'seller.tiktokshopglobalselling.com';
/** Where the global-selling console's XHRs go (seller.js `apiPrefix`, EVIDENCE.md). */
export const GLOBAL_API_ORIGIN = 'https://api16-normal-sg.tiktokshopglobalselling.com';

export const CURRENCY_BY_REGION: Readonly<Record<string, string>> = {
  US: 'USD', GB: 'GBP', BR: 'BRL', MX: 'MXN', MY: 'MYR', TH: 'THB', PH: 'PHP', VN: 'VND', SG: 'SGD', ID: 'IDR',
};

/** What buyers of each market write and read (BCP 47). */
const LANGUAGE_BY_REGION: Readonly<Record<string, string>> = {
  US: 'en-US', GB: 'en-GB', BR: 'pt-BR', MX: 'es-MX', MY: 'ms', TH: 'th', PH: 'en-PH', VN: 'vi', SG: 'en-SG', ID: 'id',
};

/** The market of a shop key: `tiktok:br` (a local shop) or `tiktok:gs-vn` (a global-selling one). */
export function regionOfShop(shopKey: string): string | undefined {
  const shop = partsOfShopKey(shopKey).shop;
  const region = (shop.startsWith('gs-') ? shop.slice(3) : shop).toUpperCase();
  return region in CURRENCY_BY_REGION ? region : undefined;
}

/** The shop key of a market on a local console or on the global-selling one. */
export function shopKeyOf(region: string, global: boolean): string {
  return shopKeyFor('tiktok', `${global ? 'gs-' : ''}${region.toLowerCase()}`);
}

/** A local console writes its market's shop; the global-selling console any of the seller's markets. */
function shopsOfPage(url: URL): (shopKey: string) => boolean {
  if (url.hostname === GLOBAL_HOST) return (shopKey) => /^tiktok:gs-[a-z]{2}$/.test(shopKey) && regionOfShop(shopKey) !== undefined;
  const region = REGION_BY_HOST[url.hostname];
  const own = region ? shopKeyOf(region, false) : undefined;
  return (shopKey) => shopKey === own;
}

export const tiktokCatalog: AdapterCatalogEntry = {
  id: 'tiktok',
  names: { en: 'TikTok Shop', 'zh-CN': 'TikTok Shop' },
  consoleNames: { en: 'TikTok Shop Seller Center', 'zh-CN': 'TikTok Shop 商家后台' },
  matches: [...Object.keys(REGION_BY_HOST), GLOBAL_HOST].map((host) => `https://${host}/*`),
  currencies: [...new Set(Object.values(CURRENCY_BY_REGION))],
  replyLanguage(shopKey) {
    const region = regionOfShop(shopKey);
    return region ? LANGUAGE_BY_REGION[region] : undefined;
  },
  /*
   * TikTok Shop's rules for talking to buyers. EVIDENCE.md (round 2, "TikTok Shop Seller Center")
   * records the console's data and its chat transport, not its messaging rules. The rule is TikTok
   * Shop Seller University's "Customer Communication Guidelines" (seller-th.tiktok.com/university/
   * essay?knowledge_id=8345780184729361, dated 07/29/2025; it covers the Customer Service Chat, replies
   * to reviews and notes in parcels): "Keep your communications on the platform, without directing
   * customers to other websites" — hence no links and no other apps. No phone and no e-mail are
   * BuyerLens's reading of that same line (a number or an address moves the talk off TikTok Shop); the
   * copy read, through the stored pages of the reference search (not on TikTok's site today), was cut
   * before the guidelines' list of what is not allowed. The buyer's-language rule is BuyerLens's.
   */
  replyRules: [noLinks, noOffPlatformContact, noPhone, noEmail, buyersLanguage],
  shopsOfPage,
};
