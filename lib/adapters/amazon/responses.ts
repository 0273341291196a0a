import { z } from 'zod';
import { describeIssues } from '../../schema/issues';
import type { CapturedOrder, Extraction, OrderItem } from '../../schema/capture';
import type { OrderStatus } from '../../schema/common';
import { epochSecondsToIso } from '../dates';
import { amountToMinor } from '../../money';
import type { Sliced } from '../slices';
import { emptyExtraction, type TappedResponse } from '../types';
import { CURRENCY_BY_CHANNEL } from './catalog';
import { consoleOrderUrl, shopKeyOf } from './urls';
import { buyerKeyFor, orderKeyFor } from '../../schema/keys';

/*
 * Shapes after a real `GET /orders-api/order/{id}` body (2021, ../shared/reference/samples/
 * amazon_seller_central) and a real `GET /orders-api/search` body of the same order (public script,
 * 2021; the same keys in a 2026 India capture). Amounts are JSON numbers, dates epoch seconds as
 * floats (1.636992286776E9).
 *
 * Buyer identity: the detail carries `buyerProxyEmail` (`<token>@marketplace.amazon.<tld>`), the
 * address Buyer-Seller Messaging uses for this buyer; it is the only stable buyer id Seller Central
 * exposes, and its token is the platform buyer id. Manage Orders rows carry no buyer at all, so a
 * list capture stores the orders and the detail page attaches them to their buyer.
 *
 * Neither body carries the buyer's name: the page gets it from `POST /orders-st/resolve` (keyed by
 * order id with the buyer's name and full address, as public scripts read it; no sales channel, so
 * its orders' shop is not known from it alone, and the address is more than BuyerLens keeps). The
 * order page prints the name ("Contact Buyer: <name>"), so the DOM reading of the same order brings
 * it and the store joins the two readings (lib/db/merge.ts).
 */
const money = z.object({ Amount: z.number(), CurrencyCode: z.string().regex(/^[A-Z]{3}$/) });

const detailItem = z.object({
  Title: z.string(),
  SellerSKU: z.string().nullish(),
  QuantityOrdered: z.number().int().nonnegative(),
  ItemCost: z.object({ UnitPrice: money.nullish() }).nullish(),
});
const detailSchema = z.object({
  order: z.object({
    amazonOrderId: z.string(),
    purchaseDate: z.number().nullish(),
    salesChannel: z.string(),
    buyerProxyEmail: z.string().nullish(),
    orderStatus: z.object({ OrderStatus: z.string(), RefundApplied: z.boolean().nullish() }),
    orderCost: z.object({ GrandTotal: money.nullish() }).nullish(),
    orderItems: z.array(detailItem),
  }),
});

const searchItem = z.object({
  productName: z.string(),
  sellerSku: z.string().nullish(),
  quantityOrdered: z.number().int().nonnegative(),
  unitPrice: money.nullish(),
});
const searchSchema = z.object({ orders: z.array(z.unknown()) });
const searchOrder = z.object({
  amazonOrderId: z.string(),
  orderDate: z.number().nullish(),
  salesChannel: z.string(),
  orderFulfillmentStatus: z.string().nullish(),
  orderItems: z.array(searchItem),
});

const STATUS: Readonly<Record<string, OrderStatus>> = {
  pending: 'unpaid',
  pendingavailability: 'unpaid',
  unshipped: 'paid',
  partiallyshipped: 'processing',
  shipped: 'shipped',
  invoiceunconfirmed: 'shipped',
  delivered: 'delivered',
  canceled: 'cancelled',
  cancelled: 'cancelled',
  unfulfillable: 'cancelled',
};

export function statusOf(text: string | null | undefined, refunded = false): OrderStatus {
  if (refunded) return 'refunded';
  return STATUS[(text ?? '').replace(/[\s_-]/g, '').toLowerCase()] ?? 'unknown';
}

const PROXY_EMAIL = /^([a-z0-9]+)@marketplace\.amazon\.[a-z.]+$/i;

export function buyerIdFromProxyEmail(email: string | null | undefined): string | undefined {
  return email ? PROXY_EMAIL.exec(email.trim())?.[1]?.toLowerCase() : undefined;
}

function item(title: string, quantity: number, sku: string | null | undefined, unit: z.infer<typeof money> | null | undefined): OrderItem {
  return {
    title,
    quantity: Math.max(quantity, 1),
    ...(sku ? { sku } : {}),
    ...(unit ? { unitPriceMinor: amountToMinor(unit.Amount, unit.CurrencyCode) } : {}),
  };
}

