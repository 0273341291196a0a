import type { PageKind } from '../../schema/common';
import { countryOfHost, CURRENCY_BY_COUNTRY, lazadaShopKey, UTC_OFFSET_MINUTES, type LazadaCountry } from './catalog';

/*
 * The console's JSON comes from the mtop gateway of the page's country, `https://acs-m.lazada.<tld>/h5/
 * <api>/1.0/?jsv=…&appKey=4272&…&type=originaljson&…&data=<the request, URL-encoded JSON>` (EVIDENCE.md,
 * Lazada Seller Center; ../shared/reference/samples/lazada). Each pattern matches the path and query.
 */
/** The order list's rows (`data.data.dataSource[]`). */
export const ORDER_LIST_API = /^\/h5\/mtop\.lazada\.seller\.order\.query\.list\/1\.0\/(?:\?|$)/;
/** The order page's modules (2026 console: orderInfo, basicInfo, buyerPaymentInformation, itemTable, …). */
export const ORDER_DETAIL_API = /^\/h5\/mtop\.lazada\.seller\.order\.main\.detail\/1\.0\/(?:\?|$)/;
/** The order page's modules before `order.main.detail` (TH 2021–2022). */
export const LEGACY_ORDER_DETAIL_API = /^\/h5\/mtop\.lazada\.seller\.order\.query\.detail\/1\.0\/(?:\?|$)/;
/** The chat's side panel: the buyer's orders with this shop (IM appKey 24813843). */
export const IM_ORDER_CARDS_API = /^\/h5\/mtop\.global\.im\.web\.card\.order\.list\.get\/1\.0\/(?:\?|$)/;

export const api = [ORDER_LIST_API, ORDER_DETAIL_API, LEGACY_ORDER_DETAIL_API, IM_ORDER_CARDS_API];

/** The mtop gateway of the page's country: its JSON answers from there, not from the page's origin. */
export function apiOrigins(pageUrl: URL): readonly string[] {
  if (!countryOfHost(pageUrl.hostname)) return [];
  return [`https://${pageUrl.hostname.replace(/^sellercenter\./, 'acs-m.')}`];
}

const ORDER_LIST = /^\/apps\/order\/(?:list|index)\/?$/;
const ORDER_DETAIL = /^\/apps\/order\/detail\/?$/;
/*
 * The chat: `/apps/im/…`, not in EVIDENCE.md. A public userscript runs on `sellercenter.lazada.<tld>/apps/im/*`
 * for all six countries (greasyfork 418269, code-search index id 17167218813), and Daraz, the same
 * Seller Center, opens its chat at `/apps/im/chat` (index ids 40106972502, 18109266912).
 */
const CHAT = /^\/apps\/im(?:\/|$)/;
const ORDER_ID = /^\d{6,30}$/;

export function detect(url: URL): PageKind | undefined {
  if (!countryOfHost(url.hostname)) return undefined;
  if (ORDER_DETAIL.test(url.pathname)) return tradeOrderIdOf(url) ? 'order-detail' : undefined;
  if (ORDER_LIST.test(url.pathname)) return 'order-list';
  if (CHAT.test(url.pathname)) return 'chat';
  return undefined;
}

/** The order an order page shows: `/apps/order/detail?tradeOrderId=…`. */
export function tradeOrderIdOf(url: URL): string | undefined {
  const id = url.searchParams.get('tradeOrderId')?.trim();
  return id && ORDER_ID.test(id) ? id : undefined;
}

/** Real URLs the detector must accept, as sellers open them (EVIDENCE.md; Laqoli's manifest, TH 2022). */
export const exampleUrls: readonly { url: string; kind: PageKind | undefined }[] = [
  { url: 'https://sellercenter.lazada.com.ph/apps/order/list', kind: 'order-list' },
  { url: 'https://sellercenter.lazada.co.th/apps/order/list', kind: 'order-list' },
  { url: 'https://sellercenter.lazada.co.th/apps/order/index', kind: 'order-list' },
  { url: 'https://sellercenter.lazada.com.ph/apps/order/detail?tradeOrderId=900548022891005', kind: 'order-detail' },
  { url: 'https://sellercenter.lazada.co.th/apps/order/detail?tradeOrderId=387476782740391', kind: 'order-detail' },
  { url: 'https://sellercenter.lazada.vn/apps/order/detail?tradeOrderId=912345678901234', kind: 'order-detail' },
  { url: 'https://sellercenter.lazada.com.my/apps/im/chat', kind: 'chat' },
  { url: 'https://sellercenter.lazada.co.th/apps/finance/accountStatementNew', kind: undefined },
  { url: 'https://sellercenter.lazada.com.ph/apps/order/detail', kind: undefined },
];

export interface LazadaShop {
  country: LazadaCountry;
  shopKey: string;
  currency: string;
  /** The console's time zone, minutes east of UTC. */
  utcOffsetMinutes: number;
}

/** The shop of a Seller Center page: its country's. */
export function shopOf(url: URL): LazadaShop | undefined {
  const country = countryOfHost(url.hostname);
  if (!country) return undefined;
  return { country, shopKey: lazadaShopKey(country), currency: CURRENCY_BY_COUNTRY[country], utcOffsetMinutes: UTC_OFFSET_MINUTES[country] };
}

export function shopRecord(shop: LazadaShop) {
  return { adapterId: 'lazada', shopKey: shop.shopKey, region: shop.country.toUpperCase(), currency: shop.currency };
}

/**
 * The order's page in the page's Seller Center (the IM order cards link it so:
 * `/apps/order/detail?tradeOrderId=…`). Order ids are digits, so the URL is put together as text.
 */
export function consoleOrderUrls(pageUrl: URL): (orderId: string) => string {
  const base = `https://${pageUrl.hostname}/apps/order/detail?tradeOrderId=`;
  return (orderId) => `${base}${orderId}`;
}
