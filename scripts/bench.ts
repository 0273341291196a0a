/**
 * npm run bench [-- --orders N] [-- --no-build] [-- --switches N]
 *
 * Builds BuyerLens, starts headless Chromium with it, fills its store through the real capture
 * pipeline with deterministic data (default 200,000 orders, 40,000 buyers, 3 shops; --orders scales
 * orders and buyers, buyers = orders / 5) and times what a seller waits for, each against the plain
 * IndexedDB or DOM work underneath it in the same browser:
 *
 *   ingest   capture batches through the background's `capture` handler vs plain puts
 *   rfm      re-scoring every shop (rescoreAll) vs a plain read of the buyers
 *   export   the buyers CSV (lib/export/csv) vs a plain read of the buyers
 *   memory   the side panel's JS heap on the shop overview (and the buyers page, where built)
 *   panel    "buyer on screen" → buyer card and order history rendered vs a plain read of the orders
 *   capture  the Shopee adapter on a 500-row order list vs bare querySelectorAll + textContent
 *
 * Progress goes to stderr; stdout gets a table and, as its last line, one JSON object {"bench": …}.
 * How each figure is taken: scripts/bench/extension-entry.ts and scripts/bench/console.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { EXTENSION_DIR, findChromium, launchWithExtension, NO_CHROMIUM } from './browser';
import { bundleEntry } from './bench/bundle';
import { captureBench } from './bench/console';
import { BATCH_ORDERS, benchPlan, DEFAULT_ORDERS, sampleBuyerKeys } from './bench/data';
import type { ExtensionBench } from './bench/extension-entry';
import { check, median, percentile, round, table, type Row } from './bench/report';

const TARGETS = {
  ingestRatio: 0.6,
  captureRatio: 3,
  longTaskMs: 50,
  switchP95Ms: 100,
  rfmRatio: 1.5,
  exportRatio: 2,
};
const DAY_MS = 86_400_000;
/** A tab id no real tab has: the panel follows it as it follows the tab a seller works in. */
const SCREEN_TAB = 987_654_321;
const WARMUP_SWITCHES = 5;
/** rfm and export: this many back-to-back pairs (plain read, then the real thing). */
const REPEATS = 5;
const CAPTURE_ITERATIONS = 25;

