/**
 * npm run bench [-- --scale 1m] [-- --orders N] [-- --no-build] [-- --switches N]
 *
 * Builds BuyerLens, starts headless Chromium with it, fills its store with deterministic data and
 * times what a seller waits for, each against the plain IndexedDB or DOM work underneath it in the
 * same browser. The default size (200,000 orders, 40,000 buyers, 3 shops; --orders scales orders and
 * buyers, buyers = orders / 5) is filled through the real capture pipeline. --scale 1m (1,000,000
 * orders, 200,000 buyers, 5 shops) is filled directly with the pipeline's own merges
 * (scripts/bench/fill.ts), but for a sample of its newest orders, which go through the pipeline into
 * the filled store and are timed as the ingest (with --orders, that shape at another size: a quick
 * check of the direct fill).
 *
 *   ingest   capture batches through the background's `capture` handler vs plain puts
 *   rfm      re-scoring every shop (rescoreAll) vs a plain read of the buyers
 *   list     the buyers page: a sort's first screen vs an indexed read of its rows; cold open; heap
 *   export   the buyers page's CSV export, clicked, vs a plain read of its rows
 *   memory   the side panel's JS heap on the shop overview, and the buyers page's
 *   panel    "buyer on screen" → buyer card and order history rendered vs a plain read of the orders
 *   capture  the Shopee adapter on a 500-row order list vs bare querySelectorAll + textContent
 *
 * Progress goes to stderr; stdout gets a table and, as its last line, one JSON object {"bench": …}.
 * How each figure is taken: scripts/bench/extension-entry.ts, list-page.ts and console.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXTENSION_DIR, findChromium, launchWithExtension, NO_CHROMIUM } from './browser';
import { bundleEntry } from './bench/bundle';
import { captureBench } from './bench/console';
import { BATCH_ORDERS, benchPlan, DEFAULT_ORDERS, sampleBuyerKeys, SCALE_1M } from './bench/data';
import { createDriver, heapMb } from './bench/driver';
import { buyersPageBench, type BuyersPageFigures } from './bench/list';
import { directFill, ingest, panelBench, rfmBench, waitForQuiet, waitForScoring, type FillFigures } from './bench/stages';
import { median, percentile } from './bench/report';
import { benchJson, printReport, type Figures } from './bench/summary';

/** A tab id no real tab has: the panel follows it as it follows the tab a seller works in. */
const SCREEN_TAB = 987_654_321;
const WARMUP_SWITCHES = 5;
/** rfm: this many back-to-back pairs (plain read, then the real thing). */
const REPEATS = 5;
const CAPTURE_ITERATIONS = 25;
/** --scale 1m: the plan's first batches (its newest orders) go through the pipeline into the filled store. */
const SAMPLE_BATCHES = 40;

