import Dexie from 'dexie';
import type { CaptureBatch } from '../schema/capture';
import { isOfAdapter } from '../schema/keys';
import type { CaptureResult } from '../schema/messages';
import type { BuyerRecord, CaptureLogRecord, OrderRecord, ShopRecord } from '../schema/records';
import { applyOrderChange, statsOf } from './aggregates';
import { checkBatch, type CheckedBatch, type Writer } from './capture-check';
import type { BuyerLensDatabase } from './database';
import { mergeBuyer, mergeOrder, mergeShop, readingWeight } from './merge';
import { storedOrders } from './stored-orders';

/** The capture log keeps this many newest entries. */
export const CAPTURE_LOG_LIMIT = 10_000;

/** What the store holds of the records a batch names, read before anything is merged. */
interface Stored {
  orders: Map<string, OrderRecord>;
  buyers: Map<string, BuyerRecord>;
  shops: Map<string, ShopRecord>;
  /** Keys read (found or not): what a later step still has to read. */
  readBuyers: Set<string>;
  readShops: Set<string>;
}

/** One order as stored before the batch and as merged with it. */
interface OrderChange {
  before: OrderRecord | undefined;
  after: OrderRecord;
}

/**
 * The writes of one transaction. Each goes out as soon as it is known and all are awaited together at
 * the end: IndexedDB runs a transaction's requests in the order they were made, and any failure aborts
 * all of them.
 */
class Writes {
  private readonly pending: Promise<unknown>[] = [];
  add<T>(request: Promise<T>): Promise<T> {
    // Awaited in done(); until then a failure must not count as unhandled.
    request.catch(() => undefined);
    this.pending.push(request);
    return request;
  }
  done(): Promise<unknown> {
    return Promise.all(this.pending);
  }
}

/** The keys a batch's records name (read before they are checked: see applyCapture). */
interface NamedKeys {
  orders: Set<string>;
  buyers: Set<string>;
  shops: Set<string>;
}

/**
 * The keys a batch's records name, as sent: only the adapter's own string keys, the records not yet
 * checked. What is read for them is only ever looked up by a checked record's key, so a key of a
 * record the checks drop costs a read and nothing else.
 */
function namedKeys(batch: CaptureBatch): NamedKeys {
  const own = (key: unknown): key is string => typeof key === 'string' && isOfAdapter(key, batch.adapterId);
  const named: NamedKeys = { orders: new Set(), buyers: new Set(), shops: new Set() };
  const add = (into: Set<string>, key: unknown) => own(key) && into.add(key);
  for (const s of batch.shops as { shopKey?: unknown }[]) add(named.shops, s?.shopKey);
  for (const b of batch.buyers as { buyerKey?: unknown; shopKey?: unknown }[]) {
    add(named.buyers, b?.buyerKey);
    add(named.shops, b?.shopKey);
  }
  for (const o of batch.orders as { orderKey?: unknown; buyerKey?: unknown; shopKey?: unknown }[]) {
    add(named.orders, o?.orderKey);
    add(named.buyers, o?.buyerKey);
    add(named.shops, o?.shopKey);
  }
  return named;
}

/**
 * Reads the stored records the batch names, all at once: its orders (by key-range probes), and the
 * buyers and shops it or its orders name. The few a stored order adds are read later.
 */
async function readStored(db: BuyerLensDatabase, named: NamedKeys): Promise<Stored> {
  const stored: Stored = { orders: new Map(), buyers: new Map(), shops: new Map(), readBuyers: named.buyers, readShops: named.shops };
  const [orders] = await Promise.all([
    storedOrders(db, [...named.orders]),
    db.buyers.bulkGet([...named.buyers]).then((found) => found.forEach((b) => b && stored.buyers.set(b.buyerKey, b))),
    db.shops.bulkGet([...named.shops]).then((found) => found.forEach((s) => s && stored.shops.set(s.shopKey, s))),
  ]);
  stored.orders = orders;
  return stored;
}

/** A name for a buyer an order showed: from this capture (it may replace the buyer's), or kept on the order from an earlier one (it only fills a gap). */
interface NameHint {
  name: string;
  fillOnly: boolean;
}

/**
 * Merges each captured order into its stored one (merge.ts). A name the order's page showed goes to
 * the order's buyer; while the order has no buyer yet, the order keeps it until a reading names the
 * buyer (Amazon: the page's name often comes before the JSON's buyer, or after).
 */
