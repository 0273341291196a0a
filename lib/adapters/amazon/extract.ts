import type { CapturedOrder, Extraction, OrderItem } from '../../schema/capture';
import type { OrderStatus } from '../../schema/common';
import { unmaskedName } from '../../schema/masked';
import { parseConsoleDate } from '../dates';
import { leafTexts, queryAllFirst, queryFirst, textAt, textOf } from '../dom';
import { moneyTextToMinor } from '../../money';
import type { Sliced } from '../slices';
import { emptyExtraction, type OnScreen, type PageState } from '../types';
import { statusOf } from './responses';
import { detailSelectors, listSelectors } from './selectors';
import { CURRENCY_BY_CHANNEL, hostChannel } from './catalog';
import { consoleOrderUrl, detect, orderIdFromUrl, orderIdIn, shopKeyOf } from './urls';
import { orderKeyFor } from '../../schema/keys';

/** Status words the order pages print in the seller's interface language. */
const STATUS_WORDS: Readonly<Record<string, OrderStatus>> = {
  出荷済み: 'shipped', 未出荷: 'paid', キャンセル: 'cancelled', 保留中: 'unpaid',
  versendet: 'shipped', unversandt: 'paid', storniert: 'cancelled', ausstehend: 'unpaid',
  expédiée: 'shipped', 'non expédiée': 'paid', annulée: 'cancelled', 'en attente': 'unpaid',
  enviado: 'shipped', 'no enviado': 'paid', cancelado: 'cancelled', pendiente: 'unpaid',
  已发货: 'shipped', 未发货: 'paid', 已取消: 'cancelled', 等待中: 'unpaid',
};

function statusFromText(text: string | undefined): OrderStatus {
  if (!text) return 'unknown';
  return STATUS_WORDS[text.trim().toLowerCase()] ?? statusOf(text);
}

function shopOfPage(document: ParentNode, url: URL, channelText?: string): { shopKey: string; currency?: string } | undefined {
  const channel = (channelText ?? textAt(document, detailSelectors.salesChannel) ?? hostChannel(url.hostname))?.toLowerCase();
  const shopKey = channel ? shopKeyOf(channel) : undefined;
  if (!channel || !shopKey) return undefined;
  const currency = CURRENCY_BY_CHANNEL[channel];
  return { shopKey, ...(currency ? { currency } : {}) };
}

function columnIndex(table: Element, selectors: readonly string[]): number {
  const heading = queryFirst(table, selectors);
  return heading ? [...(heading.parentElement?.children ?? [])].indexOf(heading) : -1;
}

/** The product cell lists "ASIN: …", "SKU: …" as separate lines. */
function skuIn(row: Element): string | undefined {
  for (const line of leafTexts(row)) {
    const sku = /^SKU\s*[:：]\s*(.+)$/.exec(line)?.[1];
    if (sku) return sku;
  }
  return undefined;
}

/** The sales channel a Manage Orders row prints ("Sales channel: Amazon.com"). */
function channelIn(row: Element): string | undefined {
  for (const line of leafTexts(row)) {
    const channel = /\b(Amazon\.[a-z]{2,3}(?:\.[a-z]{2})?)$/i.exec(line)?.[1];
    if (channel) return channel;
  }
  return undefined;
}

function detailItems(document: Document, currency: string | undefined): OrderItem[] {
  const table = queryFirst(document, detailSelectors.itemTable);
  if (!table) return [];
  const quantityAt = columnIndex(table, [detailSelectors.quantityHeading]);
  const priceAt = columnIndex(table, detailSelectors.unitPriceHeading);
  return [...table.querySelectorAll('tbody tr')].flatMap((row): OrderItem[] => {
    const title = textAt(row, detailSelectors.productName);
    if (!title) return [];
    const cells = row.children;
    const quantity = Number(textOf(cells[quantityAt]) ?? '1');
    const sku = skuIn(row);
    const priceText = priceAt >= 0 ? textOf(cells[priceAt]) : undefined;
    const unit = priceText && currency ? moneyTextToMinor(priceText, currency) : undefined;
    return [
      {
        title,
        quantity: Number.isInteger(quantity) && quantity > 0 ? quantity : 1,
        ...(sku ? { sku } : {}),
        ...(unit !== undefined ? { unitPriceMinor: unit } : {}),
      },
    ];
  });
}

/** The label a contact line may start with, in the interface languages Seller Central offers. */
const CONTACT_LABEL = /^(?:contact buyer|käufer kontaktieren|contacter l[’']acheteur|contactar (?:al|con el) comprador|contatta l[’']acquirente|購入者との連絡|联系买家)\s*[:：]\s*/iu;

/**
 * The contact line's name (its link, or the line without its label: "Contact Buyer: Name"); a name
 * may itself hold a colon. Not the ship-to block: that is the recipient, who on a gift is not the buyer.
 */
