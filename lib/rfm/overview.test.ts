import { describe, expect, it } from 'vitest';
import type { RfmTier } from '../schema/records';
import { summarizeShop } from './overview';
import { ATTENTION_SEGMENTS } from './segments';
import type { Segment } from '../schema/rfm';

function record(buyerKey: string, segment: Segment, r: number, f: number, monetaryMinor: number, recencyDays = 10): RfmTier {
  return {
    buyerKey,
    shopKey: 'shopee:br',
    map: segment.startsWith('important') || segment.startsWith('general') ? 'cn8' : 'rfm11',
    segment,
    r,
    f,
    m: 3,
    values: { recencyDays, frequency: f, monetaryMinor },
    method: 'thresholds',
    peers: 4,
    windowDays: 365,
    scoredAt: '2026-11-01T00:00:00.000Z',
  };
}

describe('summarizeShop', () => {
  const records = [
    record('shopee:br:1', 'champions', 5, 5, 90_000),
    record('shopee:br:2', 'at-risk', 2, 3, 40_000),
    record('shopee:br:3', 'cant-lose-them', 1, 5, 120_000, 300),
    record('shopee:br:4', 'champions', 5, 4, 50_000),
  ];

  it('counts buyers and revenue per segment, with every segment of the map listed', () => {
    const summary = summarizeShop(records, 'rfm11');
    expect(summary.scored).toBe(4);
    expect(summary.segments).toHaveLength(11);
    expect(summary.segments.find((s) => s.segment === 'champions')).toEqual({ segment: 'champions', buyers: 2, revenueMinor: 140_000 });
    expect(summary.segments.find((s) => s.segment === 'lost')).toEqual({ segment: 'lost', buyers: 0, revenueMinor: 0 });
    expect(summary.segments.reduce((sum, s) => sum + s.buyers, 0)).toBe(4);
  });

  it('places each buyer in the R×F grid cell of their scores', () => {
    const { grid } = summarizeShop(records, 'rfm11');
    expect(grid[4]![4]).toBe(1);
    expect(grid[4]![3]).toBe(1);
    expect(grid[1]![2]).toBe(1);
    expect(grid[0]![4]).toBe(1);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('lists top buyers by monetary value and the ones needing attention, most valuable first', () => {
    const summary = summarizeShop(records, 'rfm11', 3);
    expect(summary.top.map((r) => r.buyerKey)).toEqual(['shopee:br:3', 'shopee:br:1', 'shopee:br:4']);
    expect(summary.attention.map((r) => r.buyerKey)).toEqual(['shopee:br:3', 'shopee:br:2']);
  });

  it('picks the same top and attention buyers as sorting every buyer would, ties on money broken by recency, then key', () => {
    const segments: Segment[] = ['champions', 'at-risk', 'cant-lose-them', 'hibernating', 'loyal'];
    // Few distinct amounts and recencies: many ties, in an order unlike the answer's.
    const many = Array.from({ length: 400 }, (_, i) =>
      record(`shopee:br:${(i * 7919) % 1000}`, segments[i % 5]!, 1 + (i % 5), 1 + ((i >> 2) % 5), ((i * 31) % 9) * 1000, (i * 13) % 4),
    );
    const byValue = (a: RfmTier, b: RfmTier) =>
      b.values.monetaryMinor - a.values.monetaryMinor || a.values.recencyDays - b.values.recencyDays || a.buyerKey.localeCompare(b.buyerKey);
    const sorted = [...many].sort(byValue);
    const summary = summarizeShop(many, 'rfm11', 7);
    expect(summary.top.map((r) => r.buyerKey)).toEqual(sorted.slice(0, 7).map((r) => r.buyerKey));
    const attention = sorted.filter((r) => ATTENTION_SEGMENTS.includes(r.segment));
    expect(summary.attention.map((r) => r.buyerKey)).toEqual(attention.slice(0, 7).map((r) => r.buyerKey));
  });

  it('ignores records left from another segment map while a re-score is pending', () => {
    const summary = summarizeShop([...records, record('shopee:br:5', 'important-value', 5, 5, 1)], 'rfm11');
    expect(summary.scored).toBe(4);
    expect(summarizeShop(records, 'cn8').scored).toBe(0);
  });
});
