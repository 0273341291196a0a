import type { CapturedBuyer, CapturedOrder, Extraction, OrderItem } from '../../schema/capture';
import { buyerKeyFor, orderKeyFor } from '../../schema/keys';
import { unmasked, unmaskedName } from '../../schema/masked';
import type { Sliced } from '../slices';
import { emptyExtraction, type TappedResponse } from '../types';
import { statusOf, statusOfItems } from './statuses';
import {
  apiOrigins,
  consoleOrderUrls,
  detect,
  IM_ORDER_CARDS_API,
  LEGACY_ORDER_DETAIL_API,
  ORDER_DETAIL_API,
  ORDER_LIST_API,
  shopOf,
  shopRecord,
  tradeOrderIdOf,
  type LazadaShop,
} from './urls';
import { amountOf, countOf, epochMsToIso, idOf, isRecord, localDateToIso, recordsOf, shown, textOf, type Bad, type Json } from './values';

/*
 * The mtop JSON of Seller Center, field by field after the real samples in ../shared/reference/samples/
 * lazada: every answer is the gateway's envelope `{api, data, ret: ["SUCCESS::…"], v}`;
 *
 * - order.query.list: `data.data.dataSource[]`, one row per order (Laqoli's types of a real TH answer,
 *   2022; the same fields in the PH field table of 2026): `orderNumber`, `buyerId` (a long),
 *   `buyerName`, `creationTime` (epoch ms; `createDate` "02 Apr 2026" + `createTime` in the console's
 *   time), `totalRetailPrice`, `shippingFee` (decimal strings), `tabStatus`, `skus[]`;
 * - order.main.detail (2026) and the legacy order.query.detail (TH 2021–22): `data.data[]`, named
 *   modules: orderInfo {orderNumber, orderDate}, basicInfo {customerId, customName},
 *   buyerPaymentInformation {dataSource[] {key, name, total}}, itemTable {dataSource[]};
 * - IM card.order.list.get: `data.result[]`, the buyer's orders beside the chat (PH 2026).
 *
 * A field that does not fit costs that field (values.ts), a row without its order number that row,
 * an answer that is not one of these a problem; nothing throws.
 */

/** `data` of an mtop answer, or why there is none (`ret` other than SUCCESS: session expired, throttled …). */
function payloadOf(response: TappedResponse): { data?: Json; problem?: string } {
  const body = response.body;
  if (!isRecord(body)) return { problem: `not an mtop answer: ${shown(body)}` };
  const ret = Array.isArray(body.ret) ? body.ret.filter((r): r is string => typeof r === 'string') : [];
  if (ret.length > 0 && !ret.some((r) => r.startsWith('SUCCESS'))) return { problem: `mtop answered ${shown(ret.join('; '))}` };
  return isRecord(body.data) ? { data: body.data } : { problem: 'mtop answer without data' };
}

/** The page's shop, where the answer came from the page's own country (the gateway of its TLD). */
function shopFor(response: TappedResponse, pageUrl: URL): { shop?: LazadaShop; problem?: string } {
  const shop = shopOf(pageUrl);
  if (!shop) return { problem: `no Lazada shop for a page on ${pageUrl.hostname}` };
  const origin = response.url.origin;
  if (origin !== pageUrl.origin && !apiOrigins(pageUrl).includes(origin)) return { problem: `answered by ${origin}, not by this country's gateway` };
  return { shop };
}

/** Collects what a response holds: one shop record, each buyer once (with the name where one reading has it). */
class Reading {
  readonly out = emptyExtraction();
  private readonly buyers = new Map<string, CapturedBuyer>();

  constructor(readonly shop: LazadaShop) {}

  problem(where: string, reason: string): void {
    this.out.problems.push({ where, reason });
  }

