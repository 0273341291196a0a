import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTransaction, type Middleware } from 'dexie';
import { listedBuyer, type ListedBuyer } from '../buyers/list';
import type { BuyerRecord, ShopRecord } from '../schema/records';
import { buyerListIsStale } from './buyer-list';
import type { BuyerLensDatabase } from './database';
import { searchRowsOf } from './merge';

/**
 * Keeps the buyers table's rows (`buyerList`, lib/buyers/list.ts ListedBuyer) and the buyers' search
 * words (`buyerSearch`, lib/db/queries.ts searchBuyers) in step with the buyers.
 *
 * The rows carry the indexes the buyers page sorts by. Writing them with every capture would write
 * all those index entries for every buyer a capture touches (captures rewrite hundreds of buyers per
 * batch; a new buyer's search words cost as much again: written with the captures, they took a
 * seventh of the ingest's speed), so a write to a buyer only leaves a mark, in the same transaction:
 * the keys it wrote, in one record per write (`buyerListDirty`). The background then makes those rows again from the
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

/** These buyers' rows and search words, written; those of the buyers `gone` deleted. */
const writeRows = (db: BuyerLensDatabase, buyers: readonly BuyerRecord[], shops: readonly ShopRecord[], gone: readonly string[]) =>
  Promise.all([db.buyerList.bulkPut(listRowsOf(buyers, shops)), db.buyerSearch.bulkPut(searchRowsOf(buyers)), db.buyerList.bulkDelete([...gone]), db.buyerSearch.bulkDelete([...gone])]);

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
    const step = await db.transaction('rw', [db.buyers, db.shops, db.buyerList, db.buyerSearch], async () => {
      // Keys are non-empty strings: '' is below them all, maxKey above.
      const [buyers, shops] = await Promise.all([db.buyers.where(':id').above(after ?? '').limit(STEP_KEYS).toArray(), db.shops.toArray()]);
      const last = buyers.length === STEP_KEYS ? buyers[STEP_KEYS - 1]!.buyerKey : undefined;
      // The list's keys in this slice's range only: (after, last], or all after `after` for the last slice.
      const keys = await db.buyerList.where(':id').between(after ?? '', last ?? Dexie.maxKey, false, true).primaryKeys();
      const present = new Set(buyers.map((b) => b.buyerKey));
      await writeRows(db, buyers, shops, keys.filter((key) => !present.has(key)));
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

/** Marks one round of a refresh reads: a capture's mark holds hundreds of keys. */
const MARKS_PER_ROUND = 1000;

/**
 * The buyers the oldest marks name, each once (a burst of captures marks the same buyer in many
 * marks: made once per mark, 40,000 buyers' rows were made 230,000 times), in key order, and the
 * last mark read; or `all` where a mark says every row is to be made again.
 */
async function markedBuyers(db: BuyerLensDatabase): Promise<{ keys: string[]; lastMark: number } | { all: number } | undefined> {
  const marks = await db.buyerListDirty.orderBy('id').limit(MARKS_PER_ROUND).toArray();
  if (marks.length === 0) return undefined;
  if (marks.some((mark) => mark.all)) return { all: (await db.buyerListDirty.orderBy('id').last())!.id! };
  const keys = new Set<string>();
  for (const mark of marks) for (const key of mark.keys ?? []) keys.add(key);
  return { keys: [...keys].sort(), lastMark: marks[marks.length - 1]!.id! };
}

/** These buyers' rows and search words made again from the buyers (those of buyers gone are deleted), in one transaction. */
function makeRows(db: BuyerLensDatabase, keys: readonly string[]): Promise<number> {
  return db.transaction('rw', [db.buyers, db.shops, db.buyerList, db.buyerSearch], async () => {
    const [buyers, shops] = await Promise.all([db.buyers.bulkGet([...keys]), db.shops.toArray()]);
    const found = buyers.filter((b): b is BuyerRecord => b !== undefined);
    await writeRows(db, found, shops, keys.filter((_, i) => buyers[i] === undefined));
    return keys.length;
  });
}

/**
 * Every marked buyer's row made again, STEP_KEYS buyers per transaction, a round of marks at a time;
 * a round's marks are removed once its rows are made (a buyer written meanwhile has a newer mark,
 * made next round).
 */
async function refreshAll(db: BuyerLensDatabase): Promise<number> {
  // Most actions change no buyer: a read tells without taking the tables for writing.
  if (!(await buyerListIsStale(db))) return 0;
  let made = 0;
  for (;;) {
    const marked = await markedBuyers(db);
    if (!marked) return made;
    if ('all' in marked) {
      made += await rebuildAll(db, marked.all);
      continue;
    }
    for (let i = 0; i < marked.keys.length; i += STEP_KEYS) made += await makeRows(db, marked.keys.slice(i, i + STEP_KEYS));
    await db.buyerListDirty.where('id').belowOrEqual(marked.lastMark).delete();
  }
}

/** The refresh running on a database, and the one that follows it (shared by every call meanwhile). */
const flights = new WeakMap<BuyerLensDatabase, { running?: Promise<number>; next?: Promise<number> }>();

/**
 * Makes the rows of every marked buyer again, until no mark is left; returns how many rows it made.
 * Runs in the background only (the one writer), one run at a time: a call while one runs waits for
 * it and then shares the one run that follows (every page action calls this; a burst of them each
 * running its own loop made the same rows again and again, and held the buyers page for a minute).
 */
export function refreshBuyerList(db: BuyerLensDatabase): Promise<number> {
  const flight = flights.get(db) ?? {};
  flights.set(db, flight);
  const start = (): Promise<number> => {
    const run = refreshAll(db).finally(() => {
      if (flight.running === run) flight.running = undefined;
    });
    flight.running = run;
    return run;
  };
  if (!flight.running) return start();
  flight.next ??= flight.running
    .catch(() => undefined)
    .then(() => {
      flight.next = undefined;
      return start();
    });
  return flight.next;
}
