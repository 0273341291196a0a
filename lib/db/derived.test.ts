import { describe, expect, it } from 'vitest';
import type { BuyerRecord, OrderRecord, ShopRecord } from '../schema/records';
import { statsOf } from './aggregates';
import { rebuildDerived } from './derived';

const now = Date.parse('2026-11-01T00:00:00.000Z');
const order = (id: string, placedAt: string, totalMinor: number): OrderRecord => ({
  orderKey: `shopee:br:${id}`,
  orderId: id,
  shopKey: 'shopee:br',
  buyerKey: 'shopee:br:1',
  adapterId: 'shopee',
  status: 'completed',
  totalMinor,
  currency: 'BRL',
  placedAt,
  sortAt: placedAt,
  firstSeenAt: placedAt,
  updatedAt: placedAt,
});
const orders = [order('a', '2026-09-01T10:00:00.000Z', 5000), order('b', '2026-10-20T10:00:00.000Z', 7000)];
const buyer: BuyerRecord = {
  buyerKey: 'shopee:br:1',
  shopKey: 'shopee:br',
  adapterId: 'shopee',
  platformBuyerId: '1',
  displayName: 'Ana Souza',
  tagIds: [],
  stats: { ...statsOf([]), purchases: [] },
  firstSeenAt: '2026-09-01T10:00:00.000Z',
  updatedAt: '2026-10-20T10:00:00.000Z',
};
const shop: ShopRecord = { shopKey: 'shopee:br', adapterId: 'shopee', currency: 'BRL', firstSeenAt: '2026-09-01T10:00:00.000Z', updatedAt: '2026-10-20T10:00:00.000Z' };

describe('rebuilding derived data after the migration ladder', () => {
  it('rebuilds what the steps left stale, in order: aggregates, search words, tiers, latest buyers', () => {
    const out = rebuildDerived({ buyers: [buyer], shops: [shop], settings: [], orders }, new Set(['stats', 'search', 'tiers', 'recent']), now);
    expect(out.buyers[0]!.stats).toEqual(statsOf(orders));
    expect(out.buyerSearch).toEqual([{ buyerKey: 'shopee:br:1', words: ['ana souza', 'souza'] }]);
    expect(out.buyers[0]!.tier).toMatchObject({ frequency: 2, monetaryMinor: 12000 });
    expect(out.shops[0]).toMatchObject({ scoring: { scoredAt: new Date(now).toISOString() }, recent: ['shopee:br:1'] });
  });

  it('leaves what is not stale as it was', () => {
    const out = rebuildDerived({ buyers: [buyer], shops: [shop], settings: [] }, new Set(), now);
    expect(out.buyers[0]).toBe(buyer);
    expect(out.shops[0]).toBe(shop);
    expect(out.buyerSearch).toBeUndefined();
  });

  it('scores nothing with stored RFM settings that do not validate, and still gives each shop its latest buyers', () => {
    const withStats = { ...buyer, stats: statsOf(orders) };
    const out = rebuildDerived({ buyers: [withStats], shops: [shop], settings: [{ key: 'rfm', value: { windowDays: -1 } }] }, new Set(['tiers', 'recent']), now);
    expect(out.buyers[0]!.tier).toBeUndefined();
    expect(out.shops[0]!.scoring).toBeUndefined();
    expect(out.shops[0]!.recent).toEqual(['shopee:br:1']);
  });
});
