import type { BuyerRecord } from '../schema/records';

/** How many of its latest buyers a shop keeps (the panel shows the newest ten across shops). */
export const RECENT_BUYERS = 30;

type Latest = { key: string; at: string };
const newer = (a: Latest, b: Latest) => a.at > b.at || (a.at === b.at && a.key < b.key);

/**
 * The keys of the buyers with the latest orders, newest first (ties by key). A shop keeps them when
 * it is scored, shortly after every capture: an index on the buyers' last order date would cost an
 * index write for every buyer every capture touches.
 */
export function latestBuyers(buyers: Iterable<Pick<BuyerRecord, 'buyerKey' | 'stats'>>, limit = RECENT_BUYERS): string[] {
  const top: Latest[] = [];
  for (const buyer of buyers) {
    const at = buyer.stats.lastOrderAt;
    if (at === undefined) continue;
    const last = top.length === limit ? top[limit - 1]! : undefined;
    // Most buyers of a shop are not among its latest: they are passed over without an entry made.
    if (last && (at < last.at || (at === last.at && buyer.buyerKey >= last.key))) continue;
    const entry = { key: buyer.buyerKey, at };
    if (last) top[limit - 1] = entry;
    else top.push(entry);
    for (let i = top.length - 1; i > 0 && newer(top[i]!, top[i - 1]!); i--) [top[i - 1], top[i]] = [top[i]!, top[i - 1]!];
  }
  return top.map((e) => e.key);
}
