import type { PageKind } from '../../schema/common';
import { shopKeyFor } from '../../schema/keys';
import { HOSTS } from './catalog';

/** XHR endpoints of Manage Orders and order detail. */
export const api = [/^\/orders-api\/search(?:\?|$)/, /^\/orders-api\/order\/\d{3}-\d{7}-\d{7}(?:\?|$)/];

const ORDER_ID = /\d{3}-\d{7}-\d{7}/;
const ORDER_DETAIL = /^\/orders-v3\/order\/(\d{3}-\d{7}-\d{7})\/?$/;
const ORDER_LIST = /^\/orders-v3\/?$/;

export function detect(url: URL): PageKind | undefined {
  if (!(HOSTS as readonly string[]).includes(url.hostname)) return undefined;
  if (ORDER_DETAIL.test(url.pathname)) return 'order-detail';
  if (ORDER_LIST.test(url.pathname)) return 'order-list';
  if (/^\/messaging\/contact\/?$/.test(url.pathname)) return 'chat';
  return undefined;
}

export function orderIdFromUrl(url: URL): string | undefined {
  return ORDER_DETAIL.exec(url.pathname)?.[1];
}

export function orderIdIn(text: string | undefined): string | undefined {
  return text ? ORDER_ID.exec(text)?.[0] : undefined;
}

/** Real URLs the detector must accept (EVIDENCE.md, Amazon Seller Central). */
export const exampleUrls: readonly { url: string; kind: PageKind | undefined }[] = [
  { url: 'https://sellercentral.amazon.com/orders-v3?page=1&date-range=last-7', kind: 'order-list' },
  { url: 'https://sellercentral.amazon.com/orders-v3/', kind: 'order-list' },
  { url: 'https://sellercentral.amazon.co.jp/orders-v3?page=2', kind: 'order-list' },
  { url: 'https://sellercentral.amazon.com/orders-v3/order/114-7941379-5480234', kind: 'order-detail' },
  { url: 'https://sellercentral.amazon.com/messaging/contact?orderID=114-7941379-5480234&marketplaceID=ATVPDKIKX0DER', kind: 'chat' },
  { url: 'https://sellercentral-europe.amazon.com/orders-v3/order/302-1234567-7654321', kind: 'order-detail' },
  { url: 'https://sellercentral.amazon.in/orders-v3/order/403-1234567-1234567', kind: 'order-detail' },
  { url: 'https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded', kind: undefined },
  { url: 'https://sellercentral.amazon.com/home', kind: undefined },
];

/**
 * The shop is the marketplace the order was sold in: one Seller Central account sells in several
 * (Amazon.com, Amazon.ca, …) and each has its own currency, so RFM never mixes them.
 */
export function shopKeyOf(salesChannel: string): string | undefined {
  const channel = salesChannel.trim().toLowerCase();
  return /^amazon\.[a-z.]+$/.test(channel) ? shopKeyFor('amazon', channel) : undefined;
}

export function consoleOrderUrl(pageUrl: URL, orderId: string): string {
  return new URL(`/orders-v3/order/${orderId}`, pageUrl.origin).toString();
}
