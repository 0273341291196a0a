import { tiktokOrderDetail, tiktokOrderList, tiktokUserInfo, tiktokWorkbench } from './tiktok';
import { lazadaOrderDetail, lazadaOrderList, mtopData } from './lazada';
import type { AmazonDemoOrder, DemoData, ShopeeDemoOrder, ShopeeStatus } from './data';

/*
 * The demo consoles' API answers, in the real shapes (see test/fixtures and ../shared/reference):
 * Shopee money ×100000 in lists and decimal strings in the detail; Amazon epoch-second floats.
 *
 * Every key is one the real console sends: test/unit/real-shapes.test.ts compares each answer's
 * keys with the real samples in ../shared/reference/samples and fails on any other key, unless
 * the adapter's test/fixtures/<id>/real-shapes/citations.ts cites a public source for it. Where an endpoint has no saved
 * sample, or a key goes beyond one, the comment beside it names the source.
 */

const SHOPEE_STATUS_TEXT: Record<ShopeeStatus, string> = {
  unpaid: 'Não pago',
  toship: 'A Enviar',
  shipping: 'Enviado',
  completed: 'Concluído',
  cancelled: 'Cancelado',
  refund: 'Devolução/Reembolso',
};
const SHOPEE_LIST_TYPE: Record<ShopeeStatus, number> = { unpaid: 9, toship: 7, shipping: 8, completed: 3, cancelled: 4, refund: 3 };
const SHOP_ID = 412095871;

const decimal = (minor: number) => (minor / 100).toFixed(2);

export function shopeeIndex(data: DemoData, body: { pagination?: { page_number?: number; page_size?: number } }) {
  const size = Math.min(Math.max(body.pagination?.page_size ?? 40, 1), 200);
  const page = Math.max(body.pagination?.page_number ?? 1, 1);
  const slice = data.shopee.slice((page - 1) * size, page * size);
  return {
    code: 0,
    data: {
      index_list: slice.map((o) => ({ order_id: Number(o.orderId), shop_id: SHOP_ID, region_id: 'BR' })),
      pagination: { total: data.shopee.length, page_number: page, page_size: size },
    },
  };
}

function shopeeCard(o: ShopeeDemoOrder) {
  const itemGroup = {
    item_info_list: o.items.map((i) => ({
      item_list: [{ name: i.title, image: 'br-11134207-7r98o-demo', description: i.variation ?? '', is_wholesale: false, amount: i.quantity }],
      item_ext_info: { is_bundle: false },
    })),
  };
  const payment = { currency: 6, total_price: o.totalMinor * 1000, payment_method: 'Pix' };
  const status = { status: SHOPEE_STATUS_TEXT[o.status], status_description: { description_value: '' }, rts_info: {} };
  const fulfilment = { fulfilment_channel_name: 'Shopee Xpress', ...(o.tracking ? { tracking_number_list: [o.tracking] } : {}) };
  const ext = { order_id: Number(o.orderId), buyer_user_id: Number(o.buyerUserId), logistics_status: 1, is_split_up: false, odp_url_path_query: `/portal/sale/order/${o.orderId}` };
  const header = { order_sn: o.orderSn, buyer_info: { username: o.username, portrait: '' } };
  if (o.status === 'unpaid') {
    // The real sample's order_card header has no portrait (its package-level headers do).
    const orderCardHeader = { order_sn: o.orderSn, buyer_info: { username: o.username } };
    return { order_card: { card_header: orderCardHeader, item_info_group: itemGroup, payment_info: payment, status_info: status, fulfilment_info: fulfilment, order_ext_info: ext, package_ext_info_list: [] } };
  }
  return {
    package_level_order_card: {
      card_header: header,
      package_list: [{ item_info_group: itemGroup, payment_info: payment, status_info: status, fulfilment_info: fulfilment, package_ext_info: { package_number: `OFG${o.orderId}` } }],
      action_info: { btn_info_list: [], hide_chat_button: false },
      order_ext_info: ext,
    },
  };
}

export function shopeeCards(data: DemoData, body: { order_param_list?: { order_id: number | string }[] }) {
  const wanted = (body.order_param_list ?? []).map((p) => String(p.order_id));
  const byId = new Map(data.shopee.map((o) => [o.orderId, o]));
  const cards = wanted.flatMap((id) => {
    const order = byId.get(id);
    return order ? [shopeeCard(order)] : [];
  });
  return { code: 0, data: { card_list: cards }, message: 'success', user_message: 'success' };
}

