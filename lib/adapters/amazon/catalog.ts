import { partsOfShopKey, shopKeyFor } from '../../schema/keys';
import { buyersLanguage, noEmail, noLinks, noPhone, noReviewIncentive } from '../reply-rules';
import type { AdapterCatalogEntry } from '../types';

/** Seller Central hosts: unified regional consoles, each selling in one or more marketplaces. */
export const HOSTS = [
  'sellercentral.amazon.com',
  'sellercentral-europe.amazon.com',
  'sellercentral-japan.amazon.com',
  'sellercentral.amazon.ca',
  'sellercentral.amazon.com.mx',
  'sellercentral.amazon.com.br',
  'sellercentral.amazon.co.uk',
  'sellercentral.amazon.de',
  'sellercentral.amazon.fr',
  'sellercentral.amazon.it',
  'sellercentral.amazon.es',
  'sellercentral.amazon.nl',
  'sellercentral.amazon.se',
  'sellercentral.amazon.pl',
  'sellercentral.amazon.com.be',
  'sellercentral.amazon.com.tr',
  'sellercentral.amazon.ae',
  'sellercentral.amazon.sa',
  'sellercentral.amazon.eg',
  'sellercentral.amazon.in',
  'sellercentral.amazon.co.jp',
  'sellercentral.amazon.com.au',
  'sellercentral.amazon.sg',
] as const;

/** Marketplaces by sales channel ("Amazon.com", as orders name them) and their currencies. */
export const CURRENCY_BY_CHANNEL: Readonly<Record<string, string>> = {
  'amazon.com': 'USD', 'amazon.ca': 'CAD', 'amazon.com.mx': 'MXN', 'amazon.com.br': 'BRL',
  'amazon.co.uk': 'GBP', 'amazon.de': 'EUR', 'amazon.fr': 'EUR', 'amazon.it': 'EUR', 'amazon.es': 'EUR',
  'amazon.nl': 'EUR', 'amazon.com.be': 'EUR', 'amazon.ie': 'EUR', 'amazon.se': 'SEK', 'amazon.pl': 'PLN',
  'amazon.com.tr': 'TRY', 'amazon.ae': 'AED', 'amazon.sa': 'SAR', 'amazon.eg': 'EGP', 'amazon.in': 'INR',
  'amazon.co.jp': 'JPY', 'amazon.com.au': 'AUD', 'amazon.sg': 'SGD',
};

/** The language buyers of each Amazon marketplace are written to in. */
const LANGUAGE_BY_CHANNEL: Readonly<Record<string, string>> = {
  'amazon.com': 'en', 'amazon.ca': 'en', 'amazon.co.uk': 'en', 'amazon.com.au': 'en', 'amazon.sg': 'en', 'amazon.in': 'en', 'amazon.ae': 'en',
  'amazon.com.mx': 'es-MX', 'amazon.es': 'es-ES', 'amazon.com.br': 'pt-BR', 'amazon.de': 'de', 'amazon.fr': 'fr', 'amazon.it': 'it', 'amazon.nl': 'nl',
  'amazon.se': 'sv', 'amazon.pl': 'pl', 'amazon.com.tr': 'tr', 'amazon.sa': 'ar', 'amazon.co.jp': 'ja',
};

/**
 * The marketplaces each Seller Central console sells in: one account of a region sells in all of
 * its marketplaces from any of the region's hosts (unified North America and Europe accounts).
 */
const REGIONS: readonly (readonly string[])[] = [
  ['amazon.com', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br'],
  ['amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.nl', 'amazon.se', 'amazon.pl', 'amazon.com.be', 'amazon.ie', 'amazon.com.tr'],
  ['amazon.ae', 'amazon.sa', 'amazon.eg'],
  ['amazon.co.jp'],
  ['amazon.com.au'],
  ['amazon.sg'],
  ['amazon.in'],
];

/**
 * The marketplace a host sells in when a page does not name it: each regional host but the unified
 * NA and EU ones sells in one. Unified EU has none: its orders need their sales channel.
 */
export function hostChannel(host: string): string | undefined {
  if (host === 'sellercentral-japan.amazon.com') return 'amazon.co.jp';
  return /^sellercentral\.(amazon\.[a-z.]+)$/.exec(host)?.[1];
}

function channelsOfHost(host: string): readonly string[] {
  if (host === 'sellercentral-europe.amazon.com') return REGIONS[1]!;
  const own = hostChannel(host);
  return (own !== undefined ? REGIONS.find((region) => region.includes(own)) : undefined) ?? [];
}

/** A console page writes the shops of its region's marketplaces only. */
function shopsOfPage(url: URL): (shopKey: string) => boolean {
  const shops = new Set(channelsOfHost(url.hostname).map((channel) => shopKeyFor('amazon', channel)));
  return (shopKey) => shops.has(shopKey);
}

export const amazonCatalog: AdapterCatalogEntry = {
  id: 'amazon',
  names: { en: 'Amazon', 'zh-CN': '亚马逊' },
  consoleNames: { en: 'Amazon Seller Central', 'zh-CN': '亚马逊卖家平台' },
  matches: HOSTS.map((host) => `https://${host}/*`),
  currencies: [...new Set(Object.values(CURRENCY_BY_CHANNEL))],
  // A shop is a marketplace, keyed by its sales channel (`amazon:amazon.de`).
  replyLanguage: (shopKey) => LANGUAGE_BY_CHANNEL[partsOfShopKey(shopKey).shop],
  // Amazon's Communication Guidelines: no links (other than ones needed for the order), no e-mail
  // addresses or phone numbers, no asking for positive reviews, and write in the buyer's language.
  replyRules: [noLinks, noEmail, noPhone, noReviewIncentive, buyersLanguage],
  shopsOfPage,
};
