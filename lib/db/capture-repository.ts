import Dexie from 'dexie';
import type { z } from 'zod';
import {
  capturedBuyerSchema,
  capturedOrderSchema,
  capturedShopSchema,
  type CaptureBatch,
  type CapturedBuyer,
  type CapturedOrder,
  type CapturedShop,
  type CaptureProblem,
} from '../schema/capture';
import { describeIssues } from '../schema/issues';
import type { BuyerRecord, CaptureLogRecord, OrderRecord, ShopRecord } from '../schema/records';
import { applyOrderChange, statsOf } from './aggregates';
import type { BuyerLensDatabase } from './database';
import { mergeBuyer, mergeOrder, mergeShop, searchWordsOf } from './merge';

/** The capture log keeps this many newest entries. */
export const CAPTURE_LOG_LIMIT = 10_000;

export interface CaptureResult {
  orders: number;
  buyers: number;
  shops: number;
  rejected: number;
  /** Shops whose buyers changed: their RFM needs re-scoring. */
  shopKeys: string[];
}

interface Valid<T> {
  records: T[];
  problems: CaptureProblem[];
}

/**
 * Keys that must sit in the record's shop: a buyer or order key is `<shop key>:<id>`
 * (ARCHITECTURE.md, identity), so a shop's buyers and tiers are one key range of their tables.
 */
type InShop = { shopKey: string; keys: (string | undefined)[] };

function validate<S extends z.ZodType>(
  schema: S,
  items: readonly unknown[],
  label: string,
  adapterId: string,
  keyOf: (record: z.infer<S>) => string[],
  inShop?: (record: z.infer<S>) => InShop,
): Valid<z.infer<S>> {
  const records: z.infer<S>[] = [];
  const problems: CaptureProblem[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      problems.push({ where: `${label}[${index}]`, reason: describeIssues(parsed.error, 5) });
      return;
    }
    // A content script writes only its own marketplace's records.
    const foreign = keyOf(parsed.data).find((key) => !key.startsWith(`${adapterId}:`));
    if (foreign !== undefined) {
      problems.push({ where: `${label}[${index}]`, reason: `key ${foreign} does not belong to adapter ${adapterId}` });
      return;
    }
    const shop = inShop?.(parsed.data);
    const outside = shop?.keys.find((key) => key !== undefined && !key.startsWith(`${shop.shopKey}:`));
    if (shop && outside !== undefined) {
      problems.push({ where: `${label}[${index}]`, reason: `key ${outside} is not in shop ${shop.shopKey}` });
      return;
    }
    records.push(parsed.data);
  });
  return { records, problems };
}

/** Later duplicates in one batch fill the earlier record's gaps. */
function dedupe<T extends object>(records: T[], keyOf: (r: T) => string): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const record of records) {
    const key = keyOf(record);
    const prior = byKey.get(key);
    byKey.set(key, prior ? ({ ...prior, ...Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) } as T) : record);
  }
  return byKey;
}

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
async function storedOrders(db: BuyerLensDatabase, keys: string[]): Promise<Map<string, OrderRecord>> {
  const stored = new Map<string, OrderRecord>();
  if (keys.length === 0) return stored;
  // Sorted by UTF-16 code units, as IndexedDB orders string keys.
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const found = await storedAmong(db, sorted);
  if (found.length > 0) (await db.orders.bulkGet(found)).forEach((o) => o && stored.set(o.orderKey, o));
  return stored;
}

/**
 * Stores one capture batch: validates every record on its own (a bad one is logged with its reason,
 * the good ones are kept), then in one transaction upserts orders, merges buyers and shops, moves
 * each buyer's aggregates with their orders, and appends to the capture log. Either all of that is
 * written or none of it (a full disk aborts the transaction and rejects).
 */
