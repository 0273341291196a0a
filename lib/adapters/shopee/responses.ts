import en from 'zod/v4/locales/en.js';
import * as z from 'zod/mini';
import { describeIssues } from '../../schema/issues';
import type { CapturedBuyer, CapturedOrder, Extraction, OrderItem } from '../../schema/capture';
import { unmasked, unmaskedName } from '../../schema/masked';
import { epochSecondsToIso } from '../dates';
import { decimalToMinor, minorExponent } from '../../money';
import type { Sliced } from '../slices';
import { emptyExtraction, type TappedResponse } from '../types';
import { chatExtraction, isChatApi } from './chat';
import { statusFromDetail, statusFromText } from './statuses';
import { consoleOrderUrls, shopOf, type ShopeeShop } from './urls';
import { buyerKeyFor, orderKeyFor } from '../../schema/keys';

/*
 * Response shapes, field by field after real captures of seller.shopee.com.br (copiloto HAR
 * "retratos", 2026-10) and public clients of get_one_order (JustCSharp.ShopeeSDK Order.cs; a CNSC
 * field-by-field script). Unknown keys are ignored; a card that does not fit is reported, not fatal.
 */
function buildSchemas() {
  z.config(en());
  const id = z.pipe(z.union([z.number().check(z.int()), z.string().check(z.regex(/^\d+$/))]), z.transform(String));

  const cardItemSchema = z.object({
    name: z.string(),
    description: z.optional(z.string()),
    amount: z.number().check(z.int(), z.positive()),
  });
  const itemInfoGroupSchema = z.object({
    item_info_list: z.array(z.object({ item_list: z.array(cardItemSchema) })),
  });
  const paymentInfoSchema = z.object({ total_price: z.number().check(z.int(), z.nonnegative()) });
  const statusInfoSchema = z.object({ status: z.string() });
  const fulfilmentInfoSchema = z.object({
    fulfilment_channel_name: z.optional(z.string()),
    tracking_number_list: z.optional(z.array(z.string())),
  });
  const cardHeaderSchema = z.object({
    order_sn: z.string().check(z.minLength(1)),
    buyer_info: z.optional(z.object({ username: z.optional(z.string()) })),
  });
  const orderExtInfoSchema = z.object({ order_id: id, buyer_user_id: z.optional(id) });

  const orderCardSchema = z.object({
    card_header: cardHeaderSchema,
    item_info_group: itemInfoGroupSchema,
    payment_info: paymentInfoSchema,
    status_info: statusInfoSchema,
    fulfilment_info: z.optional(fulfilmentInfoSchema),
    order_ext_info: orderExtInfoSchema,
  });
  const packageLevelOrderCardSchema = z.object({
    card_header: cardHeaderSchema,
    package_list: z
      .array(
        z.object({
          item_info_group: itemInfoGroupSchema,
          payment_info: paymentInfoSchema,
          status_info: statusInfoSchema,
          fulfilment_info: z.optional(fulfilmentInfoSchema),
        }),
      )
      .check(z.minLength(1)),
    order_ext_info: orderExtInfoSchema,
  });
  const cardListSchema = z.object({
    data: z.object({ card_list: z.array(z.record(z.string(), z.unknown())) }),
  });
  /** The card_list request names each order with its shop and region. */
  const cardListRequestSchema = z.object({
    order_param_list: z.optional(z.array(z.object({ order_id: id, region_id: z.optional(z.string()) }))),
  });

  const orderItemDetailSchema = z.object({
    amount: z.number().check(z.int(), z.positive()),
    order_price: z.optional(z.string()),
    item_model: z.nullish(z.object({ name: z.optional(z.string()), sku: z.optional(z.string()) })),
    product: z.nullish(z.object({ name: z.optional(z.string()), sku: z.optional(z.string()) })),
  });
  const oneOrderSchema = z.object({
    data: z.object({
      order_id: id,
      order_sn: z.string().check(z.minLength(1)),
      shop_id: z.optional(id),
      buyer_user: z.nullish(z.object({ user_id: id, user_name: z.optional(z.string()) })),
      list_type: z.optional(z.number().check(z.int())),
      logistics_status: z.optional(z.number().check(z.int())),
      create_time: z.optional(z.number()),
      complete_time: z.optional(z.number()),
      pickup_time: z.optional(z.number()),
      total_price: z.string(),
      order_items: z.array(orderItemDetailSchema),
      actual_carrier: z.optional(z.string()),
      shipping_traceno: z.optional(z.string()),
    }),
  });
  return { itemInfoGroupSchema, orderCardSchema, packageLevelOrderCardSchema, cardListSchema, cardListRequestSchema, oneOrderSchema };
}

