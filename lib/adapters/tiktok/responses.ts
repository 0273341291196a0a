import en from 'zod/v4/locales/en.js';
import * as z from 'zod/mini';
import { decimalToMinor } from '../../money';
import type { CapturedOrder, Extraction, OrderItem } from '../../schema/capture';
import type { OrderStatus } from '../../schema/common';
import { describeIssues } from '../../schema/issues';
import { buyerKeyFor, orderKeyFor } from '../../schema/keys';
import { epochSecondsToIso } from '../dates';
import type { Sliced } from '../slices';
import { emptyExtraction, type Conversation, type TappedResponse } from '../types';
import { consoleOrderUrl, ORDER_API, shopOf, shopRecord, WORKBENCH_API, type TiktokShop } from './urls';

/*
 * Response shapes, field by field after the real captures in ../shared/reference/samples/tiktok_shop:
 * `order/list` and `order/get` of seller-br.tiktok.com (copiloto HAR, 2026-10-08) and a transcribed
 * `order/get` of the global-selling console with its buyer_info_module (VN, 2026-09-26). Ids are
 * strings (18–19 digits), times seconds as strings, amounts decimal strings in major units with
 * their currency. Unknown keys are ignored; a main order that does not fit is reported, not fatal.
 *
 * Who the buyer is: the order data names the buyer only by a masked nickname (`b**********1`),
 * never a name or a key. A TikTok buyer becomes known where the console itself asks for one
 * buyer's orders by the buyer's id: the chat's sidebar of "this buyer's orders" (workbench/data/list,
 * whose request carries `buyer_user_id`, the buyer's oec_uid) and an order list filtered by buyer
 * (the same condition). Those orders are keyed to the buyer `tiktok:<shop>:<oec_uid>`, and the chat
 * puts that buyer on screen; orders seen only in the plain list wait, buyerless, until then.
 */

/** sku_display_status, by the Open API's table (EVIDENCE.md: MEDIUM confidence; the raw code is kept in statusText). */
const STATUS_BY_CODE: Readonly<Record<string, OrderStatus>> = {
  '100': 'unpaid',
  '105': 'paid', // on hold (the payment is checked)
  '111': 'paid', // awaiting shipment
  '112': 'processing', // awaiting collection
  '114': 'shipped', // partially shipped
  '121': 'shipped', // in transit
  '122': 'delivered',
  '130': 'completed',
  '140': 'cancelled',
};

function buildSchemas() {
  z.config(en());
  const id = z.string().check(z.regex(/^\d{1,30}$/));
  const price = z.object({ price_val: z.string(), currency: z.string().check(z.regex(/^[A-Z]{3}$/)) });
  const mainOrder = z.object({
    main_order_id: id,
    trade_order_module: z.object({
      create_time: z.optional(z.string()),
      payment_time: z.optional(z.string()),
      sale_region: z.optional(z.string()),
    }),
    order_status_module: z.optional(z.array(z.object({ sku_display_status: z.optional(z.number()), main_order_status: z.optional(z.number()) }))),
    sku_module: z.optional(
      z.array(
        z.object({
          product_name: z.string(),
          sku_name: z.optional(z.string()),
          seller_sku_name: z.optional(z.string()),
          quantity: z.number(),
          sku_unit_price: z.optional(price),
        }),
      ),
    ),
    price_module: z.optional(z.object({ grand_total: z.optional(price) })),
    delivery_module: z.optional(z.array(z.object({ tracking_no: z.optional(z.string()), shipment_provider_info: z.optional(z.object({ name: z.optional(z.string()) })) }))),
  });
  const envelope = z.object({
    code: z.number(),
    data: z.optional(
      z.object({
        main_orders: z.optional(z.array(z.unknown())),
        main_order: z.optional(z.array(z.unknown())),
        order_workbench_data: z.optional(z.object({ seller_order_data: z.optional(z.object({ main_orders: z.optional(z.array(z.unknown())) })) })),
      }),
    ),
  });
  /** The buyer an order list or the chat's sidebar asks for: `search_condition.condition_list.buyer_user_id.value[0]`. */
  const condition = z.object({
    search_condition: z.optional(z.object({ condition_list: z.optional(z.object({ buyer_user_id: z.optional(z.object({ value: z.array(z.string()) })) })) })),
  });
  const request = z.object({
    search_condition: z.optional(z.unknown()),
    order_workbench_query: z.optional(z.object({ seller_order_req: z.optional(z.unknown()) })),
  });
  return { mainOrder, envelope, condition, request };
}
let built: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => (built ??= buildSchemas());

type MainOrder = z.infer<ReturnType<typeof buildSchemas>['mainOrder']>;

/** The buyer (oec_uid) whose orders this request asked for, if it asked for one buyer's. */
export function buyerAskedFor(requestBody: unknown): string | undefined {
  const request = schemas().request.safeParse(requestBody);
  if (!request.success) return undefined;
  const query = request.data.order_workbench_query?.seller_order_req ?? requestBody;
  const parsed = schemas().condition.safeParse(query);
  const value = parsed.success ? parsed.data.search_condition?.condition_list?.buyer_user_id?.value[0] : undefined;
  return value !== undefined && /^\d{1,30}$/.test(value) ? value : undefined;
}

/** The chat's conversation partner, where the response is the chat sidebar's list of one buyer's orders. */
export function conversationFrom(response: TappedResponse, pageUrl: URL): Conversation | undefined {
  if (!WORKBENCH_API.test(response.url.pathname + response.url.search)) return undefined;
  const buyer = buyerAskedFor(response.requestBody);
  const shop = shopOf(pageUrl);
  return buyer && shop ? { buyerKey: buyerKeyFor(shop.shopKey, buyer) } : undefined;
}