const { values } = parseArgs({
  options: { 'no-build': { type: 'boolean' }, orders: { type: 'string' }, switches: { type: 'string' } },
});
const orders = values.orders === undefined ? DEFAULT_ORDERS : Number(values.orders);
const switches = values.switches === undefined ? 200 : Number(values.switches);
if (!Number.isInteger(orders) || orders < BATCH_ORDERS || !Number.isInteger(switches) || switches < 1) {
  console.error(`usage: npm run bench [-- --orders N (integer ≥ ${BATCH_ORDERS})] [-- --switches N] [-- --no-build]`);
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const started = performance.now();
const loadAtStart = loadavg()[0]!;
const log = (message: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`);

if (!findChromium()) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
if (!values['no-build']) {
  log('building the extension (npx wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
}
const [extensionBundle, consoleBundle] = await Promise.all([bundleEntry('extension-entry.ts'), bundleEntry('console-entry.ts')]);
const plan = benchPlan(orders);

type Target = Page | Worker;
type Result<K extends keyof ExtensionBench> = Awaited<ReturnType<ExtensionBench[K]>>;

/** Calls the bench entry evaluated in an extension page or the service worker. */
async function call<K extends keyof ExtensionBench>(target: Target, method: K, ...args: Parameters<ExtensionBench[K]>): Promise<Result<K>> {
  const evaluate = target.evaluate.bind(target) as Page['evaluate'];
  const result = await evaluate(
    ([name, params]) => {
      const bench = (globalThis as unknown as { __buyerlensBench: Record<string, (...a: unknown[]) => unknown> }).__buyerlensBench;
      return bench[name]!(...params);
    },
    [method, args as unknown[]] as [string, unknown[]],
  );
  return result as Result<K>;
}

async function inject(target: Target): Promise<void> {
  const evaluate = target.evaluate.bind(target) as Page['evaluate'];
  const present = await evaluate(() => '__buyerlensBench' in globalThis);
  if (!present) await evaluate(extensionBundle);
}

/** The extension's service worker (a new one if Chromium restarted it), with the bench entry in it. */
async function serviceWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  await inject(worker);
  return worker;
}

/** A page's used JS heap after a full garbage collection, MB. */
async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return heap.usedSize / 2 ** 20;
}

async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

log(`data: ${plan.orders} orders, ${plan.buyers} buyers, ${plan.shops} shops, ${plan.batches.length} capture batches of ≤ ${BATCH_ORDERS} orders`);
const { context, extensionId, panelUrl, userDataDir } = await launchWithExtension({ headless: true });
let figures;
try {
  // The daily re-score alarm fires a minute after the worker starts: keep it out of the timings.
  const worker = await serviceWorker(context, extensionId);
  await worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome.alarms.clearAll());

  // The ingest and the export run in a document of the extension's origin that runs none of the
  // extension's own code (its manifest, shown as text): the panel, options and buyers pages all keep
  // live queries that would re-run while the bench writes and reads, and muddy both sides.
  const host = await context.newPage();
  await host.goto(`chrome-extension://${extensionId}/manifest.json`);
  await inject(host);

  // ── ingest ─────────────────────────────────────────────────────────────────────────────────────
  await call(host, 'setPlan', plan.orders, plan.anchor);
  const ingest = { pipelineMs: 0, rawMs: 0, orders: 0, rejected: 0, errors: [] as string[] };
  const step = 20;
  for (let n = 0; n < plan.batches.length; n += step) {
    const r = await call(host, 'ingest', n, n + step);
    ingest.pipelineMs += r.pipelineMs;
    ingest.rawMs += r.rawMs;
    ingest.orders += r.orders;
    ingest.rejected += r.rejected;
    ingest.errors.push(...r.errors);
    if ((n / step) % 5 === 4 || n + step >= plan.batches.length) {
      log(`ingest ${ingest.orders}/${plan.orders} orders: pipeline ${Math.round((ingest.orders / ingest.pipelineMs) * 1000)}/s, raw ${Math.round((ingest.orders / ingest.rawMs) * 1000)}/s`);
    }
  }
  await call(host, 'dropRaw');
  if (ingest.errors.length > 0) throw new Error(`captures failed: ${ingest.errors.join('; ')}`);
  const counts = await call(host, 'counts');
  log(`stored ${counts.orders} orders, ${counts.buyers} buyers, ${counts.shops} shops; waiting for the background to score ${counts.scorable} buyers…`);
  // The background re-scores the shops a moment after the last capture; measure once it is done.
  await waitFor('the background’s RFM scoring', async () => (await call(host, 'scoredCount')) === counts.scorable, 180_000);

  // ── rfm (in the service worker, where the background runs it) ──────────────────────────────────
  const sw = await serviceWorker(context, extensionId);
  const rfmRaw: number[] = [];
  const rfmFull: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    rfmRaw.push((await call(sw, 'rawReadBuyers')).ms);
    rfmFull.push((await call(sw, 'rescoreAll')).ms);
  }
  const nextDay = await call(sw, 'rescoreAll', Date.now() + DAY_MS);
  const backToday = await call(sw, 'rescoreAll');
  log(`rfm: rescoreAll ${rfmFull.map((m) => Math.round(m)).join('/')} ms, raw read ${rfmRaw.map((m) => Math.round(m)).join('/')} ms, next day ${Math.round(nextDay.ms)} ms (${nextDay.changed} rewritten)`);

  // ── export (in an extension page) ──────────────────────────────────────────────────────────────
  const exportRaw: number[] = [];
  const exportCsv: number[] = [];
  const exportTasks: number[] = [];
  let exported: Result<'exportCsv'> | undefined;
  await call(host, 'observeLongTasks');
  for (let i = 0; i < REPEATS; i++) {
    exportRaw.push((await call(host, 'rawReadBuyers')).ms);
    exported = await call(host, 'exportCsv');
    exportCsv.push(exported.ms);
    // Only the export's own tasks (the plain read's getAll lands as one long task of its own).
    exportTasks.push(...(await call(host, 'takeLongTasks', exported.from, exported.to)));
  }
  log(`export: ${exportCsv.map((m) => Math.round(m)).join('/')} ms for ${exported!.rows} rows, raw read ${exportRaw.map((m) => Math.round(m)).join('/')} ms`);

  // ── memory: a fresh side panel on the shop overview ────────────────────────────────────────────
  await call(host, 'followTab', SCREEN_TAB);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(panelUrl);
  await panel.locator('[data-testid="shop-overview"] [data-testid="segment-chart"]').waitFor({ timeout: 60_000 });
  await panel.waitForTimeout(2000);
  const panelHeapMb = await heapMb(context, panel);
  log(`panel heap on the overview: ${panelHeapMb.toFixed(1)} MB`);

  // The buyers page (a table of every buyer), where the build has one: its heap once all rows are in.
  let buyersPage: { heapMb: number; loadMs: number } | { error: string } | undefined;
  if (existsSync(join(EXTENSION_DIR, 'buyers.html'))) {
    const page = await context.newPage();
    const t0 = performance.now();
    try {
      await page.goto(`chrome-extension://${extensionId}/buyers.html`);
      await page.locator('[data-testid="buyers-count"]:not([data-count=""])').waitFor({ timeout: 120_000 });
      const loadMs = performance.now() - t0;
      await page.waitForTimeout(2000);
      buyersPage = { heapMb: await heapMb(context, page), loadMs };
      log(`buyers page: rows in after ${Math.round(loadMs)} ms, heap ${buyersPage.heapMb.toFixed(1)} MB`);
    } catch (error) {
      buyersPage = { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    } finally {
      await page.close();
    }
  }

  // ── panel: buyer on screen → buyer card and order history ──────────────────────────────────────
  await inject(panel);
  await panel.bringToFront();
  const keys = sampleBuyerKeys(plan, switches + WARMUP_SWITCHES);
  const switchMs: number[] = [];
  for (const [i, key] of keys.entries()) {
    const ms = await call(panel, 'switchTo', key, SCREEN_TAB, 10_000);
    if (i >= WARMUP_SWITCHES) switchMs.push(ms);
    // Let the previous buyer's view settle (effects, live queries) before the next one.
    await panel.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 20))));
  }
  const rawOrders: number[] = [];
  for (const key of keys.slice(WARMUP_SWITCHES)) rawOrders.push((await call(panel, 'rawReadOrders', key)).ms);
  log(`panel: p50 ${median(switchMs).toFixed(1)} ms, p95 ${percentile(switchMs, 95).toFixed(1)} ms over ${switchMs.length} buyers`);
  await panel.close();

  // ── capture: the Shopee adapter on a 500-row order list (last: it adds the demo's orders) ───────
  const capture = await captureBench(context, consoleBundle, CAPTURE_ITERATIONS);
  const stored = await call(host, 'lastCapture');
  log(`capture: ${capture.rows} rows, extract median ${median(capture.extractMs).toFixed(1)} ms; content script's last capture: ${stored?.message ?? 'none'}`);

  figures = { counts, ingest, rfmRaw, rfmFull, nextDay, backToday, exportRaw, exportCsv, exported: exported!, exportTasks, panelHeapMb, buyersPage, switchMs, rawOrders, capture, stored };
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

