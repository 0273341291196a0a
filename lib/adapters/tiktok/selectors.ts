/*
 * Seller Center DOM. The order list after deegoll/copiloto docs/canais/mapa-pedidos-tiktok.md
 * @ 156cc1e6 (live BR page, 2026-10-08): rows carry data-log_* attributes the console's own analytics
 * read (stabler than its generated `sc-` classes, which are avoided); the order number is the
 * detail link's `span.order_id_number`; the total is the row's 8th cell. The JSON (order/list) is
 * the primary source; this is the fallback where it was not seen.
 */
export const listSelectors = {
  rows: ['tr[data-log_order_status]'],
  orderNumber: ['a[href^="/order/detail?order_no="] span.order_id_number'],
  total: ['td:nth-of-type(8)'],
} as const;

export const detailSelectors = {} as const;

/*
 * Chat (customer service): EVIDENCE.md finds no stable selectors, one visible textarea (≤ 2000
 * characters) and a Send button. The conversation comes from the chat's JSON (responses.ts).
 */
export const chatSelectors = {
  replyBox: ['textarea[maxlength="2000"]', 'textarea'],
} as const;

/** Selectors no offline fixture matches: the real page variant each is for, and the date to drop it by. */
export const unverifiedSelectors: Readonly<Record<string, { variant: string; drop: string }>> = {
  'textarea[maxlength="2000"]': { variant: 'TikTok Shop chat reply box (BR script 2026-09-29: a ≤2000-character textarea)', drop: '2027-06-30' },
  textarea: { variant: 'TikTok Shop chat reply box, any textarea where the limit is not an attribute', drop: '2027-06-30' },
};
