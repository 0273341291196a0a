/**
 * `--scale 1m`: the store filled directly, not through the capture pipeline (a million orders through
 * it would take hours). Runs in an extension page (bundled into extension-entry.ts): each capture
 * batch of the plan is checked and merged by the pipeline's own code, as applyCapture
 * (lib/db/capture-repository.ts) does for a batch of orders new to the store — checkBatch, mergeOrder,
 * mergeBuyer with the name an order showed, the aggregates moved with applyOrderChange, mergeShop,
 * searchWordsOf — and the records are written with plain IndexedDB puts, one transaction per chunk.
 * Nothing is held for more than one shop: its buyers (with their aggregates) until its last order is
 * written, and one chunk of orders at a time. The capture log is not written (no batch was captured).
 */
import { applyOrderChange } from '../../lib/db/aggregates';
import { checkBatch } from '../../lib/db/capture-check';
import type { BuyerLensDatabase } from '../../lib/db/database';
import { mergeBuyer, mergeOrder, mergeShop, readingWeight, searchWordsOf } from '../../lib/db/merge';
import { refreshBuyerList } from '../../lib/db/buyer-list-writer';
import { rescoreAll } from '../../lib/db/rfm-repository';
import type { CapturedBuyer } from '../../lib/schema/capture';
import type { BuyerRecord, OrderRecord, ShopRecord } from '../../lib/schema/records';
import { committed } from './idb';
import { BATCH_ORDERS, BENCH_SHOPS, benchShopBatch, leadingBatchesPerShop, type BenchPlan } from './data';

/** Buyers (and their search rows) written per transaction. */
const BUYER_CHUNK = 20_000;

/**
 * What the background derives from captures, done once after a direct fill: every shop scored
 * (tiers, the shops' scoring and latest buyers), and the buyers table's rows.
 */
export async function afterDirectFill(db: BuyerLensDatabase): Promise<void> {
  await rescoreAll(db);
  // The fill wrote the buyers without Dexie, so without the marks that say their rows of the buyers
  // table are to be made: one mark for all of them, and the rows made as the background makes them.
  await db.buyerListDirty.add({ all: true });
  await refreshBuyerList(db);
}

export interface FillStep {
  /** Orders, buyers and shops written so far. */
  orders: number;
  buyers: number;
  shops: number;
  /** Every row written so far: orders, buyers, their search rows, shops. */
  rows: number;
  /** Main-thread time spent making the records (checks and merges), ms, so far. */
  generateMs: number;
  /** The shop this step worked on. */
  shopKey: string;
  done: boolean;
}

/** Puts records into the stores in one transaction; resolves when it has committed. */
function putAll(idb: IDBDatabase, writes: readonly (readonly [string, readonly object[]])[]): Promise<void> {
  const tx = idb.transaction(
    writes.map(([store]) => store),
    'readwrite',
    { durability: 'relaxed' },
  );
  for (const [name, records] of writes) {
    const store = tx.objectStore(name);
    for (const record of records) store.put(record);
  }
  return committed(tx);
}

/**
 * The direct fill, a step at a time (the bench prints progress between steps): shop after shop, each
 * shop's batches in capture order (newest orders first), skipping the plan's first `skipBatches`
 * batches, which the bench then sends through the pipeline. One transaction is in flight while the
 * next chunk is made.
 */
export class DirectFill {
  private shop = 0;
  private k: number;
  private readonly skip: number[];
  private buyers = new Map<string, BuyerRecord>();
  private shopRecord: ShopRecord | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private readonly totals = { orders: 0, buyers: 0, shops: 0, rows: 0, generateMs: 0 };

  constructor(
    private readonly plan: BenchPlan,
    private readonly idb: IDBDatabase,
    skipBatches: number,
  ) {
    this.skip = leadingBatchesPerShop(plan, skipBatches);
    this.k = this.skip[0] ?? 0;
  }

