import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CapturedOrder } from '../schema/capture';
import { applyCapture } from './capture-repository';
import type { BuyerLensDatabase } from './database';
import { InvalidSettingsError, loadRfmSettings, rescoreAll, rescoreShop, saveRfmSettings } from './rfm-repository';
import { freshDatabase } from './test-db';

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

describe('RFM store', () => {
  it('scores a shop from the buyers’ aggregates and writes only what changed', async () => {
    await buy('1', 'a', 5, 150000);
    await buy('1', 'b', 20, 150000); // R$3,000 against BRL cut-offs [250, 750, 2000, 5000] → M4
    await buy('2', 'c', 300, 1000);
    await buy('3', 'd', 10, 5000, 'refunded');
    expect(await rescoreShop(db, 'shopee:br', NOW)).toBe(2);
    expect(await db.rfm.get('shopee:br:1')).toMatchObject({ r: 5, f: 2, m: 4, segment: 'potential-loyalist', method: 'thresholds', peers: 2, currency: 'BRL' });
    expect(await db.rfm.get('shopee:br:2')).toMatchObject({ r: 1, f: 1, m: 1, segment: 'lost' });
    // The buyer whose only order was refunded has no tier.
    expect(await db.rfm.get('shopee:br:3')).toBeUndefined();
    expect(await rescoreShop(db, 'shopee:br', NOW)).toBe(0);
  });

  it('drops a tier when its buyer’s only purchase is refunded', async () => {
    await buy('1', 'a', 5, 1000);
    await rescoreAll(db, NOW);
    await buy('1', 'a', 5, 1000, 'refunded');
    await rescoreAll(db, NOW);
    expect(await db.rfm.count()).toBe(0);
  });

  it('leaves the tiers of other shops alone, also those keyed inside this shop’s key range', async () => {
    await buy('1', 'a', 5, 1000);
    await buy('2', 'b', 5, 1000);
    await rescoreAll(db, NOW);
    // A record from before keys were checked against their shop: keyed under shopee:br, in shopee:br2.
    const stray = { ...(await db.rfm.get('shopee:br:2'))!, buyerKey: 'shopee:br:x', shopKey: 'shopee:br2' };
    const neighbour = { ...stray, buyerKey: 'shopee:br2:1' };
    await db.rfm.bulkPut([stray, neighbour]);
    expect(await rescoreShop(db, 'shopee:br', NOW)).toBe(0);
    expect(await db.rfm.bulkGet(['shopee:br:x', 'shopee:br2:1'])).toEqual([stray, neighbour]);
  });

  it('re-scores with the map and window the user chose', async () => {
    await buy('1', 'a', 100, 1000);
    await saveRfmSettings(db, { ...(await loadRfmSettings(db)), map: 'cn8', windowDays: 30 });
    await rescoreAll(db, NOW);
    expect(await db.rfm.get('shopee:br:1')).toMatchObject({ map: 'cn8', segment: 'important-value', windowDays: 30, values: { frequency: 0 } });
  });

  it('refuses stored settings that do not validate instead of using defaults', async () => {
    await db.settings.put({ key: 'rfm', value: { windowDays: -1 } });
    await expect(loadRfmSettings(db)).rejects.toThrow(InvalidSettingsError);
  });
});