/** Shopee sends money as an integer ×100000 of the currency unit (R$ 65,85 → 6584736). */
export function shopeeMoneyToMinor(value: number, currency: string): number {
  return Math.round((value * 10 ** minorExponent(currency)) / 100000);
}

/**
 * With zod/mini, and built on first use rather than at import: the content script starts on every
 * console page, and with full zod (two thirds of the script) it spent over a third of its start-up
 * building these. The English messages are the ones full zod gives, for the capture log.
 */
let builtSchemas: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => (builtSchemas ??= buildSchemas());

/**
 * Shopee order numbers start with the order date, YYMMDD in UTC+8 ("2406165VNRY0Y1" was created
 * 2024-06-16 10:03 +08:00). Card lists carry no order time, so this dates them to the day; the exact
 * create_time from the detail replaces it. Noon UTC+8 keeps the calendar day in most time zones.
 */
export function placedDayFromOrderSn(orderSn: string, now = Date.now()): string | undefined {
  const prefix = orderSn.slice(0, 6);
  let day = orderDays.get(prefix);
  if (day === undefined) {
    day = orderDay(prefix);
    orderDays.set(prefix, day);
  }
  return day && day.time <= now + 86_400_000 ? day.iso : undefined;
}

/** The days order numbers start with, read once each: a list of hundreds of orders has a few dozen. */
const orderDays = new Map<string, { time: number; iso: string } | null>();

function orderDay(prefix: string): { time: number; iso: string } | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(prefix);
  if (!m) return null;
  const [y, mo, d] = [2000 + Number(m[1]), Number(m[2]), Number(m[3])];
  const time = Date.UTC(y, mo - 1, d, 4, 0, 0);
  const date = new Date(time);
  if (y < 2015 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return { time, iso: date.toISOString() };
}

interface CardParts {
  orderSn: string;
  username: string | undefined;
  orderId: string;
  buyerUserId: string | undefined;
  items: OrderItem[];
  totals: number[];
  statusText: string;
  tracking: string | undefined;
  carrier: string | undefined;
}

function itemsOf(group: z.infer<ReturnType<typeof schemas>['itemInfoGroupSchema']>): OrderItem[] {
  return group.item_info_list.flatMap((info) =>
    info.item_list.map((item) => ({
      title: item.name,
      quantity: item.amount,
      // `description` is the variation the buyer chose ("Azul, M").
      ...(unmasked(item.description) ? { variant: unmasked(item.description) } : {}),
    })),
  );
}

function cardParts(card: Record<string, unknown>): { parts?: CardParts; problem?: string } {
  if ('package_level_order_card' in card) {
    const parsed = schemas().packageLevelOrderCardSchema.safeParse(card.package_level_order_card);
    if (!parsed.success) return { problem: `package_level_order_card: ${describeIssues(parsed.error)}` };
    const c = parsed.data;
    const first = c.package_list[0]!;
    return {
      parts: {
        orderSn: c.card_header.order_sn,
        username: c.card_header.buyer_info?.username,
        orderId: c.order_ext_info.order_id,
        buyerUserId: c.order_ext_info.buyer_user_id,
        items: c.package_list.flatMap((p) => itemsOf(p.item_info_group)),
        totals: c.package_list.map((p) => p.payment_info.total_price),
        statusText: first.status_info.status,
        tracking: c.package_list.flatMap((p) => p.fulfilment_info?.tracking_number_list ?? [])[0],
        carrier: first.fulfilment_info?.fulfilment_channel_name,
      },
    };
  }
  if ('order_card' in card) {
    const parsed = schemas().orderCardSchema.safeParse(card.order_card);
    if (!parsed.success) return { problem: `order_card: ${describeIssues(parsed.error)}` };
    const c = parsed.data;
    return {
      parts: {
        orderSn: c.card_header.order_sn,
        username: c.card_header.buyer_info?.username,
        orderId: c.order_ext_info.order_id,
        buyerUserId: c.order_ext_info.buyer_user_id,
        items: itemsOf(c.item_info_group),
        totals: [c.payment_info.total_price],
        statusText: c.status_info.status,
        tracking: c.fulfilment_info?.tracking_number_list?.[0],
        carrier: c.fulfilment_info?.fulfilment_channel_name,
      },
    };
  }
  return { problem: `unknown card type: ${Object.keys(card).join(', ') || '(empty)'}` };
}

