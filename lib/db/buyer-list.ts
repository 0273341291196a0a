import type { Collection, IndexableType, InsertType } from 'dexie';
import { byListOrder, filterIsEmpty, matchesFilter, SORT_INDEX, sortAlwaysHasValue, sortRows, sortValue, type BuyerRow, type ListedBuyer, type Sort, type SortEntry } from '../buyers/list';
import type { BuyerFilter } from '../schema/lists';
import { shopRange } from '../schema/keys';
import type { BuyerLensDatabase } from './database';

/**
 * The buyers table's queries, served from the `buyerList` table (buyer-list-writer.ts keeps it):
 * a screen of rows in the sort's order is one indexed read, whatever the number of buyers; the rest
 * is read as the user scrolls, a slice at a time. Nothing here holds every buyer: counts, exports
 * and bulk changes walk the matches slice by slice.
 *
 * How a query is served:
 * - a tag filter ("any" or "all" of some tags) whose buyers are few enough (MATERIALIZE_LIMIT) reads
 *   just those buyers through the tags index, and filters and sorts them in memory: exact at once;
 * - anything else walks the sort's index (value, then buyer key), keeping the rows that match, and
 *   after it, for sorts some buyers have no value for, those buyers (listed last, as sortRows does).
 */

export interface ListQuery {
  filter: BuyerFilter;
  sort: Sort;
  /** "Has not ordered in 60 days" is counted from here. */
  now: number;
}

/** Buyers a tag filter may name for them to be read and sorted in memory. */
export const MATERIALIZE_LIMIT = 20_000;
/** Rows read per step of a walk: one short task to read and filter. */
const WALK_STEP = 500;

/** Whether any buyer's row is still to be made (buyer-list-writer.ts makes them in the background). */
export const buyerListIsStale = async (db: BuyerLensDatabase): Promise<boolean> => (await db.buyerListDirty.limit(1).count()) > 0;

/** The buyers that have notes (a few thousand at most: notes are written by hand). */
export async function notedBuyers(db: BuyerLensDatabase): Promise<Set<string>> {
  return new Set((await db.notes.orderBy('buyerKey').uniqueKeys()) as string[]);
}

/** The keys of the buyers a tag filter names, or undefined where it names none by itself ("none" of some tags) or too many. */
async function tagCandidates(db: BuyerLensDatabase, filter: BuyerFilter): Promise<string[] | undefined> {
  const tagIds = filter.tagIds ?? [];
  if (tagIds.length === 0 || filter.tagMode === 'none') return undefined;
  const perTag = await Promise.all(tagIds.map((id) => db.buyerList.where('tagIds').equals(id).limit(MATERIALIZE_LIMIT + 1).primaryKeys()));
  if (perTag.some((keys) => keys.length > MATERIALIZE_LIMIT) && filter.tagMode === 'any') return undefined;
  if (filter.tagMode === 'all') {
    const smallest = [...perTag].sort((a, b) => a.length - b.length)[0]!;
    if (smallest.length > MATERIALIZE_LIMIT) return undefined;
    return smallest as string[];
  }
  const keys = new Set(perTag.flat() as string[]);
  return keys.size > MATERIALIZE_LIMIT ? undefined : [...keys];
}

/** The index key of a row in the sort's index, to go on after it. */
function indexKeyOf(row: ListedBuyer, sort: Sort): IndexableType {
  return sort.key === 'shopKey' ? row.buyerKey : [sortValue(row, sort.key)!, row.buyerKey];
}

/**
 * The matches of one query, in its order, a slice at a time. `next(n)` reads until it has n more
 * matches or none are left; `done` says the last was read.
 */
export class BuyerListWalk {
  private phase: 'index' | 'missing' | 'done' = 'index';
  private after: IndexableType | undefined;
  private inMemory: BuyerRow[] | undefined;
  private position = 0;
  private started = false;

  /** `step`: rows read per slice where a filter leaves some out (a reader of every match, like an export, reads larger ones). */
  constructor(
    private readonly db: BuyerLensDatabase,
    private readonly query: ListQuery,
    private readonly noted: ReadonlySet<string>,
    private readonly step = WALK_STEP,
  ) {}

