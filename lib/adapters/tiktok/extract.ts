import { moneyTextToMinor } from '../../money';
import type { CapturedOrder, Extraction } from '../../schema/capture';
import type { OrderStatus } from '../../schema/common';
import { orderKeyFor } from '../../schema/keys';
import { queryAllFirst, queryFirst, textOf } from '../dom';
import type { Sliced } from '../slices';
import { emptyExtraction, type OnScreen, type PageState } from '../types';
import { chatSelectors, listSelectors } from './selectors';
import { consoleOrderUrl, detect, orderIdFromUrl, shopOf, shopRecord } from './urls';

/** The row's data-log_order_status (copiloto, live BR page): 102 shipped, 104 cancelled; others are not known. */
const STATUS_BY_ROW_CODE: Readonly<Record<string, OrderStatus>> = { '102': 'shipped', '104': 'cancelled' };

/**
 * What the order list shows (selectors.ts), a row per slice step: the order number, the status code
 * of the row and the total. No buyer: the row shows a masked nickname at most.
 */
export function* extract(document: Document, url: URL): Sliced<Extraction> {
  const out = emptyExtraction();
  const shop = shopOf(url);
  if (detect(url) !== 'order-list' || !shop) return out;
  const rows = queryAllFirst(document, listSelectors.rows);
  for (const [index, row] of rows.entries()) {
    yield;
    const orderId = textOf(queryFirst(row, listSelectors.orderNumber))?.replace(/\D/g, '');
    if (!orderId) {
      out.problems.push({ where: `order row ${index}`, reason: 'no order number' });
      continue;
    }
    const code = row.getAttribute('data-log_order_status') ?? undefined;
    const totalText = textOf(queryFirst(row, listSelectors.total));
    const totalMinor = totalText && shop.currency ? moneyTextToMinor(totalText, shop.currency) : undefined;
    const order: CapturedOrder = {
      orderKey: orderKeyFor(shop.shopKey, orderId),
      orderId,
      shopKey: shop.shopKey,
      consoleUrl: consoleOrderUrl(url, shop, orderId),
      ...(code && STATUS_BY_ROW_CODE[code] ? { status: STATUS_BY_ROW_CODE[code] } : {}),
      ...(code ? { statusText: `order_status ${code}` } : {}),
      ...(totalMinor !== undefined && shop.currency ? { totalMinor, currency: shop.currency } : {}),
    };
    out.orders.push(order);
  }
  if (out.orders.length > 0) out.shops.push(shopRecord(shop));
  return out;
}

/** Which buyer the page puts on screen: the order of a detail page, the buyer of the open chat. */
export function activeBuyer(page: PageState): OnScreen | undefined {
  const kind = detect(page.url);
  if (kind === 'chat') return page.conversation?.buyerKey ? { buyerKey: page.conversation.buyerKey } : undefined;
  if (kind !== 'order-detail') return undefined;
  const shop = shopOf(page.url);
  const orderId = orderIdFromUrl(page.url);
  if (!shop || !orderId) return undefined;
  const orderKey = orderKeyFor(shop.shopKey, orderId);
  const known = page.orders.find((o) => o.orderKey === orderKey);
  return { orderKey, ...(known?.buyerKey ? { buyerKey: known.buyerKey } : {}) };
}

/** The chat's reply box (selectors.ts). */
export function replyBox(document: Document): HTMLTextAreaElement | null {
  return queryFirst(document, chatSelectors.replyBox) as HTMLTextAreaElement | null;
}
