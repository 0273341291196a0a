import type { OrderStatus } from '../../schema/common';

/*
 * Lazada's status words, as the mtop JSON sends them: the list tabs (`tab`: unpaid, topack, toship,
 * toshiparrangeshipment, shipped, shipping, returnRefund, canceled, pending, processing — the PH
 * capture-analysis document of 2026-04, code-search index id 52745563118), the order items' status
 * (`pending` in the 2026 PH sample's itemTable, IM order card and query.sensitive) and Lazada's order
 * statuses (unpaid, pending, packed, ready_to_ship, shipped, delivered, canceled, returned, failed …).
 * Written words (`To Pack`, `Ready to ship`) are the same once spaces, `_` and `-` are dropped.
 * A word not here is 'unknown', its raw text kept as the order's statusText.
 */
const BY_WORD: Readonly<Record<string, OrderStatus>> = Object.fromEntries(
  (
    [
      ['unpaid', ['unpaid', 'topay', 'pendingpayment']],
      ['paid', ['pending', 'topack', 'processing', 'tobepackedup']],
      ['processing', ['packed', 'repacked', 'toship', 'toshiparrangeshipment', 'readytoship', 'readytoshippending', 'tohandover']],
      ['shipped', ['shipped', 'shipping', 'intransit', 'shipment']],
      ['delivered', ['delivered']],
      ['completed', ['confirmed', 'completed']],
      ['cancelled', ['canceled', 'cancelled', 'cancel']],
      ['returned', ['returned', 'returnrefund', 'return/refund', 'shippedback', 'packagereturned']],
      ['refunded', ['refunded']],
    ] as const
  ).flatMap(([status, words]) => words.map((word) => [word, status])),
);

const normal = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, '');

export function statusOf(text: string | undefined): OrderStatus {
  if (!text) return 'unknown';
  return (Object.hasOwn(BY_WORD, normal(text)) ? BY_WORD[normal(text)] : undefined) ?? 'unknown';
}

/**
 * An order's status from its items' (a detail page lists each item line with its own status): their
 * common one, else the first item's that is not cancelled (the order goes on for the rest), keeping
 * every distinct word as the text.
 */
export function statusOfItems(texts: readonly string[]): { status: OrderStatus; text?: string } {
  const distinct = [...new Set(texts.map((t) => t.trim()).filter((t) => t !== ''))];
  if (distinct.length === 0) return { status: 'unknown' };
  const live = distinct.find((t) => statusOf(t) !== 'cancelled') ?? distinct[0]!;
  return { status: statusOf(live), text: distinct.join(', ') };
}
