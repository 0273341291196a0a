import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTransaction, type Middleware } from 'dexie';
import { listedBuyer, type ListedBuyer } from '../buyers/list';
import type { BuyerRecord, ShopRecord } from '../schema/records';
import { buyerListIsStale } from './buyer-list';
import type { BuyerLensDatabase } from './database';

/**
 * Keeps the buyers table's rows (`buyerList`, lib/buyers/list.ts ListedBuyer) in step with the buyers.
 *
 * The rows carry the indexes the buyers page sorts by. Writing them with every capture would write
 * all those index entries for every buyer a capture touches (captures rewrite hundreds of buyers per
 * batch), so a write to a buyer only leaves a mark, in the same transaction: the keys it wrote, in
 * one record per write (`buyerListDirty`). The background then makes those rows again from the
 * buyers (refreshBuyerList): right after a user's change, before it answers, and a moment after a
 * burst of captures. A mark is written wherever a buyer is, by any code (a Dexie middleware below
 * sees every write), so no write path can forget it; a mark is only removed with its rows made.
 */

export const BUYER_LIST_DIRTY = 'buyerListDirty';

/** The keys one write to the buyers touched, or `all` where it cleared a range of them. */
export interface BuyerListMark {
  id?: number;
  keys?: string[];
  all?: true;
}

function markOf(req: DBCoreMutateRequest): BuyerListMark | undefined {
  if (req.type === 'deleteRange') return { all: true };
  if (req.type === 'delete') return req.keys.length > 0 ? { keys: req.keys.map(String) } : undefined;
  const keys = new Set<string>(req.keys?.map(String) ?? req.values.map((v: { buyerKey?: unknown }) => String(v.buyerKey)));
  if (req.type === 'put') for (const key of req.updates?.keys ?? []) keys.add(String(key));
  return keys.size > 0 ? { keys: [...keys] } : undefined;
}

/** The store exists in this transaction (not while an upgrade walks versions before v7). */
const hasDirtyStore = (trans: DBCoreTransaction): boolean => (trans as Partial<IDBTransaction>).objectStoreNames?.contains(BUYER_LIST_DIRTY) ?? false;

/**
 * Every read-write transaction that includes the buyers also includes the marks' store, and every
 * write to the buyers adds a mark there, in the same transaction: a write that aborts leaves no mark,
 * and one that commits always leaves one.
 */
export const buyerListMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'buyerListMarks',
  create(down) {
    const marked = down.schema.tables.some((t) => t.name === BUYER_LIST_DIRTY);
    return {
      transaction(stores, mode, options) {
        const scope = marked && mode === 'readwrite' && stores.includes('buyers') && !stores.includes(BUYER_LIST_DIRTY) ? [...stores, BUYER_LIST_DIRTY] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'buyers') return table;
        return {
          ...table,
          async mutate(req) {
            const mark = hasDirtyStore(req.trans) ? markOf(req) : undefined;
            if (!mark) return table.mutate(req);
            const [result] = await Promise.all([table.mutate(req), down.table(BUYER_LIST_DIRTY).mutate({ type: 'add', trans: req.trans, values: [mark] })]);
            return result;
          },
        };
      },
    };
  },
};

/** The rows of these buyers; a buyer without a purchase takes their shop's currency. */
export function listRowsOf(buyers: readonly BuyerRecord[], shops: readonly ShopRecord[]): ListedBuyer[] {
  const currencyOf = new Map(shops.map((s) => [s.shopKey, s.currency]));
  return buyers.map((b) => listedBuyer(b, currencyOf.get(b.shopKey)));
}

/**
 * Buyers whose rows one transaction makes: short enough that the buyers page's reads, which wait for
 * a write to the list to commit, never wait long.
 */
const STEP_KEYS = 2000;

/**
 * Makes every row again (after a range of buyers was cleared), a slice of buyers per transaction:
 * each slice's rows are put, and rows in its key range whose buyer is gone are deleted, so the list
 * is never emptied meanwhile. Then drops the marks up to `lastMark`.
 */
async function rebuildAll(db: BuyerLensDatabase, lastMark: number): Promise<number> {
  let after: string | undefined;
  let made = 0;
  for (;;) {
    const step = await db.transaction('rw', [db.buyers, db.shops, db.buyerList], async () => {
      // Keys are non-empty strings: '' is below them all, maxKey above.
      const [buyers, shops] = await Promise.all([db.buyers.where(':id').above(after ?? '').limit(STEP_KEYS).toArray(), db.shops.toArray()]);
      const last = buyers.length === STEP_KEYS ? buyers[STEP_KEYS - 1]!.buyerKey : undefined;
      // The list's keys in this slice's range only: (after, last], or all after `after` for the last slice.
      const keys = await db.buyerList.where(':id').between(after ?? '', last ?? Dexie.maxKey, false, true).primaryKeys();
      const present = new Set(buyers.map((b) => b.buyerKey));
      await Promise.all([db.buyerList.bulkPut(listRowsOf(buyers, shops)), db.buyerList.bulkDelete(keys.filter((key) => !present.has(key)))]);
      return { count: buyers.length, last };
    });
    made += step.count;
    if (step.last === undefined) break;
    after = step.last;
  }
  // Writes made while this ran left marks after lastMark: those rows are made again next.
  await db.buyerListDirty.where('id').belowOrEqual(lastMark).delete();
  return made;
}

/**
 * One step: the oldest marks' first STEP_KEYS buyers' rows made again from the buyers (gone buyers'
 * rows deleted); the marks done are removed, and one only partly done keeps the rest of its keys.
 */
async function refreshStep(db: BuyerLensDatabase): Promise<number | { all: number }> {
  return db.transaction('rw', [db.buyerListDirty, db.buyers, db.shops, db.buyerList], async () => {
    const marks = await db.buyerListDirty.orderBy('id').limit(STEP_KEYS).toArray();
    if (marks.length === 0) return 0;
    if (marks[0]!.all) return { all: (await db.buyerListDirty.orderBy('id').last())!.id! };
    const keys = new Set<string>();
    const done: number[] = [];
    let rest: BuyerListMark | undefined;
    for (const mark of marks) {
      if (mark.all || keys.size >= STEP_KEYS) break;
      const take = (mark.keys ?? []).slice(0, STEP_KEYS - keys.size);
      take.forEach((key) => keys.add(key));
      if (take.length < (mark.keys?.length ?? 0)) rest = { ...mark, keys: mark.keys!.slice(take.length) };
      else done.push(mark.id!);
    }
    const list = [...keys];
    const [buyers, shops] = await Promise.all([db.buyers.bulkGet(list), db.shops.toArray()]);
    const found = buyers.filter((b): b is BuyerRecord => b !== undefined);
    const gone = list.filter((_, i) => buyers[i] === undefined);
    await Promise.all([db.buyerList.bulkPut(listRowsOf(found, shops)), db.buyerList.bulkDelete(gone), db.buyerListDirty.bulkDelete(done), rest ? db.buyerListDirty.put(rest) : undefined]);
    return list.length;
  });
}

/**
 * Makes the rows of every marked buyer again, until no mark is left; returns how many rows it made.
 * Runs in the background only (the one writer), one call at a time.
 */
export async function refreshBuyerList(db: BuyerLensDatabase): Promise<number> {
  // Most actions change no buyer: a read tells without taking the tables for writing.
  if (!(await buyerListIsStale(db))) return 0;
  let made = 0;
  for (;;) {
    const step = await refreshStep(db);
    if (step === 0) return made;
    made += typeof step === 'number' ? step : await rebuildAll(db, step.all);
  }
}