  get done(): boolean {
    return this.inMemory ? this.position >= this.inMemory.length : this.phase === 'done';
  }

  private async start(): Promise<void> {
    this.started = true;
    const keys = await tagCandidates(this.db, this.query.filter);
    if (!keys) return;
    const rows = (await this.db.buyerList.bulkGet(keys)).filter((r): r is ListedBuyer => r !== undefined);
    const matching = rows.map((r) => this.row(r)).filter((r) => matchesFilter(r, this.query.filter, this.query.now));
    this.inMemory = sortRows(matching, this.query.sort);
  }

  /** Whether this walk reads a tag filter's few buyers through the tags index (then in memory), not a slice at a time; starts it. */
  async readsByTags(): Promise<boolean> {
    if (!this.started) await this.start();
    return this.inMemory !== undefined;
  }

  private row(listed: ListedBuyer): BuyerRow {
    return { ...listed, hasNotes: this.noted.has(listed.buyerKey) };
  }

  /** The next slice of the walk's current phase, in the sort's direction. */
  private slice(limit: number): Collection<ListedBuyer, string, InsertType<ListedBuyer, 'buyerKey'>> {
    const { sort } = this.query;
    const table = this.db.buyerList;
    const index = this.phase === 'index' ? SORT_INDEX[sort.key] : ':id';
    const desc = sort.dir === 'desc';
    const from = this.after === undefined ? table.orderBy(index) : desc ? table.where(index).below(this.after) : table.where(index).above(this.after);
    return (desc ? from.reverse() : from).limit(limit);
  }

  /**
   * Reads one slice: just the rows still wanted where every row matches (no filter, the sort's
   * index), otherwise a larger slice of which some will match.
   */
  private async readSlice(out: BuyerRow[], wanted: number): Promise<void> {
    const { filter, now, sort } = this.query;
    const limit = this.phase === 'index' && filterIsEmpty(filter) ? Math.min(wanted, this.step) : this.step;
    const rows = await this.slice(limit).toArray();
    const missing = this.phase === 'missing';
    for (const listed of rows) {
      if (missing && sortValue(listed, sort.key) !== undefined) continue;
      const row = this.row(listed);
      if (matchesFilter(row, filter, now)) out.push(row);
    }
    if (rows.length === limit) {
      const last = rows[rows.length - 1]!;
      this.after = missing ? last.buyerKey : indexKeyOf(last, sort);
      return;
    }
    this.after = undefined;
    this.phase = this.phase === 'index' && !sortAlwaysHasValue(sort.key) ? 'missing' : 'done';
  }

  async next(count: number): Promise<BuyerRow[]> {
    if (!this.started) await this.start();
    if (this.inMemory) {
      const out = this.inMemory.slice(this.position, this.position + count);
      this.position += out.length;
      return out;
    }
    const out: BuyerRow[] = [];
    while (out.length < count && this.phase !== 'done') await this.readSlice(out, count - out.length);
    return out;
  }
}

/** Rows after `after` in the store's own order (buyer key), at most `limit`: one plain getAll. */
const storeSlice = (db: BuyerLensDatabase, after: string | undefined, limit: number) =>
  (after === undefined ? db.buyerList.toCollection() : db.buyerList.where(':id').above(after)).limit(limit).toArray();

/**
 * Every match of a query, made into one T each by `make` (a slice of matches at a time, in the
 * slice's order), in the query's order: for a reader of every match, like an export. The rows are
 * read in the store's own order, `step` at a time (a plain getAll, IndexedDB's cheapest read; walking
 * the sort's index, or even reading its keys, costs more than twice that at 200,000 buyers), each
 * slice is made while the next is read, and what is made of each is sorted at the end by the value
 * it was read with, in the index's order (byListOrder). Holds a T per match, never the rows.
 * `onSlice` gets the running count.
 */
