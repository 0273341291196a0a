import type { CapturedBuyer, CapturedOrder, CapturedShop, OrderItem } from '../schema/capture';
import type { PageKind } from '../schema/common';
import { emptyStats, type BuyerRecord, type BuyerSearchRecord, type OrderRecord, type ShopRecord } from '../schema/records';
import { partsOfKey } from '../schema/keys';

/**
 * Merge rules (docs/architecture.md, "The store", Capture): one order is seen many times — by the JSON the
 * console loads and by the page that shows it, on a list and on its own page, in several tabs —
 * and captures arrive in any order. They are joined field by field:
 *
 * 1. A field one reading lacks, another fills, whatever their order or kind: the buyer's name the
 *    Amazon page prints joins the buyer the JSON identified; a list's date fills a detail without one.
 * 2. Readings less than ONE_VISIT_MS apart are one visit of the seller. Within a visit a conflict
 *    goes to the more exact reading (readingWeight: the console's JSON over the page's text, an
 *    order's own page over a list row), and between equally exact ones to the newer.
 * 3. Across visits, the newer reading wins: the order moved on since (a status, a tracking number).
 * 4. A date from a date-only source (or a page's time to the minute, where it is the exact time's
 *    minute) never replaces an exact one, and an exact one always replaces either; an
 *    item a reading shows without its SKU or price keeps the ones a reading of the same item had.
 *
 * Nothing a capture did not see is erased, merging the same capture twice gives the same record,
 * and the readings of one visit give the same record whichever arrives first (merge-readings.test.ts).
 * Across visits, where two readings both fill a gap the winner left, the first to arrive fills it:
 * ranking every field would cost a stored rank per field of every order.
 */

/** Readings of one order this close together are one visit of the seller (rule 2). */
export const ONE_VISIT_MS = 10 * 60_000;

/** How exact a reading is (rule 2): JSON 2, page 0; plus 1 on the order's own page. */
export function readingWeight(source: 'network' | 'dom', pageKind: PageKind): number {
  return (source === 'network' ? 2 : 0) + (pageKind === 'order-detail' ? 1 : 0);
}

/** One capture's reading of an order: what it saw, how exact (readingWeight) and when. */
export interface Reading {
  order: CapturedOrder;
  adapterId: string;
  weight: number;
  capturedAt: string;
}

