import { describe, expect, it } from 'vitest';
import { filterRows, sortRows, type BuyerRow } from './list';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const ago = (days: number) => new Date(NOW - days * 86_400_000).toISOString();

function row(key: string, over: Partial<BuyerRow> = {}): BuyerRow {
  const name = over.name ?? key;
  return {
    buyerKey: `shopee:br:${key}`,
    name,
    adapterId: 'shopee',
    shopKey: 'shopee:br',
    platformBuyerId: key,
    tagIds: [],
    segment: undefined,
    r: undefined,
    f: undefined,
    m: undefined,
    orders: 1,
    spentMinor: 1000,
    currency: 'BRL',
    firstOrderAt: ago(100),
    lastOrderAt: ago(10),
    hasNotes: false,
    sortName: name.toLowerCase(),
    ...over,
  };
}

const rows = [
  row('ana', { tagIds: ['vip'], lastOrderAt: ago(90), spentMinor: 150_000, orders: 7, segment: 'at-risk' }),
  row('bia', { tagIds: ['vip', 'wholesale'], lastOrderAt: ago(5), spentMinor: 90_000, orders: 4, segment: 'champions', hasNotes: true }),
  row('caio', { tagIds: ['wholesale'], lastOrderAt: ago(61), spentMinor: 5_000 }),
  row('王小明', { shopKey: 'amazon:amazon.com', adapterId: 'amazon', currency: 'USD', lastOrderAt: undefined, orders: 0, spentMinor: 0 }),
];
const keys = (list: BuyerRow[]) => list.map((r) => r.platformBuyerId);

describe('filterRows', () => {
  it('"VIP buyers on Shopee BR who have not ordered in 60 days"', () => {
    expect(keys(filterRows(rows, { tagMode: 'any', tagIds: ['vip'], shopKeys: ['shopee:br'], lastOrderOlderThanDays: 60 }, NOW))).toEqual(['ana']);
  });

  it('tags: any, all, none', () => {
    expect(keys(filterRows(rows, { tagMode: 'any', tagIds: ['vip', 'wholesale'] }, NOW))).toEqual(['ana', 'bia', 'caio']);
    expect(keys(filterRows(rows, { tagMode: 'all', tagIds: ['vip', 'wholesale'] }, NOW))).toEqual(['bia']);
    expect(keys(filterRows(rows, { tagMode: 'none', tagIds: ['vip'] }, NOW))).toEqual(['caio', '王小明']);
  });

  it('spent range in major units, order count, segment, notes, recent orders, search', () => {
    expect(keys(filterRows(rows, { tagMode: 'any', spentMin: 900, spentMax: 1500 }, NOW))).toEqual(['ana', 'bia']);
    expect(keys(filterRows(rows, { tagMode: 'any', ordersMin: 4, ordersMax: 5 }, NOW))).toEqual(['bia']);
    expect(keys(filterRows(rows, { tagMode: 'any', segments: ['champions', 'at-risk'] }, NOW))).toEqual(['ana', 'bia']);
    expect(keys(filterRows(rows, { tagMode: 'any', hasNotes: true }, NOW))).toEqual(['bia']);
    expect(keys(filterRows(rows, { tagMode: 'any', lastOrderWithinDays: 30 }, NOW))).toEqual(['bia']);
    expect(keys(filterRows(rows, { tagMode: 'any', query: '王' }, NOW))).toEqual(['王小明']);
    expect(filterRows(rows, { tagMode: 'any' }, NOW)).toHaveLength(4);
  });
});

describe('sortRows', () => {
  it('sorts by any column, both ways, with missing values last', () => {
    expect(keys(sortRows(rows, { key: 'spentMinor', dir: 'desc' }))).toEqual(['ana', 'bia', 'caio', '王小明']);
    expect(keys(sortRows(rows, { key: 'lastOrderAt', dir: 'asc' }))).toEqual(['ana', 'caio', 'bia', '王小明']);
    expect(keys(sortRows(rows, { key: 'lastOrderAt', dir: 'desc' }))).toEqual(['bia', 'caio', 'ana', '王小明']);
    expect(keys(sortRows(rows, { key: 'segment', dir: 'asc' }))).toEqual(['ana', 'bia', 'caio', '王小明']);
  });
});
