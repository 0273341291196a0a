import type { RankingContext } from './rank';
import { ATTENTION_SEGMENTS } from '../rfm/segments';
import { type Segment } from '../schema/rfm';
import type { BuyerRecord, OrderRecord, RfmTier } from '../schema/records';
import type { BuyerKind, ReplyOrderState } from '../schema/replies';

const DAY_MS = 86_400_000;
/** Paid but not shipped after this many days: the buyer is waiting. */
export const LATE_TO_SHIP_DAYS = 3;
/** Shipped and not delivered after this many days: the parcel is late. */
export const LATE_IN_TRANSIT_DAYS = 10;

const VIP_SEGMENTS: readonly Segment[] = ['champions', 'loyal', 'important-value', 'important-development'];

/** What is true of a buyer that templates are chosen by. */
export function buyerKinds(buyer: BuyerRecord | undefined, rfm: RfmTier | undefined, tagNames: readonly string[]): BuyerKind[] {
  if (!buyer) return ['new'];
  const kinds: BuyerKind[] = [buyer.stats.paidOrderCount >= 2 ? 'returning' : 'new'];
  if ((rfm && VIP_SEGMENTS.includes(rfm.segment)) || tagNames.some((n) => n.toLowerCase() === 'vip')) kinds.push('vip');
  if (rfm && ATTENTION_SEGMENTS.includes(rfm.segment)) kinds.push('at-risk');
  return kinds;
}

/** The order's states for matching: its status, and "late" where it is overdue. */
export function orderStates(order: OrderRecord | undefined, now: number): ReplyOrderState[] {
  if (!order) return [];
  const states: ReplyOrderState[] = [order.status];
  const age = order.placedAt ? (now - Date.parse(order.placedAt)) / DAY_MS : 0;
  if ((order.status === 'paid' || order.status === 'processing') && age > LATE_TO_SHIP_DAYS) states.push('late');
  if (order.status === 'shipped' && age > LATE_IN_TRANSIT_DAYS) states.push('late');
  return states;
}

/**
 * The order a reply is about: the one on screen, else the buyer's newest order still in progress,
 * else their newest.
 */
export function orderInFocus(orders: readonly OrderRecord[], onScreenKey: string | undefined): OrderRecord | undefined {
  const onScreen = onScreenKey ? orders.find((o) => o.orderKey === onScreenKey) : undefined;
  if (onScreen) return onScreen;
  const open = orders.find((o) => ['unpaid', 'paid', 'processing', 'shipped'].includes(o.status));
  return open ?? orders[0];
}

export function ageInDays(iso: string | undefined, now: number): number | undefined {
  return iso ? Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS)) : undefined;
}

/** Everything ranking needs about the buyer and order on screen. */
export function rankingContextFor(input: {
  buyer: BuyerRecord;
  orders: readonly OrderRecord[];
  rfm: RfmTier | undefined;
  tagNames: readonly string[];
  onScreenOrderKey: string | undefined;
  lastBuyerMessage: string | undefined;
  /** Reply languages, most wanted first (replyLanguagesFor). */
  languages: readonly string[];
  now: number;
}): { context: RankingContext; order: OrderRecord | undefined } {
  const order = orderInFocus(input.orders, input.onScreenOrderKey);
  return {
    order,
    context: {
      languages: input.languages,
      marketplace: input.buyer.adapterId,
      kinds: buyerKinds(input.buyer, input.rfm, input.tagNames),
      segment: input.rfm?.segment,
      tagNames: input.tagNames,
      orderStates: orderStates(order, input.now),
      orderAgeDays: ageInDays(order?.placedAt, input.now),
      lastBuyerMessage: input.lastBuyerMessage,
    },
  };
}