function mergeOrders(checked: CheckedBatch, stored: Stored, batch: CaptureBatch): { changes: OrderChange[]; nameHints: Map<string, NameHint> } {
  const changes: OrderChange[] = [];
  const nameHints = new Map<string, NameHint>();
  const weight = readingWeight(batch.source, batch.pageKind);
  for (const [key, captured] of checked.orders) {
    const before = stored.orders.get(key);
    const after = mergeOrder(before, { order: captured, adapterId: batch.adapterId, weight, capturedAt: batch.capturedAt });
    if (after.buyerKey) {
      if (captured.buyerName) nameHints.set(after.buyerKey, { name: captured.buyerName, fillOnly: false });
      else if (before?.buyerName && !nameHints.has(after.buyerKey)) nameHints.set(after.buyerKey, { name: before.buyerName, fillOnly: true });
      delete after.buyerName;
    }
    changes.push({ before, after });
  }
  return { changes, nameHints };
}

/** Every buyer the batch touches: named in it, or owning one of its orders now or before. */
function touchedBuyers(checked: CheckedBatch, changes: readonly OrderChange[]): Set<string> {
  const keys = new Set<string>(checked.buyers.keys());
  for (const { before, after } of changes) {
    if (after.buyerKey) keys.add(after.buyerKey);
    if (before?.buyerKey) keys.add(before.buyerKey);
  }
  return keys;
}

/** Merges the touched buyers' identities and names (tags, notes and aggregates are never taken from a capture). */
async function mergeBuyers(db: BuyerLensDatabase, checked: CheckedBatch, stored: Stored, changes: readonly OrderChange[], nameHints: Map<string, NameHint>, capturedAt: string): Promise<Map<string, BuyerRecord>> {
  const keys = touchedBuyers(checked, changes);
  // A buyer was first seen when the first of their orders in this batch was.
  const firstSeen = new Map<string, string>();
  for (const { after } of changes) {
    const seen = after.buyerKey ? firstSeen.get(after.buyerKey) : undefined;
    if (after.buyerKey && (seen === undefined || after.firstSeenAt < seen)) firstSeen.set(after.buyerKey, after.firstSeenAt);
  }
  const unread = [...keys].filter((key) => !stored.readBuyers.has(key));
  if (unread.length > 0) (await db.buyers.bulkGet(unread)).forEach((b) => b && stored.buyers.set(b.buyerKey, b));
  const merged = new Map<string, BuyerRecord>();
  for (const key of keys) {
    const before = stored.buyers.get(key);
    const captured = checked.buyers.get(key);
    const hint = nameHints.get(key);
    // A buyer only referenced by an order that did not change is left as it is, but for an earlier first sighting.
    if (!captured && hint === undefined && before) {
      const first = firstSeen.get(key);
      merged.set(key, first !== undefined && first < before.firstSeenAt ? { ...before, firstSeenAt: first } : before);
      continue;
    }
    const seen = { buyerKey: key, ...captured };
    if (hint !== undefined && captured?.displayName === undefined && !(hint.fillOnly && before?.displayName !== undefined)) seen.displayName = hint.name;
    merged.set(key, mergeBuyer(before, seen, capturedAt, firstSeen.get(key)));
  }
  return merged;
}

/**
 * Moves each buyer's aggregates with their orders. Where one order's change cannot be applied
 * exactly (it moved to another buyer, or took a first/last date with it), that buyer's aggregates
 * are recomputed from their orders once the orders are written.
 */
async function moveAggregates(db: BuyerLensDatabase, buyers: Map<string, BuyerRecord>, changes: readonly OrderChange[], ordersWritten: Promise<unknown>): Promise<void> {
  const recompute = new Set<string>();
  for (const { before, after } of changes) {
    const movedFrom = before?.buyerKey !== undefined && before.buyerKey !== after.buyerKey ? before.buyerKey : undefined;
    if (movedFrom) recompute.add(movedFrom);
    if (!after.buyerKey || recompute.has(after.buyerKey)) continue;
    const buyer = buyers.get(after.buyerKey);
    if (!buyer) continue;
    // An order new to this buyer (new, or before without a buyer or with another) is added.
    const stats = applyOrderChange(buyer.stats, before?.buyerKey === after.buyerKey ? before : undefined, after);
    if (stats) buyers.set(after.buyerKey, { ...buyer, stats });
    else recompute.add(after.buyerKey);
  }
  if (recompute.size > 0) await ordersWritten;
  for (const key of recompute) {
    const buyer = buyers.get(key);
    if (!buyer) continue;
    const history = await db.orders.where('[buyerKey+sortAt]').between([key, Dexie.minKey], [key, Dexie.maxKey]).toArray();
    buyers.set(key, { ...buyer, stats: statsOf(history) });
  }
}

/**
 * Writes the buyers that changed. Their search words, like their rows of the buyers table, are made
 * by the background a moment after the captures (buyer-list-writer.ts: every write to a buyer leaves
 * the mark that has them made).
 */