  /** Makes and writes up to `maxOrders` more orders of the current shop (and its buyers once its orders are done). */
  async step(maxOrders: number): Promise<FillStep> {
    if (this.shop >= this.plan.shops) {
      await this.inFlight;
      return { ...this.totals, shopKey: this.shopKeyOf(this.shop - 1), done: true };
    }
    const shopKey = this.shopKeyOf(this.shop);
    const batches = Math.ceil(this.plan.perShop[this.shop]!.orders / BATCH_ORDERS);
    const t0 = performance.now();
    const orders: OrderRecord[] = [];
    while (this.k < batches && orders.length < maxOrders) orders.push(...this.mergeBatch(this.k++));
    this.totals.generateMs += performance.now() - t0;
    await this.inFlight;
    this.inFlight = putAll(this.idb, [['orders', orders]]);
    this.totals.orders += orders.length;
    this.totals.rows += orders.length;
    if (this.k >= batches) await this.finishShop();
    return { ...this.totals, shopKey, done: false };
  }

  private shopKeyOf(shop: number): string {
    return BENCH_SHOPS[shop]?.shop.shopKey ?? '';
  }

  /** The shop's buyers (their aggregates now complete), their search rows and the shop record. */
  private async finishShop(): Promise<void> {
    const buyers = [...this.buyers.values()];
    const shop = this.shopRecord;
    this.buyers = new Map();
    this.shopRecord = undefined;
    for (let i = 0; i < buyers.length; i += BUYER_CHUNK) {
      const chunk = buyers.slice(i, i + BUYER_CHUNK);
      const search = chunk.map((b) => ({ buyerKey: b.buyerKey, words: searchWordsOf(b) }));
      const last = i + BUYER_CHUNK >= buyers.length;
      await this.inFlight;
      this.inFlight = putAll(this.idb, [
        ['buyers', chunk],
        ['buyerSearch', search],
        ['shops', last && shop ? [shop] : []],
      ]);
      this.totals.rows += chunk.length * 2;
    }
    this.totals.buyers += buyers.length;
    if (shop) {
      this.totals.shops += 1;
      this.totals.rows += 1;
    }
    this.shop += 1;
    this.k = this.skip[this.shop] ?? 0;
  }

  /** One capture batch as applyCapture stores it into a store that has none of its orders. */
  private mergeBatch(k: number): OrderRecord[] {
    const capturedAt = new Date().toISOString();
    const batch = benchShopBatch(this.plan, this.shop, k, capturedAt);
    const checked = checkBatch(batch);
    if (checked.problems.length > 0) throw new Error(`bench batch ${this.shop}/${k} did not pass: ${checked.problems[0]!.where} ${checked.problems[0]!.reason}`);
    const weight = readingWeight(batch.source, batch.pageKind);
    const orders: OrderRecord[] = [];
    const names = new Map<string, string>();
    for (const captured of checked.orders.values()) {
      const order = mergeOrder(undefined, { order: captured, adapterId: batch.adapterId, weight, capturedAt });
      if (order.buyerKey) {
        // The name the order showed goes to its buyer (mergeOrders in capture-repository.ts).
        if (captured.buyerName) names.set(order.buyerKey, captured.buyerName);
        delete order.buyerName;
      }
      orders.push(order);
    }
    this.mergeBuyers(checked.buyers, orders, names, capturedAt);
    for (const shop of checked.shops.values()) this.shopRecord = mergeShop(this.shopRecord, shop, capturedAt);
    return orders;
  }

  /** The batch's buyers merged (mergeBuyers), then each new order added to its buyer's aggregates (moveAggregates). */
  private mergeBuyers(captured: ReadonlyMap<string, CapturedBuyer>, orders: readonly OrderRecord[], names: ReadonlyMap<string, string>, capturedAt: string): void {
    const keys = new Set<string>(captured.keys());
    for (const order of orders) if (order.buyerKey) keys.add(order.buyerKey);
    for (const key of keys) {
      const seen: Partial<CapturedBuyer> & Pick<CapturedBuyer, 'buyerKey'> = { buyerKey: key, ...captured.get(key) };
      const name = names.get(key);
      if (name !== undefined && seen.displayName === undefined) seen.displayName = name;
      this.buyers.set(key, mergeBuyer(this.buyers.get(key), seen, capturedAt, capturedAt));
    }
    for (const order of orders) {
      const buyer = order.buyerKey ? this.buyers.get(order.buyerKey) : undefined;
      if (!buyer) continue;
      const stats = applyOrderChange(buyer.stats, undefined, order);
      // The pipeline would recompute from the buyer's stored orders (statsOf); one currency per shop never needs it.
      if (!stats) throw new Error(`aggregates of ${buyer.buyerKey} need a recompute: not expected in bench data`);
      this.buyers.set(buyer.buyerKey, { ...buyer, stats });
    }
  }
}