/**
 * A package-level card repeats the order's payment per package. The capture shows one package per
 * order; where packages report different totals they are taken as parts of the order and summed.
 */
function orderTotal(totals: number[]): number {
  return totals.every((t) => t === totals[0]) ? totals[0]! : totals.reduce((a, b) => a + b, 0);
}

function buyerOf(shop: ShopeeShop, userId: string, name: string | undefined): CapturedBuyer {
  const displayName = unmaskedName(name);
  return {
    buyerKey: buyerKeyFor(shop.shopKey, userId),
    shopKey: shop.shopKey,
    platformBuyerId: userId,
    ...(displayName ? { displayName } : {}),
  };
}

function shopRecord(shop: ShopeeShop) {
  return { adapterId: 'shopee', ...shop };
}

/** One order per card, a card per slice step. */
function* fromCardList(response: TappedResponse, pageUrl: URL): Sliced<Extraction> {
  const out = emptyExtraction();
  // Building the schemas, the first time, is a step of its own.
  schemas();
  yield;
  const parsed = schemas().cardListSchema.safeParse(response.body);
  if (!parsed.success) {
    out.problems.push({ where: response.url.pathname, reason: `unexpected card list: ${describeIssues(parsed.error)}` });
    return out;
  }
  const request = schemas().cardListRequestSchema.safeParse(response.requestBody ?? {});
  const consoleUrl = consoleOrderUrls(pageUrl);
  const regionByOrder = new Map((request.success ? request.data.order_param_list ?? [] : []).map((p) => [p.order_id, p.region_id]));
  yield;

  const cards = parsed.data.data.card_list;
  for (let index = 0; index < cards.length; index++) {
    yield;
    const card = cards[index]!;
    const where = `card_list[${index}]`;
    const { parts, problem } = cardParts(card);
    if (!parts) {
      out.problems.push({ where, reason: problem ?? 'unreadable card' });
      continue;
    }
    const shop = shopOf(response.url, regionByOrder.get(parts.orderId)) ?? shopOf(pageUrl, regionByOrder.get(parts.orderId));
    if (!shop) {
      out.problems.push({ where, reason: `no shop for ${response.url.hostname}` });
      continue;
    }
    const placedAt = placedDayFromOrderSn(parts.orderSn);
    const order: CapturedOrder = {
      orderKey: orderKeyFor(shop.shopKey, parts.orderId),
      orderId: parts.orderId,
      orderNumber: parts.orderSn,
      shopKey: shop.shopKey,
      status: statusFromText(parts.statusText),
      statusText: parts.statusText,
      items: parts.items,
      consoleUrl: consoleUrl(parts.orderId),
      ...(placedAt ? { placedAt, placedAtPrecision: 'day' as const } : {}),
      ...(shop.currency ? { currency: shop.currency, totalMinor: shopeeMoneyToMinor(orderTotal(parts.totals), shop.currency) } : {}),
      ...(parts.tracking ? { trackingNumber: parts.tracking } : {}),
      ...(parts.carrier ? { carrier: parts.carrier } : {}),
    };
    const name = unmaskedName(parts.username);
    if (name) order.buyerName = name;
    if (parts.buyerUserId) {
      order.buyerKey = buyerKeyFor(shop.shopKey, parts.buyerUserId);
      out.buyers.push(buyerOf(shop, parts.buyerUserId, parts.username));
    } else {
      out.problems.push({ where, reason: `order ${parts.orderSn} has no buyer_user_id` });
    }
    if (!out.shops.some((s) => s.shopKey === shop.shopKey)) out.shops.push(shopRecord(shop));
    out.orders.push(order);
  }
  return out;
}