function writeBuyers(db: BuyerLensDatabase, writes: Writes, buyers: Map<string, BuyerRecord>, stored: Stored): BuyerRecord[] {
  const changed = [...buyers.values()].filter((b) => b !== stored.buyers.get(b.buyerKey));
  writes.add(db.buyers.bulkPut(changed));
  return changed;
}

/** Merges the shops named in the batch or referenced by its records; a shop only referenced and already stored is left as it is. */
async function mergeShops(db: BuyerLensDatabase, checked: CheckedBatch, stored: Stored, orders: readonly OrderRecord[], buyers: readonly BuyerRecord[], batch: CaptureBatch): Promise<ShopRecord[]> {
  const keys = new Set<string>(checked.shops.keys());
  for (const o of orders) keys.add(o.shopKey);
  for (const b of buyers) keys.add(b.shopKey);
  const unread = [...keys].filter((key) => !stored.readShops.has(key));
  if (unread.length > 0) (await db.shops.bulkGet(unread)).forEach((s) => s && stored.shops.set(s.shopKey, s));
  const merged: ShopRecord[] = [];
  for (const key of keys) {
    const captured = checked.shops.get(key);
    const before = stored.shops.get(key);
    if (!captured && before) continue;
    merged.push(mergeShop(before, captured ?? { shopKey: key, adapterId: batch.adapterId }, batch.capturedAt));
  }
  return merged;
}

/** One log line for the batch and one per problem; the log keeps its newest CAPTURE_LOG_LIMIT lines. */
async function appendLog(db: BuyerLensDatabase, writes: Writes, batch: CaptureBatch, checked: CheckedBatch, orders: number, maxProblems = Infinity): Promise<void> {
  const base = {
    at: batch.capturedAt,
    adapterId: batch.adapterId,
    pageKind: batch.pageKind,
    pageUrl: batch.pageUrl,
    source: batch.source,
    ...(batch.sourceUrl ? { sourceUrl: batch.sourceUrl } : {}),
  };
  const { problems } = checked;
  const log: CaptureLogRecord[] = [
    {
      ...base,
      kind: 'batch',
      message: `${orders} orders, ${checked.buyers.size} buyers, ${problems.length} problems`,
      counts: { orders, buyers: checked.buyers.size, shops: checked.shops.size, rejected: problems.length },
    },
    ...problems.slice(0, maxProblems).map((p): CaptureLogRecord => ({ ...base, kind: 'problem', where: p.where, message: p.reason })),
  ];
  if (problems.length > maxProblems) {
    log.push({ ...base, kind: 'problem', where: 'capture', message: `${problems.length - maxProblems} more problems not logged: this tab logged its most for this minute` });
  }
  const lastId = await db.captureLog.bulkAdd(log, { allKeys: false });
  writes.add(db.captureLog.where('id').below(Number(lastId) - CAPTURE_LOG_LIMIT).delete());
}

/**
 * Stores one capture batch: checks every record on its own (a bad one is logged with its reason, the
 * good ones are kept), then in one transaction merges the orders, the buyers and their aggregates,
 * the shops, and appends to the capture log. Either all of that is written or none of it (a full
 * disk aborts the transaction and rejects).
 */
export async function applyCapture(db: BuyerLensDatabase, batch: CaptureBatch, writer?: Writer): Promise<CaptureResult> {
  return db.transaction('rw', [db.shops, db.buyers, db.orders, db.captureLog], async () => {
    const writes = new Writes();
    // IndexedDB reads what the batch names while its records are checked here: the checks are a
    // few milliseconds of this worker's time that the store would otherwise wait through.
    const reading = readStored(db, namedKeys(batch));
    const checked = checkBatch(batch, writer);
    const stored = await reading;
    const { changes, nameHints } = mergeOrders(checked, stored, batch);
    const orders = changes.map((c) => c.after);
    // The orders go first, so IndexedDB writes them while the buyers are merged here.
    const ordersWritten = writes.add(db.orders.bulkPut(orders));
    const buyers = await mergeBuyers(db, checked, stored, changes, nameHints, batch.capturedAt);
    await moveAggregates(db, buyers, changes, ordersWritten);
    const changedBuyers = writeBuyers(db, writes, buyers, stored);
    const shops = await mergeShops(db, checked, stored, orders, changedBuyers, batch);
    writes.add(db.shops.bulkPut(shops));
    await appendLog(db, writes, batch, checked, orders.length, writer?.maxLoggedProblems);
    await writes.done();
    return {
      orders: orders.length,
      buyers: changedBuyers.length,
      shops: shops.length,
      rejected: checked.problems.length,
      shopKeys: [...new Set(changedBuyers.map((b) => b.shopKey))],
    };
  });
}