export async function everyMatchInOrder<T>(
  db: BuyerLensDatabase,
  query: ListQuery,
  noted: ReadonlySet<string>,
  make: (rows: readonly BuyerRow[]) => T[],
  onSlice?: (matched: number) => void,
  step = 5000,
): Promise<T[]> {
  const { filter, now, sort } = query;
  const walk = new BuyerListWalk(db, query, noted, step);
  if (await walk.readsByTags()) {
    // A few buyers by their tags: the walk reads just those.
    const out: T[] = [];
    while (!walk.done) {
      out.push(...make(await walk.next(step)));
      onSlice?.(out.length);
    }
    return out;
  }
  const found: (SortEntry & { made: T })[] = [];
  let next = storeSlice(db, undefined, step);
  for (;;) {
    const rows = await next;
    // The next slice is read while this one is made.
    if (rows.length === step) next = storeSlice(db, rows[rows.length - 1]!.buyerKey, step);
    const matched: BuyerRow[] = [];
    for (const listed of rows) {
      // The row just read is this walk's own: it is completed in place, not copied.
      const row = listed as BuyerRow;
      row.hasNotes = noted.has(listed.buyerKey);
      if (matchesFilter(row, filter, now)) matched.push(row);
    }
    const made = make(matched);
    matched.forEach((row, i) => found.push({ value: sortValue(row, sort.key), key: row.buyerKey, made: made[i]! }));
    onSlice?.(found.length);
    if (rows.length < step) break;
  }
  // The store's order is the buyer-key sort's (`:id`) already.
  if (SORT_INDEX[sort.key] === ':id') return (sort.dir === 'desc' ? found.reverse() : found).map((f) => f.made);
  return found.sort(byListOrder(sort)).map((f) => f.made);
}

/** How many buyers a filter would list when no walk is needed: none, or only shops. */
async function quickCount(db: BuyerLensDatabase, filter: BuyerFilter): Promise<number | undefined> {
  if (filterIsEmpty(filter)) return db.buyerList.count();
  const { shopKeys, tagMode, ...rest } = filter;
  if (!shopKeys?.length || !filterIsEmpty({ tagMode, ...rest })) return undefined;
  const counts = await Promise.all(
    shopKeys.map((key) => {
      const [lower, upper] = shopRange(key);
      return db.buyerList.where(':id').between(lower, upper, true, false).count();
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** A walk of every match in buyer-key order (the primary key: no rows left for a second phase), in large slices. */
const keyOrderWalk = (db: BuyerLensDatabase, filter: BuyerFilter, now: number, noted: ReadonlySet<string>) =>
  new BuyerListWalk(db, { filter, now, sort: { key: 'shopKey', dir: 'asc' } }, noted, WALK_STEP * 4);

/**
 * How many buyers match: from a count of the table or the shops' key ranges where the filter allows,
 * otherwise by walking the matches once, a slice at a time (`onProgress` gets the running count).
 * `signal` stops it.
 */
export async function countMatches(db: BuyerLensDatabase, query: ListQuery, noted: ReadonlySet<string>, onProgress?: (matched: number) => void, signal?: AbortSignal): Promise<number> {
  const quick = await quickCount(db, query.filter);
  if (quick !== undefined) return quick;
  const walk = keyOrderWalk(db, query.filter, query.now, noted);
  let matched = 0;
  while (!walk.done) {
    if (signal?.aborted) throw signal.reason;
    matched += (await walk.next(WALK_STEP * 4)).length;
    onProgress?.(matched);
  }
  return matched;
}

/** The keys of every buyer a filter lists (in buyer-key order), read a slice at a time. */
export async function matchingKeys(db: BuyerLensDatabase, filter: BuyerFilter, now: number): Promise<string[]> {
  const walk = keyOrderWalk(db, filter, now, await notedBuyers(db));
  const keys: string[] = [];
  while (!walk.done) for (const row of await walk.next(WALK_STEP * 4)) keys.push(row.buyerKey);
  return keys;
}

/** Every note's text by buyer, newest first (for the notes column of an export). */
export async function notesByBuyer(db: BuyerLensDatabase): Promise<Record<string, string[]>> {
  const notes: Record<string, string[]> = {};
  for (const note of (await db.notes.toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt))) (notes[note.buyerKey] ??= []).push(note.text);
  return notes;
}
