/**
 * The bench's code inside the extension's origin. scripts/bench.ts bundles this file with esbuild at
 * bench time (never into .output: the shipped extension has no bench hooks) and evaluates it in an
 * extension page or the service worker over CDP, where it runs against the same IndexedDB as the
 * extension. What it times:
 *
 * - ingest: the real `capture` runtime message (lib/messaging/send.ts) from an extension page,
 *   so the background's own handler (envelope parse, applyCapture, session-health write) does the
 *   work exactly as for a content script's capture; against plain IndexedDB puts of the same
 *   records into a scratch database with the same stores and indexes, from the same page; and
 *   against those puts after one get of each buyer the batch names (what any merge of a capture into
 *   stored buyers has to read), into a second scratch database.
 * - rfm: rescoreAll (lib/db/rfm-repository) in the service worker, where the background runs it,
 *   against a plain getAll of the buyers store there.
 * - fill (--scale 1m): the store filled directly with the pipeline's own merges (fill.ts).
 * - list and export: in the buyers page (list-page.ts), against plain IndexedDB reads of the same rows.
 * - panel: the "buyer on screen" session item set as the background sets it, and the time until the
 *   panel's MutationObserver sees the buyer card and order history; against a plain index read of
 *   the buyer's orders.
 */
import { rescoreAll } from '../../lib/db/rfm-repository';
import { BuyerLensDatabase, DATABASE_NAME } from '../../lib/db/database';
import { sendToBackground } from '../../lib/messaging/send';
import type { CaptureBatch } from '../../lib/schema/capture';
import { benchBatch, benchPlan, type BenchPlan } from './data';
import { afterDirectFill, DirectFill } from './fill';
import { committed, request } from './idb';
import { exportClick, listQuery, rawReadAll, rawReadList, scrollScreens, type Direction, type ListColumn } from './list-page';

const RAW_DB = 'buyerlens-bench-raw';
const RAW_READ_WRITE_DB = 'buyerlens-bench-raw-read-write';

/** The one extension API used here directly (the project has no global `chrome` types). */
declare const chrome: { storage: { session: { set(items: Record<string, unknown>): Promise<void> } } };

let plan: BenchPlan | undefined;
let database: BuyerLensDatabase | undefined;
let rawDb: IDBDatabase | undefined;
let rawReadWriteDb: IDBDatabase | undefined;
let storeDb: IDBDatabase | undefined;
let fill: DirectFill | undefined;
const longTasks: { start: number; duration: number }[] = [];

const db = () => (database ??= new BuyerLensDatabase());

/** A scratch database with the stores and indexes of the real orders and buyers tables (lib/db/versions.ts). */
function openRaw(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const orders = open.result.createObjectStore('orders', { keyPath: 'orderKey' });
    orders.createIndex('[buyerKey+sortAt]', ['buyerKey', 'sortAt']);
    const buyers = open.result.createObjectStore('buyers', { keyPath: 'buyerKey' });
    buyers.createIndex('tagIds', 'tagIds', { multiEntry: true });
    buyers.createIndex('personId', 'personId');
  };
  return request(open);
}

/** The extension's own database, opened without Dexie (at its current version, never upgrading it). */
async function openStore(): Promise<IDBDatabase> {
  storeDb ??= await request(indexedDB.open(DATABASE_NAME));
  return storeDb;
}

/** Puts the batch's orders and buyers in one transaction; first, with `readBuyers`, gets each buyer it names once. */
async function rawWrite(db: IDBDatabase, batch: CaptureBatch, readBuyers: boolean): Promise<number> {
  // The records as they arrive, with the sort key the orders index needs; made before the clock starts.
  const orders = (batch.orders as { placedAt?: string }[]).map((o) => ({ ...o, sortAt: o.placedAt }));
  const buyers = batch.buyers as { buyerKey: string }[];
  const keys = readBuyers ? [...new Set(buyers.map((b) => b.buyerKey))] : [];
  const t0 = performance.now();
  const tx = db.transaction(['orders', 'buyers'], 'readwrite');
  const orderStore = tx.objectStore('orders');
  const buyerStore = tx.objectStore('buyers');
  if (readBuyers) await Promise.all(keys.map((key) => request(buyerStore.get(key))));
  for (const o of orders) orderStore.put(o);
  for (const b of buyers) buyerStore.put(b);
  await committed(tx);
  return performance.now() - t0;
}

