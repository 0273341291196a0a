import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BuyerRow, Sort } from '@/lib/buyers/list';
import Dexie, { type ObservabilitySet } from 'dexie';
import { BuyerListWalk, buyerListIsStale, countMatches, notedBuyers, type ListQuery } from '@/lib/db/buyer-list';
import { db } from '@/lib/db/database';
import { act } from '@/lib/messaging/actions';

/** The order the page opens in: the newest buyers first. */
const DEFAULT_SORT: Sort = { key: 'lastOrderAt', dir: 'desc' };
/**
 * A new sort's first screen shows with its header once read, without a loading state between; only
 * a read slower than this (a filter that leaves few matches in a large store) shows one meanwhile.
 */
const BUSY_AFTER_MS = 100;
/** Rows read at once as the user scrolls. */
const MORE = 200;
/** Rows the background makes while the page is open are shown at most this often. */
const FOLLOW_MS = 1_000;

/**
 * Buyers captured a moment ago may not have their rows yet (the background makes them after a burst
 * of captures): before reading, the background is asked to make them now. Reading goes on if it
 * cannot answer; the rows then come with the next change.
 */
async function listUpToDate(): Promise<void> {
  if (!(await buyerListIsStale(db))) return;
  await act('buyers/list-refresh', {}).catch((error: unknown) => console.error('[BuyerLens] buyers table not brought up to date', error));
}

/** Calls `onChange` (at most once per FOLLOW_MS) when the buyers table's rows change in any of the extension's contexts. */
export function useFollowBuyerList(onChange: () => void): void {
  useEffect(() => {
    const part = `idb://${db.name}/buyerList/`;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (parts: ObservabilitySet) => {
      if (timer !== undefined || !Object.keys(parts).some((key) => key.startsWith(part))) return;
      timer = setTimeout(() => {
        timer = undefined;
        onChange();
      }, FOLLOW_MS);
    };
    Dexie.on.storagemutated.subscribe(listener);
    return () => {
      Dexie.on.storagemutated.unsubscribe(listener);
      clearTimeout(timer);
    };
  }, [onChange]);
}

export interface BuyerList {
  /** The query the rows are read for: the page's filter, the sort chosen in the table, and "now". */
  query: ListQuery;
  /** Sorts the list: the new order's first screen is read first, then shown with its header in one render. */
  sortBy: (sort: Sort) => void;
  /** The rows read so far, in the query's order. */
  rows: readonly BuyerRow[];
  /** The first screen of the current query is still being read (and has been for longer than BUSY_AFTER_MS, for a new sort). */
  loading: boolean;
  /** Every match is read. */
  done: boolean;
  /** How many buyers match, once counted; `counted` is the running count meanwhile. */
  total: number | null;
  counted: number;
  /** Reads on until row `index` is in (or the list ends). */
  need: (index: number) => void;
}

/** A query's first screen of rows, and whether they are every match. */
interface FirstScreen {
  rows: BuyerRow[];
  done: boolean;
}

/** One read of a query's rows: its first screen, then more as the user scrolls. */
interface Run {
  query: ListQuery;
  generation: number;
  /** Set once who has notes is known and the walk starts. */
  walk?: BuyerListWalk;
  firstScreen: Promise<FirstScreen>;
  reading: boolean;
  /** Its first screen is shown (or on its way, in the render under way). */
  shown: boolean;
  /** Another read took its place: what it reads is shown nowhere. */
  stale: boolean;
}

/** Who has notes (it changes only with the user's actions) and the rows brought up to date: once per generation, not per query. */
function usePerGeneration(generation: number): () => Promise<Set<string>> {
  const ready = useRef<{ generation: number; noted: Promise<Set<string>> } | null>(null);
  return useCallback(() => {
    if (ready.current?.generation !== generation) ready.current = { generation, noted: Promise.all([notedBuyers(db), listUpToDate()]).then(([noted]) => noted) };
    return ready.current.noted;
  }, [generation]);
}

/** How many buyers a filter lists: counted again when the filter or the buyers change, never for a new sort. */
function useMatchCount(filter: ListQuery['filter'], now: number, generation: number, noted: () => Promise<Set<string>>) {
  const [count, setCount] = useState<{ of: unknown; total: number | null; counted: number }>({ of: null, total: null, counted: 0 });
  const key = useMemo(() => ({ filter, now, generation }), [filter, now, generation]);
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      const withNotes = await noted();
      const query: ListQuery = { filter, now, sort: { key: 'shopKey', dir: 'asc' } };
      const onProgress = (counted: number) => !abort.signal.aborted && setCount({ of: key, total: null, counted });
      const total = await countMatches(db, query, withNotes, onProgress, abort.signal);
      if (!abort.signal.aborted) setCount({ of: key, total, counted: total });
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) console.error('[BuyerLens] buyers not counted', error);
    });
    return () => abort.abort();
  }, [key, filter, now, noted]);
  return count.of === key ? count : { total: null, counted: 0 };
}

