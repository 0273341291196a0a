import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../schema/capture';
import { applyRetention, bulkSetTag, deleteList, eraseBuyer, importTagAssignments, saveList, saveRetention } from './buyers-repository';
import { loadSavedLists } from './settings-queries';
import { applyCapture } from './capture-repository';
import type { BuyerLensDatabase } from './database';
import { linkBuyers } from './links-repository';
import { addNote } from './notes-repository';
import { setOrderFlag } from './order-flags-repository';
import { createTag } from './tags-repository';
import { freshDatabase } from './test-db';

let db: BuyerLensDatabase;
const ANA = 'shopee:br:1';
const BIA = 'shopee:br:2';

const order = (id: string, buyerKey: string, placedAt: string, totalMinor: number) => ({
  orderKey: `shopee:br:${id}`,
  orderId: id,
  shopKey: 'shopee:br',
  buyerKey,
  status: 'completed' as const,
  totalMinor,
  currency: 'BRL',
  placedAt,
});

beforeEach(async () => {
  db = freshDatabase();
  const batch: CaptureBatch = {
    adapterId: 'shopee',
    pageKind: 'order-list',
    pageUrl: 'https://seller.shopee.com.br/portal/sale/order',
    source: 'network',
    capturedAt: '2026-11-01T00:00:00.000Z',
    shops: [],
    buyers: [
      { buyerKey: ANA, shopKey: 'shopee:br', platformBuyerId: '1', displayName: 'ana' },
      { buyerKey: BIA, shopKey: 'shopee:br', platformBuyerId: '2', displayName: 'bia' },
    ],
    orders: [order('10', ANA, '2024-01-10T00:00:00.000Z', 5000), order('11', ANA, '2026-10-10T00:00:00.000Z', 2000), order('12', BIA, '2026-10-12T00:00:00.000Z', 900)],
    problems: [],
  };
  await applyCapture(db, batch);
});
afterEach(async () => {
  await db.delete();
});

describe('bulk tags', () => {
  it('adds a tag to every listed buyer once, and takes it off again', async () => {
    const vip = await createTag(db, 'VIP');
    expect(await bulkSetTag(db, [ANA, BIA, 'shopee:br:404'], vip.id, true)).toBe(2);
    expect(await bulkSetTag(db, [ANA, BIA], vip.id, true)).toBe(0);
    expect((await db.buyers.get(ANA))?.tagIds).toEqual([vip.id]);
    expect(await bulkSetTag(db, [ANA], vip.id, false)).toBe(1);
    expect((await db.buyers.get(ANA))?.tagIds).toEqual([]);
  });

  it('imports tags by name, creating the missing ones', async () => {
    const vip = await createTag(db, 'VIP');
    const result = await importTagAssignments(db, [
      { buyerKey: ANA, tagNames: ['vip', 'Black Friday'] },
      { buyerKey: BIA, tagNames: ['Black Friday'] },
    ]);
    expect(result).toEqual({ buyers: 2, tagsCreated: 1 });
    const friday = (await db.tags.toArray()).find((t) => t.name === 'Black Friday')!;
    expect((await db.buyers.get(ANA))?.tagIds).toEqual([vip.id, friday.id]);
  });
});

describe('privacy', () => {
  it('erases one buyer completely and leaves the others', async () => {
    await addNote(db, ANA, 'call first');
    await setOrderFlag(db, 'shopee:br:10', { color: 'red' });
    await linkBuyers(db, ANA, BIA);
    await eraseBuyer(db, ANA);
    expect(await db.buyers.get(ANA)).toBeUndefined();
    expect(await db.orders.where('buyerKey').equals(ANA).count()).toBe(0);
    expect(await db.orders.count()).toBe(1);
    expect(await db.notes.count()).toBe(0);
    expect(await db.orderFlags.count()).toBe(0);
    expect((await db.buyers.get(BIA))?.personId).toBeUndefined();
  });

  it('deletes orders older than the retention period and recomputes the aggregates', async () => {
    expect(await applyRetention(db, new Date('2026-11-23T00:00:00Z'))).toEqual({ orders: 0, shops: [] });
    await saveRetention(db, 12);
    expect(await applyRetention(db, new Date('2026-11-23T00:00:00Z'))).toEqual({ orders: 1, shops: ['shopee:br'] });
    const ana = (await db.buyers.get(ANA))!;
    expect(ana.stats.orderCount).toBe(1);
    expect(ana.stats.spentMinor).toBe(2000);
    expect(ana.stats.firstOrderAt).toBe('2026-10-10T00:00:00.000Z');
  });
});

describe('saved lists', () => {
  it('keeps named filters, replacing by name', async () => {
    await saveList(db, { name: 'Lapsed VIPs', filter: { tagMode: 'any', tagIds: ['x'], lastOrderOlderThanDays: 60 } });
    await saveList(db, { name: 'Big spenders', filter: { tagMode: 'any', spentMin: 500 } });
    await saveList(db, { name: 'Lapsed VIPs', filter: { tagMode: 'all', tagIds: ['x'], lastOrderOlderThanDays: 90 } });
    expect((await loadSavedLists(db)).map((l) => [l.name, l.filter.lastOrderOlderThanDays])).toEqual([
      ['Big spenders', undefined],
      ['Lapsed VIPs', 90],
    ]);
    await deleteList(db, 'Big spenders');
    expect((await loadSavedLists(db)).map((l) => l.name)).toEqual(['Lapsed VIPs']);
  });
});
