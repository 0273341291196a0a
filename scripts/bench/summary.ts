/** The bench's report: one JSON object of figures ({"bench": …}) and the table printed above it. */
import type { CaptureFigures } from './console';
import type { Result } from './driver';
import type { BuyersPageFigures } from './list';
import { EXPORT_REPEATS, SCROLL_SCREENS } from './list';
import { check, median, percentile, round, table, type Row } from './report';
import type { FillFigures, IngestFigures, RfmFigures } from './stages';

export type Scale = 'default' | '1m';

/** The targets, the same at both sizes but the panel's. */
export function targetsFor(scale: Scale) {
  return {
    ingestRatio: 0.7,
    captureRatio: 3,
    longTaskMs: 50,
    switchP95Ms: scale === '1m' ? 50 : 100,
    rfmRatio: 1.2,
    exportRatio: 1.5,
    exportLongTaskMs: 50,
    listRatio: 3,
    /** The buyers page's heap after scrolling, at 200,000 buyers (and so at fewer). */
    listHeapMb: 60,
  };
}

export interface Figures {
  counts: Result<'counts'>;
  fill: FillFigures | null;
  ingest: IngestFigures;
  sampleBatches: number;
  rfm: RfmFigures;
  panelHeapMb: number;
  buyersPage: BuyersPageFigures | undefined;
  switchMs: number[];
  rawOrders: number[];
  capture: CaptureFigures;
}

interface Meta {
  scale: Scale;
  batchOrders: number;
  machine: { cpus: number; loadAverageStart: number; loadAverageEnd: number };
}

const ratio = (a: number, b: number) => round(a / b, 2);
/**
 * The median of per-pair ratios: each pair ran back to back, so load from elsewhere on the machine
 * (it has 2 cores) weighs on both sides of a pair alike.
 */
const pairedRatio = (values: readonly number[], baselines: readonly number[]) => round(median(values.map((v, i) => v / baselines[i]!)), 2);

function ingestJson(f: Figures, meta: Meta) {
  const rate = (f.ingest.orders / f.ingest.pipelineMs) * 1000;
  const rawRate = (f.ingest.orders / f.ingest.rawMs) * 1000;
  const rawReadWriteRate = (f.ingest.orders / f.ingest.rawReadWriteMs) * 1000;
  return {
    ordersPerSec: Math.round(rate),
    rawOrdersPerSec: Math.round(rawRate),
    ratioToRawIdb: ratio(rate, rawRate),
    pipelineMs: Math.round(f.ingest.pipelineMs),
    rawMs: Math.round(f.ingest.rawMs),
    /** The same puts after one get of each buyer the batch names: the reads any merge into stored buyers makes. */
    rawReadWriteOrdersPerSec: Math.round(rawReadWriteRate),
    ratioToRawReadWrite: ratio(rate, rawReadWriteRate),
    rawReadWriteMs: Math.round(f.ingest.rawReadWriteMs),
    batches: f.sampleBatches,
    ordersPerBatch: meta.batchOrders,
    rejected: f.ingest.rejected,
    /** Orders sent through the pipeline: all of them at the default size, a sample at --scale 1m. */
    sampleOrders: f.ingest.orders,
  };
}

function captureJson({ capture }: Figures) {
  return {
    rows: capture.rows,
    msPer500Rows: round(median(capture.extractMs), 2),
    coldMs: round(capture.coldMs, 2),
    bareDomMs: round(median(capture.bareMs), 2),
    ratioToBareDom: pairedRatio(capture.extractMs, capture.bareMs),
    jsonMsPer500Rows: round(median(capture.jsonMs), 2),
    longestTaskMs: round(Math.max(0, ...capture.tasks.buyerLens), 1),
    contentScriptTasksMs: capture.tasks.buyerLens.filter((ms) => ms >= 1).map((ms) => round(ms, 1)),
    consoleLongestTaskMs: round(capture.tasks.longestTaskMs, 1),
  };
}

function panelJson({ switchMs, rawOrders }: Figures) {
  return {
    switches: switchMs.length,
    switchP50Ms: round(median(switchMs)),
    switchP95Ms: round(percentile(switchMs, 95)),
    switchMaxMs: round(Math.max(...switchMs)),
    rawReadP50Ms: round(median(rawOrders), 2),
    rawReadP95Ms: round(percentile(rawOrders, 95), 2),
    ratioToRawRead: ratio(median(switchMs), median(rawOrders)),
  };
}

