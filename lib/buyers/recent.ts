import type { BuyerRecord } from '../schema/records';
import { firstBy } from '../first-by';

/** How many of its latest buyers a shop keeps (the panel shows the newest ten across shops). */
export const RECENT_BUYERS = 30;

type Dated = Pick<BuyerRecord, 'buyerKey'> & { stats: { lastOrderAt?: string } };

/** The latest last order first, ties by key; buyers without an order last (the panel's recent buyers and search results too). */
export const latestFirst = (a: Dated, b: Dated) => {
  const x = a.stats.lastOrderAt;
  const y = b.stats.lastOrderAt;
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  return x > y ? -1 : x < y ? 1 : a.buyerKey < b.buyerKey ? -1 : a.buyerKey > b.buyerKey ? 1 : 0;
};

/**
 * The keys of the buyers with the latest orders, newest first (ties by key). A shop keeps them when
 * it is scored, shortly after every capture: an index on the buyers' last order date would cost an
 * index write for every buyer every capture touches.
 */
export function latestBuyers(buyers: Iterable<Dated>, limit = RECENT_BUYERS): string[] {
  // Buyers without an order are kept only where fewer have one than the limit: dropped here.
  return firstBy(buyers, latestFirst, limit)
    .filter((b) => b.stats.lastOrderAt !== undefined)
    .map((b) => b.buyerKey);
}
