import type { PageKind } from '../../schema/common';
import { shopKeyFor } from '../../schema/keys';
import { CNSC_HOST, CURRENCY_BY_REGION, REGION_BY_HOST } from './catalog';

/** Web chat API: the conversation list and a conversation's messages (chat.ts reads them). */
export const chatApi = [/^\/webchat\/api\/v1\.2\/conversations(?:\?|$)/, /^\/webchat\/api\/v1\.2\/(?:mini\/)?conversations\/\d+\/messages(?:\?|$)/];

/** XHR endpoints (v3 order APIs, called with ?SPC_CDS=…&SPC_CDS_VER=2), and the web chat's. */
export const api = [
  ...chatApi,
  /^\/api\/v3\/order\/search_order_list_index(?:\?|$)/,
  /^\/api\/v3\/order\/get_order_list_card_list(?:\?|$)/,
  /^\/api\/v3\/order\/get_one_order(?:\?|$)/,
];

const ORDER_DETAIL = /^\/portal\/sale\/order\/(\d+)\/?$/;
const ORDER_LIST = /^\/portal\/sale\/order\/?$/;
const CHAT = /^\/webchat\/conversations(?:\/|$)/;

export function isShopeeHost(host: string): boolean {
  return host in REGION_BY_HOST || host === CNSC_HOST;
}

export function detect(url: URL): PageKind | undefined {
  if (!isShopeeHost(url.hostname)) return undefined;
  if (ORDER_DETAIL.test(url.pathname)) return 'order-detail';
  if (ORDER_LIST.test(url.pathname)) return 'order-list';
  if (CHAT.test(url.pathname)) return 'chat';
  return undefined;
}

export function orderIdFromUrl(url: URL): string | undefined {
  return ORDER_DETAIL.exec(url.pathname)?.[1];
}

/** Real URLs the detector must accept, as sellers open them (EVIDENCE.md, Shopee). */
export const exampleUrls: readonly { url: string; kind: PageKind | undefined }[] = [
  { url: 'https://seller.shopee.com.br/portal/sale/order?type=toship', kind: 'order-list' },
  { url: 'https://seller.shopee.com.br/portal/sale/order', kind: 'order-list' },
  { url: 'https://seller.shopee.co.id/portal/sale/order?type=completed', kind: 'order-list' },
  { url: 'https://banhang.shopee.vn/portal/sale/order?type=unpaid', kind: 'order-list' },
  { url: 'https://seller.shopee.cn/portal/sale/order?cnsc_shop_id=1234567', kind: 'order-list' },
  { url: 'https://seller.shopee.com.br/portal/sale/order/172202594288609', kind: 'order-detail' },
  { url: 'https://seller.shopee.cn/portal/sale/order/172202594288609?cnsc_shop_id=1234567', kind: 'order-detail' },
  { url: 'https://seller.shopee.com.br/webchat/conversations', kind: 'chat' },
  { url: 'https://seller.shopee.co.id/webchat/conversations/1234567890', kind: 'chat' },
  { url: 'https://seller.shopee.com.br/portal/product/list/all', kind: undefined },
];

/**
 * The shop a console page belongs to. Local consoles: the region (one account is one shop, and the
 * DOM never shows a shop id, so keying by region keeps network and DOM captures of one order
 * together). CNSC: the `cnsc_shop_id` every page URL carries, with the region from
 * `cbsc_shop_region` where the URL gives it.
 */
export interface ShopeeShop {
  shopKey: string;
  region?: string;
  currency?: string;
  platformShopId?: string;
}

export function shopOf(url: URL, regionHint?: string): ShopeeShop | undefined {
  if (url.hostname === CNSC_HOST) {
    const shopId = url.searchParams.get('cnsc_shop_id');
    if (!shopId || !/^\d+$/.test(shopId)) return undefined;
    const region = (url.searchParams.get('cbsc_shop_region') ?? regionHint)?.toUpperCase();
    const currency = region ? CURRENCY_BY_REGION[region] : undefined;
    return {
      shopKey: shopKeyFor('shopee', `cnsc-${shopId}`),
      platformShopId: shopId,
      ...(region && currency ? { region, currency } : {}),
    };
  }
  const region = REGION_BY_HOST[url.hostname];
  if (!region) return undefined;
  return { shopKey: shopKeyFor('shopee', region.toLowerCase()), region, currency: CURRENCY_BY_REGION[region] };
}

/**
 * The console's order pages of a page's shop: orderId → URL. Order ids are digits (ORDER_DETAIL, the
 * card links, the JSON's ids), so each URL is put together as text, from parts read once per page:
 * a `new URL` per order was one of the larger costs of reading a 500-row list.
 */
export function consoleOrderUrls(pageUrl: URL): (orderId: string) => string {
  const shopId = pageUrl.searchParams.get('cnsc_shop_id');
  const base = `${pageUrl.origin}/portal/sale/order/`;
  const query = shopId ? `?${new URLSearchParams({ cnsc_shop_id: shopId }).toString()}` : '';
  return (orderId) => `${base}${orderId}${query}`;
}
