import { partsOfShopKey, shopKeyFor } from '../../schema/keys';
import { buyersLanguage, noEmail, noLinks, noOffPlatformContact, noPhone } from '../reply-rules';
import type { AdapterCatalogEntry } from '../types';

/**
 * Seller Center hosts, one per country (EVIDENCE.md, Lazada Seller Center: sellercenter.lazada.{com.ph|
 * com.my|sg|co.id|co.th|vn}). A seller account of one country is one shop, so the shop is the country:
 * the page's host decides it, as the background does (shopsOfPage).
 */
export const COUNTRY_BY_HOST: Readonly<Record<string, LazadaCountry>> = {
  'sellercenter.lazada.com.ph': 'ph',
  'sellercenter.lazada.com.my': 'my',
  'sellercenter.lazada.sg': 'sg',
  'sellercenter.lazada.co.id': 'id',
  'sellercenter.lazada.co.th': 'th',
  'sellercenter.lazada.vn': 'vn',
};

export type LazadaCountry = 'ph' | 'my' | 'sg' | 'id' | 'th' | 'vn';

export const CURRENCY_BY_COUNTRY: Readonly<Record<LazadaCountry, string>> = {
  ph: 'PHP', my: 'MYR', sg: 'SGD', id: 'IDR', th: 'THB', vn: 'VND',
};

/**
 * The time the console writes its dates in (`createDate`, `orderDate` have no zone), minutes east of
 * UTC: each country's standard time (the TH console asks its API with `_timezone: -7`, Laqoli 2022;
 * Indonesia is taken as WIB, Jakarta, where Lazada ID is run).
 */
export const UTC_OFFSET_MINUTES: Readonly<Record<LazadaCountry, number>> = {
  ph: 480, my: 480, sg: 480, id: 420, th: 420, vn: 420,
};

/**
 * What buyers of each country write and read (BCP 47). Malaysia's buyers write Malay first (English
 * too); Singapore's and the Philippines' English.
 */
const LANGUAGE_BY_COUNTRY: Readonly<Record<LazadaCountry, string>> = {
  ph: 'en-PH', my: 'ms', sg: 'en-SG', id: 'id', th: 'th', vn: 'vi',
};

export function countryOfHost(host: string): LazadaCountry | undefined {
  return Object.hasOwn(COUNTRY_BY_HOST, host) ? COUNTRY_BY_HOST[host] : undefined;
}

/** `lazada:ph`: the shop of a country's Seller Center. */
export function lazadaShopKey(country: LazadaCountry): string {
  return shopKeyFor('lazada', country);
}

/** A page of one country's Seller Center writes that country's shop only. */
function shopsOfPage(url: URL): (shopKey: string) => boolean {
  const country = countryOfHost(url.hostname);
  const own = country ? lazadaShopKey(country) : undefined;
  return (shopKey) => shopKey === own;
}

export const lazadaCatalog: AdapterCatalogEntry = {
  id: 'lazada',
  names: { en: 'Lazada', 'zh-CN': 'Lazada' },
  consoleNames: { en: 'Lazada Seller Center', 'zh-CN': 'Lazada 卖家中心' },
  matches: Object.keys(COUNTRY_BY_HOST).map((host) => `https://${host}/*`),
  currencies: [...new Set(Object.values(CURRENCY_BY_COUNTRY))],
  replyLanguage(shopKey) {
    const country = partsOfShopKey(shopKey).shop;
    return Object.hasOwn(LANGUAGE_BY_COUNTRY, country) ? LANGUAGE_BY_COUNTRY[country as LazadaCountry] : undefined;
  },
  /*
   * Lazada's rules for talking to buyers: no contact details (mobile number, e-mail, "any other modes
   * of contact outside of Lazada") and no leading buyers to buy elsewhere (Lazada Seller University PH,
   * "Off Platform Transactions", community.lazada.com.ph/article/off-platform-transactions-553300-hc,
   * 2022-07-06, which points to Lazada's Communication Guidelines; a Chinese summary of those guidelines
   * adds "no website addresses outside Lazada"). Read through the stored copies in the reference search,
   * not on Lazada's own site today. The buyer's-language rule is BuyerLens's, not Lazada's.
   */
  replyRules: [noLinks, noOffPlatformContact, noPhone, noEmail, buyersLanguage],
  shopsOfPage,
};