function fromDetail(response: TappedResponse, pageUrl: URL): Extraction {
  const out = emptyExtraction();
  const parsed = detailSchema.safeParse(response.body);
  if (!parsed.success) {
    out.problems.push({ where: response.url.pathname, reason: `unexpected order detail: ${describeIssues(parsed.error)}` });
    return out;
  }
  const o = parsed.data.order;
  const shopKey = shopKeyOf(o.salesChannel);
  if (!shopKey) {
    out.problems.push({ where: 'order.salesChannel', reason: `unknown sales channel "${o.salesChannel}"` });
    return out;
  }
  const grand = o.orderCost?.GrandTotal;
  const placedAt = epochSecondsToIso(o.purchaseDate, (reason) => out.problems.push({ where: 'order.purchaseDate', reason: `order ${o.amazonOrderId}: ${reason}` }));
  const order: CapturedOrder = {
    orderKey: orderKeyFor(shopKey, o.amazonOrderId),
    orderId: o.amazonOrderId,
    shopKey,
    status: statusOf(o.orderStatus.OrderStatus, o.orderStatus.RefundApplied === true),
    statusText: o.orderStatus.OrderStatus,
    items: o.orderItems.map((i) => item(i.Title, i.QuantityOrdered, i.SellerSKU, i.ItemCost?.UnitPrice)),
    consoleUrl: consoleOrderUrl(pageUrl, o.amazonOrderId),
    ...(placedAt ? { placedAt } : {}),
    ...(grand ? { totalMinor: amountToMinor(grand.Amount, grand.CurrencyCode), currency: grand.CurrencyCode } : {}),
  };
  const buyerId = buyerIdFromProxyEmail(o.buyerProxyEmail);
  if (buyerId) {
    // The name is not in this body (it comes from POST /orders-st/resolve): the page's reading of
    // the same order brings it ("Contact Buyer: <name>"), and the store joins the two.
    order.buyerKey = buyerKeyFor(shopKey, buyerId);
    out.buyers.push({ buyerKey: order.buyerKey, shopKey, platformBuyerId: buyerId });
  } else {
    out.problems.push({ where: 'order.buyerProxyEmail', reason: `order ${o.amazonOrderId}: no buyer proxy email` });
  }
  const currency = grand?.CurrencyCode ?? CURRENCY_BY_CHANNEL[o.salesChannel.toLowerCase()];
  out.shops.push({ shopKey, adapterId: 'amazon', name: o.salesChannel, ...(currency ? { currency } : {}) });
  out.orders.push(order);
  return out;
}

/** One order per row, a row per slice step. */
function* fromSearch(response: TappedResponse, pageUrl: URL): Sliced<Extraction> {
  const out = emptyExtraction();
  const parsed = searchSchema.safeParse(response.body);
  if (!parsed.success) {
    out.problems.push({ where: response.url.pathname, reason: `unexpected order list: ${describeIssues(parsed.error)}` });
    return out;
  }
  for (const [index, raw] of parsed.data.orders.entries()) {
    yield;
    const where = `orders[${index}]`;
    const row = searchOrder.safeParse(raw);
    if (!row.success) {
      out.problems.push({ where, reason: describeIssues(row.error) });
      continue;
    }
    const o = row.data;
    const shopKey = shopKeyOf(o.salesChannel);
    if (!shopKey) {
      out.problems.push({ where, reason: `unknown sales channel "${o.salesChannel}"` });
      continue;
    }
    const placedAt = epochSecondsToIso(o.orderDate, (reason) => out.problems.push({ where: `${where}.orderDate`, reason }));
    const currency = o.orderItems.find((i) => i.unitPrice)?.unitPrice?.CurrencyCode ?? CURRENCY_BY_CHANNEL[o.salesChannel.toLowerCase()];
    out.orders.push({
      orderKey: orderKeyFor(shopKey, o.amazonOrderId),
      orderId: o.amazonOrderId,
      shopKey,
      status: statusOf(o.orderFulfillmentStatus),
      items: o.orderItems.map((i) => item(i.productName, i.quantityOrdered, i.sellerSku, i.unitPrice)),
      consoleUrl: consoleOrderUrl(pageUrl, o.amazonOrderId),
      ...(o.orderFulfillmentStatus ? { statusText: o.orderFulfillmentStatus } : {}),
      ...(placedAt ? { placedAt } : {}),
      ...(currency ? { currency } : {}),
    });
    if (!out.shops.some((s) => s.shopKey === shopKey)) {
      out.shops.push({ shopKey, adapterId: 'amazon', name: o.salesChannel, ...(currency ? { currency } : {}) });
    }
  }
  return out;
}

/** What a tapped response holds, a Manage Orders row at a time (the content script runs this in slices). */
export function* fromResponse(response: TappedResponse, pageUrl: URL): Sliced<Extraction> {
  const path = response.url.pathname;
  if (path === '/orders-api/search') return yield* fromSearch(response, pageUrl);
  if (path.startsWith('/orders-api/order/')) return fromDetail(response, pageUrl);
  return { ...emptyExtraction(), problems: [{ where: path, reason: 'no reader for this endpoint' }] };
}