/**
 * GET /api/v3/order/get_one_order. No saved sample: the keys are those of JustCSharp.ShopeeSDK
 * Domain/Order/Order.cs @ 1aaf2987 (the seller-centre order/get_one_order model) and its response
 * envelope (Response/ShopeeResponseBase.cs @ 339b42ba: code, message, user_message, data), except
 * `shipping_traceno`, below. The not-found answer keeps to the envelope.
 */
export function shopeeOneOrder(data: DemoData, orderId: string) {
  const o = data.shopee.find((x) => x.orderId === orderId);
  if (!o) return { code: 20001, message: 'order not found', data: null };
  return {
    code: 0,
    message: 'success',
    data: {
      order_id: Number(o.orderId),
      order_sn: o.orderSn,
      shop_id: SHOP_ID,
      buyer_user: { user_id: Number(o.buyerUserId), user_name: o.username, portrait: '', delivery_order_count: 0, delivery_succ_count: 0 },
      buyer_address_name: '***',
      buyer_address_phone: '***',
      shipping_address: '***',
      status: o.status === 'completed' ? 4 : 2,
      status_ext: o.status === 'refund' ? 10 : 2,
      logistics_status: o.status === 'completed' ? 5 : 1,
      list_type: SHOPEE_LIST_TYPE[o.status],
      create_time: o.createdAt,
      complete_time: o.status === 'completed' ? o.createdAt + 6 * 86_400 : 0,
      pickup_time: o.status === 'shipping' || o.status === 'completed' ? o.createdAt + 86_400 : 0,
      total_price: decimal(o.totalMinor),
      shipping_fee: '0.00',
      actual_carrier: 'Shopee Xpress',
      // Not in Order.cs: the seller-centre v3 order object has it (ShopeeChat OrderInfoV3, a public
      // C# model with captured values in its comments, code-search index id 8036220615).
      shipping_traceno: o.tracking ?? '',
      order_items: o.items.map((i, n) => ({
        item_id: 19_930_217_000 + n,
        model_id: 172_839_281_000 + n,
        amount: i.quantity,
        order_price: decimal(i.unitMinor),
        item_model: { name: i.variation ?? '', sku: i.sku },
        product: { name: i.title, sku: i.sku.split('-')[0] },
      })),
    },
  };
}

const usd = (minor: number) => ({ Amount: minor / 100, CurrencyCode: 'USD', EncryptedAmount: null });

/**
 * The opaque token Seller Central puts in an order (`blob`, real sample: ~2.4 kB of base64) and the
 * page POSTs to /orders-st/resolve for the buyer's name and address. The demo's blob names its order.
 */
const amazonBlob = (orderId: string) => Buffer.from(`buyerlens-demo/${orderId}`).toString('base64');
const orderOfBlob = (blob: string) => /^buyerlens-demo\/(.+)$/.exec(Buffer.from(blob, 'base64').toString())?.[1];

/**
 * A Manage Orders row of GET /orders-api/search. No saved sample in ../shared: every key is one of
 * the real 2021 search response of order 114-7941379-5480234 (the order of the saved detail sample)
 * in a public .js file, code-search index id 42535897373 (test/fixtures/amazon/real-shapes/citations.ts).
 */
function amazonRow(o: AmazonDemoOrder) {
  return {
    amazonOrderId: o.orderId,
    orderDate: o.purchaseDate,
    orderFulfillmentStatus: o.status,
    salesChannel: 'Amazon.com',
    homeMarketplaceId: 'ATVPDKIKX0DER',
    fulfillmentMethod: 'Ship',
    isMerchantFulfilled: true,
    latestShipDate: o.purchaseDate + 2 * 86_400,
    shippingService: 'Standard',
    relativeOrderDate: '',
    blob: amazonBlob(o.orderId),
    timeZoneDetailsMap: { orderDate: { offset: -28_800_000, shortenedTzString: 'PST' } },
    orderItems: o.items.map((i, n) => ({
      asin: `B0DEMO${String(n).padStart(4, '0')}`,
      sellerSku: i.sku,
      productName: i.title,
      orderItemId: `${o.orderId.replace(/-/g, '').slice(0, 12)}${n}`,
      quantityOrdered: i.quantity,
      quantityShipped: o.status === 'Shipped' ? i.quantity : 0,
      unitPrice: usd(i.unitMinor),
      conditionType: 'New',
    })),
  };
}