// ── report ───────────────────────────────────────────────────────────────────────────────────────
const f = figures;
const ratio = (a: number, b: number) => round(a / b, 2);
/**
 * The median of per-pair ratios: each pair ran back to back, so load from elsewhere on the machine
 * (it has 2 cores) weighs on both sides of a pair alike.
 */
const pairedRatio = (values: readonly number[], baselines: readonly number[]) => round(median(values.map((v, i) => v / baselines[i]!)), 2);
const ingestRate = (f.ingest.orders / f.ingest.pipelineMs) * 1000;
const rawRate = (f.ingest.orders / f.ingest.rawMs) * 1000;
const extractMs = median(f.capture.extractMs);
const bareMs = median(f.capture.bareMs);
const captureLongest = Math.max(0, ...f.capture.tasks.buyerLens);
const rfmFull = median(f.rfmFull);
const rfmRaw = median(f.rfmRaw);
const csvMs = median(f.exportCsv);
const csvRaw = median(f.exportRaw);
const p50 = median(f.switchMs);
const p95 = percentile(f.switchMs, 95);
const rawP50 = median(f.rawOrders);

const bench = {
  size: { orders: f.counts.orders, buyers: f.counts.buyers, shops: f.counts.shops },
  ingest: {
    ordersPerSec: Math.round(ingestRate),
    rawOrdersPerSec: Math.round(rawRate),
    ratioToRawIdb: ratio(ingestRate, rawRate),
    pipelineMs: Math.round(f.ingest.pipelineMs),
    rawMs: Math.round(f.ingest.rawMs),
    batches: plan.batches.length,
    ordersPerBatch: BATCH_ORDERS,
    rejected: f.ingest.rejected,
  },
  capture: {
    rows: f.capture.rows,
    msPer500Rows: round(extractMs, 2),
    coldMs: round(f.capture.coldMs, 2),
    bareDomMs: round(bareMs, 2),
    ratioToBareDom: pairedRatio(f.capture.extractMs, f.capture.bareMs),
    jsonMsPer500Rows: round(median(f.capture.jsonMs), 2),
    longestTaskMs: round(captureLongest, 1),
    contentScriptTasksMs: f.capture.tasks.buyerLens.filter((ms) => ms >= 1).map((ms) => round(ms, 1)),
    consoleLongestTaskMs: round(f.capture.tasks.longestTaskMs, 1),
  },
  panel: {
    switches: f.switchMs.length,
    switchP50Ms: round(p50),
    switchP95Ms: round(p95),
    switchMaxMs: round(Math.max(...f.switchMs)),
    rawReadP50Ms: round(rawP50, 2),
    rawReadP95Ms: round(percentile(f.rawOrders, 95), 2),
    ratioToRawRead: ratio(p50, rawP50),
  },
  rfm: {
    fullMs: Math.round(rfmFull),
    rawReadMs: Math.round(rfmRaw),
    ratioToRawRead: pairedRatio(f.rfmFull, f.rfmRaw),
    nextDayMs: Math.round(f.nextDay.ms),
    nextDayRewritten: f.nextDay.changed,
    nextDayRatioToRawRead: ratio(f.nextDay.ms, rfmRaw),
  },
  export: {
    csvMs: Math.round(csvMs),
    rawReadMs: Math.round(csvRaw),
    ratioToRawRead: pairedRatio(f.exportCsv, f.exportRaw),
    rows: f.exported.rows,
    megabytes: round(f.exported.chars / 2 ** 20, 1),
    chunks: f.exported.chunks,
    longestTaskMs: f.exportTasks.length > 0 ? round(Math.max(...f.exportTasks), 1) : null,
  },
  memory: {
    panelHeapMb: round(f.panelHeapMb, 1),
    view: 'overview',
    buyersPageHeapMb: f.buyersPage && 'heapMb' in f.buyersPage ? round(f.buyersPage.heapMb, 1) : null,
    buyersPageLoadMs: f.buyersPage && 'loadMs' in f.buyersPage ? Math.round(f.buyersPage.loadMs) : null,
  },
  machine: { cpus: cpus().length, loadAverageStart: round(loadAtStart, 2), loadAverageEnd: round(loadavg()[0]!, 2) },
};

