import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureBatch, CapturedOrder } from '../schema/capture';
import { eraseBuyer } from './buyers-repository';
import { applyCapture } from './capture-repository';
import { searchBuyers } from './queries';
import { refreshBuyerList } from './buyer-list-writer';
import type { BuyerLensDatabase } from './database';
import { freshDatabase } from './test-db';

let db: BuyerLensDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  await db.delete();
});

const SHOP = 'shopee:br';
const ANA = 'shopee:br:73810455';
const BIA = 'shopee:br:120558734';

function order(id: string, fields: Partial<CapturedOrder> = {}): CapturedOrder {
  return {
    orderKey: `${SHOP}:${id}`,
    orderId: id,
    shopKey: SHOP,
    buyerKey: ANA,
    status: 'completed',
    totalMinor: 1000,
    currency: 'BRL',
    placedAt: '2026-10-01T10:00:00.000Z',
    items: [{ title: 'Caneca', quantity: 1 }],
    ...fields,
  };
}

function batch(fields: Partial<CaptureBatch>): CaptureBatch {
  return {
    adapterId: 'shopee',
    pageKind: 'order-list',
    pageUrl: 'https://seller.shopee.com.br/portal/sale/order',
    source: 'network',
    capturedAt: '2026-11-01T12:00:00.000Z',
    shops: [{ shopKey: SHOP, adapterId: 'shopee', region: 'BR', currency: 'BRL' }],
    buyers: [{ buyerKey: ANA, shopKey: SHOP, platformBuyerId: '73810455', displayName: 'mariana.costa92' }],
    orders: [],
    problems: [],
    ...fields,
  };
}

