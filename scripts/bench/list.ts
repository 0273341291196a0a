/**
 * The buyers page (buyers.html), as a seller uses it: opened cold, scrolled, sorted by its column
 * headers, and exported to CSV with its button. Times are taken in the page (list-page.ts); each is
 * paired with a plain IndexedDB read of the same rows in the same page, back to back.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { firstLine, heapMb, type Driver } from './driver';
import { ROW, TABLE, type ListColumn } from './list-page';
import type { ListQuery, RawRead } from './list-page';

/**
 * The sorts clicked, in order: each column twice (its default direction, then the other), from the
 * page's default (last order, newest first). Name comes first: in the bench data the buyer with the
 * newest order is also the one with the most, so Orders right after it would show the same first row.
 */
const QUERY_COLUMNS: readonly ListColumn[] = ['name', 'name', 'orders', 'orders', 'spent', 'spent', 'lastOrder', 'lastOrder', 'name', 'name', 'orders', 'orders'];
export const LIST_QUERIES = QUERY_COLUMNS.length;
export const SCROLL_SCREENS = 20;
/** Export pairs: a plain read of every row, then the export. */
export const EXPORT_REPEATS = 3;

export interface ListFigures {
  openMs: number;
  /** Heap once the first screen is shown, and after scrolling SCROLL_SCREENS screens down, MB. */
  firstScreenHeapMb: number;
  heapMb: number;
  queries: (ListQuery & { column: ListColumn })[];
  raw: RawRead[];
}

export interface ExportFigures {
  csvMs: number[];
  rawMs: number[];
  rawFrom: string;
  rows: number;
  bytes: number;
  longTasks: number[];
}

export type BuyersPageFigures = { list: ListFigures; export?: ExportFigures; error?: string } | { error: string };

interface Options {
  driver: Driver;
  context: BrowserContext;
  extensionId: string;
  /** For one wait (the page's first rows, one sort, one export). */
  timeoutMs: number;
  log: (message: string) => void;
}

/** Navigation → first buyer row, timed in the page from its navigation start (the bench's wall clock where that fails). */
async function open(page: Page, url: string, timeoutMs: number): Promise<number> {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="buyer-row"]')) return;
      (window as unknown as { __benchFirstRow?: number }).__benchFirstRow = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const t0 = performance.now();
  await page.goto(url);
  await page.locator(ROW).first().waitFor({ timeout: timeoutMs });
  const wallMs = performance.now() - t0;
  const inPage = await page.evaluate(() => (window as unknown as { __benchFirstRow?: number }).__benchFirstRow);
  return inPage ?? wallMs;
}

/** Until the table says it is not loading (pages without aria-busy: at once), then a settling pause. */
async function settle(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction((table) => document.querySelector(table)?.getAttribute('aria-busy') !== 'true', TABLE, { timeout: timeoutMs });
  await page.waitForTimeout(2000);
}

/** Opened cold, its heap with the first screen shown, then scrolled down and its heap again. */
async function openFigures(page: Page, o: Options, url: string): Promise<ListFigures> {
  const { driver, context, timeoutMs, log } = o;
  const openMs = await open(page, url, timeoutMs);
  await settle(page, timeoutMs);
  const firstScreenHeapMb = await heapMb(context, page);
  log(`buyers page: first rows after ${Math.round(openMs)} ms, heap ${firstScreenHeapMb.toFixed(1)} MB`);
  await driver.inject(page);
  const scrolled = await driver.call(page, 'scrollScreens', SCROLL_SCREENS, timeoutMs);
  await page.waitForTimeout(1000);
  const scrolledHeapMb = await heapMb(context, page);
  log(`buyers page: ${SCROLL_SCREENS} screens down (${Math.round(scrolled.scrollTop)} px), heap ${scrolledHeapMb.toFixed(1)} MB`);
  await page.evaluate((table) => document.querySelector(table)?.scrollTo({ top: 0 }), TABLE);
  await settle(page, timeoutMs);
  return { openMs, firstScreenHeapMb, heapMb: scrolledHeapMb, queries: [], raw: [] };
}

/** The sorts, each paired with a plain read of as many rows in its order; into `list`. */
async function queryFigures(page: Page, o: Options, list: ListFigures): Promise<void> {
  const { driver, timeoutMs, log } = o;
  for (const column of QUERY_COLUMNS) {
    const query = await driver.call(page, 'listQuery', column, timeoutMs);
    const raw = await driver.call(page, 'rawReadList', column, query.direction, query.rows);
    list.queries.push({ ...query, column });
    list.raw.push(raw);
    // Let the page finish what the query started (effects, later screens) before the next one.
    await page.waitForTimeout(300);
  }
  log(`list: first screens ${list.queries.map((q) => Math.round(q.ms)).join('/')} ms, raw reads ${list.raw.map((r) => r.ms.toFixed(1)).join('/')} ms (${list.raw[0]?.from}, ${list.queries[0]?.rows} rows)`);
}

/** CRLF line ends in a file: the CSV's lines (none of the bench's names holds a line break). */
function linesOf(path: string): { lines: number; bytes: number } {
  const data = readFileSync(path);
  let lines = 0;
  for (let i = data.indexOf(13); i !== -1; i = data.indexOf(13, i + 1)) if (data[i + 1] === 10) lines += 1;
  return { lines, bytes: data.length };
}

async function exportFigures(page: Page, o: Options): Promise<ExportFigures> {
  const { driver, timeoutMs, log } = o;
  await driver.call(page, 'observeLongTasks');
  const figures: ExportFigures = { csvMs: [], rawMs: [], rawFrom: '', rows: 0, bytes: 0, longTasks: [] };
  for (let i = 0; i < EXPORT_REPEATS; i++) {
    const raw = await driver.call(page, 'rawReadAll');
    figures.rawMs.push(raw.ms);
    figures.rawFrom = raw.from;
    // The plain read's rows (every buyer) are garbage now: collected here, not in the export's time.
    await heapMb(o.context, page);
    const download = page.waitForEvent('download', { timeout: timeoutMs });
    const run = await driver.call(page, 'exportClick', timeoutMs);
    const file = await download;
    const { lines, bytes } = linesOf(await file.path());
    await file.delete();
    figures.csvMs.push(run.ms);
    figures.rows = lines - 1;
    figures.bytes = bytes;
    figures.longTasks.push(...(await driver.call(page, 'takeLongTasks', run.from, run.to)));
    await page.waitForTimeout(500);
  }
  log(`export: ${figures.csvMs.map((m) => Math.round(m)).join('/')} ms for ${figures.rows} rows, raw read ${figures.rawMs.map((m) => Math.round(m)).join('/')} ms; long tasks ${figures.longTasks.map((m) => Math.round(m)).join('/') || 'none'}`);
  return figures;
}

/** The buyers page's figures; where the page fails, what failed (and the figures taken before). */
export async function buyersPageBench(o: Options): Promise<BuyersPageFigures> {
  const page = await o.context.newPage();
  let list: ListFigures | undefined;
  try {
    list = await openFigures(page, o, `chrome-extension://${o.extensionId}/buyers.html`);
    await queryFigures(page, o, list);
    return { list, export: await exportFigures(page, o) };
  } catch (error) {
    return list ? { list, error: firstLine(error) } : { error: firstLine(error) };
  } finally {
    await page.close();
  }
}
