import { describe, expect, it } from 'vitest';
import { statsOf } from '../db/aggregates';
import { MIN_BUYERS_FOR_QUINTILES, quintileScores, rfmValues, scoreShop, type BuyerForScoring, type Purchase } from './score';
import { rfm11Segment } from './segments';
import { defaultRfmSettings } from './settings';

const NOW = Date.UTC(2026, 10, 23, 12);
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
const buy = (d: number, minor: number): Purchase => [NOW - d * 86_400_000, minor];
const settings = defaultRfmSettings();
const shop = { settings, shopKey: 'shopee:br', currency: 'BRL', now: NOW };

describe('RFM values', () => {
  it('takes recency from the last purchase and F, M from the window', () => {
    expect(rfmValues([buy(10, 1000), buy(100, 2000), buy(400, 5000)], 365, NOW)).toEqual({ recencyDays: 10, frequency: 2, monetaryMinor: 3000 });
  });

  it('counts a purchase exactly at the window edge, not one a second older', () => {
    const edge = NOW - 365 * 86_400_000;
    const at = (ms: number): Purchase => [ms, 100];
    expect(rfmValues([at(edge)], 365, NOW)?.frequency).toBe(1);
    expect(rfmValues([at(edge - 1000)], 365, NOW)).toEqual({ recencyDays: 365, frequency: 0, monetaryMinor: 0 });
  });

  it('has nothing to score for a buyer whose only order was refunded', () => {
    const stats = statsOf([{ status: 'refunded', totalMinor: 5000, currency: 'BRL', placedAt: daysAgo(3) }]);
    expect(stats.purchases).toEqual([]);
    expect(rfmValues(stats.purchases, 365, NOW)).toBeUndefined();
    expect(scoreShop([{ buyerKey: 'shopee:br:1', purchases: stats.purchases }], shop)).toEqual([]);
  });
});

describe('quintile scores', () => {
  it('fill the quintiles evenly for distinct values', () => {
    expect(quintileScores([1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5]);
    const ten = quintileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(ten).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('give ties the same score (mid-rank)', () => {
    // below/ties for 5: 0/3 → p .3 → 2; for 7: 3/1 → p .7 → 4; for 9: 4/1 → p .9 → 5
    expect(quintileScores([5, 5, 5, 7, 9])).toEqual([2, 2, 2, 4, 5]);
  });

  it('score all-equal values 3', () => {
    expect(quintileScores([4, 4, 4, 4, 4, 4])).toEqual([3, 3, 3, 3, 3, 3]);
  });
});

describe('scoring a shop', () => {
  it('scores a one-buyer shop by thresholds', () => {
    const [only] = scoreShop([{ buyerKey: 'k', purchases: [buy(20, 30000), buy(50, 25000), buy(90, 60000)] }], shop);
    // 20 days ≤ 30 → R5; 3 purchases ≥ 3 → F3; R$1,150 with BRL cut-offs [250, 750, 2000, 5000] → M3
    expect(only).toMatchObject({ r: 5, f: 3, m: 3, method: 'thresholds', peers: 1, segment: 'potential-loyalist' });
  });

  it('uses quintiles from the minimum number of buyers on, thresholds below it', () => {
    const buyers = (n: number): BuyerForScoring[] =>
      Array.from({ length: n }, (_, i) => ({ buyerKey: `b${i}`, purchases: Array.from({ length: 1 + (i % 5) }, (_, j) => buy(5 + i * 3 + j, 1000 * (i + 1))) }));
    expect(scoreShop(buyers(MIN_BUYERS_FOR_QUINTILES - 1), shop)[0]?.method).toBe('thresholds');
    const scores = scoreShop(buyers(MIN_BUYERS_FOR_QUINTILES), shop);
    expect(scores[0]?.method).toBe('quintiles');
    // 25 distinct recencies: 5 buyers per R score.
    for (let s = 1; s <= 5; s++) expect(scores.filter((x) => x.r === s)).toHaveLength(5);
    // The most recent buyer has R 5, the least recent R 1.
    expect(scores[0]?.r).toBe(5);
    expect(scores[24]?.r).toBe(1);
  });

  it('gives every buyer of a shop of identical buyers the same tier', () => {
    const same = Array.from({ length: 30 }, (_, i) => ({ buyerKey: `b${i}`, purchases: [buy(10, 5000)] }));
    const scores = scoreShop(same, shop);
    expect(new Set(scores.map((s) => `${s.r}${s.f}${s.m}${s.segment}`))).toEqual(new Set(['333need-attention']));
  });

  it('maps R and FM to the 11 segments', () => {
    expect(rfm11Segment(5, 5, 5)).toBe('champions');
    expect(rfm11Segment(5, 1, 1)).toBe('new-customers');
    expect(rfm11Segment(4, 1, 1)).toBe('promising');
    expect(rfm11Segment(3, 3, 3)).toBe('need-attention');
    expect(rfm11Segment(2, 4, 3)).toBe('at-risk');
    expect(rfm11Segment(1, 5, 4)).toBe('cant-lose-them');
    expect(rfm11Segment(1, 1, 2)).toBe('lost');
    expect(rfm11Segment(2, 2, 1)).toBe('hibernating');
    expect(rfm11Segment(4, 4, 3)).toBe('loyal');
  });

  it('classes buyers high or low against the shop average for the 8-class map', () => {
    // Averages: recency (10 + 200)/2 = 105 days, frequency 3, monetary R$2,000.
    const scores = scoreShop(
      [
        { buyerKey: 'recent-big', purchases: [buy(10, 100000), buy(40, 100000), buy(60, 100000), buy(80, 100000), buy(100, 0)] },
        { buyerKey: 'old-small', purchases: [buy(200, 0)] },
      ],
      { ...shop, map: 'cn8' },
    );
    expect(scores.map((s) => [s.buyerKey, s.segment])).toEqual([
      ['recent-big', 'important-value'],
      ['old-small', 'general-winback'],
    ]);
    expect(scores[0]?.reference).toEqual({ recencyDays: 105, frequency: 3, monetaryMinor: 200000 });
  });

  it('calls a shop’s only buyer its most important (at the average counts as high)', () => {
    const [only] = scoreShop([{ buyerKey: 'k', purchases: [buy(300, 100)] }], { ...shop, map: 'cn8' });
    expect(only?.segment).toBe('important-value');
  });

  it('can set the 8-class reference values instead of the average', () => {
    const [buyer] = scoreShop([{ buyerKey: 'k', purchases: [buy(10, 15000)] }], {
      ...shop,
      map: 'cn8',
      settings: { ...settings, cn8Reference: { kind: 'custom', recencyDays: 30, frequency: 2, monetaryMajor: 100 } },
    });
    expect(buyer).toMatchObject({ highLow: { r: true, f: false, m: true }, segment: 'important-development' });
  });
});
