import { describe, expect, it } from 'vitest';
import { statsOf } from '@/lib/db/aggregates';
import { averageDaysBetween } from './BuyerCard';

const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d, 9)).toISOString();

describe('days between purchases on the buyer card', () => {
  it('is the mean gap between the first and the last purchase, whatever order the orders came in', () => {
    const stats = statsOf([
      { status: 'completed', totalMinor: 100, currency: 'BRL', placedAt: day(30) },
      { status: 'completed', totalMinor: 100, currency: 'BRL', placedAt: day(0) },
      { status: 'cancelled', totalMinor: 100, currency: 'BRL', placedAt: day(45) },
      { status: 'shipped', totalMinor: 100, currency: 'BRL', placedAt: day(10) },
    ]);
    expect(averageDaysBetween(stats)).toBe(15);
  });

  it('says nothing with fewer than two purchases', () => {
    expect(averageDaysBetween(statsOf([{ status: 'completed', totalMinor: 100, currency: 'BRL', placedAt: day(3) }]))).toBeUndefined();
  });
});