function rfmJson({ rfm }: Figures) {
  const rawMs = median(rfm.raw);
  return {
    fullMs: Math.round(median(rfm.full)),
    rawReadMs: Math.round(rawMs),
    ratioToRawRead: pairedRatio(rfm.full, rfm.raw),
    nextDayMs: Math.round(rfm.nextDay.ms),
    nextDayRewritten: rfm.nextDay.changed,
    nextDayRatioToRawRead: ratio(rfm.nextDay.ms, rawMs),
  };
}

function listJson({ buyersPage }: Figures) {
  const list = buyersPage && 'list' in buyersPage ? buyersPage.list : undefined;
  if (!list) return { firstRowsMs: null, rawReadMs: null, ratioToRawRead: null, openMs: null, heapMb: null, queries: 0, rowsPerScreen: null, rawReadFrom: null, signal: null };
  const ms = list.queries.map((q) => q.ms);
  const raw = list.raw.map((r) => r.ms);
  const some = ms.length > 0;
  return {
    firstRowsMs: some ? round(median(ms)) : null,
    rawReadMs: some ? round(median(raw), 2) : null,
    ratioToRawRead: some ? pairedRatio(ms, raw) : null,
    openMs: Math.round(list.openMs),
    heapMb: round(list.heapMb, 1),
    queries: ms.length,
    rowsPerScreen: some ? median(list.queries.map((q) => q.rows)) : null,
    rawReadFrom: list.raw[0]?.from ?? null,
    /** How a first screen's end was seen: the table's aria-busy, or its first row changing. */
    signal: !some ? null : list.queries.every((q) => q.ariaBusy) ? 'aria-busy' : 'first-row',
  };
}

function exportJson({ buyersPage }: Figures) {
  const e = buyersPage && 'export' in buyersPage ? buyersPage.export : undefined;
  if (!e) return { csvMs: null, rawReadMs: null, ratioToRawRead: null, rows: null, megabytes: null, chunks: null, longestTaskMs: null, rawReadFrom: null };
  return {
    csvMs: Math.round(median(e.csvMs)),
    rawReadMs: Math.round(median(e.rawMs)),
    ratioToRawRead: pairedRatio(e.csvMs, e.rawMs),
    rows: e.rows,
    megabytes: round(e.bytes / 2 ** 20, 1),
    chunks: Math.ceil(e.rows / 2000),
    /** The longest long task (≥ 50 ms) in the buyers page while exporting; null: none. */
    longestTaskMs: e.longTasks.length > 0 ? round(Math.max(...e.longTasks), 1) : null,
    rawReadFrom: e.rawFrom,
  };
}

export function benchJson(f: Figures, meta: Meta) {
  const list = f.buyersPage && 'list' in f.buyersPage ? f.buyersPage.list : undefined;
  const fill = f.fill && {
    ms: Math.round(f.fill.ms),
    rowsPerSec: Math.round((f.fill.rows / f.fill.ms) * 1000),
    rows: f.fill.rows,
    orders: f.fill.orders,
    buyers: f.fill.buyers,
    generateMs: Math.round(f.fill.generateMs),
    afterDirectFillMs: Math.round(f.fill.afterMs),
  };
  return {
    scale: meta.scale,
    size: { orders: f.counts.orders, buyers: f.counts.buyers, shops: f.counts.shops },
    fill,
    ingest: ingestJson(f, meta),
    capture: captureJson(f),
    panel: panelJson(f),
    rfm: rfmJson(f),
    list: listJson(f),
    export: exportJson(f),
    memory: {
      panelHeapMb: round(f.panelHeapMb, 1),
      view: 'overview',
      buyersPageHeapMb: list ? round(list.firstScreenHeapMb, 1) : null,
      buyersPageLoadMs: list ? Math.round(list.openMs) : null,
    },
    machine: { cpus: meta.machine.cpus, loadAverageStart: round(meta.machine.loadAverageStart, 2), loadAverageEnd: round(meta.machine.loadAverageEnd, 2) },
  };
}

export type BenchJson = ReturnType<typeof benchJson>;

