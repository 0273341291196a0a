import type { CapturedBuyer, CapturedOrder, CapturedShop } from '../schema/capture';
import { emptyStats, type BuyerRecord, type OrderRecord, type ShopRecord } from '../schema/records';
import { partsOfKey } from '../schema/keys';

/**
 * Merge rules (ARCHITECTURE.md, "Merging"): captures arrive in any order, partially, from several
 * tabs. A capture at least as new as what is stored fills and corrects the fields it saw; an older
 * one only fills gaps. Nothing a capture did not see is erased, and merging the same capture twice
 * gives the same record.
 */
function mergeSeen<T extends object>(stored: T, seen: Partial<T>, fresh: boolean): T {
  const out: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const [field, value] of Object.entries(seen)) {
    if (value === undefined) continue;
    if (fresh || out[field] === undefined) out[field] = value;
  }
  return out as T;
}

const later = (a: string, b: string) => (a >= b ? a : b);
const earlier = (a: string, b: string) => (a <= b ? a : b);

/** Fields of an order capture that carry no information and so count as not seen. */
function seenOrderFields(order: CapturedOrder): Partial<CapturedOrder> {
  const seen: Partial<CapturedOrder> = { ...order };
  if (seen.status === 'unknown') delete seen.status;
  if (seen.items?.length === 0) delete seen.items;
  return seen;
}

export function mergeOrder(
  stored: OrderRecord | undefined,
  captured: CapturedOrder,
  adapterId: string,
  capturedAt: string,
): OrderRecord {
  const seen = seenOrderFields(captured);
  // A buyer's name hint belongs on the buyer, not on the order.
  delete seen.buyerName;
  if (!stored) {
    const status = captured.status ?? 'unknown';
    return {
      ...seen,
      status,
      orderKey: captured.orderKey,
      orderId: captured.orderId,
      shopKey: captured.shopKey,
      adapterId,
      sortAt: captured.placedAt ?? capturedAt,
      firstSeenAt: capturedAt,
      updatedAt: capturedAt,
    };
  }
  const fresh = capturedAt >= stored.updatedAt;
  // A date inferred from a date-only source never replaces an exact one.
  if (seen.placedAtPrecision === 'day' && stored.placedAt !== undefined && stored.placedAtPrecision !== 'day') {
    delete seen.placedAt;
    delete seen.placedAtPrecision;
  }
  const merged = mergeSeen<OrderRecord>(stored, seen as Partial<OrderRecord>, fresh);
  if (seen.placedAt !== undefined && seen.placedAtPrecision === undefined && merged.placedAt === seen.placedAt) {
    delete merged.placedAtPrecision;
  }
  const firstSeenAt = earlier(stored.firstSeenAt, capturedAt);
  return {
    ...merged,
    firstSeenAt,
    updatedAt: later(stored.updatedAt, capturedAt),
    sortAt: merged.placedAt ?? firstSeenAt,
  };
}

/**
 * The words a buyer is found by (lib/db/queries.ts searchBuyers, a prefix search): the name and its
 * words, and the platform id. Left out, because searchBuyers finds them without a word: a word the
 * name starts with (the name is found by it), and an id the buyer's key ends with in lower case (a
 * range of the search table's keys finds it).
 */
export function searchWordsOf({ buyerKey, displayName, platformBuyerId }: Pick<BuyerRecord, 'buyerKey' | 'displayName' | 'platformBuyerId'>): string[] {
  const words = new Set<string>();
  const id = platformBuyerId.toLowerCase();
  if (partsOfKey(buyerKey).id !== id) words.add(id);
  if (displayName) {
    const name = displayName.toLowerCase();
    words.add(name);
    for (const w of name.split(/[\s,.;:/|()[\]{}"'“”]+/u)) if (w && !name.startsWith(w)) words.add(w);
  }
  return [...words];
}

export function mergeBuyer(
  stored: BuyerRecord | undefined,
  captured: Partial<CapturedBuyer> & Pick<CapturedBuyer, 'buyerKey'>,
  capturedAt: string,
): BuyerRecord {
  const parts = partsOfKey(captured.buyerKey);
  const base: BuyerRecord = stored ?? {
    buyerKey: captured.buyerKey,
    shopKey: captured.shopKey ?? parts.shopKey,
    adapterId: parts.adapterId,
    platformBuyerId: captured.platformBuyerId ?? parts.id,
    tagIds: [],
    stats: emptyStats(),
    firstSeenAt: capturedAt,
    updatedAt: capturedAt,
  };
  const fresh = capturedAt >= base.updatedAt;
  const displayName =
    captured.displayName !== undefined && (fresh || base.displayName === undefined)
      ? captured.displayName
      : base.displayName;
  const merged: BuyerRecord = {
    ...base,
    // Tags, notes and aggregates are never taken from a capture.
    tagIds: base.tagIds,
    stats: base.stats,
    firstSeenAt: earlier(base.firstSeenAt, capturedAt),
    updatedAt: later(base.updatedAt, capturedAt),
  };
  if (displayName !== undefined) merged.displayName = displayName;
  return merged;
}

export function mergeShop(
  stored: ShopRecord | undefined,
  captured: Partial<CapturedShop> & Pick<CapturedShop, 'shopKey' | 'adapterId'>,
  capturedAt: string,
): ShopRecord {
  if (!stored) {
    return { ...captured, firstSeenAt: capturedAt, updatedAt: capturedAt };
  }
  const merged = mergeSeen(stored, captured, capturedAt >= stored.updatedAt);
  return { ...merged, firstSeenAt: earlier(stored.firstSeenAt, capturedAt), updatedAt: later(stored.updatedAt, capturedAt) };
}