async function rawPut(batch: CaptureBatch): Promise<number> {
  rawDb ??= await openRaw(RAW_DB);
  return rawWrite(rawDb, batch, false);
}

async function rawReadPut(batch: CaptureBatch): Promise<number> {
  rawReadWriteDb ??= await openRaw(RAW_READ_WRITE_DB);
  return rawWrite(rawReadWriteDb, batch, true);
}

async function pipelinePut(batch: CaptureBatch): Promise<{ ms: number; rejected: number; error?: string }> {
  const t0 = performance.now();
  const reply = await sendToBackground('capture', batch);
  const ms = performance.now() - t0;
  return reply.ok ? { ms, rejected: reply.result.rejected } : { ms, rejected: batch.orders.length, error: reply.error };
}

export const bench = {
  setPlan(orders: number, anchor: number, shops: number) {
    plan = benchPlan(orders, anchor, shops);
    return plan.batches.length;
  },

  /** --scale 1m: starts a direct fill of the plan but its first `skipBatches` batches (fill.ts). */
  async fillStart(skipBatches: number) {
    if (!plan) throw new Error('setPlan first');
    fill = new DirectFill(plan, await openStore(), skipBatches);
  },
  /** The fill's next step: up to `maxOrders` orders (and a finished shop's buyers). */
  fillStep: (maxOrders: number) => {
    if (!fill) throw new Error('fillStart first');
    return fill.step(maxOrders);
  },
  /** What the background derives from captures, once the fill is written (afterDirectFill). */
  async fillFinish() {
    fill = undefined;
    const t0 = performance.now();
    await afterDirectFill(db());
    return { ms: performance.now() - t0 };
  },

  /**
   * Sends batches [from, to): each through the pipeline, put into the first scratch database, and
   * read and put into the second, in an order that turns with each batch.
   */
  async ingest(from: number, to: number) {
    if (!plan) throw new Error('setPlan first');
    let pipelineMs = 0;
    let rawMs = 0;
    let rawReadWriteMs = 0;
    let orders = 0;
    let rejected = 0;
    const errors: string[] = [];
    for (let n = from; n < Math.min(to, plan.batches.length); n++) {
      const batch = benchBatch(plan, n, new Date().toISOString());
      const steps = [
        async () => (rawMs += await rawPut(batch)),
        async () => (rawReadWriteMs += await rawReadPut(batch)),
        async () => {
          const result = await pipelinePut(batch);
          pipelineMs += result.ms;
          rejected += result.rejected;
          if (result.error && errors.length < 5) errors.push(result.error);
        },
      ];
      for (let i = 0; i < steps.length; i++) await steps[(n + i) % steps.length]!();
      orders += batch.orders.length;
    }
    return { pipelineMs, rawMs, rawReadWriteMs, orders, rejected, errors };
  },

  async dropRaw() {
    rawDb?.close();
    rawReadWriteDb?.close();
    rawDb = undefined;
    rawReadWriteDb = undefined;
    await request(indexedDB.deleteDatabase(RAW_DB));
    await request(indexedDB.deleteDatabase(RAW_READ_WRITE_DB));
  },

  async counts() {
    const d = db();
    const [orders, buyers, shops, scored, scorable] = await Promise.all([
      d.orders.count(),
      d.buyers.count(),
      d.shops.count(),
      bench.scoredCount(),
      d.buyers.filter((b) => b.stats.purchases.length > 0).count(),
    ]);
    return { orders, buyers, shops, scored, scorable };
  },

  /** Buyers with an RFM tier, as the shops' last scorings count them (written with the tiers, in one transaction). */
  scoredCount: async () => (await db().shops.toArray()).reduce((sum, s) => sum + (s.scoring?.summary?.scored ?? 0), 0),

  /** The newest capture-log entry: which page the background stored last, and what. */
  lastCapture: async () => (await db().captureLog.orderBy('id').last()) ?? null,

  /** A plain read of every buyer record (one getAll on the buyers store). */
  async rawReadBuyers() {
    const store = await openStore();
    const t0 = performance.now();
    const all = await request(store.transaction('buyers', 'readonly').objectStore('buyers').getAll());
    return { ms: performance.now() - t0, count: all.length };
  },

  async rescoreAll(now?: number) {
    const t0 = performance.now();
    const changed = await rescoreAll(db(), now);
    return { ms: performance.now() - t0, changed };
  },

  /** Starts collecting long tasks (≥ 50 ms) in this page. */
  observeLongTasks() {
    longTasks.length = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  },
  /** The long tasks (ms) that ran between `from` and `to` (performance.now() of this page), even in part. */
  takeLongTasks(from: number, to: number) {
    const out = longTasks.filter((t) => t.start <= to && t.start + t.duration >= from).map((t) => t.duration);
    longTasks.length = 0;
    return out;
  },

  /**
   * What changes while the background still works after captures: when each shop was last scored
   * (ISO; '' for never, in shop key order), and the buyers table's marks not yet made into rows.
   */
  async backgroundState() {
    const [shops, marks] = await Promise.all([db().shops.toArray(), db().buyerListDirty.count()]);
    return { scoredAt: shops.map((s) => s.scoring?.scoredAt ?? ''), marks };
  },

  // In the buyers page (list-page.ts).
  listQuery: (column: ListColumn, timeoutMs: number) => listQuery(column, timeoutMs),
  rawReadList: async (column: ListColumn, direction: Direction, count: number) => rawReadList(await openStore(), column, direction, count),
  rawReadAll: async () => rawReadAll(await openStore()),
  scrollScreens: (screens: number, timeoutMs: number) => scrollScreens(screens, timeoutMs),
  exportClick: (timeoutMs: number) => exportClick(timeoutMs),

  /** A plain read of one buyer's orders through the [buyerKey+sortAt] index. */
  async rawReadOrders(buyerKey: string) {
    const store = await openStore();
    const t0 = performance.now();
    const index = store.transaction('orders', 'readonly').objectStore('orders').index('[buyerKey+sortAt]');
    const orders = await request(index.getAll(IDBKeyRange.bound([buyerKey], [buyerKey, []])));
    return { ms: performance.now() - t0, count: orders.length };
  },

  /**
   * In the side panel: sets the "buyer on screen" of a tab the panel follows, as the background's
   * screen handler does (storage.session, lib/screen-state.ts), and resolves with the time until the
   * buyer card of that buyer and its order history are in the DOM.
   */
  switchTo(buyerKey: string, tabId: number, timeoutMs = 10_000): Promise<number> {
    const selector = `[data-testid="buyer-card"][data-buyer-key="${CSS.escape(buyerKey)}"]`;
    const rendered = () => !!document.querySelector(selector)?.closest('.buyer-view')?.querySelector('[data-testid="order-history"]');
    return new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (!rendered()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now() - t0);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`buyer ${buyerKey} not rendered within ${timeoutMs} ms`));
      }, timeoutMs);
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-buyer-key'] });
      const [adapterId] = buyerKey.split(':');
      void chrome.storage.session.set({
        [`screen:${tabId}`]: { adapterId, pageKind: 'order-detail', pageUrl: 'https://seller.shopee.com.br/portal/sale/order/1', buyerKey, tabId, at: new Date().toISOString() },
      });
    });
  },

  /** Points the panels at a tab that is not a real tab (nothing on screen yet). */
  async followTab(tabId: number) {
    await chrome.storage.session.set({ lastScreenTab: tabId, [`screen:${tabId}`]: null });
  },
};

export type ExtensionBench = typeof bench;

(globalThis as unknown as { __buyerlensBench: ExtensionBench }).__buyerlensBench = bench;
