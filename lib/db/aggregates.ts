import type { OrderStatus } from '../schema/common';
import { emptyStats, type BuyerStats, type OrderRecord } from '../schema/records';

type OrderFacts = Pick<OrderRecord, 'status' | 'totalMinor' | 'currency' | 'placedAt'>;
type Kind = 'purchase' | 'unpaid' | 'cancelled' | 'refunded' | 'other';

const PURCHASE: ReadonlySet<OrderStatus> = new Set(['paid', 'processing', 'shipped', 'delivered', 'completed']);

function kindOf(status: OrderStatus | undefined): Kind {
  if (status && PURCHASE.has(status)) return 'purchase';
  if (status === 'unpaid') return 'unpaid';
  if (status === 'cancelled') return 'cancelled';
  if (status === 'refunded' || status === 'returned') return 'refunded';
  return 'other';
}

export function isPurchase(order: Pick<OrderRecord, 'status'>): boolean {
  return kindOf(order.status) === 'purchase';
}

const minIso = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a <= b ? a : b);
const maxIso = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a >= b ? a : b);

type Purchase = BuyerStats['purchases'][number];

/**
 * The ledger stays in (placedAt, amount) order, so any sequence of changes gives the same list:
 * entries that are equal in both are interchangeable.
 */
function withPurchase(purchases: BuyerStats['purchases'], entry: Purchase): BuyerStats['purchases'] {
  const before = (p: Purchase) => p[0] < entry[0] || (p[0] === entry[0] && p[1] < entry[1]);
  let at = purchases.length;
  while (at > 0 && !before(purchases[at - 1]!)) at--;
  return [...purchases.slice(0, at), entry, ...purchases.slice(at)];
}

/** The ledger without one entry equal to `entry`; undefined when it holds none. */
function withoutPurchase(purchases: BuyerStats['purchases'], entry: Purchase): BuyerStats['purchases'] | undefined {
  const at = purchases.findIndex((p) => p[0] === entry[0] && p[1] === entry[1]);
  return at === -1 ? undefined : [...purchases.slice(0, at), ...purchases.slice(at + 1)];
}

/** A sum kept within 0 and the largest safe integer: a stored aggregate is always one a backup restores. */
const saturated = (minor: number) => Math.min(Math.max(minor, 0), Number.MAX_SAFE_INTEGER);

/** A purchase's ledger entry, counted in the buyer's currency or not (then its amount is 0). */
const entryOf = (order: OrderFacts, placedAt: string, counted: boolean): Purchase => [
  Date.parse(placedAt),
  counted ? (order.totalMinor ?? 0) : 0,
];

/** Adds one order to the aggregates, its purchase counted where it is in `stats.currency` (or names none). */
function add(stats: BuyerStats, order: OrderFacts): BuyerStats {
  const s = { ...stats, orderCount: stats.orderCount + 1 };
  s.firstOrderAt = minIso(s.firstOrderAt, order.placedAt);
  s.lastOrderAt = maxIso(s.lastOrderAt, order.placedAt);
  switch (kindOf(order.status)) {
    case 'purchase': {
      s.paidOrderCount += 1;
      s.firstPaidAt = minIso(s.firstPaidAt, order.placedAt);
      s.lastPaidAt = maxIso(s.lastPaidAt, order.placedAt);
      const counted = order.currency === undefined || order.currency === s.currency;
      if (order.totalMinor !== undefined && counted) s.spentMinor = saturated(s.spentMinor + order.totalMinor);
      if (order.placedAt !== undefined) s.purchases = withPurchase(s.purchases, entryOf(order, order.placedAt, counted));
      break;
    }
    case 'unpaid':
      s.unpaidCount += 1;
      break;
    case 'cancelled':
      s.cancelledCount += 1;
      break;
    case 'refunded':
      s.refundedCount += 1;
      break;
    case 'other':
      break;
  }
  return s;
}

/** Whether purchase `a` is later than `b` for choosing the buyer's currency (undated is earliest; ties go to the first code A–Z). */
function laterForCurrency(a: OrderFacts, b: OrderFacts): boolean {
  const at = a.placedAt ?? '';
  const bt = b.placedAt ?? '';
  return at > bt || (at === bt && a.currency! < b.currency!);
}

