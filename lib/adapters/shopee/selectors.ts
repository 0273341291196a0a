/*
 * Seller Centre DOM, newest variant first. Sources:
 * - order list: deegoll/copiloto docs/canais/mapa-pedidos-shopee.md @ 156cc1e6 (2026-10-08, BR).
 * - order detail: `odp-buyer-user`, `order-detail-status`, `odp-order-payment` data-testids and the
 *   `cardStyle[type=FinalAmount]` payment card from 2026 public scripts; `.user-view-item .username`
 *   and `.od-shippin .id .detail` from older ones (kept as fallbacks).
 * Evidence is thin inside `.product-detail` (only the container is documented): the names of its
 * parts below follow the page's own naming and are the first thing to check when a capture of the
 * detail DOM reports missing items. The JSON (get_one_order) is the primary source on that page.
 */
export const listSelectors = {
  rows: [
    '.order-list-table-all > .table-body-wrapper > a.order-card[data-testid="order-item"]',
    'a.order-card[data-testid="order-item"]',
    // 2025 variant without the data-testid
    '.order-list-table-all a.order-card',
  ],
  buyerUsername: ['[data-testid="order-card-header"] .buyer-username', '.order-card-header .buyer-username'],
  orderSn: ['[data-testid="order-card-header"] .order-sn', '.order-card-header .order-sn'],
  itemInfos: ['[data-testid="order-item-infos"]', '.order-item-infos'],
  itemName: ['.item-name'],
  itemDescription: ['.item-description'],
  itemAmount: ['.item-amount'],
  totalPrice: ['[data-testid="order-payment-info"] .total-price', '.order-payment-info .total-price'],
  status: ['.order-status-info-v2 .status', '.order-status-info .status'],
  fulfilmentChannel: ['[data-testid="order-fulfilment-info"] .fulfilment-channel-name', '.order-fulfilment-info .fulfilment-channel-name'],
} as const;

export const detailSelectors = {
  buyerUsername: [
    '[data-testid="odp-buyer-user"] .username',
    // pre-2025 detail page
    '.user-view-item .username',
    // TW variant
    '.user-view-item__username',
  ],
  status: ['[data-testid="order-detail-status"] .status', '[data-testid="order-detail-status"]'],
  // pre-2025 detail page; the current one is found by its label (orderSnLabel)
  orderSn: ['.od-shippin .id .detail'],
  /** Text anchor where no selector finds the order number. */
  orderSnLabel: /^(order id|order sn|id do pedido|nº do pedido|no\. pesanan|mã đơn hàng|订单编号|訂單編號|número de pedido)\s*[:：]?/i,
  total: [
    '[data-testid="odp-order-payment"] .cardStyle[type="FinalAmount"] .amount',
    '[data-testid="odp-order-payment"] [type="FinalAmount"] .amount',
    '.product-payment-wrapper .payment-info-details .total .amount',
  ],
  products: ['.product-list .product-item', '.product-item'],
  productName: ['.product-detail .product-name'],
  productModel: ['.product-detail .product-model'],
  productQuantity: ['.product-detail .product-quantity', '.product-quantity'],
  productPrice: ['.product-detail .product-price', '.product-price'],
} as const;

/*
 * Web chat (seller.shopee.{tld}/webchat/conversations). No public capture of its DOM was found: the
 * conversation comes from the chat API (chat.ts); the reply box is the chat's one textarea, with the
 * editor variants seen in other Shopee web apps as fallbacks. Check these first when insert fails.
 */
export const chatSelectors = {
  replyBox: ['[data-testid="chat-input"] textarea', '.chat-input textarea', 'textarea[placeholder]', '[contenteditable="true"][role="textbox"]'],
} as const;

/**
 * Selectors no offline fixture (test/fixtures/<adapter>/) matches: the real page variant each is
 * for, and the date to drop it by unless a fixture of that variant arrives (selectors.test.ts).
 */
export const unverifiedSelectors: Readonly<Record<string, { variant: string; drop: string }>> = {
  '.order-status-info .status': { variant: 'order list card with a status block without the -v2 suffix (the DOM map of 2026-10 has only -v2; kept for an older card)', drop: '2027-06-30' },
  '.user-view-item__username': { variant: 'TW order detail page, as this file has named it since its first version; no capture of it in ../shared/reference', drop: '2027-06-30' },
  '.od-shippin .id .detail': { variant: 'pre-2025 order detail page (older public scripts, see this file’s header); no capture of it in ../shared/reference', drop: '2027-06-30' },
  '.product-payment-wrapper .payment-info-details .total .amount': { variant: 'pre-2025 order detail page, its payment block (older public scripts); no capture of it in ../shared/reference', drop: '2027-06-30' },
  '.product-detail .product-quantity': { variant: 'order detail product row with the quantity inside .product-detail (page naming; only the container is documented)', drop: '2027-06-30' },
  '.product-detail .product-price': { variant: 'order detail product row with the price inside .product-detail (page naming; only the container is documented)', drop: '2027-06-30' },
  '[data-testid="chat-input"] textarea': { variant: 'web chat reply box; no public capture of the web chat DOM', drop: '2027-06-30' },
  '.chat-input textarea': { variant: 'web chat reply box without the data-testid; no public capture of the web chat DOM', drop: '2027-06-30' },
  'textarea[placeholder]': { variant: 'web chat reply box as a bare textarea; no public capture of the web chat DOM', drop: '2027-06-30' },
  '[contenteditable="true"][role="textbox"]': { variant: 'rich-text reply editor of other Shopee web apps, in case the web chat adopts it', drop: '2027-06-30' },
};
