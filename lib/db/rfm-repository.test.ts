import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CapturedOrder } from '../schema/capture';
import { applyCapture } from './capture-repository';
import type { BuyerLensDatabase } from './database';
import { rescoreAll, rescoreShop, saveRfmSettings } from './rfm-repository';
import { InvalidSettingsError, loadRfmSettings } from './settings-queries';
import { freshDatabase } from './test-db';
import { rfmValues } from '../rfm/score';
import { tierOf } from '../rfm/tier';
import { recentBuyers, shopOverview } from './queries';

const NOW = Date.UTC(2026, 10, 23, 12);
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
let db: BuyerLensDatabase;

async function buy(buyer: string, id: string, days: number, minor: number, status: CapturedOrder['status'] = 'completed') {
  await applyCapture(db, {
    adapterId: 'shopee',
    pageKind: 'order-list',
    pageUrl: 'https://seller.shopee.com.br/portal/sale/order',
    source: 'network',
    capturedAt: new Date(NOW).toISOString(),
    shops: [{ shopKey: 'shopee:br', adapterId: 'shopee', currency: 'BRL' }],
    buyers: [],
    orders: [{ orderKey: `shopee:br:${id}`, orderId: id, shopKey: 'shopee:br', buyerKey: `shopee:br:${buyer}`, status, totalMinor: minor, currency: 'BRL', placedAt: daysAgo(days) }],
    problems: [],
  });
}

beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  await db.delete();
});

const storedTier = async (id: string) => (await db.buyers.get(`shopee:br:${id}`))?.tier;

