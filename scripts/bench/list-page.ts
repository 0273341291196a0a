/**
 * The bench's code inside the buyers page (buyers.html), bundled into extension-entry.ts: what a
 * seller waits for there, timed in the page, each against a plain IndexedDB read of the same rows.
 *
 * The page's contract (entrypoints/buyers): `[data-testid="buyers-table"]` is the table's scroller
 * and carries `aria-busy="true"` while the first screen of a query loads (for a sort, only where
 * that read takes over 100 ms: a quicker one shows with its header in one render), `"false"` once
 * that query's rows (`[data-testid="buyer-row"]`, `data-buyer-key`) are in the DOM. A query never
 * shown busy is timed to the first row's key changing. Sorting is a click on a column header's
 * button (`[role=columnheader] button`), whose header says the direction (`aria-sort`).
 */

import { SORT_INDEX } from '../../lib/buyers/list';
import { request } from './idb';

export const TABLE = '[data-testid="buyers-table"]';
export const ROW = '[data-testid="buyer-row"]';

/** The sortable columns the bench clicks, by the header's label, and the buyerList index that orders rows alike. */
export const LIST_COLUMNS = {
  orders: { labels: ['orders'], index: SORT_INDEX.orders },
  spent: { labels: ['spent'], index: SORT_INDEX.spentMinor },
  lastOrder: { labels: ['last order'], index: SORT_INDEX.lastOrderAt },
  name: { labels: ['name', 'buyer'], index: SORT_INDEX.name },
} as const;
export type ListColumn = keyof typeof LIST_COLUMNS;
export type Direction = 'asc' | 'desc';

/** The store the page's list reads (lib/db/buyer-list.ts). */
export const LIST_STORE = 'buyerList';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function headerButton(column: ListColumn): HTMLButtonElement {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[role=columnheader] button')];
  const label = (b: HTMLButtonElement) => (b.textContent ?? '').replace(/[▲▼↑↓]/gu, '').trim().toLowerCase();
  const found = buttons.find((b) => LIST_COLUMNS[column].labels.some((l) => label(b).startsWith(l)));
  if (!found) throw new Error(`no column header button for ${column} among: ${buttons.map(label).join(', ')}`);
  return found;
}

/** The column's direction as its header shows it (aria-sort, else an arrow in the button). */
function directionOf(column: ListColumn): Direction | undefined {
  const button = headerButton(column);
  const sort = button.closest('[role=columnheader]')?.getAttribute('aria-sort');
  if (sort === 'ascending' || sort === 'descending') return sort === 'ascending' ? 'asc' : 'desc';
  const text = button.textContent ?? '';
  return /[▲↑]/u.test(text) ? 'asc' : /[▼↓]/u.test(text) ? 'desc' : undefined;
}

const firstRowKey = () => document.querySelector(ROW)?.getAttribute('data-buyer-key') ?? null;
const busy = () => document.querySelector(TABLE)?.getAttribute('aria-busy') ?? null;

export interface ListQuery {
  ms: number;
  /** Buyer rows in the DOM once the query's first screen is shown. */
  rows: number;
  direction: Direction;
  /** Whether the page keeps the aria-busy contract (else the first row's key changing was the signal). */
  ariaBusy: boolean;
}

/** A query whose rows showed with the same first row, the table never busy: taken as shown if nothing follows for this long. */
const UNCONFIRMED_MS = 2000;

/**
 * Clicks the column's sort button and resolves with the time until the new query's first screen is
 * in the DOM: its header shows the new direction, the table is not busy, and either the table was
 * busy since the click or the first row changed (where neither happens, the time the header changed
 * with the table not busy, once nothing else happened for UNCONFIRMED_MS).
 */