/** The buyer's currency (BuyerStats.currency) and how many currencies their purchases are in. */
function currencyOf(orders: readonly OrderFacts[]): Pick<BuyerStats, 'currency' | 'currencies'> {
  let latest: OrderFacts | undefined;
  const seen = new Set<string | undefined>();
  for (const order of orders) {
    if (kindOf(order.status) !== 'purchase') continue;
    seen.add(order.currency);
    if (order.currency !== undefined && (latest === undefined || laterForCurrency(order, latest))) latest = order;
  }
  return { currencies: seen.size, ...(latest ? { currency: latest.currency } : {}) };
}

/**
 * The aggregates of a buyer computed from all their orders (the purchases ledger in date order): a
 * function of the set of orders alone, whatever order they come in.
 */
export function statsOf(orders: readonly OrderFacts[]): BuyerStats {
  return orders.reduce(add, { ...emptyStats(), ...currencyOf(orders) });
}

function sameFacts(a: OrderFacts, b: OrderFacts): boolean {
  return (
    kindOf(a.status) === kindOf(b.status) &&
    a.totalMinor === b.totalMinor &&
    a.currency === b.currency &&
    a.placedAt === b.placedAt
  );
}

/**
 * Whether a change can move the aggregates without choosing the currency again: it touches no
 * purchase, or the buyer's purchases and the changed ones are all in the buyer's one currency (or
 * the buyer has none yet and the new purchase names one).
 */
function inOneCurrency(stats: BuyerStats, before: OrderFacts | undefined, after: OrderFacts): boolean {
  const purchases = [before, after].filter((o): o is OrderFacts => o !== undefined && isPurchase(o));
  if (purchases.length === 0) return true;
  if (stats.currencies === 0) return before === undefined || !isPurchase(before) ? purchases.every((o) => o.currency !== undefined) : false;
  return stats.currencies === 1 && purchases.every((o) => o.currency !== undefined && o.currency === stats.currency);
}

/**
 * Moves a buyer's aggregates from `before` to `after` for one order without reading their other
 * orders. Returns undefined where that cannot be done exactly (the order being taken out set a
 * first/last date, or decided the currency): the caller then recomputes from the buyer's orders.
 */
export function applyOrderChange(
  stats: BuyerStats,
  before: OrderFacts | undefined,
  after: OrderFacts,
): BuyerStats | undefined {
  if (before !== undefined && sameFacts(before, after)) return stats;
  if (!inOneCurrency(stats, before, after)) return undefined;
  // A first purchase sets the currency.
  if (stats.currencies === 0 && isPurchase(after)) stats = { ...stats, currency: after.currency, currencies: 1 };
  if (before === undefined) return add(stats, after);
  const boundary =
    before.placedAt !== undefined &&
    [stats.firstOrderAt, stats.lastOrderAt, stats.firstPaidAt, stats.lastPaidAt].includes(before.placedAt);
  if (boundary) return undefined;
  const s = { ...stats, orderCount: stats.orderCount - 1 };
  switch (kindOf(before.status)) {
    case 'purchase': {
      if (before.currency !== undefined && before.currency === s.currency && s.paidOrderCount === 1) return undefined;
      s.paidOrderCount -= 1;
      const counted = before.currency === undefined || before.currency === s.currency;
      if (before.totalMinor !== undefined && counted) s.spentMinor = saturated(s.spentMinor - before.totalMinor);
      if (before.placedAt !== undefined) {
        const purchases = withoutPurchase(s.purchases, entryOf(before, before.placedAt, counted));
        if (purchases === undefined) return undefined;
        s.purchases = purchases;
      }
      break;
    }
    case 'unpaid':
      s.unpaidCount -= 1;
      break;
    case 'cancelled':
      s.cancelledCount -= 1;
      break;
    case 'refunded':
      s.refundedCount -= 1;
      break;
    case 'other':
      break;
  }
  return add(s, after);
}
