import type { DemoData, DemoItem } from './data';

/**
 * The TikTok Shop Brazil demo console's data, derived from the demo's Brazilian buyers (the same
 * people buy on Shopee and on TikTok Shop): a buyer's TikTok orders under their own ids. The JSON is
 * shaped field by field after the real order/list and order/get captures (../shared/reference/samples/
 * tiktok_shop, copiloto BR 2026-10-08, and the VN order/get with its buyer module) and the chat
 * sidebar's shape (EVIDENCE.md: same main_orders).
 */
export const DEMO_TIKTOK = 'https://seller-br.tiktok.com';

export interface TiktokDemoOrder {
  mainOrderId: string;
  /** The buyer's oec_uid: what the console's chat asks for their orders by. */
  buyerId: string;
  /** What the order data shows of the buyer: a masked nickname (`m*******a`), never a name. */
  maskedNickname: string;
  createdAt: number; // epoch seconds
  /** sku_display_status (Open API table). */
  status: 100 | 111 | 121 | 122 | 130 | 140;
  items: DemoItem[];
  totalMinor: number; // BRL cents
}

const SHOPEE_TO_TIKTOK: Readonly<Record<string, TiktokDemoOrder['status']>> = { unpaid: 100, toship: 111, shipping: 121, completed: 130, cancelled: 140, refund: 140 };

const mask = (name: string) => (name.length < 3 ? '***' : `${name[0]}${'*'.repeat(name.length - 2)}${name.at(-1)}`);