describe('applyCapture', () => {
  it('stores orders, buyers and shops and keeps the buyer’s aggregates with the orders', async () => {
    await applyCapture(
      db,
      batch({
        orders: [
          order('1', { totalMinor: 6585, placedAt: '2026-09-01T10:00:00.000Z' }),
          order('2', { totalMinor: 8153, placedAt: '2026-10-20T10:00:00.000Z', status: 'shipped' }),
          order('3', { totalMinor: 2000, placedAt: '2026-10-25T10:00:00.000Z', status: 'cancelled' }),
          order('4', { totalMinor: 500, placedAt: '2026-10-30T10:00:00.000Z', status: 'unpaid' }),
        ],
      }),
    );
    const buyer = await db.buyers.get(ANA);
    expect(buyer?.displayName).toBe('mariana.costa92');
    expect(buyer?.stats).toEqual({
      orderCount: 4,
      paidOrderCount: 2,
      spentMinor: 6585 + 8153,
      currency: 'BRL',
      currencies: 1,
      firstOrderAt: '2026-09-01T10:00:00.000Z',
      lastOrderAt: '2026-10-30T10:00:00.000Z',
      firstPaidAt: '2026-09-01T10:00:00.000Z',
      lastPaidAt: '2026-10-20T10:00:00.000Z',
      unpaidCount: 1,
      cancelledCount: 1,
      refundedCount: 0,
      purchases: [
        [Date.parse('2026-09-01T10:00:00.000Z'), 6585],
        [Date.parse('2026-10-20T10:00:00.000Z'), 8153],
      ],
    });
    expect(await db.orders.count()).toBe(4);
    expect((await db.shops.get(SHOP))?.currency).toBe('BRL');
  });

  it('is idempotent: the same capture twice gives the same store', async () => {
    const b = batch({ orders: [order('1'), order('2', { totalMinor: 2500 })] });
    await applyCapture(db, b);
    const once = { buyers: await db.buyers.toArray(), orders: await db.orders.toArray() };
    await applyCapture(db, b);
    expect({ buyers: await db.buyers.toArray(), orders: await db.orders.toArray() }).toEqual(once);
    expect((await db.buyers.get(ANA))?.stats.orderCount).toBe(2);
  });

  it('finds the stored orders of a page whose ids are spread among other stored orders', async () => {
    // Ids with a few prefixes (as Amazon's): a page's ids fall in several runs among the stored ones.
    const id = (prefix: number, n: number) => `11${prefix}-${String(n).padStart(7, '0')}`;
    const older = Array.from({ length: 200 }, (_, n) => order(id(n % 5, n), { totalMinor: 100 }));
    await applyCapture(db, batch({ orders: older }));
    // The next page: 40 of those again (now shipped, with a new total) and 40 new ones among them.
    const again = older.filter((_, n) => n % 5 === 0).map((o) => ({ ...o, status: 'shipped' as const, totalMinor: 300 }));
    const fresh = Array.from({ length: 40 }, (_, n) => order(id(n % 5, 1000 + n), { totalMinor: 50 }));
    await applyCapture(db, batch({ capturedAt: '2026-11-02T12:00:00.000Z', orders: [...again, ...fresh] }));

    expect(await db.orders.count()).toBe(240);
    const stored = await db.orders.bulkGet(again.map((o) => o.orderKey));
    // The re-captured orders are merged into what was stored (first seen on the first day), not taken as new.
    expect(stored.every((o) => o?.status === 'shipped' && o.totalMinor === 300 && o.firstSeenAt === '2026-11-01T12:00:00.000Z')).toBe(true);
    const ana = (await db.buyers.get(ANA))!;
    expect(ana.stats.orderCount).toBe(240);
    expect(ana.stats.spentMinor).toBe(160 * 100 + 40 * 300 + 40 * 50);
  });

  it('makes a buyer findable by id, name and name words, and follows a new name', async () => {
    await applyCapture(db, batch({ orders: [order('1')] }));
    // A buyer is found once the background has made their search words, a moment after the captures.
    const found = async (q: string) => {
      await refreshBuyerList(db);
      return (await searchBuyers(db, q)).map((b) => b.buyerKey);
    };
    expect(await found('costa')).toEqual([ANA]);
    expect(await found('Mariana.C')).toEqual([ANA]);
    expect(await found('7381')).toEqual([ANA]);
    // An order naming a buyer the page did not list makes them findable by id.
    await applyCapture(db, batch({ buyers: [], orders: [order('2', { buyerKey: BIA })] }));
    expect(await found('1205')).toEqual([BIA]);
    // An id in mixed case is found whatever case the query is in; so is one the key does not end with.
    await applyCapture(db, batch({ buyers: [{ buyerKey: `${SHOP}:JoaoS88`, shopKey: SHOP, platformBuyerId: 'JoaoS88' }, { buyerKey: `${SHOP}:u-42`, shopKey: SHOP, platformBuyerId: 'cliente42' }], orders: [] }));
    expect(await found('joaos')).toEqual([`${SHOP}:JoaoS88`]);
    expect(await found('JOAOS8')).toEqual([`${SHOP}:JoaoS88`]);
    expect(await found('client')).toEqual([`${SHOP}:u-42`]);
    expect(await found('u-4')).toEqual([`${SHOP}:u-42`]);

    await applyCapture(db, batch({ capturedAt: '2026-11-02T12:00:00.000Z', buyers: [{ buyerKey: ANA, shopKey: SHOP, platformBuyerId: '73810455', displayName: 'Ana Lima' }] }));
    expect(await found('costa')).toEqual([]);
    expect(await found('lima')).toEqual([ANA]);
    await eraseBuyer(db, ANA);
    expect(await found('lima')).toEqual([]);
    expect(await db.buyerSearch.count()).toBe(3);
  });

  it('fills and corrects with a later partial capture, never erasing what it did not see', async () => {
    await applyCapture(db, batch({ orders: [order('1', { trackingNumber: 'BR1', statusText: 'Enviado', status: 'shipped' })] }));
    await applyCapture(
      db,
      batch({
        capturedAt: '2026-11-02T12:00:00.000Z',
        buyers: [],
        orders: [{ orderKey: `${SHOP}:1`, orderId: '1', shopKey: SHOP, status: 'delivered', statusText: 'Entregue' }],
      }),
    );
    const stored = await db.orders.get(`${SHOP}:1`);
    expect(stored).toMatchObject({ status: 'delivered', statusText: 'Entregue', trackingNumber: 'BR1', totalMinor: 1000, buyerKey: ANA });
    expect(stored?.items).toEqual([{ title: 'Caneca', quantity: 1 }]);
    expect((await db.buyers.get(ANA))?.displayName).toBe('mariana.costa92');
  });

  it('lets an older capture only fill gaps', async () => {
    await applyCapture(db, batch({ orders: [order('1', { status: 'completed', statusText: 'Concluído' })] }));
    await applyCapture(
      db,
      batch({
        capturedAt: '2026-10-01T12:00:00.000Z',
        orders: [order('1', { status: 'paid', statusText: 'A Enviar', carrier: 'Shopee Xpress' })],
      }),
    );
    expect(await db.orders.get(`${SHOP}:1`)).toMatchObject({ status: 'completed', statusText: 'Concluído', carrier: 'Shopee Xpress' });
  });

  it('never lets a date taken from the order number replace an exact one', async () => {
    await applyCapture(db, batch({ orders: [order('1', { placedAt: '2026-10-01T17:26:53.000Z' })] }));
    await applyCapture(
      db,
      batch({ capturedAt: '2026-11-03T00:00:00.000Z', orders: [order('1', { placedAt: '2026-10-01T04:00:00.000Z', placedAtPrecision: 'day' })] }),
    );
    const stored = await db.orders.get(`${SHOP}:1`);
    expect(stored?.placedAt).toBe('2026-10-01T17:26:53.000Z');
    expect(stored?.placedAtPrecision).toBeUndefined();
  });

  it('replaces a day-only date with the exact time when it arrives', async () => {
    await applyCapture(db, batch({ orders: [order('1', { placedAt: '2026-10-01T04:00:00.000Z', placedAtPrecision: 'day' })] }));
    await applyCapture(db, batch({ capturedAt: '2026-11-03T00:00:00.000Z', orders: [order('1', { placedAt: '2026-10-01T17:26:53.000Z' })] }));
    const stored = await db.orders.get(`${SHOP}:1`);
    expect(stored).toMatchObject({ placedAt: '2026-10-01T17:26:53.000Z', sortAt: '2026-10-01T17:26:53.000Z' });
    expect(stored?.placedAtPrecision).toBeUndefined();
    expect((await db.buyers.get(ANA))?.stats.lastOrderAt).toBe('2026-10-01T17:26:53.000Z');
  });

  it('never touches tags or notes', async () => {
    await applyCapture(db, batch({ orders: [order('1')] }));
    await db.tags.add({ id: 'vip', name: 'VIP', color: '#b45309', createdAt: '2026-11-01T00:00:00.000Z' });
    await db.buyers.update(ANA, { tagIds: ['vip'] });
    await db.notes.add({ id: 'n1', buyerKey: ANA, text: 'Prefere entrega à tarde', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' });
    await applyCapture(
      db,
      batch({
        capturedAt: '2026-11-05T00:00:00.000Z',
        buyers: [{ buyerKey: ANA, shopKey: SHOP, platformBuyerId: '73810455', displayName: 'mari.costa' }],
        orders: [order('2')],
      }),
    );
    const buyer = await db.buyers.get(ANA);
    expect(buyer?.tagIds).toEqual(['vip']);
    expect(buyer?.displayName).toBe('mari.costa');
    expect(await db.notes.where('buyerKey').equals(ANA).count()).toBe(1);
  });

  it('stores the good records of a batch, drops a bad field with its reason and skips a record without an identity', async () => {
    const result = await applyCapture(
      db,
      batch({
        orders: [
          order('1'),
          { orderKey: `${SHOP}:2`, shopKey: SHOP, status: 'paid' }, // no orderId
          order('3', { currency: 'reais' }),
          order('4', { orderKey: 'amazon:amazon.com:4', shopKey: 'amazon:amazon.com', buyerKey: undefined }),
        ],
        problems: [{ where: 'card_list[7]', reason: 'unknown card type: return_refund_card' }],
      }),
    );
    expect(result.rejected).toBe(4);
    const stored = await db.orders.toArray();
    expect(stored.map((o) => o.orderId)).toEqual(['1', '3']);
    // The bad currency cost the currency and the amounts counted in it, not the order.
    expect(stored[1]).not.toHaveProperty('currency');
    expect(stored[1]).not.toHaveProperty('totalMinor');
    expect(stored[1]?.items).toEqual(order('3').items);
    expect((await db.buyers.get(ANA))?.stats.spentMinor).toBe(order('1').totalMinor);
    const problems = await db.captureLog.where('id').above(0).filter((e) => e.kind === 'problem').toArray();
    expect(problems.map((p) => p.where).sort()).toEqual(['card_list[7]', 'orders[1]', 'orders[2]', 'orders[3]']);
    expect(problems.find((p) => p.where === 'orders[1]')?.message).toMatch(/^skipped: orderId/);
    expect(problems.find((p) => p.where === 'orders[2]')?.message).toBe('currency "reais" unreadable: dropped with the order\'s amounts');
    expect(problems.find((p) => p.where === 'orders[3]')?.message).toMatch(/does not belong to adapter shopee/);
    const summary = await db.captureLog.filter((e) => e.kind === 'batch').first();
    expect(summary?.counts).toEqual({ orders: 2, buyers: 1, shops: 1, rejected: 4 });
  });

  it('drops an absurd amount as a problem on that order, never stores it', async () => {
    await applyCapture(db, batch({ orders: [order('1', { totalMinor: 5e15, items: [{ title: 'Caneca', quantity: 1e9, unitPriceMinor: 2e12 }] })] }));
    const stored = await db.orders.get(`${SHOP}:1`);
    expect(stored).not.toHaveProperty('totalMinor');
    expect(stored).not.toHaveProperty('items');
    const problems = await db.captureLog.filter((e) => e.kind === 'problem').toArray();
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^totalMinor: .*dropped; items\.0 dropped \(items\.0\.quantity: /)]);
    expect((await db.buyers.get(ANA))?.stats.spentMinor).toBe(0);
  });

  it('writes only the shops the sending page may write (the background decides them from the sender)', async () => {
    const result = await applyCapture(
      db,
      batch({
        shops: [{ shopKey: 'shopee:my', adapterId: 'shopee', region: 'MY', currency: 'MYR' }],
        buyers: [{ buyerKey: 'shopee:my:5', shopKey: 'shopee:my', platformBuyerId: '5' }],
        orders: [order('1'), order('2', { orderKey: 'shopee:my:2', shopKey: 'shopee:my', buyerKey: 'shopee:my:5' })],
      }),
      { adapterId: 'shopee', allowsShop: (shopKey) => shopKey === SHOP },
    );
    expect((await db.orders.toArray()).map((o) => o.orderKey)).toEqual([`${SHOP}:1`]);
    expect(await db.buyers.get('shopee:my:5')).toBeUndefined();
    expect(await db.shops.get('shopee:my')).toBeUndefined();
    expect(result.rejected).toBe(3);
    const problems = await db.captureLog.filter((e) => e.kind === 'problem').toArray();
    expect(problems.map((p) => p.message)).toEqual(Array(3).fill('skipped: shop shopee:my is not one this page may write'));
  });

  it('leaves a stored buyer as it was when the records naming it are refused (their keys are read before the checks)', async () => {
    const MY_BUYER = 'shopee:my:5';
    const myOrder = (id: string, name: string) => order(id, { orderKey: `shopee:my:${id}`, shopKey: 'shopee:my', buyerKey: MY_BUYER, buyerName: name, currency: 'MYR' });
    await applyCapture(
      db,
      batch({
        shops: [{ shopKey: 'shopee:my', adapterId: 'shopee', region: 'MY', currency: 'MYR' }],
        buyers: [{ buyerKey: MY_BUYER, shopKey: 'shopee:my', platformBuyerId: '5', displayName: 'aiman.r' }],
        orders: [myOrder('1', 'aiman.r')],
      }),
    );
    const before = await db.buyers.get(MY_BUYER);
    const result = await applyCapture(
      db,
      batch({
        capturedAt: '2026-11-02T12:00:00.000Z',
        buyers: [{ buyerKey: MY_BUYER, shopKey: 'shopee:my', platformBuyerId: '5', displayName: 'someone.else' }],
        orders: [order('7'), myOrder('2', 'someone.else')],
      }),
      { adapterId: 'shopee', allowsShop: (shopKey) => shopKey === SHOP },
    );
    expect(result.rejected).toBe(2);
    expect(before?.stats.orderCount).toBe(1);
    expect(await db.buyers.get(MY_BUYER)).toEqual(before);
    expect((await db.orders.toCollection().primaryKeys()).sort()).toEqual([`${SHOP}:7`, 'shopee:my:1']);
  });

  it('logs at most the problem lines the sending tab has left this minute, and counts the rest in one line', async () => {
    const problems = Array.from({ length: 5 }, (_, i) => ({ where: `card_list[${i}]`, reason: 'unreadable card' }));
    await applyCapture(db, batch({ orders: [order('1')], problems }), { adapterId: 'shopee', allowsShop: () => true, maxLoggedProblems: 2 });
    const logged = await db.captureLog.filter((e) => e.kind === 'problem').toArray();
    expect(logged.map((p) => p.where)).toEqual(['card_list[0]', 'card_list[1]', 'capture']);
    expect(logged[2]?.message).toBe('3 more problems not logged: this tab logged its most for this minute');
    expect(await db.orders.count()).toBe(1);
  });

  it('refuses buyer and order keys that are not in the record’s shop', async () => {
    const result = await applyCapture(
      db,
      batch({
        buyers: [
          { buyerKey: ANA, shopKey: SHOP, platformBuyerId: '73810455' },
          { buyerKey: 'shopee:my:1', shopKey: SHOP, platformBuyerId: '1' },
        ],
        orders: [order('1'), order('2', { orderKey: 'shopee:my:2' }), order('3', { buyerKey: 'shopee:my:9' })],
      }),
    );
    expect(result.rejected).toBe(3);
    expect((await db.orders.toArray()).map((o) => o.orderId)).toEqual(['1']);
    expect(await db.buyers.toCollection().primaryKeys()).toEqual([ANA]);
    const problems = await db.captureLog.filter((e) => e.kind === 'problem').toArray();
    expect(problems.map((p) => [p.where, p.message])).toEqual([
      ['buyers[1]', 'skipped: key shopee:my:1 is not in shop shopee:br'],
      ['orders[1]', 'skipped: key shopee:my:2 is not in shop shopee:br'],
      ['orders[2]', 'skipped: key shopee:my:9 is not in shop shopee:br'],
    ]);
  });

  it('stores masked names as absent and refuses a masked buyer id', async () => {
    await applyCapture(
      db,
      batch({
        buyers: [
          { buyerKey: BIA, shopKey: SHOP, platformBuyerId: '120558734', displayName: '***' },
          { buyerKey: 'shopee:br:1**********8', shopKey: SHOP, platformBuyerId: '1**********8' },
        ],
        orders: [order('9', { buyerKey: BIA, buyerName: 'R******P' })],
      }),
    );
    const bia = await db.buyers.get(BIA);
    expect(bia).toBeDefined();
    expect(bia?.displayName).toBeUndefined();
    expect(await db.buyers.count()).toBe(1);
    expect(JSON.stringify(await db.buyers.toArray())).not.toMatch(/\*\*/);
  });

  it('names a buyer from an order’s buyer name when the buyer record has none', async () => {
    await applyCapture(db, batch({ buyers: [], orders: [order('1', { buyerKey: BIA })] }));
    expect((await db.buyers.get(BIA))?.displayName).toBeUndefined();
    await applyCapture(
      db,
      batch({ capturedAt: '2026-11-02T00:00:00.000Z', buyers: [], orders: [{ orderKey: `${SHOP}:1`, orderId: '1', shopKey: SHOP, buyerName: 'Beatriz' }] }),
    );
    expect((await db.buyers.get(BIA))?.displayName).toBe('Beatriz');
  });

  it('attaches orders captured without a buyer once a later page names the buyer', async () => {
    await applyCapture(db, batch({ buyers: [], orders: [order('1', { buyerKey: undefined }), order('2', { buyerKey: undefined, totalMinor: 3000 })] }));
    expect(await db.buyers.count()).toBe(0);
    await applyCapture(db, batch({ capturedAt: '2026-11-02T00:00:00.000Z', orders: [{ orderKey: `${SHOP}:2`, orderId: '2', shopKey: SHOP, buyerKey: ANA }] }));
    expect((await db.buyers.get(ANA))?.stats).toMatchObject({ orderCount: 1, spentMinor: 3000 });
  });

  it('moves an order’s aggregates when a correction gives it another buyer', async () => {
    await applyCapture(db, batch({ orders: [order('1'), order('2', { totalMinor: 4000 })] }));
    await applyCapture(db, batch({ capturedAt: '2026-11-02T00:00:00.000Z', orders: [{ orderKey: `${SHOP}:2`, orderId: '2', shopKey: SHOP, buyerKey: BIA }] }));
    expect((await db.buyers.get(ANA))?.stats).toMatchObject({ orderCount: 1, spentMinor: 1000 });
    expect((await db.buyers.get(BIA))?.stats).toMatchObject({ orderCount: 1, spentMinor: 4000 });
  });

  it('recomputes the aggregates exactly when the last order is cancelled', async () => {
    await applyCapture(db, batch({ orders: [order('1', { placedAt: '2026-09-01T00:00:00.000Z' }), order('2', { placedAt: '2026-10-01T00:00:00.000Z' })] }));
    await applyCapture(db, batch({ capturedAt: '2026-11-02T00:00:00.000Z', orders: [order('2', { placedAt: '2026-10-01T00:00:00.000Z', status: 'cancelled' })] }));
    expect((await db.buyers.get(ANA))?.stats).toMatchObject({
      orderCount: 2,
      paidOrderCount: 1,
      spentMinor: 1000,
      lastPaidAt: '2026-09-01T00:00:00.000Z',
      lastOrderAt: '2026-10-01T00:00:00.000Z',
      cancelledCount: 1,
    });
  });

  it('writes nothing of a batch when the transaction fails', async () => {
    await applyCapture(db, batch({ orders: [order('1')] }));
    const before = { orders: await db.orders.toArray(), buyers: await db.buyers.toArray(), log: await db.captureLog.count() };
    const original = db.captureLog.bulkAdd.bind(db.captureLog);
    db.captureLog.bulkAdd = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.captureLog.bulkAdd;
    await expect(applyCapture(db, batch({ capturedAt: '2026-11-05T00:00:00.000Z', orders: [order('1', { status: 'refunded' }), order('2')] }))).rejects.toThrow(
      /quota/i,
    );
    db.captureLog.bulkAdd = original;
    expect({ orders: await db.orders.toArray(), buyers: await db.buyers.toArray(), log: await db.captureLog.count() }).toEqual(before);
  });
});