function buyerNameOn(document: Document): string | undefined {
  return unmaskedName(textAt(document, detailSelectors.buyerName)?.replace(CONTACT_LABEL, ''));
}

function extractDetail(document: Document, url: URL): Extraction {
  const out = emptyExtraction();
  const orderId = orderIdIn(textAt(document, detailSelectors.orderId)) ?? orderIdFromUrl(url);
  if (!orderId || !textAt(document, detailSelectors.orderId)) return out;
  const shop = shopOfPage(document, url);
  if (!shop) {
    out.problems.push({ where: 'order-summary-sales-channel-value', reason: 'no sales channel on the page' });
    return out;
  }
  const statusText = textAt(document, detailSelectors.itemStatus);
  const dateText = textAt(document, detailSelectors.purchaseDate);
  const placedAt = dateText ? parseConsoleDate(dateText) : undefined;
  if (dateText && !placedAt) out.problems.push({ where: 'order-summary-purchase-date-value', reason: `unreadable date "${dateText}"` });
  const buyerName = buyerNameOn(document);
  const order: CapturedOrder = {
    orderKey: orderKeyFor(shop.shopKey, orderId),
    orderId,
    shopKey: shop.shopKey,
    status: statusFromText(statusText),
    items: detailItems(document, shop.currency),
    consoleUrl: consoleOrderUrl(url, orderId),
    ...(statusText ? { statusText } : {}),
    ...(placedAt ? { placedAt } : {}),
    ...(shop.currency ? { currency: shop.currency } : {}),
    ...(buyerName ? { buyerName } : {}),
  };
  out.orders.push(order);
  out.shops.push({ adapterId: 'amazon', ...shop });
  return out;
}

/** One order per row, a row per slice step. */
function* extractList(document: Document, url: URL): Sliced<Extraction> {
  const out = emptyExtraction();
  for (const [index, row] of queryAllFirst(document, listSelectors.rows).entries()) {
    yield;
    const orderId = orderIdIn(textOf(queryFirst(row, listSelectors.orderLink)));
    if (!orderId) continue; // spacer and detail rows of the table
    const shop = shopOfPage(row, url, channelIn(row));
    if (!shop) {
      out.problems.push({ where: `order row ${index + 1}`, reason: 'no sales channel for this row' });
      continue;
    }
    const dateText = textAt(row, listSelectors.orderDate);
    const placedAt = dateText ? parseConsoleDate(dateText) : undefined;
    const statusText = textAt(row, listSelectors.status);
    const buyerName = unmaskedName(textAt(row, listSelectors.buyerName));
    const items = queryAllFirst(row, listSelectors.productName).flatMap((el): OrderItem[] => {
      const title = textOf(el);
      return title ? [{ title, quantity: 1 }] : [];
    });
    out.orders.push({
      orderKey: orderKeyFor(shop.shopKey, orderId),
      orderId,
      shopKey: shop.shopKey,
      status: statusFromText(statusText),
      items,
      consoleUrl: consoleOrderUrl(url, orderId),
      ...(statusText ? { statusText } : {}),
      ...(placedAt ? { placedAt } : {}),
      ...(buyerName ? { buyerName } : {}),
    });
    if (!out.shops.some((s) => s.shopKey === shop.shopKey)) out.shops.push({ adapterId: 'amazon', ...shop });
  }
  return out;
}

/** What the page shows, a Manage Orders row at a time (the content script runs this in slices). */
export function* extract(document: Document, url: URL): Sliced<Extraction> {
  switch (detect(url)) {
    case 'order-detail':
      return extractDetail(document, url);
    case 'order-list':
      return yield* extractList(document, url);
    default:
      return emptyExtraction();
  }
}

/** On order detail: that order; its buyer comes from the detail JSON (buyerProxyEmail). */
export function activeBuyer({ document, url, orders, conversation }: PageState): OnScreen | undefined {
  if (detect(url) === 'chat') {
    if (!conversation?.orderKey) return undefined;
    const captured = orders.find((o) => o.orderKey === conversation.orderKey && o.buyerKey);
    return { orderKey: conversation.orderKey, ...(captured?.buyerKey ? { buyerKey: captured.buyerKey } : {}) };
  }
  if (detect(url) !== 'order-detail') return undefined;
  const orderId = orderIdFromUrl(url);
  if (!orderId) return undefined;
  const captured = orders.find((o) => o.orderId === orderId && o.buyerKey) ?? orders.find((o) => o.orderId === orderId);
  const buyerName = buyerNameOn(document);
  let orderKey = captured?.orderKey;
  if (!orderKey && textAt(document, detailSelectors.orderId)) {
    const shop = shopOfPage(document, url);
    if (shop) orderKey = orderKeyFor(shop.shopKey, orderId);
  }
  if (!orderKey) return undefined;
  return {
    orderKey,
    ...(captured?.buyerKey ? { buyerKey: captured.buyerKey } : {}),
    ...(buyerName ? { buyerName } : {}),
  };
}
