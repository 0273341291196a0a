import { partsOfShopKey } from '../../schema/keys';
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
  'amazon.com.mx': 'es', 'amazon.es': 'es', 'amazon.com.br': 'pt', 'amazon.de': 'de', 'amazon.fr': 'fr', 'amazon.it': 'it', 'amazon.nl': 'nl',
  'amazon.se': 'sv', 'amazon.pl': 'pl', 'amazon.com.tr': 'tr', 'amazon.sa': 'ar', 'amazon.co.jp': 'ja',
};

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
};