const { values } = parseArgs({
  options: { 'no-build': { type: 'boolean' }, orders: { type: 'string' }, scale: { type: 'string' }, switches: { type: 'string' } },
});
const scale1m = values.scale === '1m';
const orders = values.orders !== undefined ? Number(values.orders) : scale1m ? SCALE_1M.orders : DEFAULT_ORDERS;
const switches = values.switches === undefined ? 200 : Number(values.switches);
const badScale = values.scale !== undefined && !scale1m;
if (badScale || !Number.isInteger(orders) || orders < BATCH_ORDERS || !Number.isInteger(switches) || switches < 1) {
  console.error(`usage: npm run bench [-- --scale 1m] [-- --orders N (integer ≥ ${BATCH_ORDERS})] [-- --switches N] [-- --no-build]`);
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
const d = createDriver(extensionBundle);
const plan = benchPlan(orders, undefined, scale1m ? SCALE_1M.shops : 3);
/** One wait for the buyers page (its first rows, a sort, an export) or the background's scoring. */
const timeoutMs = scale1m ? 600_000 : 180_000;

log(`data: ${plan.orders} orders, ${plan.buyers} buyers, ${plan.shops} shops, ${plan.batches.length} capture batches of ≤ ${BATCH_ORDERS} orders${scale1m ? ` (all but the first ${SAMPLE_BATCHES} written directly)` : ''}`);
const { context, extensionId, panelUrl, userDataDir } = await launchWithExtension({ headless: true });
let figures: Figures;
try {
  // The daily re-score alarm fires a minute after the worker starts: keep it out of the timings.
  const worker = await d.serviceWorker(context, extensionId);
  await worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome.alarms.clearAll());

  // The ingest and the fill run in a document of the extension's origin that runs none of the
  // extension's own code (its manifest, shown as text): the panel, options and buyers pages all keep
  // live queries that would re-run while the bench writes, and muddy both sides.
  const host = await context.newPage();
  await host.goto(`chrome-extension://${extensionId}/manifest.json`);
  await d.inject(host);

  // ── fill and ingest ────────────────────────────────────────────────────────────────────────────
  await d.call(host, 'setPlan', plan.orders, plan.anchor, plan.shops);
  let fill: FillFigures | null = null;
  if (scale1m) fill = await directFill(d, host, plan, SAMPLE_BATCHES, log);
  const sampleBatches = scale1m ? Math.min(SAMPLE_BATCHES, plan.batches.length) : plan.batches.length;
  const ingested = await ingest(d, host, plan, sampleBatches, log);
  const lastCapture = new Date().toISOString();
  const counts = await d.call(host, 'counts');
  log(`stored ${counts.orders} orders, ${counts.buyers} buyers, ${counts.shops} shops; waiting for the background to score ${counts.scorable} buyers…`);
  // The background re-scores the shops a moment after the last capture; measure once it is done.
  await waitForScoring(d, host, lastCapture, counts.scorable, { timeoutMs, quietMs: scale1m ? 20_000 : 5_000 });

  const rfm = await rfmBench(d, context, extensionId, REPEATS, log);

  // ── memory: a fresh side panel on the shop overview ────────────────────────────────────────────
  await d.call(host, 'followTab', SCREEN_TAB);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(panelUrl);
  await panel.locator('[data-testid="shop-overview"] [data-testid="segment-chart"]').waitFor({ timeout: 60_000 });
  await panel.waitForTimeout(2000);
  const panelHeapMb = await heapMb(context, panel);
  log(`panel heap on the overview: ${panelHeapMb.toFixed(1)} MB`);

  // ── list, export and memory: the buyers page ───────────────────────────────────────────────────
  let buyersPage: BuyersPageFigures | undefined;
  if (existsSync(join(EXTENSION_DIR, 'buyers.html'))) buyersPage = await buyersPageBench({ driver: d, context, extensionId, timeoutMs, log });
  if (buyersPage?.error) log(`buyers page: ${buyersPage.error}`);

  // ── panel: buyer on screen → buyer card and order history ──────────────────────────────────────
  const { switchMs, rawOrders } = await panelBench(d, panel, sampleBuyerKeys(plan, switches + WARMUP_SWITCHES), WARMUP_SWITCHES, SCREEN_TAB);
  log(`panel: p50 ${median(switchMs).toFixed(1)} ms, p95 ${percentile(switchMs, 95).toFixed(1)} ms over ${switchMs.length} buyers`);
  await panel.close();

  // ── capture: the Shopee adapter on a 500-row order list (last: it adds the demo's orders) ───────
  const capture = await captureBench(context, consoleBundle, CAPTURE_ITERATIONS, () => waitForQuiet(d, host, { timeoutMs, quietMs: scale1m ? 5000 : 3000 }));
  const stored = await d.call(host, 'lastCapture');
  log(`capture: ${capture.rows} rows, extract median ${median(capture.extractMs).toFixed(1)} ms; content script's last capture: ${stored?.message ?? 'none'}`);

  figures = { counts, fill, ingest: ingested, sampleBatches, rfm, panelHeapMb, buyersPage, switchMs, rawOrders, capture };
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const bench = benchJson(figures, {
  scale: scale1m ? '1m' : 'default',
  batchOrders: BATCH_ORDERS,
  machine: { cpus: cpus().length, loadAverageStart: loadAtStart, loadAverageEnd: loadavg()[0]! },
});
printReport(bench, figures, { seconds: (performance.now() - started) / 1000, warmupSwitches: WARMUP_SWITCHES, repeats: REPEATS, captureIterations: CAPTURE_ITERATIONS });
console.log(JSON.stringify({ bench }));
