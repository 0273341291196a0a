import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CapturedOrder } from '../schema/capture';
import { orderStatusSchema } from '../schema/common';
import { MAX_AMOUNT_MINOR } from '../schema/common';
import { buyerStatsSchema, emptyStats } from '../schema/records';
import { applyOrderChange, statsOf } from './aggregates';
import { applyCapture } from './capture-repository';
import { freshDatabase } from './test-db';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString();

describe('buyer aggregates', () => {
  it('count purchases, unpaid, cancelled and refunded orders apart', () => {
    const stats = statsOf([
      { status: 'shipped', totalMinor: 500, currency: 'BRL', placedAt: at(5) },
      { status: 'completed', totalMinor: 1000, currency: 'BRL', placedAt: at(1) },
      { status: 'unpaid', totalMinor: 700, currency: 'BRL', placedAt: at(9) },
      { status: 'cancelled', totalMinor: 900, currency: 'BRL', placedAt: at(3) },
      { status: 'returned', totalMinor: 300, currency: 'BRL', placedAt: at(4) },
      { status: 'unknown', totalMinor: 100, currency: 'BRL' },
    ]);
    expect(stats).toEqual({
      orderCount: 6,
      paidOrderCount: 2,
      spentMinor: 1500,
      currency: 'BRL',
      currencies: 1,
      firstOrderAt: at(1),
      lastOrderAt: at(9),
      firstPaidAt: at(1),
      lastPaidAt: at(5),
      unpaidCount: 1,
      cancelledCount: 1,
      refundedCount: 1,
      // Purchases only, oldest first, whatever order the orders came in.
      purchases: [
        [Date.parse(at(1)), 1000],
        [Date.parse(at(5)), 500],
      ],
    });
  });

  it('asks for a recompute when the order leaving a first/last date changes', () => {
    const before = { status: 'completed' as const, totalMinor: 100, currency: 'USD', placedAt: at(2) };
    const stats = statsOf([before, { status: 'completed', totalMinor: 50, currency: 'USD', placedAt: at(1) }]);
    expect(applyOrderChange(stats, before, { ...before, status: 'refunded' })).toBeUndefined();
    expect(applyOrderChange(emptyStats(), undefined, before)).toEqual(statsOf([before]));
  });

  it('count a buyer whose purchases are in two currencies in the currency of the latest, whatever the order of the orders', () => {
    // A shop that moved from BRL to USD: the newer currency is the buyer's, the older purchases stay counted as purchases.
    const orders = [
      { status: 'completed' as const, totalMinor: 1000, currency: 'BRL', placedAt: at(1) },
      { status: 'completed' as const, totalMinor: 300, currency: 'USD', placedAt: at(8) },
      { status: 'completed' as const, totalMinor: 200, currency: 'USD', placedAt: at(4) },
      { status: 'unpaid' as const, totalMinor: 999, currency: 'EUR', placedAt: at(9) },
    ];
    const expected = statsOf(orders);
    expect(expected).toMatchObject({ currency: 'USD', currencies: 2, spentMinor: 500, paidOrderCount: 3, purchases: [[Date.parse(at(1)), 0], [Date.parse(at(4)), 200], [Date.parse(at(8)), 300]] });
    for (const shuffled of [[...orders].reverse(), [orders[2]!, orders[0]!, orders[3]!, orders[1]!]]) expect(statsOf(shuffled)).toEqual(expected);
    // Two currencies on the same latest day: the first code A–Z, in any order.
    const tie = [
      { status: 'paid' as const, totalMinor: 5, currency: 'USD', placedAt: at(2) },
      { status: 'paid' as const, totalMinor: 7, currency: 'EUR', placedAt: at(2) },
    ];
    expect(statsOf(tie)).toMatchObject({ currency: 'EUR', spentMinor: 7 });
    expect(statsOf([...tie].reverse())).toEqual(statsOf(tie));
  });

  it('keep a buyer’s sum a safe integer however many of the largest orders they have (a backup of it restores)', () => {
    const order = { status: 'completed' as const, totalMinor: MAX_AMOUNT_MINOR, currency: 'JPY', placedAt: at(1) };
    const stats = statsOf([{ ...order, placedAt: at(0) }, ...Array.from({ length: 10_000 }, () => order), { ...order, placedAt: at(2) }]);
    expect(stats.spentMinor).toBe(Number.MAX_SAFE_INTEGER);
    expect(buyerStatsSchema.safeParse(stats).success).toBe(true);
    // And taking one away stays in range.
    expect(applyOrderChange(stats, order, { ...order, status: 'cancelled' })?.spentMinor).toBe(Number.MAX_SAFE_INTEGER - MAX_AMOUNT_MINOR);
  });

  it('move a one-currency buyer’s aggregates in place, and ask for a recompute when a purchase in another currency comes or goes', () => {
    const brl = { status: 'completed' as const, totalMinor: 100, currency: 'BRL', placedAt: at(2) };
    const stats = statsOf([brl]);
    expect(applyOrderChange(stats, undefined, { ...brl, placedAt: at(1) })).toEqual(statsOf([brl, { ...brl, placedAt: at(1) }]));
    expect(applyOrderChange(stats, undefined, { ...brl, currency: 'USD', placedAt: at(1) })).toBeUndefined();
    expect(applyOrderChange(stats, undefined, { ...brl, currency: undefined })).toBeUndefined();
    const mixed = statsOf([brl, { ...brl, currency: 'USD', placedAt: at(1) }]);
    expect(applyOrderChange(mixed, undefined, { ...brl, placedAt: at(0) })).toBeUndefined();
    // Aggregates stored before `currencies` existed are recomputed once a purchase changes.
    const { currencies: _stored, ...old } = stats;
    expect(applyOrderChange(old, undefined, { ...brl, placedAt: at(1) })).toBeUndefined();
    // A change that touches no purchase still moves them in place.
    expect(applyOrderChange(old, undefined, { ...brl, status: 'unpaid', placedAt: at(1) })).toMatchObject({ orderCount: 2, unpaidCount: 1, spentMinor: 100 });
  });

  it('stay equal to a recompute from the orders, whatever the order of captures, in one currency or several (property)', async () => {
    const capture = fc.record({
      id: fc.integer({ min: 1, max: 6 }),
      currency: fc.constantFrom('BRL', 'BRL', 'USD', undefined),
      buyer: fc.constantFrom('shopee:br:1', 'shopee:br:2', undefined),
      status: fc.option(fc.constantFrom(...orderStatusSchema.options), { nil: undefined }),
      totalMinor: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
      day: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      dayOnly: fc.boolean(),
      capturedDay: fc.integer({ min: 0, max: 60 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(capture, { minLength: 1, maxLength: 12 }), async (captures) => {
        const db = freshDatabase();
        try {
          for (const c of captures) {
            const order: CapturedOrder = {
              orderKey: `shopee:br:${c.id}`,
              orderId: String(c.id),
              shopKey: 'shopee:br',
              ...(c.currency ? { currency: c.currency } : {}),
              ...(c.buyer ? { buyerKey: c.buyer } : {}),
              ...(c.status ? { status: c.status } : {}),
              ...(c.totalMinor !== undefined ? { totalMinor: c.totalMinor } : {}),
              ...(c.day !== undefined ? { placedAt: at(c.day), ...(c.dayOnly ? { placedAtPrecision: 'day' as const } : {}) } : {}),
            };
            await applyCapture(db, {
              adapterId: 'shopee',
              pageKind: 'order-list',
              pageUrl: 'https://seller.shopee.com.br/portal/sale/order',
              source: 'network',
              capturedAt: at(100 + c.capturedDay),
              shops: [],
              buyers: [],
              orders: [order],
              problems: [],
            });
          }
          const orders = await db.orders.toArray();
          for (const buyer of await db.buyers.toArray()) {
            expect(buyer.stats).toEqual(statsOf(orders.filter((o) => o.buyerKey === buyer.buyerKey)));
          }
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 100 },
    );
  });
});