  buyer(platformBuyerId: string, name: string | undefined): CapturedBuyer {
    const buyerKey = buyerKeyFor(this.shop.shopKey, platformBuyerId);
    const displayName = unmaskedName(name) ?? this.buyers.get(buyerKey)?.displayName;
    const buyer = { buyerKey, shopKey: this.shop.shopKey, platformBuyerId, ...(displayName ? { displayName } : {}) };
    this.buyers.set(buyerKey, buyer);
    return buyer;
  }

  order(order: CapturedOrder): void {
    this.out.orders.push(order);
  }

  done(): Extraction {
    this.out.buyers.push(...this.buyers.values());
    if (this.out.orders.length > 0) this.out.shops.push(shopRecord(this.shop));
    return this.out;
  }
}

/** The fields every reading of an order has: its keys, its buyer, its console page. */
function orderBase(reading: Reading, orderId: string, consoleUrl: string, buyerId: string | undefined, buyerName: string | undefined): CapturedOrder {
  const name = unmaskedName(buyerName);
  const buyerKey = buyerId ? reading.buyer(buyerId, name).buyerKey : undefined;
  return {
    orderKey: orderKeyFor(reading.shop.shopKey, orderId),
    orderId,
    shopKey: reading.shop.shopKey,
    ...(buyerKey ? { buyerKey } : {}),
    ...(name ? { buyerName: name } : {}),
    consoleUrl,
  };
}

interface ItemFields {
  title: unknown;
  variant: unknown;
  sku: unknown;
  quantity: unknown;
  /** Price of one unit, or (with `lineTotal`) of the whole line. */
  price: unknown;
  lineTotal?: boolean;
}

/** One item of an order; undefined without a title. A bad quantity reads as 1, a bad price as none. */
function itemOf(fields: ItemFields, currency: string, bad: Bad): OrderItem | undefined {
  const title = textOf(fields.title);
  if (!title) {
    bad(`an item without its name: ${shown(fields.title)}`);
    return undefined;
  }
  const variant = unmasked(textOf(fields.variant));
  const sku = unmasked(textOf(fields.sku));
  const quantity = countOf(fields.quantity, bad) ?? 1;
  const price = amountOf(fields.price, currency, bad);
  const unit = price === undefined || !fields.lineTotal ? price : price % quantity === 0 ? price / quantity : undefined;
  return { title, quantity, ...(variant ? { variant } : {}), ...(sku ? { sku } : {}), ...(unit !== undefined ? { unitPriceMinor: unit } : {}) };
}

/** Items alike (same name, variant, SKU and price) as one line: the order page lists each unit of an item as its own line. */
function joinedItems(items: readonly OrderItem[]): OrderItem[] {
  const byKey = new Map<string, OrderItem>();
  for (const item of items) {
    const key = JSON.stringify([item.title, item.variant, item.sku, item.unitPriceMinor]);
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, quantity: seen.quantity + item.quantity } : item);
  }
  return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------
// order.query.list

/**
 * The order's total from a list row: `totalRetailPrice` plus `shippingFee`. The row has no grand total
 * (Laqoli's types of a real answer), and its SKUs carry the same `totalRetailPrice` and `retailPrice`,
 * so the row's is read as the items at the price sold, with the shipping the buyer pays on top; the
 * PH field table of 2026 calls it the order total without saying whether shipping is in it, and no
 * public row shows values. Vouchers are not in the row: the order page's Grand Total
 * (order.main.detail) is exact, and wins in the store when the seller opens the order.
 */
function listTotal(row: Json, currency: string, bad: (field: string) => Bad): number | undefined {
  const items = amountOf(row.totalRetailPrice, currency, bad('totalRetailPrice'));
  if (items === undefined) return undefined;
  if (row.shippingFee === undefined || row.shippingFee === null || row.shippingFee === '') return items;
  const shipping = amountOf(row.shippingFee, currency, bad('shippingFee'));
  return shipping === undefined ? undefined : items + shipping;
}

