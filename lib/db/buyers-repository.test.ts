import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../schema/capture';
import { applyRetention, bulkSetTag, deleteList, eraseBuyer, importTagAssignments, saveList, saveRetention } from './buyers-repository';
import { loadSavedLists } from './settings-queries';
import { applyCapture } from './capture-repository';
import type { BuyerLensDatabase } from './database';
import { linkBuyers } from './links-repository';
import { addNote } from './notes-repository';
import { setOrderFlag } from './order-flags-repository';
import { createTag, setBuyerTag } from './tags-repository';
import { freshDatabase } from './test-db';
import { shopeeListBatch } from '../../test/capture-batch';

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
  const batch: CaptureBatch = shopeeListBatch({
    buyers: [
      { buyerKey: ANA, shopKey: 'shopee:br', platformBuyerId: '1', displayName: 'ana' },
      { buyerKey: BIA, shopKey: 'shopee:br', platformBuyerId: '2', displayName: 'bia' },
    ],
    orders: [order('10', ANA, '2024-01-10T00:00:00.000Z', 5000), order('11', ANA, '2026-10-10T00:00:00.000Z', 2000), order('12', BIA, '2026-10-12T00:00:00.000Z', 900)],
  });
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

  it('erases a buyer from the capture log and from their shop’s latest, top and attention lists too', async () => {
    await applyCapture(db, {
      adapterId: 'shopee',
      pageKind: 'order-detail',
      pageUrl: 'https://seller.shopee.com.br/portal/sale/order/188140332017804',
      source: 'network',
      capturedAt: '2026-11-02T00:00:00.000Z',
      shops: [],
      buyers: [],
      orders: [order('188140332017804', ANA, '2026-10-20T00:00:00.000Z', 100)],
      problems: [
        { where: 'data.buyer_user', reason: 'order 188140332017804 has no buyer_user' },
        { where: 'data.buyer_user', reason: 'order 188999999999999 has no buyer_user' },
      ],
    });
    await db.shops.update('shopee:br', {
      recent: [ANA, BIA],
      scoring: { map: 'rfm11', windowDays: 365, method: 'quintiles', peers: 2, scoredAt: '2026-11-02T00:00:00.000Z', summary: { scored: 2, segments: [], grid: [], top: [ANA, BIA], attention: [ANA] } },
    });
    const logged = async () => (await db.captureLog.toArray()).map((e) => `${e.pageUrl} ${e.message}`).join('\n');
    expect(await logged()).toContain('188140332017804');

    // A name that is a word of every console URL names no line: only ids do.
    await db.buyers.update(ANA, { displayName: 'seller' });
    await eraseBuyer(db, ANA);
    // Every line of the capture made on her order's page goes (its URL names the order); the list's stays.
    expect(await logged()).not.toContain('188140332017804');
    expect(await logged()).not.toContain('188999999999999');
    expect(await logged()).toContain('3 orders, 2 buyers');
    const shop = (await db.shops.get('shopee:br'))!;
    expect(shop.recent).toEqual([BIA]);
    expect(shop.scoring?.summary).toMatchObject({ top: [BIA], attention: [] });
  });

  it('deletes orders older than the retention period, recomputes the aggregates, forgets buyers left with no order unless tagged or noted, and ages the log', async () => {
    expect(await applyRetention(db, new Date('2026-11-23T00:00:00Z'))).toEqual({ orders: 0, buyers: 0, shops: [] });
    await applyCapture(db, {
      adapterId: 'shopee',
      pageKind: 'order-list',
      pageUrl: 'https://seller.shopee.com.br/portal/sale/order',
      source: 'network',
      capturedAt: '2024-02-01T00:00:00.000Z',
      shops: [],
      buyers: [
        { buyerKey: 'shopee:br:3', shopKey: 'shopee:br', platformBuyerId: '3', displayName: 'cara' },
        { buyerKey: 'shopee:br:4', shopKey: 'shopee:br', platformBuyerId: '4', displayName: 'dani' },
        { buyerKey: 'shopee:br:5', shopKey: 'shopee:br', platformBuyerId: '5', displayName: 'edu' },
      ],
      orders: [order('13', 'shopee:br:3', '2024-01-11T00:00:00.000Z', 100), order('14', 'shopee:br:4', '2024-01-12T00:00:00.000Z', 100), order('15', 'shopee:br:5', '2024-01-13T00:00:00.000Z', 100)],
      problems: [],
    });
    await setBuyerTag(db, 'shopee:br:4', (await createTag(db, 'VIP')).id, true);
    await addNote(db, 'shopee:br:5', 'wholesale buyer');
    await saveRetention(db, 12);
    expect(await applyRetention(db, new Date('2026-11-23T00:00:00Z'))).toEqual({ orders: 4, buyers: 1, shops: ['shopee:br'] });
    const ana = (await db.buyers.get(ANA))!;
    expect(ana.stats.orderCount).toBe(1);
    expect(ana.stats.spentMinor).toBe(2000);
    expect(ana.stats.firstOrderAt).toBe('2026-10-10T00:00:00.000Z');
    // Cara had nothing but an old order: gone, name and search words; the tagged and the noted buyer stay, without orders.
    expect(await db.buyers.get('shopee:br:3')).toBeUndefined();
    expect(await db.buyerSearch.get('shopee:br:3')).toBeUndefined();
    expect((await db.buyers.get('shopee:br:4'))?.stats.orderCount).toBe(0);
    expect((await db.buyers.get('shopee:br:5'))?.stats.orderCount).toBe(0);
    // The capture of 2024 is older than the period: its log line went too.
    expect((await db.captureLog.toArray()).map((e) => e.at)).toEqual(['2026-11-01T00:00:00.000Z']);
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
