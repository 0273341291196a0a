import type { Transaction } from 'dexie';
import type { BuyerRecord } from '../../schema/records';

type Purchase = BuyerRecord['stats']['purchases'][number];
/** A purchases-ledger entry as v2–v4 stored it: [orderKey, placedAt (ISO), totalMinor]. */
type LegacyPurchase = readonly [string, string, number];

const isLegacy = (entry: unknown): entry is LegacyPurchase =>
  Array.isArray(entry) && entry.length === 3 && typeof entry[0] === 'string' && typeof entry[1] === 'string';

/**
 * The ledger in its v5 form, [placedAt in epoch ms, totalMinor] in (time, amount) order. Entries
 * already in that form stay as they are, so the step can run on a ledger that earlier steps wrote
 * with today's code (v1 → v2 computes it afresh, v2 → v3 scores from it).
 */
export function compactLedger(purchases: readonly (Purchase | LegacyPurchase)[]): Purchase[] {
  return purchases
    .map((entry): Purchase => (isLegacy(entry) ? [Date.parse(entry[1]), entry[2]] : entry))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Whether a stored buyer still holds an entry in the v2–v4 form. */
function hasLegacyLedger(buyer: unknown): boolean {
  const purchases = (buyer as { stats?: { purchases?: unknown } } | null)?.stats?.purchases;
  return Array.isArray(purchases) && purchases.some(isLegacy);
}

/**
 * The buyer with a v5 ledger. A row that does not look like a buyer comes back as it was, for the
 * caller's schema to say what is wrong with it.
 */
export function withCompactLedger<T>(buyer: T): T {
  if (!hasLegacyLedger(buyer)) return buyer;
  const b = buyer as T & { stats: BuyerRecord['stats'] };
  return { ...b, stats: { ...b.stats, purchases: compactLedger(b.stats.purchases) } };
}

/**
 * v4 → v5: the purchases ledger drops the order keys and stores times as numbers, so the buyer
 * records that every capture reads and writes again are smaller (a buyer with five purchases: 944 →
 * 754 bytes serialized) and scoring parses no dates. Only buyers with an old entry are rewritten.
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  await tx
    .table<BuyerRecord, string>('buyers')
    .filter(hasLegacyLedger)
    .modify((buyer) => {
      buyer.stats.purchases = compactLedger(buyer.stats.purchases);
    });
}