function orderOfRow(reading: Reading, row: Json, where: string, consoleUrl: (orderId: string) => string): void {
  const orderId = idOf(row.orderNumber);
  if (!orderId) {
    reading.problem(where, `a row without its order number: ${shown(row.orderNumber)}`);
    return;
  }
  const { currency, utcOffsetMinutes } = reading.shop;
  const bad = (field: string): Bad => (reason) => reading.problem(`${where}.${field}`, `order ${orderId}: ${reason}`);
  const skus = recordsOf(row.skus);
  const items = skus.flatMap((sku, i) => {
    // retailPrice: the unit's part of totalRetailPrice (listTotal); unitPrice where a row lacks it.
    const fields = { title: textOf(sku.productName) ?? sku.productTitle, variant: sku.skuInfo, sku: sku.sellerSku, quantity: sku.quantity, price: sku.retailPrice ?? sku.unitPrice };
    return itemOf(fields, currency, bad(`skus[${i}]`)) ?? [];
  });
  const buyerId = idOf(row.buyerId);
  if (!buyerId) bad('buyerId')(`no buyer id: ${shown(row.buyerId)}`);
  const tabStatus = textOf(row.tabStatus);
  const { status, text: statusText } = tabStatus ? { status: statusOf(tabStatus), text: tabStatus } : statusOfItems(skus.map((s) => textOf(s.itemStatus) ?? ''));
  const exact = epochMsToIso(row.creationTime, bad('creationTime'));
  const placed = exact ? { placedAt: exact } : localDateToIso(textOf(row.createDate), textOf(row.createTime), utcOffsetMinutes);
  if (!placed && textOf(row.createDate)) bad('createDate')(`unreadable date ${shown(`${textOf(row.createDate)} ${textOf(row.createTime) ?? ''}`)}`);
  const total = listTotal(row, currency, bad);
  reading.order({
    ...orderBase(reading, orderId, consoleUrl(orderId), buyerId, textOf(row.buyerName)),
    status,
    ...(statusText ? { statusText } : {}),
    ...(placed ?? {}),
    ...(total !== undefined ? { totalMinor: total, currency } : {}),
    items,
  });
}

/** One order per row, a row per slice step. */
function* fromOrderList(response: TappedResponse, reading: Reading, pageUrl: URL, data: Json): Sliced<Extraction> {
  const page = isRecord(data.data) ? data.data : undefined;
  if (!page || !Array.isArray(page.dataSource)) {
    reading.problem(response.url.pathname, `unexpected order list: no data.data.dataSource in ${shown(data)}`);
    return reading.done();
  }
  const consoleUrl = consoleOrderUrls(pageUrl);
  for (const [index, row] of page.dataSource.entries()) {
    yield;
    const where = `dataSource[${index}]`;
    if (isRecord(row)) orderOfRow(reading, row, where, consoleUrl);
    else reading.problem(where, `not an order row: ${shown(row)}`);
  }
  return reading.done();
}

// ---------------------------------------------------------------------------------------------
// order.main.detail and order.query.detail

/** A module by its name, else (legacy answers, whose names are not known) the first with the field that tells it. */
function moduleOf(modules: readonly Json[], name: string, tell: (module: Json) => boolean): Json | undefined {
  return modules.find((m) => m.name === name) ?? modules.find(tell);
}

const hasLines = (module: Json) => recordsOf(module.dataSource).some((line) => 'orderLineId' in line);

/**
 * The Grand Total: the `grand_total` line of buyerPaymentInformation (2026), else the grandTotalInBPI
 * module ({name, total}: named in the 2026 module list; the legacy answer's modules carry `total`), else
 * a line named "Grand Total" (legacy lines have no `key`; the name is in the console's language).
 */