describe('RFM store', () => {
  it('scores a shop from the buyers’ aggregates and writes only what changed', async () => {
    await buy('1', 'a', 5, 150000);
    await buy('1', 'b', 20, 150000); // R$3,000 against BRL cut-offs [250, 750, 2000, 5000] → M4
    await buy('2', 'c', 300, 1000);
    await buy('3', 'd', 10, 5000, 'refunded');
    expect(await rescoreShop(db, 'shopee:br', NOW)).toBe(2);
    expect(await storedTier('1')).toEqual({ segment: 'potential-loyalist', r: 5, f: 2, m: 4, lastPurchaseAt: daysAgo(5), frequency: 2, monetaryMinor: 300000 });
    expect(await storedTier('2')).toMatchObject({ r: 1, f: 1, m: 1, segment: 'lost' });
    // The buyer whose only order was refunded has no tier.
    expect(await storedTier('3')).toBeUndefined();
    const { summary, ...scoring } = (await db.shops.get('shopee:br'))!.scoring!;
    expect(scoring).toEqual({
      map: 'rfm11',
      windowDays: 365,
      method: 'thresholds',
      peers: 2,
      currency: 'BRL',
      scoredAt: new Date(NOW).toISOString(),
    });
    // The shop overview, kept with the scoring: the panel reads it and the buyers it lists.
    expect(summary).toMatchObject({ scored: 2, top: ['shopee:br:1', 'shopee:br:2'], attention: [] });
    expect(summary?.segments.find((s) => s.segment === 'lost')).toEqual({ segment: 'lost', buyers: 1, revenueMinor: 1000 });
    const overview = await shopOverview(db, 'shopee:br', 'rfm11');
    expect(overview.summary.top.map((t) => [t.buyerKey, t.segment])).toEqual([
      ['shopee:br:1', 'potential-loyalist'],
      ['shopee:br:2', 'lost'],
    ]);
    expect([...overview.buyers.keys()].sort()).toEqual(['shopee:br:1', 'shopee:br:2']);
    // Until the shop is scored with the map the user chose, the overview is empty rather than wrong.
    expect((await shopOverview(db, 'shopee:br', 'cn8')).summary.scored).toBe(0);
    expect(await rescoreShop(db, 'shopee:br', NOW)).toBe(0);
  });

  it('keeps the shop’s latest buyers with its scoring, for the panel’s recent buyers', async () => {
    await buy('1', 'a', 30, 1000);
    await buy('2', 'b', 2, 1000, 'unpaid');
    await buy('3', 'c', 10, 1000);
    // Until the shop is scored, nobody is listed; after, newest order first (an unpaid order counts).
    expect(await recentBuyers(db)).toEqual([]);
    await rescoreShop(db, 'shopee:br', NOW);
    expect((await recentBuyers(db)).map((b) => b.buyerKey)).toEqual(['shopee:br:2', 'shopee:br:3', 'shopee:br:1']);
    await buy('1', 'd', 1, 1000);
    await rescoreAll(db, NOW);
    expect((await recentBuyers(db, 2)).map((b) => b.buyerKey)).toEqual(['shopee:br:1', 'shopee:br:2']);
  });

  it('shows a tier with the values it was scored on, recency counted to the shop’s scoring time', async () => {
    await buy('1', 'a', 5, 150000);
    await buy('1', 'b', 400, 2000); // outside the 365-day window
    await rescoreAll(db, NOW);
    const buyer = (await db.buyers.get('shopee:br:1'))!;
    const shop = await db.shops.get('shopee:br');
    expect(tierOf(buyer, shop)).toEqual({
      buyerKey: 'shopee:br:1',
      shopKey: 'shopee:br',
      segment: 'potential-loyalist',
      r: 5,
      f: 1,
      m: 3, // R$1,500 within the window
      values: rfmValues(buyer.stats.purchases, 365, NOW),
      map: 'rfm11',
      windowDays: 365,
      method: 'thresholds',
      peers: 1,
      currency: 'BRL',
      scoredAt: new Date(NOW).toISOString(),
    });
    expect(tierOf(buyer, shop)?.values).toEqual({ recencyDays: 5, frequency: 1, monetaryMinor: 150000 });
    // Another shop's scoring never dresses this buyer's tier.
    expect(tierOf(buyer, { ...shop!, shopKey: 'shopee:my' })).toBeUndefined();
  });

  it('rewrites no tier on a new day unless its scores change', async () => {
    await buy('1', 'a', 5, 150000);
    await buy('2', 'b', 28, 1000); // R5 (≤ 30 days) today, R4 in three days
    await rescoreAll(db, NOW);
    const before = await storedTier('1');
    expect(await rescoreAll(db, NOW + 86_400_000)).toBe(0);
    expect(await rescoreAll(db, NOW + 3 * 86_400_000)).toBe(1);
    expect(await storedTier('1')).toEqual(before);
    expect(await storedTier('2')).toMatchObject({ r: 4 });
    // Recency is counted to the shop's scoring time.
    expect((await db.shops.get('shopee:br'))?.scoring?.scoredAt).toBe(new Date(NOW + 3 * 86_400_000).toISOString());
  });

  it('drops a tier when its buyer’s only purchase is refunded', async () => {
    await buy('1', 'a', 5, 1000);
    await rescoreAll(db, NOW);
    await buy('1', 'a', 5, 1000, 'refunded');
    await rescoreAll(db, NOW);
    expect(await storedTier('1')).toBeUndefined();
    expect((await db.shops.get('shopee:br'))?.scoring).toBeUndefined();
  });

  it('leaves buyers of other shops alone, also those keyed inside this shop’s key range', async () => {
    await buy('1', 'a', 5, 1000);
    await rescoreAll(db, NOW);
    // A record from before keys were checked against their shop: keyed under shopee:br, in shopee:br2.
    const stray = { ...(await db.buyers.get('shopee:br:1'))!, buyerKey: 'shopee:br:x', shopKey: 'shopee:br2' };
    const { tier: _tier, ...unscored } = stray;
    await db.buyers.put(unscored);
    expect(await rescoreShop(db, 'shopee:br', NOW)).toBe(0);
    expect(await db.buyers.get('shopee:br:x')).toEqual(unscored);
  });

  it('re-scores with the map and window the user chose', async () => {
    await buy('1', 'a', 100, 1000);
    await saveRfmSettings(db, { ...(await loadRfmSettings(db)), map: 'cn8', windowDays: 30 });
    await rescoreAll(db, NOW);
    expect(await storedTier('1')).toMatchObject({ segment: 'important-value', frequency: 0 });
    expect((await db.shops.get('shopee:br'))?.scoring).toMatchObject({ map: 'cn8', windowDays: 30 });
  });

  it('refuses stored settings that do not validate instead of using defaults', async () => {
    await db.settings.put({ key: 'rfm', value: { windowDays: -1 } });
    await expect(loadRfmSettings(db)).rejects.toThrow(InvalidSettingsError);
  });
});
