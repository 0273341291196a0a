import type { CapturedShop } from '../../schema/capture';
import type { PageKind } from '../../schema/common';
import { CURRENCY_BY_REGION, GLOBAL_API_ORIGIN, GLOBAL_HOST, REGION_BY_HOST, shopKeyOf } from './catalog';

/**
 * The JSON the console loads (EVIDENCE.md, "TikTok Shop"): the order list and order detail
 * (`/api/fulfillment/order/list|get`; the US console under `/na/`), and the chat's sidebar of the
 * buyer's orders (`/api/v1/shop_im/shop/workbench/data/list`, its request naming the buyer).
 */
export const ORDER_API = /^\/api\/fulfillment\/(?:na\/)?order\/(?:na\/)?(list|get)(?:\?|$)/;
export const WORKBENCH_API = /^\/api\/v1\/shop_im\/shop\/workbench\/data\/list(?:\?|$)/;
export const api = [ORDER_API, WORKBENCH_API];

const ORDER_LIST = /^\/order\/?$/;
const ORDER_DETAIL = /^\/order\/detail\/?$/;
const CHAT = /^\/chat(?:\/|$)/;

export function isTiktokHost(host: string): boolean {
  return host in REGION_BY_HOST || host === GLOBAL_HOST;
}

export function detect(url: URL): PageKind | undefined {
  if (!isTiktokHost(url.hostname)) return undefined;
  if (ORDER_DETAIL.test(url.pathname)) return url.searchParams.get('order_no') ? 'order-detail' : undefined;
  if (ORDER_LIST.test(url.pathname)) return 'order-list';
  if (CHAT.test(url.pathname)) return 'chat';
  return undefined;
}

/** The main order id an order detail page is about. */
export function orderIdFromUrl(url: URL): string | undefined {
  const id = ORDER_DETAIL.test(url.pathname) ? url.searchParams.get('order_no') : null;
  return id && /^\d{1,30}$/.test(id) ? id : undefined;
}

/** The global-selling console's API host; local consoles call their own origin. */
export function apiOrigins(pageUrl: URL): readonly string[] {
  return pageUrl.hostname === GLOBAL_HOST ? [GLOBAL_API_ORIGIN] : [];
}

/** Real URLs the detector must accept, as sellers open them (EVIDENCE.md, TikTok Shop). */
export const exampleUrls: readonly { url: string; kind: PageKind | undefined }[] = [
  { url: 'https://seller-br.tiktok.com/order?selected_sort=6&tab=all', kind: 'order-list' },
  { url: 'https://seller-us.tiktok.com/order?selected_sort=6&tab=to_ship', kind: 'order-list' },
  { url: 'https://seller-br.tiktok.com/order/detail?order_no=578123456789012345&shop_region=BR', kind: 'order-detail' },
  { url: 'https://seller.tiktokshopglobalselling.com/order/detail?order_no=578123456789012345&shop_region=VN', kind: 'order-detail' },
  { url: 'https://seller-vn.tiktok.com/chat?shop_region=VN', kind: 'chat' },
  { url: 'https://seller-id.tokopedia.com/order?tab=all', kind: 'order-list' },
  { url: 'https://seller-br.tiktok.com/product/manage', kind: undefined },
  { url: 'https://seller-br.tiktok.com/order/detail', kind: undefined },
];

export interface TiktokShop {
  shopKey: string;
  region: string;
  currency?: string;
}

/**
 * The shop a page (and so a response read on it) belongs to: a local console's market, or on the
 * global-selling console the market in the page's `shop_region` (else the order's `sale_region`).
 */
export function shopOf(url: URL, saleRegion?: string): TiktokShop | undefined {
  const global = url.hostname === GLOBAL_HOST;
  const region = (global ? (url.searchParams.get('shop_region') ?? saleRegion) : REGION_BY_HOST[url.hostname])?.toUpperCase();
  if (!region || !(region in CURRENCY_BY_REGION)) return undefined;
  return { shopKey: shopKeyOf(region, global), region, currency: CURRENCY_BY_REGION[region] };
}

/** Where the seller opens an order in the console. */
export function consoleOrderUrl(pageUrl: URL, shop: TiktokShop, orderId: string): string {
  const query = new URLSearchParams({ order_no: orderId, shop_region: shop.region });
  return `${pageUrl.origin}/order/detail?${query.toString()}`;
}

/** The shop as a capture names it. */
export function shopRecord(shop: TiktokShop): CapturedShop {
  return { shopKey: shop.shopKey, adapterId: 'tiktok', region: shop.region, ...(shop.currency ? { currency: shop.currency } : {}) };
}
