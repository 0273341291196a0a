import { partsOfShopKey, shopKeyFor } from '../../schema/keys';
import { buyersLanguage, noEmail, noLinks, noOffPlatformContact, noPhone } from '../reply-rules';
import type { AdapterCatalogEntry } from '../types';

/**
 * Seller Centre hosts. Local consoles are one per region; CNSC (seller.shopee.cn) serves
 * cross-border sellers, one shop per region, with `cnsc_shop_id` in every page and API URL.
 */
export const REGION_BY_HOST: Readonly<Record<string, string>> = {
  'seller.shopee.com.br': 'BR',
  'seller.shopee.com.my': 'MY',
  'seller.shopee.ph': 'PH',
  'seller.shopee.sg': 'SG',
  'seller.shopee.co.th': 'TH',
  'seller.shopee.tw': 'TW',
  'seller.shopee.co.id': 'ID',
  'seller.shopee.vn': 'VN',
  'banhang.shopee.vn': 'VN',
  'seller.shopee.com.mx': 'MX',
  'seller.shopee.com.co': 'CO',
  'seller.shopee.cl': 'CL',
};
export const CNSC_HOST = 'seller.shopee.cn';

export const CURRENCY_BY_REGION: Readonly<Record<string, string>> = {
  BR: 'BRL', MY: 'MYR', PH: 'PHP', SG: 'SGD', TH: 'THB', TW: 'TWD', ID: 'IDR', VN: 'VND', MX: 'MXN',
  CO: 'COP', CL: 'CLP',
};

/**
 * What buyers of each region write and read (BCP 47). Malaysia's buyers write Malay first (English
 * too; the agent can switch the shop to English); Singapore's and the Philippines' English.
 */
const LANGUAGE_BY_REGION: Readonly<Record<string, string>> = {
  BR: 'pt-BR', MX: 'es-MX', CO: 'es-CO', CL: 'es-CL', TW: 'zh-TW', TH: 'th', VN: 'vi', ID: 'id', MY: 'ms', SG: 'en-SG', PH: 'en-PH',
};

/** A page of a local console writes its region's shop; a CNSC page any of the account's CNSC shops (each keyed by its id). */
function shopsOfPage(url: URL): (shopKey: string) => boolean {
  if (url.hostname === CNSC_HOST) return (shopKey) => /^shopee:cnsc-\d+$/.test(shopKey);
  const region = REGION_BY_HOST[url.hostname];
  const own = region ? shopKeyFor('shopee', region.toLowerCase()) : undefined;
  return (shopKey) => shopKey === own;
}

export const shopeeCatalog: AdapterCatalogEntry = {
  id: 'shopee',
  names: { en: 'Shopee', 'zh-CN': 'Shopee' },
  consoleNames: { en: 'Shopee Seller Centre', 'zh-CN': 'Shopee 卖家中心' },
  matches: [...Object.keys(REGION_BY_HOST), CNSC_HOST].map((host) => `https://${host}/*`),
  currencies: [...new Set(Object.values(CURRENCY_BY_REGION))],
  replyLanguage(shopKey) {
    // Local shops are keyed by region (`shopee:br`); a CNSC shop's key names no region.
    const region = partsOfShopKey(shopKey).shop.toUpperCase();
    return LANGUAGE_BY_REGION[region];
  },
  // Shopee's chat policy: no trading outside Shopee (links, other apps, phone, e-mail).
  replyRules: [noLinks, noOffPlatformContact, noPhone, noEmail, buyersLanguage],
  shopsOfPage,
};