export function amazonSearch(data: DemoData, params: URLSearchParams) {
  const limit = Math.min(Math.max(Number(params.get('limit') ?? 15), 1), 200);
  const offset = Math.max(Number(params.get('offset') ?? 0), 0);
  return {
    appliedSearchFilters: [{ key: 'date-range', selectedValues: [params.get('date-range') ?? 'last-365'] }],
    debugInfo: null,
    exceptions: [],
    featureList: [],
    offset,
    requestId: 'DEMO7M2HZK4Q9C1VXN3T',
    total: data.amazon.length,
    orders: data.amazon.slice(offset, offset + limit).map(amazonRow),
  };
}

/**
 * GET /orders-api/order/{id}, after the real sample (../shared/reference/samples/amazon_seller_central).
 * It carries no buyer name (the page gets it from /orders-st/resolve, amazonResolve below).
 */
export function amazonOrder(data: DemoData, orderId: string) {
  const o = data.amazon.find((x) => x.orderId === orderId);
  if (!o) return undefined;
  const subtotal = o.totalMinor - o.shippingMinor;
  return {
    debugInfo: null,
    featureList: [],
    order: {
      amazonOrderId: o.orderId,
      blob: amazonBlob(o.orderId),
      buyerProxyEmail: `${o.buyerToken}@marketplace.amazon.com`,
      purchaseDate: o.purchaseDate + 0.512,
      salesChannel: 'Amazon.com',
      orderMarketplaceId: 'ATVPDKIKX0DER',
      fulfillmentChannel: 'Seller',
      shippingService: 'Standard',
      latestShipDate: o.purchaseDate + 2 * 86_400,
      orderStatus: {
        OrderStatus: o.status,
        RefundApplied: o.refunded,
        RefundPending: false,
        Late: false,
        AtRiskOfCancellation: false,
      },
      orderCost: {
        GrandTotal: usd(o.totalMinor),
        Total: usd(subtotal),
        ShippingTotal: usd(o.shippingMinor),
        // null in the sample (not refunded); a refund's amount is read as `RefundTotal_Amount` from
        // this body by a public script (code-search index id 45032738544), in the sample's money shape.
        RefundTotal: o.refunded ? usd(o.totalMinor) : null,
      },
      orderItems: o.items.map((i, n) => ({
        ASIN: `B0DEMO${String(n).padStart(4, '0')}`,
        SellerSKU: i.sku,
        Title: i.title,
        QuantityOrdered: i.quantity,
        QuantityShipped: o.status === 'Shipped' ? i.quantity : 0,
        ItemCost: { UnitPrice: usd(i.unitMinor), Subtotal: usd(i.unitMinor * i.quantity) },
        ItemStatus: { ItemStatus: o.status, CancelStatus: 'None' },
      })),
      timeZoneDetailsMap: { purchaseDate: { offset: -28_800_000, shortenedTzString: 'PST' } },
    },
    protips: [],
    requestId: 'DEMOQ3D8N1W7FZ5K2XB9',
    responseCodes: [],
  };
}

/**
 * POST /orders-st/resolve {"blobs":[order.blob]}: the buyer's name and address, which the order page
 * shows ("Contact Buyer: <name>", the ship-to block) and the order JSON does not carry (EVIDENCE.md,
 * Amazon). The answer is keyed by order id, each with `buyerName` and `address{name, …}`, as three
 * public scripts read it (code-search index ids 45032738544, 36405131500, 36241581908); the demo
 * has no addresses, so its address is the recipient's name only.
 */
export function amazonResolve(data: DemoData, body: { blobs?: unknown }) {
  const blobs = Array.isArray(body.blobs) ? body.blobs.filter((b): b is string => typeof b === 'string') : [];
  const entries = blobs.flatMap((blob) => {
    const order = data.amazon.find((o) => o.orderId === orderOfBlob(blob));
    return order ? [[order.orderId, { buyerName: order.buyerName, address: { name: order.buyerName } }] as const] : [];
  });
  return Object.fromEntries(entries);
}

