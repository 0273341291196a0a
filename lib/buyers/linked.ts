import type { BuyerRecord } from '../schema/records';

/** What the buyers linked as one person bought together: every order, and the spend in each currency. */
export interface CombinedFigures {
  orderCount: number;
  /** One entry per currency, A–Z, a spend without a currency last: linked shops may sell in different currencies, which are never added up. */
  spend: { currency?: string; minor: number }[];
}

/**
 * The combined figures of linked buyers (the panel's "All linked shops" row), the same whichever
 * buyer of the group is open and whatever order the buyers or their currencies come in. A buyer
 * with no purchase (no currency, nothing spent) adds orders only.
 */
export function combinedFigures(buyers: Iterable<Pick<BuyerRecord, 'stats'>>): CombinedFigures {
  let orderCount = 0;
  const sums = new Map<string | undefined, number>();
  for (const { stats } of buyers) {
    orderCount += stats.orderCount;
    if (stats.currency !== undefined || stats.spentMinor > 0) sums.set(stats.currency, (sums.get(stats.currency) ?? 0) + stats.spentMinor);
  }
  // ISO 4217 codes are upper-case letters, so '~' sorts a spend without a currency after them.
  const rank = (currency: string | undefined) => currency ?? '~';
  const spend = [...sums]
    .sort(([a], [b]) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0))
    .map(([currency, minor]) => ({ ...(currency !== undefined ? { currency } : {}), minor }));
  return { orderCount, spend: spend.length > 0 ? spend : [{ minor: 0 }] };
}