/** Two queries list the same rows in the same order (the filter is one object per change of it). */
const sameQuery = (a: ListQuery | null, b: ListQuery) => a !== null && a.filter === b.filter && a.now === b.now && a.sort.key === b.sort.key && a.sort.dir === b.sort.dir;

function startRun(query: ListQuery, generation: number, first: number, noted: () => Promise<Set<string>>): Run {
  const run: Run = { query, generation, reading: true, shown: false, stale: false, firstScreen: Promise.resolve({ rows: [], done: false }) };
  run.firstScreen = (async () => {
    const walk = new BuyerListWalk(db, query, await noted());
    run.walk = walk;
    const rows = await walk.next(first);
    run.reading = false;
    return { rows, done: walk.done };
  })();
  return run;
}

/** The rows on screen, and the read they came from. */
interface Shown extends FirstScreen {
  of: ListQuery | null;
  generation: number;
}

/**
 * The buyers a query lists, read from the store as they are shown: the first screen at once (one
 * indexed read of `screenRows()` rows), the rest as the user scrolls, and the count alongside (kept
 * while only the sort changes). `generation` reads again (after the user changed buyers). The page
 * holds the rows it read, never every buyer.
 */
export function useBuyerList(filter: ListQuery['filter'], now: number, generation: number, screenRows: () => number): BuyerList {
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const query = useMemo<ListQuery>(() => ({ filter, sort, now }), [filter, sort, now]);
  // The rows shown say which read they belong to: a new query shows as loading without a reset.
  const [shown, setShown] = useState<Shown>({ of: null, generation, rows: [], done: false });
  const run = useRef<Run | null>(null);
  const noted = usePerGeneration(generation);
  const count = useMatchCount(filter, now, generation, noted);
  const kept = useRef(0);
  useEffect(() => {
    kept.current = shown.rows.length;
  });

  /** Starts reading `q`, in place of whatever was read before. */
  const begin = useCallback(
    (q: ListQuery, first: number) => {
      if (run.current) run.current.stale = true;
      const current = startRun(q, generation, first, noted);
      run.current = current;
      current.firstScreen.catch((error: unknown) => {
        if (!current.stale) console.error('[BuyerLens] buyers not read', error);
      });
      return current;
    },
    [generation, noted],
  );

  /** Shows a run's first screen, once, unless another run took its place; whether it did. */
  const show = useCallback((current: Run, first: FirstScreen) => {
    if (current.stale || current.shown) return false;
    current.shown = true;
    setShown({ of: current.query, generation: current.generation, ...first });
    return true;
  }, []);

  useEffect(() => {
    // A sort's read is started by sortBy, before the query changes; any other change starts one here.
    // After a change to the buyers the rows in view are read again, as many as were shown.
    const current = run.current && !run.current.stale && run.current.generation === generation && sameQuery(run.current.query, query) ? run.current : begin(query, Math.max(screenRows(), generation > 0 ? kept.current : 0));
    void current.firstScreen.then((first) => show(current, first));
    return () => {
      current.stale = true;
    };
  }, [query, generation, begin, show, screenRows]);

  const sortBy = useSortBy(query, screenRows, begin, show, setSort);
  const need = useCallback((index: number) => {
    const current = run.current;
    const walk = current?.walk;
    if (!current || !walk || current.reading || current.stale || walk.done || index < kept.current) return;
    current.reading = true;
    void walk.next(Math.max(MORE, index + 1 - kept.current)).then((more) => {
      current.reading = false;
      if (!current.stale) setShown((s) => ({ ...s, rows: [...s.rows, ...more], done: walk.done }));
    });
  }, []);

  const loading = !sameQuery(shown.of, query) || shown.generation !== generation;
  return { query, sortBy, rows: shown.rows, done: shown.done, loading, total: count.total, counted: count.counted, need };
}

/**
 * A new sort: its first screen is read before anything changes on the page, and the header's new
 * order and those rows are then shown in one render (the effect in useBuyerList finds the read
 * started and shows its rows). Only a read slower than BUSY_AFTER_MS shows the table loading meanwhile.
 */
function useSortBy(
  query: ListQuery,
  screenRows: () => number,
  begin: (q: ListQuery, first: number) => Run,
  show: (current: Run, first: FirstScreen) => boolean,
  setSort: (sort: Sort) => void,
) {
  return useCallback(
    (next: Sort) => {
      const current = begin({ ...query, sort: next }, screenRows());
      const slow = setTimeout(() => !current.stale && setSort(next), BUSY_AFTER_MS);
      void current.firstScreen.then((first) => {
        clearTimeout(slow);
        // The rows and the header's new order in one render.
        if (show(current, first)) setSort(next);
      });
    },
    [query, screenRows, begin, show, setSort],
  );
}