/** Every third Shopee buyer also buys on TikTok Shop: their orders there, newest first. */
export function tiktokOrders(data: DemoData): TiktokDemoOrder[] {
  const out: TiktokDemoOrder[] = [];
  for (const [index, o] of data.shopee.entries()) {
    if (Number(o.buyerUserId) % 3 !== 0) continue;
    out.push({
      mainOrderId: String(578_200_000_000_000_000n + BigInt(index) * 7_919n),
      buyerId: String(7_494_000_000_000_000_000n + BigInt(o.buyerUserId)),
      maskedNickname: mask(o.username),
      createdAt: o.createdAt - 3_600,
      status: SHOPEE_TO_TIKTOK[o.status] ?? 130,
      items: o.items,
      totalMinor: o.totalMinor,
    });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

const price = (minor: number) => ({ price_val: (minor / 100).toFixed(2), currency: 'BRL', symbol: 'R$' });

function mainOrder(o: TiktokDemoOrder) {
  const lines = o.items.map((_, i) => `${o.mainOrderId.slice(0, -1)}${i + 1}`);
  return {
    main_order_id: o.mainOrderId,
    trade_order_id_mapper: { main_order_id: o.mainOrderId, order_line_ids: lines },
    trade_order_module: {
      main_order_id: o.mainOrderId,
      create_time: String(o.createdAt),
      ...(o.status !== 100 ? { payment_time: String(o.createdAt + 240) } : {}),
      update_time: String(o.createdAt * 1000 + 5_120),
      platform: 1,
      business_line: 1,
      sale_region: 'BR',
      main_order_type: 0,
      fulfillment_type: 0,
      need_invoice_flag: true,
      shipping_fee: price(0),
    },
    order_status_module: lines.map((line) => ({ order_line_id: line, main_order_status: o.status === 140 ? 104 : 102, main_sub_order_status: 0, sku_display_status: o.status })),
    sku_module: o.items.map((item, i) => ({
      sku_id: `17${o.mainOrderId.slice(2, -1)}${i}`,
      order_line_ids: [lines[i]],
      product_name: item.title,
      ...(item.variation ? { sku_name: item.variation } : {}),
      seller_sku_name: item.sku,
      product_type: 0,
      quantity: item.quantity,
      sku_unit_price: price(item.unitMinor),
      sku_total_price: price(item.unitMinor * item.quantity),
      product_id: `173${o.mainOrderId.slice(3, -1)}${i}`,
    })),
    price_module: { main_order_id: o.mainOrderId, sub_total: price(o.totalMinor), grand_total: price(o.totalMinor) },
    // The list's buyer module shows a masked nickname only (VN capture 2026-09-26; EVIDENCE.md).
    buyer_info_module: { buyer_nickname: o.maskedNickname },
    note_module: { main_order_id: o.mainOrderId, has_seller_note: false, has_seller_flag: false, has_buyer_note: false },
    // The order's chat link (EVIDENCE.md: action_module.buyer_im_action_link = /chat?...); the real one carries a token.
    action_module: { main_order_id: o.mainOrderId, action_list: [199], buyer_im_action_link: `/chat?shop_region=BR&conversation=${conversationOf(o.buyerId)}` },
  };
}

/** The chat's conversation with a buyer (imcloud_conversation_id): the demo derives one from the buyer. */
export const conversationOf = (buyerId: string) => `76${buyerId}`;

/**
 * The detail's price module: the list's, with the detail-only keys both real order/get captures have
 * (`shipping_fee`, `taxes`; EVIDENCE.md: "order/get … + full price_module"). The demo's totals have
 * no shipping, tax or discount in them.
 */
function detailPriceModule(o: TiktokDemoOrder) {
  return { main_order_id: o.mainOrderId, sub_total: price(o.totalMinor), grand_total: price(o.totalMinor), shipping_fee: price(0), taxes: price(0) };
}

/**
 * POST /api/fulfillment/order/get `{main_order_id: [...]}` (batched ≤ 20, EVIDENCE.md): the main orders
 * asked for, as `data.main_order[]`. An id the shop does not have is left out of the list (what the
 * real console answers for one is not in the evidence; the adapter reads an empty list as no order).
 */
export function tiktokOrderDetail(data: DemoData, request: { main_order_id?: string[] }) {
  const byId = new Map(tiktokOrders(data).map((o) => [o.mainOrderId, o]));
  const asked = (request.main_order_id ?? []).slice(0, 20).flatMap((id) => byId.get(id) ?? []);
  return { code: 0, data: { main_order: asked.map((o) => ({ ...mainOrder(o), price_module: detailPriceModule(o) })) }, message: 'success' };
}

/**
 * The chat's list of conversations: the open one first, then those of the buyers of the newest
 * orders. The real list travels as protobuf (EVIDENCE.md: no JSON to tap), so the demo page carries it
 * in its markup; BuyerLens reads none of it, only the sidebar's JSON of the conversation opened.
 */
export function tiktokConversations(data: DemoData, open: string, limit = 6): { conversation: string; nickname: string }[] {
  const list = new Map<string, string>();
  const orders = tiktokOrders(data);
  const opened = orders.find((o) => conversationOf(o.buyerId) === open);
  if (opened) list.set(open, opened.maskedNickname);
  for (const o of orders) {
    if (list.size >= limit) break;
    if (!list.has(conversationOf(o.buyerId))) list.set(conversationOf(o.buyerId), o.maskedNickname);
  }
  return [...list].map(([conversation, nickname]) => ({ conversation, nickname }));
}

/** POST /api/v1/shop_im/shop/user/mget_info_v2: the buyer (oec_uid) of each conversation the chat opens. */
export function tiktokUserInfo(data: DemoData, request: { imcloud_conversation_ids?: string[] }) {
  const buyers = new Set(tiktokOrders(data).map((o) => o.buyerId));
  const ids = (request.imcloud_conversation_ids ?? []).filter((c) => c.startsWith('76') && buyers.has(c.slice(2)));
  return { code: 0, data: { user_info_map: Object.fromEntries(ids.map((c) => [c, { oec_uid: c.slice(2) }])) } };
}

interface ListRequest {
  offset?: number;
  count?: number;
  search_condition?: { condition_list?: { buyer_user_id?: { value?: string[] } } };
}

/** POST /api/fulfillment/order/list: a page of main orders, newest first (optionally one buyer's). */
export function tiktokOrderList(data: DemoData, request: ListRequest) {
  const buyer = request.search_condition?.condition_list?.buyer_user_id?.value?.[0];
  const all = tiktokOrders(data).filter((o) => !buyer || o.buyerId === buyer);
  const offset = request.offset ?? 0;
  const count = request.count ?? 20;
  const page = all.slice(offset, offset + count);
  return {
    code: 0,
    message: 'success',
    data: { offset, count, total_count: all.length, main_orders: page.map(mainOrder), next_cursor_token: '', has_more: offset + count < all.length },
  };
}

/** POST /api/v1/shop_im/shop/workbench/data/list: the chat sidebar's orders of the buyer its request names. */
export function tiktokWorkbench(data: DemoData, request: { order_workbench_query?: { seller_order_req?: ListRequest } }) {
  const list = tiktokOrderList(data, request.order_workbench_query?.seller_order_req ?? {});
  return { code: 0, data: { order_workbench_data: { seller_order_data: { main_orders: list.data.main_orders } } } };
}
