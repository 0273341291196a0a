import type { AmazonDemoOrder, DemoData, ShopeeDemoOrder, ShopeeStatus } from './data';

/*
 * The demo consoles' API answers, in the real shapes (see test/fixtures and ../shared/reference):
 * Shopee money ×100000 in lists and decimal strings in the detail; Amazon epoch-second floats.
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
    return { order_card: { card_header: header, item_info_group: itemGroup, payment_info: payment, status_info: status, fulfilment_info: fulfilment, order_ext_info: ext, package_ext_info_list: [] } };
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
    blob: 'AQICAHhN9Yw0Rk8b7mF3kq1X0nJZ2Ch1p7GgB0sPqL3vT6dXw',
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

export function amazonOrder(data: DemoData, orderId: string) {
  const o = data.amazon.find((x) => x.orderId === orderId);
  if (!o) return undefined;
  const subtotal = o.totalMinor - o.shippingMinor;
  return {
    debugInfo: null,
    featureList: [],
    order: {
      amazonOrderId: o.orderId,
      buyerProxyEmail: `${o.buyerToken}@marketplace.amazon.com`,
      buyerName: o.buyerName,
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
