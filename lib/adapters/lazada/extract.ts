import type { CapturedOrder, Extraction } from '../../schema/capture';
import { orderKeyFor } from '../../schema/keys';
import { queryAllFirst, queryFirstEach, textAt, textOf } from '../dom';
import type { Sliced } from '../slices';
import { emptyExtraction, type OnScreen, type PageState } from '../types';
import { detailSelectors, listSelectors } from './selectors';
import { consoleOrderUrls, detect, shopOf, shopRecord, tradeOrderIdOf, type LazadaShop } from './urls';

/** Lazada order numbers: 15 digits in every sample ("Order 387476782740391" on the page). */
const ORDER_NUMBER = /\b\d{9,20}\b/;

function pageOrder(shop: LazadaShop, orderId: string, consoleUrl: string): CapturedOrder {
  return { orderKey: orderKeyFor(shop.shopKey, orderId), orderId, shopKey: shop.shopKey, consoleUrl };
}

/** The orders the list shows, by number (all the documented markup tells), a row per slice step. */
function* extractList(document: Document, url: URL, shop: LazadaShop): Sliced<Extraction> {
  const out = emptyExtraction();
  const rows = queryAllFirst(document, listSelectors.rows);
  const numbers = queryFirstEach(document, rows, listSelectors.orderNumber);
  const consoleUrl = consoleOrderUrls(url);
  for (let index = 0; index < rows.length; index++) {
    yield;
    const text = textOf(numbers[index]);
    const orderId = text ? ORDER_NUMBER.exec(text)?.[0] : undefined;
    if (!orderId) {
      out.problems.push({ where: `order row ${index + 1}`, reason: `no order number in "${(text ?? '').slice(0, 80)}"` });
      continue;
    }
    out.orders.push(pageOrder(shop, orderId, consoleUrl(orderId)));
  }
  if (out.orders.length > 0) out.shops.push(shopRecord(shop));
  return out;
}

/** The order page: its number, where it is the URL's order (the page may still show the one before). */
function extractDetail(document: Document, url: URL, shop: LazadaShop): Extraction {
  const out = emptyExtraction();
  const orderId = tradeOrderIdOf(url);
  const text = textAt(document, detailSelectors.orderNumber);
  // Nothing rendered yet: not a problem, the page is still loading.
  if (!orderId || !text) return out;
  const shown = ORDER_NUMBER.exec(text)?.[0];
  if (shown !== orderId) {
    out.problems.push({ where: 'order number', reason: `the page shows "${text.slice(0, 80)}", its URL order ${orderId}` });
    return out;
  }
  out.orders.push(pageOrder(shop, orderId, consoleOrderUrls(url)(orderId)));
  out.shops.push(shopRecord(shop));
  return out;
}

/** What the page shows, a row at a time (the content script runs this in slices). */
export function* extract(document: Document, url: URL): Sliced<Extraction> {
  const shop = shopOf(url);
  if (!shop) return emptyExtraction();
  switch (detect(url)) {
    case 'order-list':
      return yield* extractList(document, url, shop);
    case 'order-detail':
      return extractDetail(document, url, shop);
    default:
      return emptyExtraction();
  }
}

/**
 * On an order page: that order, with its buyer where a reading of it in this tab named one (the
 * order.main.detail JSON, or the list row it was opened from). The page's DOM names no buyer that
 * any public source documents.
 */
export function activeBuyer({ url, orders }: PageState): OnScreen | undefined {
  if (detect(url) !== 'order-detail') return undefined;
  const shop = shopOf(url);
  const orderId = tradeOrderIdOf(url);
  if (!shop || !orderId) return undefined;
  const orderKey = orderKeyFor(shop.shopKey, orderId);
  const readings = orders.filter((o) => o.orderKey === orderKey);
  const withBuyer = readings.filter((o) => o.buyerKey).at(-1);
  const buyerName = readings.filter((o) => o.buyerName).at(-1)?.buyerName;
  return { orderKey, ...(withBuyer?.buyerKey ? { buyerKey: withBuyer.buyerKey } : {}), ...(buyerName ? { buyerName } : {}) };
}
