import { describe, expect, it } from 'vitest';
import { capturedBuyerSchema, capturedOrderSchema, captureBatchSchema, type CapturedBuyer } from '../../lib/schema/capture';
import { checkBatch } from '../../lib/db/capture-check';
import { BATCH_ORDERS, benchBatch, benchPlan, leadingBatchesPerShop, sampleBuyerKeys, SCALE_1M } from './data';

const ANCHOR = Date.UTC(2026, 10, 23);

describe('bench data', () => {
  it('scales buyers with orders (buyers = orders / 5) over three shops', () => {
    expect(benchPlan(200_000, ANCHOR)).toMatchObject({ orders: 200_000, buyers: 40_000, shops: 3 });
    const small = benchPlan(20_000, ANCHOR);
    expect(small).toMatchObject({ orders: 20_000, buyers: 4_000 });
    expect(small.perShop.reduce((sum, s) => sum + s.orders, 0)).toBe(20_000);
    expect(small.batches).toHaveLength(small.perShop.reduce((sum, s) => sum + Math.ceil(s.orders / BATCH_ORDERS), 0));
  });

  it('makes capture batches the background accepts, the same every time', () => {
    const plan = benchPlan(5_000, ANCHOR);
    for (const n of [0, 1, 2, plan.batches.length - 1]) {
      const batch = benchBatch(plan, n, '2026-11-23T12:00:00.000Z');
      expect(captureBatchSchema.safeParse(batch).success).toBe(true);
      expect(batch.orders.length).toBeLessThanOrEqual(BATCH_ORDERS);
      for (const order of batch.orders) expect(capturedOrderSchema.safeParse(order).error).toBeUndefined();
      for (const buyer of batch.buyers) expect(capturedBuyerSchema.safeParse(buyer).error).toBeUndefined();
      expect(benchBatch(plan, n, '2026-11-23T12:00:00.000Z')).toEqual(batch);
    }
  });

  it('gives every buyer an order, and every order key once', () => {
    const plan = benchPlan(5_000, ANCHOR);
    const buyers = new Set<string>();
    const orders = new Set<string>();
    for (let n = 0; n < plan.batches.length; n++) {
      for (const order of benchBatch(plan, n, '2026-11-23T12:00:00.000Z').orders) {
        expect(orders.has(order.orderKey)).toBe(false);
        orders.add(order.orderKey);
        buyers.add(order.buyerKey!);
      }
    }
    expect(orders.size).toBe(5_000);
    expect(buyers.size).toBe(plan.buyers);
    const sample = sampleBuyerKeys(plan, 50);
    expect(new Set(sample).size).toBe(50);
    for (const key of sample) expect(buyers.has(key)).toBe(true);
  });

  it('at --scale 1m: 1,000,000 orders, 200,000 buyers, five shops, whose batches pass the pipeline’s check unchanged', () => {
    const plan = benchPlan(SCALE_1M.orders, ANCHOR, SCALE_1M.shops);
    expect(plan).toMatchObject({ orders: 1_000_000, buyers: 200_000, shops: 5 });
    expect(plan.perShop.reduce((sum, s) => sum + s.orders, 0)).toBe(1_000_000);
    const leading = leadingBatchesPerShop(plan, 40);
    expect(leading.reduce((sum, k) => sum + k, 0)).toBe(40);
    expect(leading.every((k) => k > 0)).toBe(true);
    // Each shop's first batch (its newest orders), and the last batch.
    const firsts = plan.perShop.map((_, shop) => plan.batches.findIndex(([s]) => s === shop));
    for (const n of [...firsts, plan.batches.length - 1]) {
      const batch = benchBatch(plan, n, '2026-11-23T12:00:00.000Z');
      const checked = checkBatch(batch);
      expect(checked.problems).toEqual([]);
      expect([...checked.orders.values()]).toEqual(batch.orders);
      expect([...checked.buyers.values()]).toEqual([...new Map((batch.buyers as CapturedBuyer[]).map((b) => [b.buyerKey, b])).values()]);
    }
  });
});