/*
 * Web chat: one conversation per buyer, newest order first. What the buyer last wrote follows their
 * newest order, in Portuguese as Brazilian buyers write (EVIDENCE.md, Shopee "Chat": message fields).
 *
 * No saved sample of either answer. A conversation has only the keys public web-chat clients read
 * from /webchat/api/v1.2/conversations: `id`, `shop_id`, `to_id`, `to_name`, `to_avatar`
 * (kaojai-ai/omnichat-bridge extension/shopee-realtime.js, EVIDENCE.md) and `latest_message_type`,
 * `latest_message_content.text`, `latest_message_from_id` (a VN seller tool, code-search index id
 * 7994548544). A message has the fields EVIDENCE.md lists (kaojai-ai/omnichat-bridge).
 */
const BUYER_LINES: Record<ShopeeStatus, string> = {
  unpaid: 'Oi! Ainda dá tempo de pagar o boleto? Não consegui ontem.',
  toship: 'Boa tarde, quando vocês enviam meu pedido?',
  shipping: 'Olá, meu pedido já saiu? Quando chega?',
  completed: 'Chegou tudo certinho, obrigada!',
  cancelled: 'Cancelei sem querer, consigo refazer o pedido?',
  refund: 'Veio quebrado, quero um reembolso por favor.',
};
const conversationId = (buyerUserId: string) => `8${buyerUserId}`;

export function shopeeConversations(data: DemoData) {
  const seen = new Map<string, ShopeeDemoOrder>();
  for (const o of data.shopee) if (!seen.has(o.buyerUserId)) seen.set(o.buyerUserId, o);
  return [...seen.values()].slice(0, 50).map((o) => ({
    id: conversationId(o.buyerUserId),
    to_id: Number(o.buyerUserId),
    to_name: o.username,
    to_avatar: '',
    shop_id: SHOP_ID,
    latest_message_type: 'text',
    latest_message_content: { text: BUYER_LINES[o.status] },
    latest_message_from_id: Number(o.buyerUserId),
  }));
}

export function shopeeMessages(data: DemoData, id: string) {
  const order = data.shopee.find((o) => conversationId(o.buyerUserId) === id);
  if (!order) return undefined;
  const buyer = Number(order.buyerUserId);
  const at = order.createdAt;
  return [
    { id: `${id}01`, conversation_id: id, from_id: buyer, from_shop_id: 0, to_id: 900000001, to_shop_id: SHOP_ID, type: 'text', created_timestamp: at + 60, content: { text: 'Olá!' } },
    { id: `${id}02`, conversation_id: id, from_id: 900000001, from_shop_id: SHOP_ID, to_id: buyer, to_shop_id: 0, type: 'text', created_timestamp: at + 120, content: { text: 'Olá! Como posso ajudar?' } },
    { id: `${id}03`, conversation_id: id, from_id: buyer, from_shop_id: 0, to_id: 900000001, to_shop_id: SHOP_ID, type: 'text', created_timestamp: at + 180, content: { text: BUYER_LINES[order.status] } },
  ];
}

/** A JSON request as the demo consoles answer it: its URL, its JSON body, the ids in its path. */
export interface DemoRequest {
  url: URL;
  body: Record<string, unknown>;
  params: string[];
}

/** One endpoint of a demo console's JSON API. */
export interface DemoJsonEndpoint {
  /**
   * The real console's request path, each id a {placeholder}. test/unit/real-shapes.test.ts finds
   * the real sample (or the cited keys) of each answer by this path.
   */
  path: string;
  /** The JSON body; undefined where the real console has no JSON for the request (the demo's 404 page). */
  answer: (data: DemoData, request: DemoRequest) => unknown;
}