const n = (v: number, unit = '') => `${v.toLocaleString('en-US')}${unit}`;
const rows: Row[] = [
  { figure: 'ingest: capture pipeline', value: n(bench.ingest.ordersPerSec, ' orders/s'), baseline: n(bench.ingest.rawOrdersPerSec, ' puts/s raw'), ratio: String(bench.ingest.ratioToRawIdb), target: `≥ ${TARGETS.ingestRatio}`, verdict: check(bench.ingest.ratioToRawIdb >= TARGETS.ingestRatio) },
  { figure: 'capture: DOM extract, 500 rows', value: n(bench.capture.msPer500Rows, ' ms'), baseline: n(bench.capture.bareDomMs, ' ms bare DOM'), ratio: String(bench.capture.ratioToBareDom), target: `≤ ${TARGETS.captureRatio}`, verdict: check(bench.capture.ratioToBareDom <= TARGETS.captureRatio) },
  { figure: 'capture: JSON extract, 500 rows', value: n(bench.capture.jsonMsPer500Rows, ' ms'), baseline: '', ratio: '', target: '', verdict: '' },
  { figure: 'capture: longest task', value: n(bench.capture.longestTaskMs, ' ms'), baseline: `console's longest ${bench.capture.consoleLongestTaskMs} ms`, ratio: '', target: `≤ ${TARGETS.longTaskMs} ms`, verdict: check(bench.capture.longestTaskMs <= TARGETS.longTaskMs) },
  { figure: 'panel: buyer switch p50', value: n(bench.panel.switchP50Ms, ' ms'), baseline: n(bench.panel.rawReadP50Ms, ' ms raw read'), ratio: String(bench.panel.ratioToRawRead), target: '', verdict: '' },
  { figure: 'panel: buyer switch p95', value: n(bench.panel.switchP95Ms, ' ms'), baseline: n(bench.panel.rawReadP95Ms, ' ms raw read'), ratio: '', target: `≤ ${TARGETS.switchP95Ms} ms`, verdict: check(bench.panel.switchP95Ms <= TARGETS.switchP95Ms) },
  { figure: 'rfm: rescore all shops', value: n(bench.rfm.fullMs, ' ms'), baseline: n(bench.rfm.rawReadMs, ' ms raw read'), ratio: String(bench.rfm.ratioToRawRead), target: `≤ ${TARGETS.rfmRatio}`, verdict: check(bench.rfm.ratioToRawRead <= TARGETS.rfmRatio) },
  { figure: 'rfm: next day', value: n(bench.rfm.nextDayMs, ' ms'), baseline: n(bench.rfm.rawReadMs, ' ms raw read'), ratio: String(bench.rfm.nextDayRatioToRawRead), target: '', verdict: '' },
  { figure: 'export: buyers CSV', value: n(bench.export.csvMs, ' ms'), baseline: n(bench.export.rawReadMs, ' ms raw read'), ratio: String(bench.export.ratioToRawRead), target: `≤ ${TARGETS.exportRatio}`, verdict: check(bench.export.ratioToRawRead <= TARGETS.exportRatio) },
  { figure: 'memory: panel heap, overview', value: n(bench.memory.panelHeapMb, ' MB'), baseline: '', ratio: '', target: '', verdict: '' },
  bench.memory.buyersPageHeapMb === null
    ? { figure: 'memory: buyers page heap', value: 'n/a', baseline: f.buyersPage && 'error' in f.buyersPage ? 'did not load' : 'no buyers page in this build', ratio: '', target: '', verdict: '' }
    : { figure: 'memory: buyers page heap', value: n(bench.memory.buyersPageHeapMb, ' MB'), baseline: `all rows in ${n(bench.memory.buyersPageLoadMs ?? 0, ' ms')}`, ratio: '', target: '', verdict: '' },
];