function amount(value: { price_val: string; currency: string } | undefined, bad: (reason: string) => void): { totalMinor: number; currency: string } | undefined {
  if (!value) return undefined;
  const minor = decimalToMinor(value.price_val, value.currency);
  if (minor === undefined) {
    bad(`unreadable amount ${value.price_val.slice(0, 40)}`);
    return undefined;
  }
  return { totalMinor: minor, currency: value.currency };
}

function itemsOf(o: MainOrder, bad: (reason: string) => void): OrderItem[] {
  return (o.sku_module ?? []).flatMap((sku) => {
    if (!Number.isInteger(sku.quantity) || sku.quantity < 1) {
      bad(`item ${sku.product_name.slice(0, 40)}: quantity ${sku.quantity}`);
      return [];
    }
    const unit = amount(sku.sku_unit_price, bad);
    return [
      {
        title: sku.product_name,
        quantity: sku.quantity,
        ...(sku.sku_name ? { variant: sku.sku_name } : {}),
        ...(sku.seller_sku_name ? { sku: sku.seller_sku_name } : {}),
        ...(unit ? { unitPriceMinor: unit.totalMinor } : {}),
      },
    ];
  });
}

/** One main order as a BuyerLens order; `bad` notes what could not be read of it. */
function orderOf(o: MainOrder, shop: TiktokShop, pageUrl: URL, buyer: string | undefined, bad: (reason: string) => void): CapturedOrder {
  const seconds = (text: string | undefined) => (text !== undefined && /^\d{1,12}$/.test(text) ? Number(text) : undefined);
  const placedAt = epochSecondsToIso(seconds(o.trade_order_module.create_time), bad);
  const paidAt = epochSecondsToIso(seconds(o.trade_order_module.payment_time), bad);
  const code = o.order_status_module?.[0]?.sku_display_status;
  const status = code !== undefined ? STATUS_BY_CODE[String(code)] : undefined;
  if (code !== undefined && !status) bad(`unknown sku_display_status ${code}`);
  const total = amount(o.price_module?.grand_total, bad);
  const items = itemsOf(o, bad);
  const delivery = o.delivery_module?.find((d) => d.tracking_no);
  return {
    orderKey: orderKeyFor(shop.shopKey, o.main_order_id),
    orderId: o.main_order_id,
    shopKey: shop.shopKey,
    consoleUrl: consoleOrderUrl(pageUrl, shop, o.main_order_id),
    ...(buyer ? { buyerKey: buyerKeyFor(shop.shopKey, buyer) } : {}),
    ...(placedAt ? { placedAt } : {}),
    ...(paidAt ? { paidAt } : {}),
    ...(status ? { status } : {}),
    ...(code !== undefined ? { statusText: `sku_display_status ${code}` } : {}),
    ...(total ?? (shop.currency ? { currency: shop.currency } : {})),
    ...(items.length > 0 ? { items } : {}),
    ...(delivery?.tracking_no ? { trackingNumber: delivery.tracking_no } : {}),
    ...(delivery?.shipment_provider_info?.name ? { carrier: delivery.shipment_provider_info.name } : {}),
  };
}

/**
 * What an order list, an order detail or the chat's order sidebar holds, a main order per slice
 * step. Orders are keyed to a buyer only where the request asked for that buyer's orders.
 */
export function* fromResponse(response: TappedResponse, pageUrl: URL): Sliced<Extraction> {
  const out = emptyExtraction();
  const path = response.url.pathname + response.url.search;
  if (!ORDER_API.test(path) && !WORKBENCH_API.test(path)) {
    out.problems.push({ where: response.url.pathname, reason: 'no reader for this endpoint' });
    return out;
  }
  schemas();
  yield;
  const parsed = schemas().envelope.safeParse(response.body);
  if (!parsed.success) {
    out.problems.push({ where: response.url.pathname, reason: `unexpected response: ${describeIssues(parsed.error)}` });
    return out;
  }
  if (parsed.data.code !== 0) {
    out.problems.push({ where: response.url.pathname, reason: `the console answered code ${parsed.data.code}` });
    return out;
  }
  const data = parsed.data.data;
  const list = data?.main_orders ?? data?.main_order ?? data?.order_workbench_data?.seller_order_data?.main_orders ?? [];
  const buyer = buyerAskedFor(response.requestBody);
  for (let index = 0; index < list.length; index++) {
    yield;
    const where = `main_orders[${index}]`;
    const one = schemas().mainOrder.safeParse(list[index]);
    if (!one.success) {
      out.problems.push({ where, reason: describeIssues(one.error) });
      continue;
    }
    const shop = shopOf(pageUrl, one.data.trade_order_module.sale_region);
    if (!shop) {
      out.problems.push({ where, reason: `no shop for ${pageUrl.hostname}` });
      continue;
    }
    const order = orderOf(one.data, shop, pageUrl, buyer, (reason) => out.problems.push({ where, reason }));
    out.orders.push(order);
    if (buyer && !out.buyers.some((b) => b.buyerKey === order.buyerKey)) out.buyers.push({ buyerKey: order.buyerKey!, shopKey: shop.shopKey, platformBuyerId: buyer });
    if (!out.shops.some((s) => s.shopKey === shop.shopKey)) out.shops.push(shopRecord(shop));
  }
  return out;
}
