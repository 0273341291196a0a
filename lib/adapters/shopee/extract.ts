import type { CapturedOrder, Extraction, OrderItem } from '../../schema/capture';
import { unmasked, unmaskedName } from '../../schema/masked';
import { queryAllFirst, queryFirst, queryFirstEach, textAt, textOf, valueAfterLabel } from '../dom';
import { moneyTextToMinor } from '../../money';
import type { Sliced } from '../slices';
import { emptyExtraction, type OnScreen, type PageState } from '../types';
import { placedDayFromOrderSn } from './responses';
import { detailSelectors, listSelectors } from './selectors';
import { statusFromText } from './statuses';
import { consoleOrderUrls, detect, orderIdFromUrl, shopOf } from './urls';
import { orderKeyFor } from '../../schema/keys';

const ORDER_SN = /\b\d{6}[0-9A-Z]{6,10}\b/;

/** "Variação: Rosa", "Variation: Pink", "规格：粉色" → the value. */
function variantOf(text: string | undefined): string | undefined {
  return unmasked(text?.replace(/^[^:：]{1,24}[:：]\s*/, ''));
}

function quantityOf(text: string | undefined): number {
  const n = Number(/(\d+)/.exec(text ?? '')?.[1]);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function listItems(infos: Element | null): OrderItem[] {
  const items: OrderItem[] = [];
  if (!infos) return items;
  for (const nameEl of queryAllFirst(infos, listSelectors.itemName)) {
    const title = textOf(nameEl);
    if (!title) continue;
    // The item's own box: the nearest ancestor that also holds its amount.
    let box: Element = nameEl;
    let amount = queryFirst(box, listSelectors.itemAmount);
    while (!amount && box.parentElement && box !== infos) {
      box = box.parentElement;
      amount = queryFirst(box, listSelectors.itemAmount);
    }
    const variant = variantOf(textAt(box, listSelectors.itemDescription));
    items.push({ title, quantity: quantityOf(textOf(amount)), ...(variant ? { variant } : {}) });
  }
  return items;
}

/** One order per card, a card per slice step. */
function* extractList(document: Document, url: URL): Sliced<Extraction> {
  const out = emptyExtraction();
  const shop = shopOf(url);
  if (!shop) return { ...out, problems: [{ where: url.hostname, reason: 'no shop for this page' }] };
  const cards = queryAllFirst(document, listSelectors.rows);
  // Each field of all the cards in one query over the list (queryFirstEach), not one query per
  // card; a field per step.
  const field = (selectors: readonly string[]) => queryFirstEach(document, cards, selectors);
  yield;
  const orderSns = field(listSelectors.orderSn);
  yield;
  const statuses = field(listSelectors.status);
  yield;
  const totals = field(listSelectors.totalPrice);
  yield;
  const buyerNames = field(listSelectors.buyerUsername);
  yield;
  const carriers = field(listSelectors.fulfilmentChannel);
  // These selectors have no combinator, which Chromium answers as quickly card by card.
  const itemInfos = cards.map((card) => queryFirst(card, listSelectors.itemInfos));
  const consoleUrl = consoleOrderUrls(url);
  for (let index = 0; index < cards.length; index++) {
    yield;
    const card = cards[index]!;
    const href = card.getAttribute('href') ?? '';
    const orderId = /\/portal\/sale\/order\/(\d+)/.exec(href)?.[1];
    if (!orderId) {
      out.problems.push({ where: `order card ${index + 1}`, reason: `no order id in link "${href.slice(0, 120)}"` });
      continue;
    }
    const orderSn = ORDER_SN.exec(textOf(orderSns[index]) ?? '')?.[0];
    const statusText = textOf(statuses[index]);
    const totalText = textOf(totals[index]);
    const total = totalText && shop.currency ? moneyTextToMinor(totalText, shop.currency) : undefined;
    const placedAt = orderSn ? placedDayFromOrderSn(orderSn) : undefined;
    const buyerName = unmaskedName(textOf(buyerNames[index]));
    const carrier = textOf(carriers[index]);
    const order: CapturedOrder = {
      orderKey: orderKeyFor(shop.shopKey, orderId),
      orderId,
      shopKey: shop.shopKey,
      status: statusFromText(statusText),
      items: listItems(itemInfos[index] ?? null),
      consoleUrl: consoleUrl(orderId),
      ...(orderSn ? { orderNumber: orderSn } : {}),
      ...(statusText ? { statusText } : {}),
      ...(placedAt ? { placedAt, placedAtPrecision: 'day' as const } : {}),
      ...(total !== undefined && shop.currency ? { totalMinor: total, currency: shop.currency } : {}),
      ...(buyerName ? { buyerName } : {}),
      ...(carrier ? { carrier } : {}),
    };
    out.orders.push(order);
  }
  if (out.orders.length > 0) out.shops.push({ adapterId: 'shopee', ...shop });
  return out;
}

function extractDetail(document: Document, url: URL): Extraction {
  const out = emptyExtraction();
  const shop = shopOf(url);
  const orderId = orderIdFromUrl(url);
  if (!shop || !orderId) return out;
  const statusText = textAt(document, detailSelectors.status);
  const buyerName = unmaskedName(textAt(document, detailSelectors.buyerUsername));
  // Nothing rendered yet: not a problem, the page is still loading.
  if (!statusText && !buyerName) return out;
  const snText = textAt(document, detailSelectors.orderSn) ?? valueAfterLabel(document, detailSelectors.orderSnLabel);
  const orderSn = ORDER_SN.exec(snText ?? '')?.[0];
  const totalText = textAt(document, detailSelectors.total);
  const total = totalText && shop.currency ? moneyTextToMinor(totalText, shop.currency) : undefined;
  const items = queryAllFirst(document, detailSelectors.products).flatMap((product): OrderItem[] => {
    const title = textAt(product, detailSelectors.productName);
    if (!title) return [];
    const variant = variantOf(textAt(product, detailSelectors.productModel));
    const priceText = textAt(product, detailSelectors.productPrice);
    const unit = priceText && shop.currency ? moneyTextToMinor(priceText, shop.currency) : undefined;
    return [
      {
        title,
        quantity: quantityOf(textAt(product, detailSelectors.productQuantity)),
        ...(variant ? { variant } : {}),
        ...(unit !== undefined ? { unitPriceMinor: unit } : {}),
      },
    ];
  });
  const placedAt = orderSn ? placedDayFromOrderSn(orderSn) : undefined;
  out.orders.push({
    orderKey: orderKeyFor(shop.shopKey, orderId),
    orderId,
    shopKey: shop.shopKey,
    status: statusFromText(statusText),
    items,
    consoleUrl: consoleOrderUrls(url)(orderId),
    ...(orderSn ? { orderNumber: orderSn } : {}),
    ...(statusText ? { statusText } : {}),
    ...(placedAt ? { placedAt, placedAtPrecision: 'day' as const } : {}),
    ...(total !== undefined && shop.currency ? { totalMinor: total, currency: shop.currency } : {}),
    ...(buyerName ? { buyerName } : {}),
  });
  if (!orderSn) out.problems.push({ where: 'order detail', reason: 'order number not found on the page' });
  out.shops.push({ adapterId: 'shopee', ...shop });
  return out;
}

/** What the page shows, read a card at a time (the content script runs this in slices). */
export function* extract(document: Document, url: URL): Sliced<Extraction> {
  switch (detect(url)) {
    case 'order-list':
      return yield* extractList(document, url);
    case 'order-detail':
      return extractDetail(document, url);
    default:
      return emptyExtraction();
  }
}

/** On an order detail page: that order (whose buyer the store knows from the JSON or the list). */
export function activeBuyer({ document, url, orders, conversation }: PageState): OnScreen | undefined {
  if (detect(url) === 'chat') return conversation?.buyerKey ? { buyerKey: conversation.buyerKey, ...(conversation.buyerName ? { buyerName: conversation.buyerName } : {}) } : undefined;
  if (detect(url) !== 'order-detail') return undefined;
  const orderId = orderIdFromUrl(url);
  const shop = shopOf(url);
  if (!orderId || !shop) return undefined;
  const captured = orders.find((o) => o.orderId === orderId && o.buyerKey);
  const buyerName = unmaskedName(textAt(document, detailSelectors.buyerUsername));
  return {
    orderKey: captured?.orderKey ?? orderKeyFor(shop.shopKey, orderId),
    ...(captured?.buyerKey ? { buyerKey: captured.buyerKey } : {}),
    ...(buyerName ? { buyerName } : {}),
  };
}