function grandTotalLine(modules: readonly Json[]): Json | undefined {
  const isGrand = (line: Json) =>
    line.key === 'grand_total' || line.name === 'grandTotalInBPI' || (line.key === undefined && /^grand\s*total\b/i.test(textOf(line.name) ?? ''));
  const payment = modules.find((m) => m.name === 'buyerPaymentInformation');
  return [...recordsOf(payment?.dataSource), ...modules, ...modules.flatMap((m) => recordsOf(m.dataSource))].find(isGrand);
}

/** The order the answer is about: its orderInfo, else the request's `tradeOrderId` (mtop GET sends it in `data`), else the page's. */
function detailOrderId(response: TappedResponse, pageUrl: URL, orderInfo: Json | undefined): string | undefined {
  const own = idOf(orderInfo?.orderNumber);
  if (own) return own;
  let request: unknown = response.requestBody;
  try {
    request ??= JSON.parse(response.url.searchParams.get('data') ?? 'null');
  } catch {
    request = undefined;
  }
  const asked = isRecord(request) ? idOf(request.tradeOrderId) : undefined;
  if (asked) return asked;
  return detect(pageUrl) === 'order-detail' ? tradeOrderIdOf(pageUrl) : undefined;
}

function fromOrderDetail(response: TappedResponse, reading: Reading, pageUrl: URL, data: Json): Extraction {
  const modules = recordsOf(data.data);
  const orderInfo = moduleOf(modules, 'orderInfo', (m) => 'orderNumber' in m);
  const orderId = detailOrderId(response, pageUrl, orderInfo);
  if (!orderId) {
    reading.problem(response.url.pathname, `unexpected order detail: no orderInfo.orderNumber in ${modules.length} module(s)`);
    return reading.done();
  }
  const { currency, utcOffsetMinutes } = reading.shop;
  const bad = (field: string): Bad => (reason) => reading.problem(field, `order ${orderId}: ${reason}`);
  const basicInfo = moduleOf(modules, 'basicInfo', (m) => 'customerId' in m);
  const buyerId = idOf(basicInfo?.customerId);
  if (!buyerId) bad('basicInfo.customerId')(`no buyer id: ${shown(basicInfo?.customerId)}`);
  const lines = recordsOf(moduleOf(modules, 'itemTable', hasLines)?.dataSource);
  const items = lines.flatMap((line, i) => {
    const fields = { title: line.itemName, variant: line.skuInfo, sku: line.sellerSku, quantity: line.quantity, price: line.totalAmount, lineTotal: true };
    return itemOf(fields, currency, bad(`itemTable.dataSource[${i}]`)) ?? [];
  });
  const { status, text: statusText } = statusOfItems(lines.map((line) => textOf(line.status) ?? ''));
  const orderDate = textOf(orderInfo?.orderDate);
  const placed = localDateToIso(orderDate, undefined, utcOffsetMinutes);
  if (orderDate && !placed) bad('orderInfo.orderDate')(`unreadable date ${shown(orderDate)}`);
  const grand = grandTotalLine(modules);
  const total = grand ? amountOf(grand.total, currency, bad('buyerPaymentInformation.grand_total')) : undefined;
  reading.order({
    ...orderBase(reading, orderId, consoleOrderUrls(pageUrl)(orderId), buyerId, textOf(basicInfo?.customName)),
    status,
    ...(statusText ? { statusText } : {}),
    ...(placed ?? {}),
    ...(total !== undefined ? { totalMinor: total, currency } : {}),
    items: joinedItems(items),
  });
  return reading.done();
}

// ---------------------------------------------------------------------------------------------
// IM card.order.list.get

/**
 * One of the buyer's orders beside the chat. The chat serves every country the seller sells in (a
 * public reply bot checks the chat's country tab against the page's), so a card priced in another
 * country's currency is not this page's shop and is left out.
 */
