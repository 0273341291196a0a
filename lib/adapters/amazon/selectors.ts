/*
 * Seller Central DOM. `data-test-id` attributes are the stable anchors: the detail ones are used
 * alike by six independent scrapers 2021–2026 and quoted from a real JP page (2021); the Manage
 * Orders table ones from a recent India script. Newest variant first in each list.
 * There is no data-test-id for the order total on the page: the DOM capture leaves it to the JSON.
 */
export const detailSelectors = {
  orderId: ['[data-test-id="order-id-value"]'],
  purchaseDate: ['[data-test-id="order-summary-purchase-date-value"]'],
  salesChannel: ['[data-test-id="order-summary-sales-channel-value"]'],
  buyerName: [
    // the name links to the contact form; the label ("Contact Buyer:") sits outside the link
    '[data-test-id="shipping-section-contact-buyer-value"] [data-test-id="buyer-name-with-link"]',
    '[data-test-id="buyer-name-with-link"]',
    '[data-test-id="shipping-section-contact-buyer-value"]',
  ],
  itemTable: ['#myo-order-details-product-section table.a-keyvalue', 'table.a-keyvalue'],
  itemStatus: ['[data-test-id="item-status-label"] .main-status', '[data-test-id="item-status-label"]'],
  productName: ['.myo-list-orders-product-name-cell a div', '.myo-list-orders-product-name-cell a'],
  quantityHeading: 'th[data-test-id="item-quantity-heading"]',
  unitPriceHeading: ['th[data-test-id="item-unit-price-inclusive-heading"]', 'th[data-test-id="item-unit-price-exclusive-heading"]'],
} as const;

export const listSelectors = {
  rows: ['.myo-table-container #orders-table tbody tr', '#orders-table tbody tr'],
  orderLink: ['td[data-test-id="oth-order-details"] a[href*="/orders-v3/order/"]', 'td:nth-child(3) .cell-body-title a', 'a[href*="/orders-v3/order/"]'],
  orderDate: ['td[data-test-id="oth-order-date"]', 'td:nth-child(2) .cell-body'],
  buyerName: ['[data-test-id="buyer-name-with-link"]'],
  productName: ['.myo-list-orders-product-name-cell a div', '.myo-list-orders-product-name-cell a'],
  status: ['.main-status'],
} as const;

/*
 * Buyer-Seller Messaging, "Contact buyer" (/messaging/contact?orderID=…&marketplaceID=…). No
 * credible public selectors exist (EVIDENCE.md warns that the one public tool guessed them): the
 * order comes from the URL, and the reply box is the page's message textarea, Katal's first.
 */
export const messagingSelectors = {
  replyBox: ['kat-textarea textarea', 'textarea[name="message"]', 'textarea'],
} as const;

/**
 * Selectors no offline fixture (test/fixtures/<adapter>/) matches: the real page variant each is
 * for, and the date to drop it by unless a fixture of that variant arrives (selectors.test.ts).
 */
export const unverifiedSelectors: Readonly<Record<string, { variant: string; drop: string }>> = {
  'kat-textarea textarea': { variant: 'Buyer-Seller Messaging "Contact buyer" page (Katal form); no public capture of its DOM', drop: '2027-06-30' },
  'textarea[name="message"]': { variant: 'Buyer-Seller Messaging "Contact buyer" page before Katal; no public capture of its DOM', drop: '2027-06-30' },
  textarea: { variant: 'Buyer-Seller Messaging "Contact buyer" page: its one textarea, whatever the form around it', drop: '2027-06-30' },
};