export async function applyCapture(db: BuyerLensDatabase, batch: CaptureBatch): Promise<CaptureResult> {
  const { adapterId, capturedAt } = batch;
  const shopsIn = validate(capturedShopSchema, batch.shops, 'shops', adapterId, (s) => [s.shopKey]);
  const buyersIn = validate(
    capturedBuyerSchema,
    batch.buyers,
    'buyers',
    adapterId,
    (b) => [b.buyerKey, b.shopKey],
    (b) => ({ shopKey: b.shopKey, keys: [b.buyerKey] }),
  );
  const ordersIn = validate(
    capturedOrderSchema,
    batch.orders,
    'orders',
    adapterId,
    (o) => [o.orderKey, o.shopKey, o.buyerKey].filter((k): k is string => k !== undefined),
    (o) => ({ shopKey: o.shopKey, keys: [o.orderKey, o.buyerKey] }),
  );
  const problems = [...batch.problems, ...shopsIn.problems, ...buyersIn.problems, ...ordersIn.problems];

  const shops = dedupe<CapturedShop>(shopsIn.records, (s) => s.shopKey);
  const buyers = dedupe<CapturedBuyer>(buyersIn.records, (b) => b.buyerKey);
  const orders = dedupe<CapturedOrder>(ordersIn.records, (o) => o.orderKey);

  // The buyers and shops the batch names are known before anything is read, so their reads go
  // out together with the orders'; the few a stored order adds are read after.
  const namedBuyers = new Set<string>(buyers.keys());
  const namedShops = new Set<string>(shops.keys());
  for (const o of orders.values()) {
    if (o.buyerKey) namedBuyers.add(o.buyerKey);
    namedShops.add(o.shopKey);
  }
  for (const b of buyers.values()) namedShops.add(b.shopKey);

  return db.transaction('rw', [db.shops, db.buyers, db.buyerSearch, db.orders, db.captureLog], async () => {
    const storedBuyers = new Map<string, BuyerRecord>();
    const storedShops = new Map<string, ShopRecord>();
    const [stored] = await Promise.all([
      storedOrders(db, [...orders.keys()]),
      db.buyers.bulkGet([...namedBuyers]).then((found) => found.forEach((b) => b && storedBuyers.set(b.buyerKey, b))),
      db.shops.bulkGet([...namedShops]).then((found) => found.forEach((s) => s && storedShops.set(s.shopKey, s))),
    ]);

    const mergedOrders: OrderRecord[] = [];
    const orderChanges: { before: OrderRecord | undefined; after: OrderRecord }[] = [];
    const nameHints = new Map<string, string>();
    for (const [key, captured] of orders) {
      const before = stored.get(key);
      const after = mergeOrder(before, captured, adapterId, capturedAt);
      mergedOrders.push(after);
      orderChanges.push({ before, after });
      if (after.buyerKey && captured.buyerName) nameHints.set(after.buyerKey, captured.buyerName);
    }

    // The writes go out as soon as each is known and are awaited together at the end: IndexedDB runs
    // a transaction's requests in the order they were made, and any failure aborts all of them. The
    // orders go first, so IndexedDB writes them while the buyers are merged here.
    const writes: Promise<unknown>[] = [];
    const write = (request: Promise<unknown>) => {
      // Awaited below; until then a failure must not count as unhandled.
      request.catch(() => undefined);
      writes.push(request);
      return request;
    };
    const ordersWritten = write(db.orders.bulkPut(mergedOrders));

    // Every buyer this batch touches: named in it, or owning one of its orders now or before.
    const buyerKeys = new Set<string>(buyers.keys());
    for (const { before, after } of orderChanges) {
      if (after.buyerKey) buyerKeys.add(after.buyerKey);
      if (before?.buyerKey) buyerKeys.add(before.buyerKey);
    }
    const unread = [...buyerKeys].filter((key) => !namedBuyers.has(key));
    if (unread.length > 0) (await db.buyers.bulkGet(unread)).forEach((b) => b && storedBuyers.set(b.buyerKey, b));

    const mergedBuyers = new Map<string, BuyerRecord>();
    for (const key of buyerKeys) {
      const stored = storedBuyers.get(key);
      const captured = buyers.get(key);
      const hint = nameHints.get(key);
      const seen = { buyerKey: key, ...captured };
      if (hint !== undefined && captured?.displayName === undefined) seen.displayName = hint;
      // A buyer only referenced by an order that did not change is left as it is.
      if (!captured && hint === undefined && stored) {
        mergedBuyers.set(key, stored);
        continue;
      }
      mergedBuyers.set(key, mergeBuyer(stored, seen, capturedAt));
    }

    // Aggregates follow the orders; where one order's change cannot be applied exactly, that
    // buyer's aggregates are recomputed from their orders after the orders are written.
    const recompute = new Set<string>();
    for (const { before, after } of orderChanges) {
      const movedFrom = before?.buyerKey !== undefined && before.buyerKey !== after.buyerKey ? before.buyerKey : undefined;
      if (movedFrom) recompute.add(movedFrom);
      if (!after.buyerKey || recompute.has(after.buyerKey)) continue;
      const buyer = mergedBuyers.get(after.buyerKey);
      if (!buyer) continue;
      // An order new to this buyer (new, or before without a buyer or with another) is added.
      const stats = applyOrderChange(buyer.stats, before?.buyerKey === after.buyerKey ? before : undefined, after);
      if (stats) mergedBuyers.set(after.buyerKey, { ...buyer, stats });
      else recompute.add(after.buyerKey);
    }

    if (recompute.size > 0) await ordersWritten;
    for (const key of recompute) {
      const buyer = mergedBuyers.get(key);
      if (!buyer) continue;
      const history = await db.orders
        .where('[buyerKey+sortAt]')
        .between([key, Dexie.minKey], [key, Dexie.maxKey])
        .toArray();
      mergedBuyers.set(key, { ...buyer, stats: statsOf(history) });
    }

    const changedBuyers = [...mergedBuyers.values()].filter((b) => b !== storedBuyers.get(b.buyerKey));
    write(db.buyers.bulkPut(changedBuyers));
    // A buyer's search words change only with their name (the platform id never does).
    const named = changedBuyers.filter((b) => {
      const before = storedBuyers.get(b.buyerKey);
      return before === undefined || before.displayName !== b.displayName;
    });
    if (named.length > 0) write(db.buyerSearch.bulkPut(named.map((b) => ({ buyerKey: b.buyerKey, words: searchWordsOf(b) }))));

    // Shops named in the batch or referenced by its records.
    const shopKeys = new Set<string>(shops.keys());
    for (const o of mergedOrders) shopKeys.add(o.shopKey);
    for (const b of changedBuyers) shopKeys.add(b.shopKey);
    const unreadShops = [...shopKeys].filter((key) => !namedShops.has(key));
    if (unreadShops.length > 0) (await db.shops.bulkGet(unreadShops)).forEach((s) => s && storedShops.set(s.shopKey, s));
    const mergedShops: ShopRecord[] = [];
    for (const key of shopKeys) {
      const captured = shops.get(key);
      const stored = storedShops.get(key);
      if (!captured && stored) continue;
      mergedShops.push(mergeShop(stored, captured ?? { shopKey: key, adapterId }, capturedAt));
    }
    write(db.shops.bulkPut(mergedShops));

    const logBase = {
      at: capturedAt,
      adapterId,
      pageKind: batch.pageKind,
      pageUrl: batch.pageUrl,
      source: batch.source,
      ...(batch.sourceUrl ? { sourceUrl: batch.sourceUrl } : {}),
    };
    const log: CaptureLogRecord[] = [
      {
        ...logBase,
        kind: 'batch',
        message: `${mergedOrders.length} orders, ${buyers.size} buyers, ${problems.length} problems`,
        counts: { orders: mergedOrders.length, buyers: buyers.size, shops: shops.size, rejected: problems.length },
      },
      ...problems.map((p): CaptureLogRecord => ({ ...logBase, kind: 'problem', where: p.where, message: p.reason })),
    ];
    const lastId = await db.captureLog.bulkAdd(log, { allKeys: false });
    write(db.captureLog.where('id').below(Number(lastId) - CAPTURE_LOG_LIMIT).delete());
    await Promise.all(writes);

    return {
      orders: mergedOrders.length,
      buyers: changedBuyers.length,
      shops: mergedShops.length,
      rejected: problems.length,
      shopKeys: [...new Set(changedBuyers.map((b) => b.shopKey))],
    };
  });
}