console.log(`BuyerLens bench: ${n(bench.size.orders)} orders, ${n(bench.size.buyers)} buyers, ${bench.size.shops} shops (headless Chromium, ${((performance.now() - started) / 1000).toFixed(0)} s, ${bench.machine.cpus} CPUs, load average ${bench.machine.loadAverageStart} → ${bench.machine.loadAverageEnd})`);
console.log('');
console.log(table(rows));
console.log('');
console.log(`ingest: ${bench.ingest.batches} batches of ≤ ${BATCH_ORDERS} orders sent as \`capture\` messages from an extension page; raw: the same records put into a scratch database with the same indexes.`);
console.log(`capture: ${bench.capture.rows}-row Shopee order list; medians of ${CAPTURE_ITERATIONS} runs (first run ${bench.capture.coldMs} ms); longest task: BuyerLens's own time in one main-thread task of the page (trace of the load: script start, tapped JSON, DOM read, sending): ${bench.capture.contentScriptTasksMs.join(', ')} ms.`);
console.log(`panel: ${bench.panel.switches} random buyers after ${WARMUP_SWITCHES} warm-up switches; max ${bench.panel.switchMaxMs} ms. raw read: the buyer's orders through [buyerKey+sortAt].`);
console.log(`ratios: rfm, export and capture are medians of per-pair ratios (a plain read or bare DOM read, then the real thing, back to back); panel is p50 over p50.`);
console.log(`rfm: rescoreAll with the tiers current (median of ${REPEATS}); "next day" moves every buyer's recency on by a day, and rewrites the tiers whose scores change with it (${n(bench.rfm.nextDayRewritten)}).`);
console.log(`export: ${n(bench.export.rows)} rows, ${bench.export.megabytes} MB in ${bench.export.chunks} chunks (median of ${REPEATS}); longest task while exporting: ${bench.export.longestTaskMs ?? '< 50'} ms.`);
console.log(
  f.buyersPage === undefined
    ? 'memory: the side panel on the shop overview; this build has no buyers table page, so no figure for one.'
    : 'error' in f.buyersPage
      ? `memory: the side panel on the shop overview; the buyers page did not finish loading (${f.buyersPage.error}).`
      : 'memory: the side panel on the shop overview, and the buyers page (buyers.html) once every row is loaded.',
);
console.log(JSON.stringify({ bench }));
