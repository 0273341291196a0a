import { describe, expect, it } from 'vitest';
import { emptyStats } from '../schema/records';
import { latestBuyers } from './recent';

const buyer = (buyerKey: string, lastOrderAt?: string) => ({ buyerKey, stats: { ...emptyStats(), ...(lastOrderAt ? { lastOrderAt } : {}) } });

describe('latestBuyers', () => {
  it('keeps the buyers with the latest orders, newest first, ties by key, none without an order', () => {
    const buyers = [
      buyer('s:a', '2026-11-01T10:00:00.000Z'),
      buyer('s:b'),
      buyer('s:c', '2026-11-03T10:00:00.000Z'),
      buyer('s:d', '2026-11-02T10:00:00.000Z'),
      buyer('s:e', '2026-11-03T10:00:00.000Z'),
      buyer('s:f', '2026-10-30T10:00:00.000Z'),
    ];
    expect(latestBuyers(buyers, 3)).toEqual(['s:c', 's:e', 's:d']);
    expect(latestBuyers([...buyers].reverse(), 3)).toEqual(['s:c', 's:e', 's:d']);
    expect(latestBuyers(buyers)).toEqual(['s:c', 's:e', 's:d', 's:a', 's:f']);
  });

  it('finds the latest among many in one pass', () => {
    const many = Array.from({ length: 5000 }, (_, i) => buyer(`s:${String(i).padStart(4, '0')}`, new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 5000) * 60_000).toISOString()));
    const expected = [...many].sort((a, b) => b.stats.lastOrderAt!.localeCompare(a.stats.lastOrderAt!)).slice(0, 30).map((b) => b.buyerKey);
    expect(latestBuyers(many)).toEqual(expected);
  });
});