/** The path's ids if `pathname` is a request to `path`, else undefined. */
export function matchDemoPath(path: string, pathname: string): string[] | undefined {
  const pattern = new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '([^/]+)')}$`);
  return pattern.exec(pathname)?.slice(1);
}

/** Every JSON answer of the demo consoles, by console (scripts/demo/serve.ts routes them). */
export const demoApi: Record<'shopee' | 'amazon' | 'tiktok' | 'lazada', readonly DemoJsonEndpoint[]> = {
  shopee: [
    { path: '/api/v3/order/search_order_list_index', answer: (data, r) => shopeeIndex(data, r.body as Parameters<typeof shopeeIndex>[1]) },
    { path: '/api/v3/order/get_order_list_card_list', answer: (data, r) => shopeeCards(data, r.body as Parameters<typeof shopeeCards>[1]) },
    { path: '/api/v3/order/get_one_order', answer: (data, r) => shopeeOneOrder(data, r.url.searchParams.get('order_id') ?? '') },
    { path: '/webchat/api/v1.2/conversations', answer: (data) => shopeeConversations(data) },
    { path: '/webchat/api/v1.2/conversations/{id}/messages', answer: (data, r) => shopeeMessages(data, r.params[0]!) ?? [] },
  ],
  amazon: [
    { path: '/orders-api/search', answer: (data, r) => amazonSearch(data, r.url.searchParams) },
    { path: '/orders-api/order/{id}', answer: (data, r) => amazonOrder(data, r.params[0]!) },
    { path: '/orders-st/resolve', answer: (data, r) => amazonResolve(data, r.body) },
  ],
  tiktok: [
    { path: '/api/fulfillment/order/list', answer: (data, r) => tiktokOrderList(data, r.body as Parameters<typeof tiktokOrderList>[1]) },
    { path: '/api/fulfillment/order/get', answer: (data, r) => tiktokOrderDetail(data, r.body as Parameters<typeof tiktokOrderDetail>[1]) },
    { path: '/api/v1/shop_im/shop/user/mget_info_v2', answer: (data, r) => tiktokUserInfo(data, r.body as Parameters<typeof tiktokUserInfo>[1]) },
    { path: '/api/v1/shop_im/shop/workbench/data/list', answer: (data, r) => tiktokWorkbench(data, r.body as Parameters<typeof tiktokWorkbench>[1]) },
  ],
  // The mtop gateway acs-m.lazada.com.ph (another origin than the pages'): GET, the request in `data`.
  lazada: [
    { path: '/h5/mtop.lazada.seller.order.query.list/1.0/', answer: (data, r) => lazadaOrderList(data, mtopData(r.url)) },
    { path: '/h5/mtop.lazada.seller.order.main.detail/1.0/', answer: (data, r) => lazadaOrderDetail(data, mtopData(r.url)) },
  ],
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Buyer-Seller Messaging's "Contact buyer" page for an order (server-rendered, as the messaging pages
 * are): the order, a reply box whose state follows input events, and Send, which only a click sends.
 */
export function amazonContactPage(data: DemoData, orderId: string): string {
  const order = data.amazon.find((o) => o.orderId === orderId);
  const body = order
    ? `<h1>Contact buyer: ${escapeHtml(order.buyerName)}</h1><p>Order ID: <span id="order-id">${escapeHtml(order.orderId)}</span></p>` +
      `<label for="message">Message</label><textarea id="message" name="message" rows="8" maxlength="4000"></textarea>` +
      `<p><span class="count">0/4000</span> <button data-demo="send" disabled>Send</button></p><p id="sent"></p>`
    : '<h1>Order not found</h1>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contact Buyer - Seller Central (demo)</title>
<style>body{font-family:"Amazon Ember",Arial,sans-serif;margin:0;background:#fff;color:#0f1111;font-size:14px}
header{background:#232f3e;color:#fff;padding:10px 20px}main{max-width:760px;margin:20px auto}
textarea{width:100%;font:inherit;padding:8px;border:1px solid #888c8c;border-radius:4px}
button{background:#ffd814;border:1px solid #fcd200;border-radius:8px;padding:6px 16px;font:inherit}button:disabled{opacity:.5}
.count{color:#565959}</style></head><body><header>Seller Central · Buyer-Seller Messaging (BuyerLens demo)</header><main id="MYO-app">${body}</main>
<script>(() => {
  const box = document.getElementById('message'); if (!box) return;
  const state = { draft: '' }; window.__demoChat = state;
  const count = document.querySelector('.count'); const send = document.querySelector('[data-demo="send"]');
  box.addEventListener('input', () => { state.draft = box.value; count.textContent = state.draft.length + '/4000'; send.disabled = !state.draft.trim(); });
  send.addEventListener('click', () => { document.getElementById('sent').textContent = 'Sent.'; });
})();</script></body></html>`;
}
