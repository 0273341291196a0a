/**
 * The bench's stages that run in the extension (scripts/bench.ts puts them in order): filling the
 * store (through the pipeline, or directly at --scale 1m), waiting for the background's scoring,
 * re-scoring, and the side panel's buyer switches.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { BATCH_ORDERS, type BenchPlan } from './data';
import { waitFor, type Driver, type Result } from './driver';

type Log = (message: string) => void;

export interface IngestFigures {
  pipelineMs: number;
  rawMs: number;
  /** The same puts after one get of each buyer a batch names. */
  rawReadWriteMs: number;
  orders: number;
  rejected: number;
  errors: string[];
}

/** Batches [0, count) through the background's `capture` handler, each also put into a scratch database (the raw side). */
export async function ingest(d: Driver, host: Page, plan: BenchPlan, count: number, log: Log): Promise<IngestFigures> {
  const figures: IngestFigures = { pipelineMs: 0, rawMs: 0, rawReadWriteMs: 0, orders: 0, rejected: 0, errors: [] };
  const step = 20;
  for (let n = 0; n < count; n += step) {
    const r = await d.call(host, 'ingest', n, Math.min(count, n + step));
    figures.pipelineMs += r.pipelineMs;
    figures.rawMs += r.rawMs;
    figures.rawReadWriteMs += r.rawReadWriteMs;
    figures.orders += r.orders;
    figures.rejected += r.rejected;
    figures.errors.push(...r.errors);
    if ((n / step) % 5 === 4 || n + step >= count) {
      const perSec = (ms: number) => Math.round((figures.orders / ms) * 1000);
      log(`ingest ${figures.orders}/${Math.min(plan.orders, count * BATCH_ORDERS)} orders: pipeline ${perSec(figures.pipelineMs)}/s, raw ${perSec(figures.rawMs)}/s, raw read+write ${perSec(figures.rawReadWriteMs)}/s`);
    }
  }
  await d.call(host, 'dropRaw');
  if (figures.errors.length > 0) throw new Error(`captures failed: ${figures.errors.join('; ')}`);
  return figures;
}

export interface FillFigures {
  orders: number;
  buyers: number;
  shops: number;
  rows: number;
  ms: number;
  /** Of ms: making the records in the page (checks, merges), partly while the previous chunk was written. */
  generateMs: number;
  /** afterDirectFill (re-scoring every shop), not part of ms. */
  afterMs: number;
}

/** The plan but its first `skipBatches` batches, written straight into the store (fill.ts), then afterDirectFill. */
export async function directFill(d: Driver, host: Page, plan: BenchPlan, skipBatches: number, log: Log): Promise<FillFigures> {
  const chunk = 25_000;
  await d.call(host, 'fillStart', skipBatches);
  const t0 = performance.now();
  let lastLog = t0;
  for (;;) {
    const s = await d.call(host, 'fillStep', chunk);
    const ms = performance.now() - t0;
    if (s.done || performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      log(`fill: ${s.orders.toLocaleString('en-US')} orders, ${s.buyers.toLocaleString('en-US')} buyers, ${s.shops} shops (at ${s.shopKey}): ${s.rows.toLocaleString('en-US')} rows in ${(ms / 1000).toFixed(0)} s, ${Math.round((s.rows / ms) * 1000).toLocaleString('en-US')} rows/s (making them: ${(s.generateMs / 1000).toFixed(0)} s)`);
    }
    if (s.done) {
      log('fill: written; re-scoring every shop (afterDirectFill)…');
      const after = await d.call(host, 'fillFinish');
      log(`fill: afterDirectFill ${(after.ms / 1000).toFixed(1)} s`);
      return { orders: s.orders, buyers: s.buyers, shops: s.shops, rows: s.rows, ms, generateMs: s.generateMs, afterMs: after.ms };
    }
  }
}

/**
 * Until `ready` holds of the background's state (scripts/bench/extension-entry.ts backgroundState)
 * and no shop's scoring has changed for `quietMs` (longer than one shop's re-score takes).
 */
async function untilStill(d: Driver, host: Page, what: string, o: { timeoutMs: number; quietMs: number }, ready: (state: Result<'backgroundState'>) => boolean): Promise<void> {
  let last = '';
  let changedAt = Date.now();
  await waitFor(what, async () => {
    const state = await d.call(host, 'backgroundState');
    const scoredAt = state.scoredAt.join(' ');
    if (scoredAt !== last) {
      last = scoredAt;
      changedAt = Date.now();
    }
    return ready(state) && Date.now() - changedAt >= o.quietMs;
  }, o.timeoutMs);
}

/**
 * Until the background has re-scored after the last capture (it does so a moment after it, shop by
 * shop): every buyer with a purchase has a tier, a shop has a scoring newer than `since`, and no
 * shop's scoring has changed for `quietMs`.
 */
export async function waitForScoring(d: Driver, host: Page, since: string, scorable: number, o: { timeoutMs: number; quietMs: number }): Promise<void> {
  await waitFor('the background’s RFM scoring', async () => (await d.call(host, 'scoredCount')) === scorable, o.timeoutMs);
  await untilStill(d, host, 'the background’s re-scoring after the last capture', o, (state) => state.scoredAt.some((at) => at >= since));
}

/**
 * Until the background has done what captures set off (re-scoring their shops, making the buyers
 * table's rows): no marks left and no shop's scoring changed for `quietMs`.
 */
export const waitForQuiet = (d: Driver, host: Page, o: { timeoutMs: number; quietMs: number }): Promise<void> =>
  untilStill(d, host, 'the background to finish after a capture', o, (state) => state.marks === 0);

export interface RfmFigures {
  raw: number[];
  full: number[];
  nextDay: { ms: number; changed: number };
  backToday: { ms: number; changed: number };
}

/** rescoreAll in the service worker (where the background runs it), paired with a plain read of the buyers there. */
export async function rfmBench(d: Driver, context: BrowserContext, extensionId: string, repeats: number, log: Log): Promise<RfmFigures> {
  const sw = await d.serviceWorker(context, extensionId);
  const raw: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < repeats; i++) {
    raw.push((await d.call(sw, 'rawReadBuyers')).ms);
    full.push((await d.call(sw, 'rescoreAll')).ms);
  }
  const nextDay = await d.call(sw, 'rescoreAll', Date.now() + 86_400_000);
  const backToday = await d.call(sw, 'rescoreAll');
  log(`rfm: rescoreAll ${full.map((m) => Math.round(m)).join('/')} ms, raw read ${raw.map((m) => Math.round(m)).join('/')} ms, next day ${Math.round(nextDay.ms)} ms (${nextDay.changed} rewritten)`);
  return { raw, full, nextDay, backToday };
}

/** In the side panel: "buyer on screen" → the buyer's card and order history, after `warmup` switches; then a plain read of each buyer's orders. */
export async function panelBench(d: Driver, panel: Page, keys: readonly string[], warmup: number, tabId: number): Promise<{ switchMs: number[]; rawOrders: number[] }> {
  await d.inject(panel);
  await panel.bringToFront();
  const switchMs: number[] = [];
  for (const [i, key] of keys.entries()) {
    const ms = await d.call(panel, 'switchTo', key, tabId, 10_000);
    if (i >= warmup) switchMs.push(ms);
    // Let the previous buyer's view settle (effects, live queries) before the next one.
    await panel.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 20))));
  }
  const rawOrders: number[] = [];
  for (const key of keys.slice(warmup)) rawOrders.push((await d.call(panel, 'rawReadOrders', key)).ms);
  return { switchMs, rawOrders };
}