const n = (v: number | null, unit = '') => (v === null ? 'n/a' : `${v.toLocaleString('en-US')}${unit}`);
const verdict = (v: number | null, ok: (v: number) => boolean) => (v === null ? 'MISS' : check(ok(v)));

function rows(b: BenchJson): Row[] {
  const t = targetsFor(b.scale);
  const row = (figure: string, value: string, baseline = '', r: number | null | '' = '', target = '', v: Row['verdict'] = ''): Row => ({ figure, value, baseline, ratio: r === null ? 'n/a' : String(r), target, verdict: v });
  return [
    row('ingest: capture pipeline', n(b.ingest.ordersPerSec, ' orders/s'), n(b.ingest.rawOrdersPerSec, ' puts/s raw'), b.ingest.ratioToRawIdb, `≥ ${t.ingestRatio}`, check(b.ingest.ratioToRawIdb >= t.ingestRatio)),
    row('ingest: vs raw read + put', n(b.ingest.ordersPerSec, ' orders/s'), n(b.ingest.rawReadWriteOrdersPerSec, ' orders/s raw'), b.ingest.ratioToRawReadWrite),
    row('capture: DOM extract, 500 rows', n(b.capture.msPer500Rows, ' ms'), n(b.capture.bareDomMs, ' ms bare DOM'), b.capture.ratioToBareDom, `≤ ${t.captureRatio}`, check(b.capture.ratioToBareDom <= t.captureRatio)),
    row('capture: JSON extract, 500 rows', n(b.capture.jsonMsPer500Rows, ' ms')),
    row('capture: longest task', n(b.capture.longestTaskMs, ' ms'), `console's longest ${b.capture.consoleLongestTaskMs} ms`, '', `≤ ${t.longTaskMs} ms`, check(b.capture.longestTaskMs <= t.longTaskMs)),
    row('panel: buyer switch p50', n(b.panel.switchP50Ms, ' ms'), n(b.panel.rawReadP50Ms, ' ms raw read'), b.panel.ratioToRawRead),
    row('panel: buyer switch p95', n(b.panel.switchP95Ms, ' ms'), n(b.panel.rawReadP95Ms, ' ms raw read'), '', `≤ ${t.switchP95Ms} ms`, check(b.panel.switchP95Ms <= t.switchP95Ms)),
    row('rfm: rescore all shops', n(b.rfm.fullMs, ' ms'), n(b.rfm.rawReadMs, ' ms raw read'), b.rfm.ratioToRawRead, `≤ ${t.rfmRatio}`, check(b.rfm.ratioToRawRead <= t.rfmRatio)),
    row('rfm: next day', n(b.rfm.nextDayMs, ' ms'), n(b.rfm.rawReadMs, ' ms raw read'), b.rfm.nextDayRatioToRawRead),
    row('list: sort → first screen', n(b.list.firstRowsMs, ' ms'), n(b.list.rawReadMs, ' ms raw read'), b.list.ratioToRawRead, `≤ ${t.listRatio}`, verdict(b.list.ratioToRawRead, (v) => v <= t.listRatio)),
    row('list: open → first rows', n(b.list.openMs, ' ms')),
    row(`list: heap, ${SCROLL_SCREENS} screens down`, n(b.list.heapMb, ' MB'), '', '', `≤ ${t.listHeapMb} MB`, verdict(b.list.heapMb, (v) => v <= t.listHeapMb)),
    row('export: buyers CSV (clicked)', n(b.export.csvMs, ' ms'), n(b.export.rawReadMs, ' ms raw read'), b.export.ratioToRawRead, `≤ ${t.exportRatio}`, verdict(b.export.ratioToRawRead, (v) => v <= t.exportRatio)),
    row('export: longest task', b.export.csvMs === null ? 'n/a' : b.export.longestTaskMs === null ? '< 50 ms' : n(b.export.longestTaskMs, ' ms'), '', '', `≤ ${t.exportLongTaskMs} ms`, b.export.csvMs === null ? 'MISS' : check((b.export.longestTaskMs ?? 0) <= t.exportLongTaskMs)),
    row('memory: panel heap, overview', n(b.memory.panelHeapMb, ' MB')),
    row('memory: buyers page heap', n(b.memory.buyersPageHeapMb, ' MB'), b.memory.buyersPageHeapMb === null ? 'did not load' : 'first screen shown'),
  ];
}

