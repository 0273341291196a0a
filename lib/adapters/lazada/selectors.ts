/*
 * Seller Center DOM (Alibaba Fusion "next-" components). The only public account of its markup is
 * Laqoli (manutzsong/ts-react-boilerplate src/content/{newestPrint,orderDetails}.ts @ 4651a152,
 * TH, 2022; EVIDENCE.md, Lazada Seller Center, round 2), which reads the order numbers and nothing
 * else: so does this DOM fallback. Buyers, totals, dates and items come from the mtop JSON
 * (responses.ts); no markup for them is documented, and none is guessed here.
 */
export const listSelectors = {
  /** One header per order on /apps/order/list, with its checkbox (`input[aria-checked]`) and number. */
  rows: ['div.list-item-header'],
  orderNumber: ['.order-field-value a'],
} as const;

export const detailSelectors = {
  orderNumber: [
    // 2022 layout of /apps/order/detail: "Order 387476782740391"
    '.order-field.order-field-order-number',
    // the layout before it: the card title's number, "Order 387476782740391"
    'span.order-detail-title-number',
  ],
} as const;

/** Selectors no offline fixture matches: the real page variant each is for, and the date to drop it by. */
export const unverifiedSelectors: Readonly<Record<string, { variant: string; drop: string }>> = {
  'span.order-detail-title-number': {
    variant: 'order page layout before 2022 (Laqoli orderDetails.ts initOld, TH): the number in the card title; no capture of it in ../shared/reference',
    drop: '2027-06-30',
  },
};