function fromOneOrder(response: TappedResponse, pageUrl: URL): Extraction {
  const out = emptyExtraction();
  const parsed = schemas().oneOrderSchema.safeParse(response.body);
  if (!parsed.success) {
    out.problems.push({ where: response.url.pathname, reason: `unexpected order detail: ${describeIssues(parsed.error)}` });
    return out;
  }
  const o = parsed.data.data;
  const shop = shopOf(response.url) ?? shopOf(pageUrl);
  if (!shop) {
    out.problems.push({ where: response.url.pathname, reason: `no shop for ${response.url.hostname}` });
    return out;
  }
  const { status, text } = statusFromDetail(o.list_type, o.logistics_status);
  const currency = shop.currency;
  const items: OrderItem[] = o.order_items.map((item) => {
    const title = item.product?.name ?? item.item_model?.name ?? '';
    const variant = item.product?.name ? unmasked(item.item_model?.name) : undefined;
    const sku = item.item_model?.sku || item.product?.sku || undefined;
    const unit = currency && item.order_price !== undefined ? decimalToMinor(item.order_price, currency) : undefined;
    return {
      title,
      quantity: item.amount,
      ...(variant ? { variant } : {}),
      ...(sku ? { sku } : {}),
      ...(unit !== undefined ? { unitPriceMinor: unit } : {}),
    };
  });
  const total = currency ? decimalToMinor(o.total_price, currency) : undefined;
  const badDate = (field: string) => (reason: string) => out.problems.push({ where: `data.${field}`, reason: `order ${o.order_sn}: ${reason}` });
  const placedAt = epochSecondsToIso(o.create_time, badDate('create_time'));
  const shippedAt = epochSecondsToIso(o.pickup_time, badDate('pickup_time'));
  const completedAt = epochSecondsToIso(o.complete_time, badDate('complete_time'));
  const trackingNumber = unmasked(o.shipping_traceno);
  const carrier = unmasked(o.actual_carrier);
  const order: CapturedOrder = {
    orderKey: orderKeyFor(shop.shopKey, o.order_id),
    orderId: o.order_id,
    orderNumber: o.order_sn,
    shopKey: shop.shopKey,
    status,
    items: items.filter((i) => i.title !== ''),
    consoleUrl: consoleOrderUrls(pageUrl)(o.order_id),
    ...(text ? { statusText: text } : {}),
    ...(placedAt ? { placedAt } : {}),
    ...(currency ? { currency } : {}),
    ...(total !== undefined ? { totalMinor: total } : {}),
    ...(shippedAt ? { shippedAt } : {}),
    ...(completedAt ? { completedAt } : {}),
    ...(trackingNumber ? { trackingNumber } : {}),
    ...(carrier ? { carrier } : {}),
  };
  if (o.buyer_user) {
    order.buyerKey = buyerKeyFor(shop.shopKey, o.buyer_user.user_id);
    out.buyers.push(buyerOf(shop, o.buyer_user.user_id, o.buyer_user.user_name));
  } else {
    out.problems.push({ where: 'data.buyer_user', reason: `order ${o.order_sn} has no buyer_user` });
  }
  out.shops.push(shopRecord({ ...shop, ...(o.shop_id && !shop.platformShopId ? { platformShopId: o.shop_id } : {}) }));
  out.orders.push(order);
  return out;
}

/** What a tapped response holds, a card list a card at a time (the content script runs this in slices). */
export function* fromResponse(response: TappedResponse, pageUrl: URL): Sliced<Extraction> {
  const path = response.url.pathname;
  if (isChatApi(response.url)) return chatExtraction(response, pageUrl);
  if (path.endsWith('/get_order_list_card_list')) return yield* fromCardList(response, pageUrl);
  if (path.endsWith('/get_one_order')) return fromOneOrder(response, pageUrl);
  // search_order_list_index lists only ids (order_id, shop_id, region_id); the cards that follow
  // carry the orders, so there is nothing to store from it.
  if (path.endsWith('/search_order_list_index')) return emptyExtraction();
  return { ...emptyExtraction(), problems: [{ where: path, reason: 'no reader for this endpoint' }] };
}