function orderOfCard(reading: Reading, card: Json, where: string, consoleUrl: (orderId: string) => string): void {
  const orderId = idOf(card.id);
  if (!orderId) {
    reading.problem(where, `a card without its order id: ${shown(card.id)}`);
    return;
  }
  const { currency } = reading.shop;
  const amount = isRecord(card.orderAmount) ? card.orderAmount : {};
  const cardCurrency = textOf(amount.currencyCode);
  if (cardCurrency && cardCurrency !== currency) {
    reading.problem(where, `order ${orderId} is in ${cardCurrency}, not this shop's ${currency}: another country's order`);
    return;
  }
  const bad = (field: string): Bad => (reason) => reading.problem(`${where}.${field}`, `order ${orderId}: ${reason}`);
  const buyerId = idOf(card.buyerId);
  if (!buyerId) bad('buyerId')(`no buyer id: ${shown(card.buyerId)}`);
  // productPrice is what the line cost the buyer with shipping and vouchers (1457.40 for a 1199.00 item in the PH sample): not a unit price.
  const items = recordsOf(card.orderItemList).flatMap((line, i) => {
    const fields = { title: line.productName, variant: line.skuInfo, sku: line.sellerSKU, quantity: line.productCount, price: undefined };
    return itemOf(fields, currency, bad(`orderItemList[${i}]`)) ?? [];
  });
  const statusText = textOf(card.status);
  const placedAt = epochMsToIso(card.gmtCreatedTime, bad('gmtCreatedTime'));
  const total = amountOf(amount.amount, currency, bad('orderAmount.amount'));
  reading.order({
    ...orderBase(reading, orderId, consoleUrl(orderId), buyerId, textOf(card.buyerName)),
    status: statusOf(statusText),
    ...(statusText ? { statusText } : {}),
    ...(placedAt ? { placedAt } : {}),
    ...(total !== undefined ? { totalMinor: total, currency } : {}),
    items,
  });
}

function* fromOrderCards(response: TappedResponse, reading: Reading, pageUrl: URL, data: Json): Sliced<Extraction> {
  if (!Array.isArray(data.result)) {
    reading.problem(response.url.pathname, `unexpected order cards: no data.result in ${shown(data)}`);
    return reading.done();
  }
  const consoleUrl = consoleOrderUrls(pageUrl);
  for (const [index, card] of data.result.entries()) {
    yield;
    if (isRecord(card)) orderOfCard(reading, card, `result[${index}]`, consoleUrl);
    else reading.problem(`result[${index}]`, `not an order card: ${shown(card)}`);
  }
  return reading.done();
}

type Reader = (response: TappedResponse, reading: Reading, pageUrl: URL, data: Json) => Sliced<Extraction>;

/** An order page's answer is one order: a step of its own. */
function* fromOrderPage(response: TappedResponse, reading: Reading, pageUrl: URL, data: Json): Sliced<Extraction> {
  yield;
  return fromOrderDetail(response, reading, pageUrl, data);
}

const READERS: readonly (readonly [RegExp, Reader])[] = [
  [ORDER_LIST_API, fromOrderList],
  [ORDER_DETAIL_API, fromOrderPage],
  [LEGACY_ORDER_DETAIL_API, fromOrderPage],
  [IM_ORDER_CARDS_API, fromOrderCards],
];

/** What a tapped mtop answer holds, a row at a time (the content script runs this in slices). */
export function* fromResponse(response: TappedResponse, pageUrl: URL): Sliced<Extraction> {
  const where = response.url.pathname;
  const read = READERS.find(([pattern]) => pattern.test(response.url.pathname + response.url.search))?.[1];
  if (!read) return { ...emptyExtraction(), problems: [{ where, reason: 'no reader for this endpoint' }] };
  const { shop, problem: noShop } = shopFor(response, pageUrl);
  if (!shop) return { ...emptyExtraction(), problems: [{ where, reason: noShop ?? 'no shop' }] };
  const { data, problem } = payloadOf(response);
  if (!data) return { ...emptyExtraction(), problems: [{ where, reason: problem ?? 'no data' }] };
  return yield* read(response, new Reading(shop), pageUrl, data);
}