function notes(b: BenchJson, f: Figures, o: { warmupSwitches: number; repeats: number; captureIterations: number }): string[] {
  const ingest = b.scale === '1m'
    ? `ingest: a sample through the pipeline into the filled store: the plan's newest ${n(b.ingest.sampleOrders)} orders (${b.ingest.batches} batches of ≤ ${b.ingest.ordersPerBatch}, all shops, to buyers the store mostly has) sent as \`capture\` messages from an extension page, after the other ${n(b.fill?.orders ?? 0)} orders were written directly (${n(b.fill?.rowsPerSec ?? 0)} rows/s, ${n(Math.round((b.fill?.ms ?? 0) / 1000))} s, then afterDirectFill ${n(Math.round((b.fill?.afterDirectFillMs ?? 0) / 1000))} s); raw: the same records put into an empty scratch database with the same indexes; raw read + put: the same, after one get of each buyer the batch names, into another.`
    : `ingest: all ${b.ingest.batches} batches of ≤ ${b.ingest.ordersPerBatch} orders sent as \`capture\` messages from an extension page; raw: the same records put into a scratch database with the same indexes; raw read + put: the same, after one get of each buyer the batch names, into another (each batch's three runs back to back, their order turning).`;
  const page = f.buyersPage;
  return [
    ingest,
    `capture: ${b.capture.rows}-row Shopee order list; medians of ${o.captureIterations} runs (first run ${b.capture.coldMs} ms), once the background has finished what the page's own capture set off; longest task: BuyerLens's own time in one main-thread task of the page (trace of the load: script start, tapped JSON, DOM read, sending): ${b.capture.contentScriptTasksMs.join(', ')} ms.`,
    `panel: ${b.panel.switches} random buyers after ${o.warmupSwitches} warm-up switches; max ${b.panel.switchMaxMs} ms. raw read: the buyer's orders through [buyerKey+sortAt].`,
    'ratios: rfm, list, export and capture are medians of per-pair ratios (the real thing and a plain read or bare DOM read, back to back); panel is p50 over p50.',
    `rfm: rescoreAll with the tiers current (median of ${o.repeats}); "next day" moves every buyer's recency on by a day, and rewrites the tiers whose scores change with it (${n(b.rfm.nextDayRewritten)}).`,
    `list: the buyers page (buyers.html); ${b.list.queries} sorts by a click on a column header (Orders, Spent, Last order, Name, each way), timed from the click to the sort's first screen of rows (${b.list.rowsPerScreen ?? 'n/a'} rows) in the DOM (signal: ${b.list.signal ?? 'n/a'}); raw read: those rows read in that order from ${b.list.rawReadFrom ?? 'n/a'}; open: navigation → first row; heap after full GC, ${SCROLL_SCREENS} screens down.`,
    `export: "Export CSV" clicked in the buyers page (all buyers) → the file handed to the download (median of ${EXPORT_REPEATS}): ${n(b.export.rows)} rows, ${b.export.megabytes ?? 'n/a'} MB; raw read: one getAll of ${b.export.rawReadFrom ?? 'n/a'}; longest task while exporting: ${b.export.csvMs === null ? 'n/a' : `${b.export.longestTaskMs ?? '< 50'} ms`}.`,
    page === undefined
      ? 'memory: the side panel on the shop overview; this build has no buyers page, so no list or export figures.'
      : page.error
        ? `memory: the side panel on the shop overview; the buyers page failed: ${page.error}.`
        : 'memory: the side panel on the shop overview, and the buyers page once its first screen is shown.',
  ];
}

export function printReport(b: BenchJson, f: Figures, o: { seconds: number; warmupSwitches: number; repeats: number; captureIterations: number }): void {
  const size = `${n(b.size.orders)} orders, ${n(b.size.buyers)} buyers, ${b.size.shops} shops${b.scale === '1m' ? ' (--scale 1m)' : ''}`;
  console.log(`BuyerLens bench: ${size} (headless Chromium, ${o.seconds.toFixed(0)} s, ${b.machine.cpus} CPUs, load average ${b.machine.loadAverageStart} → ${b.machine.loadAverageEnd})`);
  console.log('');
  console.log(table(rows(b)));
  console.log('');
  for (const line of notes(b, f, o)) console.log(line);
}
