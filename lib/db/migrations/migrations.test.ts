import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { BuyerRecord, OrderRecord, ShopRecord } from '../../schema/records';
import { statsOf } from '../aggregates';
import { BuyerLensDatabase } from '../database';
import { recentBuyers, searchBuyers } from '../queries';
import { rescoreAll } from '../rfm-repository';
import { expectTablesAsIn, FIXTURE_LEDGER, fixtureDatabase, fixtureRows as fixture, withoutLedger } from '../test-fixtures';
import { CURRENT_VERSION } from '../ladder';
import { declareVersions } from '../versions';
import { compactLedger, withCompactLedger } from './v005-compact-ledger';

describe('database migrations', () => {
  it('v1 → v2 adds the purchases ledger and the new stores, and keeps everything else', async () => {
    const name = `migrate-v1-${Date.now()}`;
    (await fixtureDatabase(1, name)).close();
    const v1 = fixture(1);
    const db = new Dexie(name);
    declareVersions(db, 2);
    await db.open();
    expect(db.verno).toBe(2);

    const orders = await db.table<OrderRecord>('orders').toArray();
    expect(orders).toEqual(expect.arrayContaining(v1.orders as OrderRecord[]));
    const buyers = await db.table<BuyerRecord>('buyers').toArray();
    for (const buyer of buyers) {
      const before = (v1.buyers as BuyerRecord[]).find((b) => b.buyerKey === buyer.buyerKey)!;
      expect(buyer).toEqual({ ...before, stats: statsOf(orders.filter((o) => o.buyerKey === buyer.buyerKey)) });
    }
    // Computed afresh by today's code, so in today's form (v5): [placedAt ms, totalMinor].
    expect((await db.table<BuyerRecord>('buyers').get('shopee:br:73810455'))?.stats.purchases).toEqual(FIXTURE_LEDGER);
    // The refunded buyer has no purchase to score.
    expect((await db.table<BuyerRecord>('buyers').get('shopee:br:120558734'))?.stats.purchases).toEqual([]);
    expect(await db.table('tags').toArray()).toEqual(v1.tags);
    expect(await db.table('notes').toArray()).toEqual(v1.notes);
    expect(await db.table('captureLog').count()).toBe(1);
    expect(await db.table('rfm').count()).toBe(0);
    expect(await db.table('orderFlags').count()).toBe(0);
    await db.delete();
  });

  it('v2 → v3 puts each buyer’s tier on the buyer and the shop’s scoring on the shop, and drops the rfm table', async () => {
    const name = `migrate-v2-${Date.now()}`;
    (await fixtureDatabase(2, name)).close();
    const v2 = fixture(2);
    // Upgraded on the day the fixture's tiers were scored: the new tier says what the old row said.
    const scoredAt = (v2.rfm as { scoredAt: string }[])[0]!.scoredAt;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.parse(scoredAt));
    const db = new BuyerLensDatabase(name);
    await db.open().finally(() => clock.mockRestore());
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('rfm');

    // The fixture's user chose the 8-class map; the tier is scored afresh with it.
    const old = (v2.rfm as { buyerKey: string; segment: string; r: number; f: number; m: number; values: { frequency: number; monetaryMinor: number } }[])[0]!;
    const buyer = (await db.buyers.get('shopee:br:73810455'))!;
    const { tier, ...rest } = buyer;
    const { searchWords, ...before } = (v2.buyers as (BuyerRecord & { searchWords: string[] })[]).find((b) => b.buyerKey === buyer.buyerKey)!;
    expect(rest).toEqual({ ...before, stats: { ...before.stats, purchases: FIXTURE_LEDGER, currencies: 1 } });
    // Its search words moved to their own table (computed afresh: the name and its words but the first,
    // which the name itself is found by; the id is found through the buyer's key).
    expect(searchWords).toEqual(['73810455', 'mariana.costa92']);
    expect(await db.buyerSearch.get(buyer.buyerKey)).toEqual({ buyerKey: buyer.buyerKey, words: ['mariana.costa92', 'costa92'] });
    expect(await db.buyerSearch.count()).toBe(v2.buyers!.length);
    expect(old.buyerKey).toBe(buyer.buyerKey);
    expect(tier).toEqual({
      segment: old.segment,
      r: old.r,
      f: old.f,
      m: old.m,
      lastPurchaseAt: '2026-05-05T04:00:00.000Z',
      frequency: old.values.frequency,
      monetaryMinor: old.values.monetaryMinor,
      highLow: { r: true, f: true, m: true },
    });
    expect((await db.shops.get('shopee:br'))!.scoring).toMatchObject({
      map: 'cn8',
      windowDays: 365,
      method: 'thresholds',
      peers: 1,
      currency: 'BRL',
      reference: { recencyDays: 26, frequency: 2, monetaryMinor: 14738 },
      scoredAt,
    });
    // The buyer whose only order was refunded, and the shop without purchases, get none.
    expect((await db.buyers.get('shopee:br:120558734'))?.tier).toBeUndefined();
    expect((await db.shops.get('amazon:amazon.com'))?.scoring).toBeUndefined();
    await expectTablesAsIn(db, v2, ['orders', 'orderFlags', 'notes', 'settings']);
    await db.delete();
  });

  it('v3 → v4 gives each shop its latest buyers, drops the buyers\' last-order index, and keeps everything else', async () => {
    const name = `migrate-v3-${Date.now()}`;
    (await fixtureDatabase(3, name)).close();
    const v3 = fixture(3);
    const db = new BuyerLensDatabase(name);
    // Opened on the day the fixture's tiers were scored: the tiers the upgrade rebuilds read as the fixture's.
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.parse((v3.shops as ShopRecord[]).find((s) => s.shopKey === 'shopee:br')!.scoring!.scoredAt));
    await db.open().finally(() => clock.mockRestore());
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.buyers.schema.indexes.map((i) => i.name)).not.toContain('stats.lastOrderAt');

    // Newest order first: the buyer whose last order is 5 May, then the one of 1 May.
    expect((await db.shops.get('shopee:br'))?.recent).toEqual(['shopee:br:73810455', 'shopee:br:120558734']);
    expect((await db.shops.get('amazon:amazon.com'))?.recent).toEqual([]);
    expect((await recentBuyers(db)).map((b) => b.buyerKey)).toEqual(['shopee:br:73810455', 'shopee:br:120558734']);
    for (const shop of await db.shops.toArray()) {
      const { recent: _recent, ...rest } = shop;
      expect(rest).toEqual((v3.shops as ShopRecord[]).find((s) => s.shopKey === shop.shopKey));
    }
    expect((await db.buyers.toArray()).map(withoutLedger)).toEqual((v3.buyers as BuyerRecord[]).map(withoutLedger));
    // Search rows written before v4 keep their extra word, and still find the buyer.
    expect(await db.buyerSearch.toArray()).toEqual(v3.buyerSearch);
    expect((await searchBuyers(db, 'mariana')).map((b) => b.buyerKey)).toEqual(['shopee:br:73810455']);
    await expectTablesAsIn(db, v3, ['orders', 'notes', 'settings']);
    await db.delete();
  });

  it('v4 → v5 stores the purchases ledger as [time, amount] numbers, and the tiers and lists read the same', async () => {
    const name = `migrate-v4-${Date.now()}`;
    (await fixtureDatabase(4, name)).close();
    const v4 = fixture(4);
    const db = new BuyerLensDatabase(name);
    // Opened on the day the fixture's tiers were scored: the tiers the upgrade rebuilds read as the fixture's.
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.parse((v4.shops as ShopRecord[]).find((s) => s.shopKey === 'shopee:br')!.scoring!.scoredAt));
    await db.open().finally(() => clock.mockRestore());
    expect(db.verno).toBe(CURRENT_VERSION);

    const buyers = await db.buyers.toArray();
    expect(buyers.find((b) => b.buyerKey === 'shopee:br:73810455')?.stats.purchases).toEqual(FIXTURE_LEDGER);
    expect(buyers.find((b) => b.buyerKey === 'shopee:br:120558734')?.stats.purchases).toEqual([]);
    expect(buyers.map(withoutLedger)).toEqual((v4.buyers as BuyerRecord[]).map(withoutLedger));
    // Scored again on the day the fixture's tiers were scored, from the converted ledger: no tier moves.
    const scoredAt = (v4.shops as ShopRecord[]).find((s) => s.shopKey === 'shopee:br')!.scoring!.scoredAt;
    expect(await rescoreAll(db, Date.parse(scoredAt))).toBe(0);
    expect(await db.buyers.toArray()).toEqual(buyers);
    await expectTablesAsIn(db, v4, ['shops', 'orders', 'buyerSearch', 'notes', 'settings']);
    await db.delete();
  });

  it('v5 → v6 counts a buyer whose purchases are in two currencies in the latest one, and leaves one-currency buyers’ sums and tiers as they were', async () => {
    const name = `migrate-v5-${Date.now()}`;
    (await fixtureDatabase(5, name)).close();
    const v5 = fixture(5);
    const db = new BuyerLensDatabase(name);
    const scoredAt = (v5.shops as ShopRecord[]).find((s) => s.shopKey === 'shopee:br')!.scoring!.scoredAt;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.parse(scoredAt));
    await db.open().finally(() => clock.mockRestore());
    expect(db.verno).toBe(CURRENT_VERSION);

    // v5 counted her in BRL, the currency of the first purchase captured; the shop now sells in USD.
    const renata = (await db.buyers.get('shopee:br:90412267'))!;
    const before = (v5.buyers as BuyerRecord[]).find((b) => b.buyerKey === renata.buyerKey)!;
    expect(before.stats).toMatchObject({ currency: 'BRL', spentMinor: 12990 });
    expect(renata.stats).toMatchObject({ currency: 'USD', currencies: 2, spentMinor: 2450, paidOrderCount: 2 });
    expect(renata.stats.purchases).toEqual([
      [Date.parse('2026-03-02T14:10:05.000Z'), 0],
      [Date.parse('2026-04-20T09:31:44.000Z'), 2450],
    ]);
    expect(renata.stats).toEqual(statsOf((await db.orders.toArray()).filter((o) => o.buyerKey === renata.buyerKey)));
    // One-currency buyers: the same aggregates (with their count of currencies) and the same tier.
    for (const buyer of (await db.buyers.toArray()).filter((b) => b.buyerKey !== renata.buyerKey)) {
      const old = (v5.buyers as BuyerRecord[]).find((b) => b.buyerKey === buyer.buyerKey)!;
      expect(buyer).toEqual({ ...old, stats: { ...old.stats, currencies: buyer.stats.paidOrderCount > 0 ? 1 : 0 } });
    }
    expect((await db.shops.get('shopee:br'))?.recent).toContain(renata.buyerKey);
    await expectTablesAsIn(db, v5, ['orders', 'notes', 'settings', 'buyerSearch', 'orderFlags']);
    await db.delete();
  });

  it('v6 → v7 lists every buyer in the buyers table’s rows, each sort’s index holding those with a value', async () => {
    const name = `migrate-v6-${Date.now()}`;
    (await fixtureDatabase(5, name)).close();
    const v6 = new Dexie(name);
    declareVersions(v6, 6);
    await v6.open();
    const buyers = await v6.table<BuyerRecord>('buyers').toArray();
    v6.close();
    const db = new BuyerLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const rows = await db.buyerList.toArray();
    expect(rows.map((r) => r.buyerKey)).toEqual(buyers.map((b) => b.buyerKey));
    const renata = rows.find((r) => r.buyerKey === 'shopee:br:90412267')!;
    expect(renata).toMatchObject({ currency: 'USD', spentMinor: 2450, orders: buyers.find((b) => b.buyerKey === renata.buyerKey)!.stats.orderCount });
    // Buyers without a purchase have no last order: not in that sort's index, listed after it.
    const withLast = rows.filter((r) => r.lastOrderAt !== undefined).length;
    expect(await db.buyerList.orderBy('[lastOrderAt+buyerKey]').count()).toBe(withLast);
    expect(await db.buyerList.orderBy('[orders+buyerKey]').count()).toBe(rows.length);
    // The upgrade's own writes to the buyers are done with: nothing is left to make again.
    expect(await db.buyerListDirty.count()).toBe(0);
    await db.delete();
  });

  it('v7 → v8 keeps every tag and lets two tags share a name (team members may make them at once); the sync tables start empty', async () => {
    const name = `migrate-v7-${Date.now()}`;
    (await fixtureDatabase(5, name)).close();
    const v7 = new Dexie(name);
    declareVersions(v7, 7);
    await v7.open();
    const tags = await v7.table('tags').toArray();
    await expect(v7.table('tags').add({ ...tags[0], id: 'other' })).rejects.toThrow();
    v7.close();
    const db = new BuyerLensDatabase(name);
    await db.open();
    expect(await db.tags.toArray()).toEqual(tags);
    await db.tags.add({ ...tags[0]!, id: 'other' });
    expect(await db.tags.where('name').equals(tags[0]!.name).count()).toBe(2);
    expect([await db.syncUpdates.count(), await db.syncOutbox.count()]).toEqual([0, 0]);
    await db.delete();
  });

  it('v5 ledger conversion keeps (time, amount) order and leaves converted entries as they are', () => {
    const t = Date.parse('2026-05-04T17:26:53.000Z');
    expect(
      compactLedger([
        ['shopee:br:2', '2026-05-04T17:26:53.000Z', 900],
        ['shopee:br:1', '2026-05-04T17:26:53.000Z', 100],
        [t - 1000, 50],
      ]),
    ).toEqual([
      [t - 1000, 50],
      [t, 100],
      [t, 900],
    ]);
    const converted = { stats: { purchases: [[t, 100]] } };
    expect(withCompactLedger(converted)).toBe(converted);
  });

  it('leaves the data as it was when an upgrade fails', async () => {
    const name = `migrate-fail-${Date.now()}`;
    (await fixtureDatabase(1, name)).close();
    const broken = new Dexie(name);
    broken.version(1).stores({ buyers: 'buyerKey' });
    broken.version(2).stores({ buyers: 'buyerKey' }).upgrade(async (tx) => {
      await tx.table('buyers').clear();
      throw new Error('upgrade failed half-way');
    });
    await expect(broken.open()).rejects.toThrow(/upgrade failed half-way/);
    broken.close();
    const still = new Dexie(name);
    declareVersions(still, 1);
    await still.open();
    expect(await still.table('buyers').count()).toBe(2);
    await still.delete();
  });
});