function mergeSeen<T extends object>(stored: T, seen: Partial<T>, replace: boolean): T {
  const out: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const [field, value] of Object.entries(seen)) {
    if (value === undefined) continue;
    if (replace || out[field] === undefined) out[field] = value;
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

/** Whether a reading replaces the stored values it conflicts with (rules 2 and 3), or only fills gaps. */
function replaces(stored: OrderRecord, reading: Reading, sameVisit: boolean): boolean {
  if (!sameVisit) return reading.capturedAt > stored.updatedAt;
  const weight = stored.weight ?? 0;
  return reading.weight > weight || (reading.weight === weight && reading.capturedAt >= stored.updatedAt);
}

const isThin = (item: OrderItem) => item.sku === undefined && item.unitPriceMinor === undefined;

/**
 * The winning reading's items, each filled with what the other reading had of the same item (rule 4:
 * SKU, variant, price). A thin item (a list row's: no SKU, no price, its quantity a guess) keeps the
 * quantity of a full reading of the same item.
 */
function withItemDetails(items: readonly OrderItem[], known: readonly OrderItem[]): OrderItem[] {
  if (known.length !== items.length) return [...items];
  return items.map((item, index) => {
    const other = known[index]!;
    if (other.title !== item.title) return item;
    const filled: OrderItem = { ...item };
    if (filled.sku === undefined && other.sku !== undefined) filled.sku = other.sku;
    if (filled.variant === undefined && other.variant !== undefined) filled.variant = other.variant;
    if (filled.unitPriceMinor === undefined && other.unitPriceMinor !== undefined) filled.unitPriceMinor = other.unitPriceMinor;
    if (isThin(item) && !isThin(other)) filled.quantity = other.quantity;
    return filled;
  });
}

/** A time a page prints to the minute that is the stored exact time's minute: the same fact, known less well. */
function sameMinute(seen: string, stored: string): boolean {
  return seen.endsWith(':00.000Z') && seen.slice(0, 16) === stored.slice(0, 16) && seen !== stored;
}

export function mergeOrder(stored: OrderRecord | undefined, reading: Reading): OrderRecord {
  const { order: captured, capturedAt, weight } = reading;
  const seen = seenOrderFields(captured);
  if (!stored) {
    return {
      ...seen,
      status: captured.status ?? 'unknown',
      orderKey: captured.orderKey,
      orderId: captured.orderId,
      shopKey: captured.shopKey,
      adapterId: reading.adapterId,
      weight,
      sortAt: captured.placedAt ?? capturedAt,
      firstSeenAt: capturedAt,
      updatedAt: capturedAt,
    };
  }
  const sameVisit = Math.abs(Date.parse(capturedAt) - Date.parse(stored.updatedAt)) < ONE_VISIT_MS;
  const replace = replaces(stored, reading, sameVisit);
  const coarser =
    stored.placedAt !== undefined &&
    stored.placedAtPrecision !== 'day' &&
    seen.placedAt !== undefined &&
    (seen.placedAtPrecision === 'day' || sameMinute(seen.placedAt, stored.placedAt));
  if (coarser) {
    delete seen.placedAt;
    delete seen.placedAtPrecision;
  }
  const merged = mergeSeen<OrderRecord>(stored, seen as Partial<OrderRecord>, replace);
  if (seen.items && stored.items) merged.items = replace ? withItemDetails(seen.items, stored.items) : withItemDetails(stored.items, seen.items);
  // An exact time replaces a date-only one, or the same minute, whatever the readings' age: it is the same fact, known better.
  const finer =
    seen.placedAt !== undefined &&
    seen.placedAtPrecision === undefined &&
    (stored.placedAtPrecision === 'day' || (stored.placedAt !== undefined && sameMinute(stored.placedAt, seen.placedAt)));
  if (finer) merged.placedAt = seen.placedAt;
  if (seen.placedAt !== undefined && seen.placedAtPrecision === undefined && merged.placedAt === seen.placedAt) {
    delete merged.placedAtPrecision;
  }
  const firstSeenAt = earlier(stored.firstSeenAt, capturedAt);
  return {
    ...merged,
    // The stored values are as of the reading that won them (its time, even where an older but more
    // exact reading of the visit won), and as exact as the most exact reading of that visit; a
    // reading that only filled gaps changes neither.
    weight: replace ? Math.max(weight, sameVisit ? (stored.weight ?? 0) : 0) : (stored.weight ?? 0),
    updatedAt: replace ? capturedAt : stored.updatedAt,
    firstSeenAt,
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

/** The search table's rows of these buyers. */
export const searchRowsOf = (buyers: readonly BuyerRecord[]): BuyerSearchRecord[] => buyers.map((b) => ({ buyerKey: b.buyerKey, words: searchWordsOf(b) }));

/**
 * `firstSeenAt`: when the buyer was first shown, where that is before this capture (an order of
 * theirs a page showed before any reading named them), so the first sighting does not depend on
 * which reading arrived first.
 */
export function mergeBuyer(
  stored: BuyerRecord | undefined,
  captured: Partial<CapturedBuyer> & Pick<CapturedBuyer, 'buyerKey'>,
  capturedAt: string,
  firstSeenAt = capturedAt,
): BuyerRecord {
  const parts = partsOfKey(captured.buyerKey);
  const base: BuyerRecord = stored ?? {
    buyerKey: captured.buyerKey,
    shopKey: captured.shopKey ?? parts.shopKey,
    adapterId: parts.adapterId,
    platformBuyerId: captured.platformBuyerId ?? parts.id,
    tagIds: [],
    stats: emptyStats(),
    firstSeenAt: earlier(firstSeenAt, capturedAt),
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
    firstSeenAt: earlier(base.firstSeenAt, earlier(firstSeenAt, capturedAt)),
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
