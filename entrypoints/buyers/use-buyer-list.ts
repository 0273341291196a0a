import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BuyerRow } from '@/lib/buyers/list';
import Dexie, { type ObservabilitySet } from 'dexie';
import { BuyerListWalk, buyerListIsStale, countMatches, notedBuyers, type ListQuery } from '@/lib/db/buyer-list';
import { db } from '@/lib/db/database';
import { act } from '@/lib/messaging/actions';

/** Rows of a first screen (a tall window shows about 25). */
const FIRST_SCREEN = 40;
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
  /** The rows read so far, in the query's order. */
  rows: readonly BuyerRow[];
  /** The first screen of the current query is still being read. */
  loading: boolean;
  /** Every match is read. */
  done: boolean;
  /** How many buyers match, once counted; `counted` is the running count meanwhile. */
  total: number | null;
  counted: number;
  /** Reads on until row `index` is in (or the list ends). */
  need: (index: number) => void;
}

interface Run {
  /** Set once who has notes is known and the walk starts. */
  walk?: BuyerListWalk;
  reading: boolean;
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

/**
 * The buyers a query lists, read from the store as they are shown: the first screen at once (one
 * indexed read), the rest as the user scrolls, and the count alongside (kept while only the sort
 * changes). `generation` reads again (after the user changed buyers). The page holds the rows it
 * read, never every buyer.
 */
export function useBuyerList(query: ListQuery, generation: number): BuyerList {
  // Each piece of state says which read it belongs to: a new query shows as loading without a reset.
  const [state, setState] = useState<{ of: ListQuery | null; generation: number; rows: BuyerRow[]; done: boolean }>({ of: null, generation, rows: [], done: false });
  const run = useRef<Run | null>(null);
  const noted = usePerGeneration(generation);
  const count = useMatchCount(query.filter, query.now, generation, noted);
  const kept = useRef(0);
  useEffect(() => {
    kept.current = state.rows.length;
  });

  useEffect(() => {
    const current: Run = { reading: true, stale: false };
    run.current = current;
    // After a change to the buyers the rows in view are read again, as many as were shown.
    const first = Math.max(FIRST_SCREEN, generation > 0 ? kept.current : 0);
    void (async () => {
      const walk = new BuyerListWalk(db, query, await noted());
      current.walk = walk;
      const rows = await walk.next(first);
      current.reading = false;
      if (!current.stale) setState({ of: query, generation, rows, done: walk.done });
    })().catch((error: unknown) => {
      if (!current.stale) console.error('[BuyerLens] buyers not read', error);
    });
    return () => {
      current.stale = true;
    };
  }, [query, generation, noted]);

  const need = useCallback((index: number) => {
    const current = run.current;
    const walk = current?.walk;
    if (!current || !walk || current.reading || current.stale || walk.done || index < kept.current) return;
    current.reading = true;
    void walk.next(Math.max(MORE, index + 1 - kept.current)).then((more) => {
      current.reading = false;
      if (!current.stale) setState((s) => ({ ...s, rows: [...s.rows, ...more], done: walk.done }));
    });
  }, []);

  const loading = state.of !== query || state.generation !== generation;
  return { rows: state.rows, done: state.done, loading, total: count.total, counted: count.counted, need };
}
