import type { CapturedOrder, Extraction, OrderItem } from '../../schema/capture';
import { unmasked } from '../../schema/masked';
import { queryAllFirst, queryFirst, textAt, textOf, valueAfterLabel } from '../dom';
import { moneyTextToMinor } from '../../money';
import { emptyExtraction, type OnScreen, type PageState } from '../types';
import { placedDayFromOrderSn } from './responses';
import { detailSelectors, listSelectors } from './selectors';
import { statusFromText } from './statuses';
import { consoleOrderUrl, detect, orderIdFromUrl, shopOf } from './urls';

const ORDER_SN = /\b\d{6}[0-9A-Z]{6,10}\b/;

/** "Variação: Rosa", "Variation: Pink", "规格：粉色" → the value. */
function variantOf(text: string | undefined): string | undefined {
  return unmasked(text?.replace(/^[^:：]{1,24}[:：]\s*/, ''));
}

function quantityOf(text: string | undefined): number {
  const n = Number(/(\d+)/.exec(text ?? '')?.[1]);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function listItems(card: Element): OrderItem[] {
  const infos = queryFirst(card, listSelectors.itemInfos);
  if (!infos) return [];
  return queryAllFirst(infos, listSelectors.itemName).flatMap((nameEl): OrderItem[] => {
    const title = textOf(nameEl);
    if (!title) return [];
    // The item's own box: the nearest ancestor that also holds its amount.
    let box: Element = nameEl;
    while (box.parentElement && box !== infos && !box.querySelector(listSelectors.itemAmount[0])) box = box.parentElement;
    const variant = variantOf(textAt(box, listSelectors.itemDescription));
    return [{ title, quantity: quantityOf(textAt(box, listSelectors.itemAmount)), ...(variant ? { variant } : {}) }];
  });
}

function extractList(document: Document, url: URL): Extraction {
  const out = emptyExtraction();
  const shop = shopOf(url);
  if (!shop) return { ...out, problems: [{ where: url.hostname, reason: 'no shop for this page' }] };
  const cards = queryAllFirst(document, listSelectors.rows);
  cards.forEach((card, index) => {
    const where = `order card ${index + 1}`;
    const href = card.getAttribute('href') ?? '';
    const orderId = /\/portal\/sale\/order\/(\d+)/.exec(href)?.[1];
    if (!orderId) {
      out.problems.push({ where, reason: `no order id in link "${href.slice(0, 120)}"` });
      return;
    }
    const orderSn = ORDER_SN.exec(textAt(card, listSelectors.orderSn) ?? '')?.[0];
    const statusText = textAt(card, listSelectors.status);
    const totalText = textAt(card, listSelectors.totalPrice);
    const total = totalText && shop.currency ? moneyTextToMinor(totalText, shop.currency) : undefined;
    const placedAt = orderSn ? placedDayFromOrderSn(orderSn) : undefined;
    const buyerName = unmasked(textAt(card, listSelectors.buyerUsername));
    const carrier = textAt(card, listSelectors.fulfilmentChannel);
    const order: CapturedOrder = {
      orderKey: `${shop.shopKey}:${orderId}`,
      orderId,
      shopKey: shop.shopKey,
      status: statusFromText(statusText),
      items: listItems(card),
      consoleUrl: consoleOrderUrl(url, orderId),
      ...(orderSn ? { orderNumber: orderSn } : {}),
      ...(statusText ? { statusText } : {}),
      ...(placedAt ? { placedAt, placedAtPrecision: 'day' as const } : {}),
      ...(total !== undefined && shop.currency ? { totalMinor: total, currency: shop.currency } : {}),
      ...(buyerName ? { buyerName } : {}),
      ...(carrier ? { carrier } : {}),
    };
    out.orders.push(order);
  });
  if (out.orders.length > 0) out.shops.push({ adapterId: 'shopee', ...shop });
  return out;
}

function extractDetail(document: Document, url: URL): Extraction {
  const out = emptyExtraction();
  const shop = shopOf(url);
  const orderId = orderIdFromUrl(url);
  if (!shop || !orderId) return out;
  const statusText = textAt(document, detailSelectors.status);
  const buyerName = unmasked(textAt(document, detailSelectors.buyerUsername));
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
    orderKey: `${shop.shopKey}:${orderId}`,
    orderId,
    shopKey: shop.shopKey,
    status: statusFromText(statusText),
    items,
    consoleUrl: consoleOrderUrl(url, orderId),
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

export function extract(document: Document, url: URL): Extraction {
  switch (detect(url)) {
    case 'order-list':
      return extractList(document, url);
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
  const buyerName = unmasked(textAt(document, detailSelectors.buyerUsername));
  return {
    orderKey: captured?.orderKey ?? `${shop.shopKey}:${orderId}`,
    ...(captured?.buyerKey ? { buyerKey: captured.buyerKey } : {}),
    ...(buyerName ? { buyerName } : {}),
  };
}