export function listQuery(column: ListColumn, timeoutMs: number): Promise<ListQuery> {
  const sortOf = () => headerButton(column).closest('[role=columnheader]')?.getAttribute('aria-sort');
  const before = { key: firstRowKey(), direction: directionOf(column), sorted: sortOf() };
  let wasBusy = false;
  let unconfirmed: ReturnType<typeof setTimeout> | undefined;
  return new Promise<ListQuery>((resolve, reject) => {
    const finish = (ms: number, direction: Direction, ariaBusy: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(unconfirmed);
      resolve({ ms, rows: document.querySelectorAll(ROW).length, direction, ariaBusy });
    };
    const check = () => {
      const state = busy();
      if (state === 'true') wasBusy = true;
      const direction = directionOf(column);
      const key = firstRowKey();
      if (state === 'true' || direction === undefined || key === null) return;
      if (direction === before.direction && sortOf() === before.sorted) return;
      const ms = performance.now() - t0;
      if (key !== before.key || (state === 'false' && wasBusy)) finish(ms, direction, state !== null);
      else if (unconfirmed === undefined && !wasBusy) unconfirmed = setTimeout(() => !wasBusy && busy() !== 'true' && finish(ms, direction, state !== null), UNCONFIRMED_MS);
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) if (r.attributeName === 'aria-busy' && r.oldValue === 'true') wasBusy = true;
      check();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      clearTimeout(unconfirmed);
      reject(new Error(`sorting by ${column}: its first screen not shown within ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['aria-busy', 'aria-sort', 'data-buyer-key'] });
    const t0 = performance.now();
    headerButton(column).click();
  });
}

/** `count` values of an index or store in descending key order, through a cursor. */
function lastValues(source: IDBIndex | IDBObjectStore, count: number): Promise<unknown[]> {
  const out: unknown[] = [];
  const cursor = source.openCursor(null, 'prev');
  return new Promise<unknown[]>((resolve, reject) => {
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c || out.length >= count) return resolve(out);
      out.push(c.value);
      if (out.length >= count) resolve(out);
      else c.continue();
    };
  });
}

export interface RawRead {
  ms: number;
  count: number;
  /** What was read: `buyerList`, and the index for a screen of rows. */
  from: string;
}

/** Until the page is idle (what the query it just showed left to do is done), at most `ms`. */
const idle = (ms: number) => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: ms }));

/**
 * Until the page has counted the query's buyers (`[data-testid="buyers-count"]` carries the number in
 * `data-count`, empty while counting), at most `ms`: a read meanwhile would wait behind the count's.
 */
async function counted(ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (document.querySelector('[data-testid="buyers-count"]')?.getAttribute('data-count') === '' && performance.now() < until) await frame();
}

/** One plain indexed read of the first `count` rows of the column's order from the list store, once the page is idle. */
export async function rawReadList(idb: IDBDatabase, column: ListColumn, direction: Direction, count: number): Promise<RawRead> {
  await frame();
  await counted(60_000);
  await idle(1000);
  const index = LIST_COLUMNS[column].index;
  const t0 = performance.now();
  const source = idb.transaction(LIST_STORE, 'readonly').objectStore(LIST_STORE).index(index);
  const rows = direction === 'asc' ? await request(source.getAll(null, count)) : await lastValues(source, count);
  return { ms: performance.now() - t0, count: rows.length, from: `${LIST_STORE} ${index}` };
}

/** A plain read of every row an export of all buyers writes: one getAll of the list store. */
export async function rawReadAll(idb: IDBDatabase): Promise<RawRead> {
  await counted(60_000);
  await idle(1000);
  const t0 = performance.now();
  const rows = await request(idb.transaction(LIST_STORE, 'readonly').objectStore(LIST_STORE).getAll());
  return { ms: performance.now() - t0, count: rows.length, from: LIST_STORE };
}

/** Scrolls the table down `screens` screens, a screen a frame pair, waiting out the page's loading where it says so. */
export async function scrollScreens(screens: number, timeoutMs: number): Promise<{ scrollTop: number; rows: number }> {
  const table = document.querySelector<HTMLElement>(TABLE);
  if (!table) throw new Error('no buyers table');
  for (let i = 0; i < screens; i++) {
    table.scrollTop += table.clientHeight;
    await frame();
    await frame();
    const until = performance.now() + timeoutMs;
    while (busy() === 'true' || document.querySelectorAll(ROW).length === 0) {
      if (performance.now() > until) throw new Error(`screen ${i + 1} of the table not shown within ${timeoutMs} ms`);
      await frame();
    }
  }
  return { scrollTop: table.scrollTop, rows: document.querySelectorAll(ROW).length };
}

/**
 * Clicks "Export CSV" (every buyer listed: no filter) and resolves with the page's times when its
 * result line is shown again, the file handed to the browser's download just before.
 */
export function exportClick(timeoutMs: number): Promise<{ ms: number; from: number; to: number }> {
  const button = document.querySelector<HTMLButtonElement>('[data-testid="export-csv"]');
  if (!button) throw new Error('no export button');
  const old = document.querySelector('[data-testid="export-result"]');
  const working = () => button.disabled || document.querySelector('[data-testid="export-progress"]') !== null;
  // A new result line, or the same one once the export has visibly run (a page that keeps the element).
  let started = old === null;
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if ((old && !old.isConnected) || working()) started = true;
      const result = document.querySelector('[data-testid="export-result"]');
      if (!result || !started || working()) return;
      const to = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve({ ms: to - from, from, to });
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the export did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const from = performance.now();
    button.click();
  });
}
