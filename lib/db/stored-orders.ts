import type { OrderRecord } from '../schema/records';
import type { BuyerLensDatabase } from './database';

/** Probes below this many keys are not split further. */
const PROBE_SPLIT_MIN = 16;
/** Keys in a probed range beyond the batch's own that are read rather than split away. */
const PROBE_SLACK = 16;

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * `sorted` cut into its runs: between neighbouring keys that share the fewest leading characters
 * (Amazon's `111-…`, `112-…`, say), where other stored keys most likely lie. In halves instead when
 * the keys show no such runs, or one run holds most of them.
 */
function runsOf(sorted: readonly string[]): string[][] {
  let least = Infinity;
  let cuts: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const shared = commonPrefixLength(sorted[i - 1]!, sorted[i]!);
    if (shared < least) {
      least = shared;
      cuts = [i];
    } else if (shared === least) cuts.push(i);
  }
  const bounds = [0, ...cuts, sorted.length];
  const runs = bounds.slice(1).map((end, i) => sorted.slice(bounds[i], end));
  const largest = Math.max(...runs.map((run) => run.length));
  if (runs.length < 2 || runs.length === sorted.length || largest > (sorted.length * 3) / 4) {
    const half = sorted.length >> 1;
    return [sorted.slice(0, half), sorted.slice(half)];
  }
  return runs;
}

/**
 * Which of `sorted` (keys in IndexedDB order) may be stored: one read of the primary keys between the
 * first and the last. Where that range holds many other keys (the batch's ids are spread among
 * stored ones), it is cut into the batch's runs of neighbouring ids and each probed the same way, all
 * at once: an order list page holds a few such runs (Amazon's ids start with one of a few prefixes),
 * so a few key-only reads replace one lookup per order.
 */
async function storedAmong(db: BuyerLensDatabase, sorted: readonly string[]): Promise<string[]> {
  // Beyond that, the range is split rather than read further: every key read here is one IndexedDB
  // walks and sends over.
  const limit = sorted.length + PROBE_SLACK;
  const inRange = await db.orders
    .where(':id')
    .between(sorted[0]!, sorted[sorted.length - 1]!, true, true)
    .limit(limit + 1)
    .primaryKeys();
  if (inRange.length <= limit) {
    const wanted = new Set(sorted);
    return inRange.filter((key) => wanted.has(key));
  }
  // Few keys: looked up one by one (the caller's bulkGet passes over those not stored).
  if (sorted.length < PROBE_SPLIT_MIN) return [...sorted];
  const parts = await Promise.all(runsOf(sorted).map((run) => storedAmong(db, run)));
  return parts.flat();
}

/** The stored orders among `keys` (an order list page at a time; mostly none or all of them are). */
export async function storedOrders(db: BuyerLensDatabase, keys: string[]): Promise<Map<string, OrderRecord>> {
  const stored = new Map<string, OrderRecord>();
  if (keys.length === 0) return stored;
  // Sorted by UTF-16 code units, as IndexedDB orders string keys.
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const found = await storedAmong(db, sorted);
  if (found.length > 0) (await db.orders.bulkGet(found)).forEach((o) => o && stored.set(o.orderKey, o));
  return stored;
}

