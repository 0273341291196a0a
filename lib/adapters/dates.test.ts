import { describe, expect, it } from 'vitest';
import { epochSecondsToIso, parseConsoleDate } from './dates';

describe('dates', () => {
  it('reads epoch seconds, also Amazon’s float form', () => {
    expect(epochSecondsToIso(1.636992286776e9)).toBe('2021-11-15T16:04:46.776Z');
    expect(epochSecondsToIso(1718503395)).toBe('2024-06-16T02:03:15.000Z');
    expect(epochSecondsToIso(0)).toBeUndefined();
    expect(epochSecondsToIso(null)).toBeUndefined();
  });

  it.each([1e308, -1, -1e308, 253402300800, Number.NaN, Infinity])('reads %s seconds as a missing date and says why, without throwing', (seconds) => {
    const reasons: string[] = [];
    expect(epochSecondsToIso(seconds, (reason) => reasons.push(reason))).toBeUndefined();
    expect(reasons).toEqual([expect.stringMatching(/^date out of range: /)]);
  });

  it('reads a page date past 2100 as unreadable', () => {
    expect(parseConsoleDate('Nov 15, 9999 8:04 AM PST')).toBeUndefined();
  });

  it.each([
    ['2021年5月19日(水) 23:45 JST', '2021-05-19T14:45:00.000Z'],
    ['Sun, 2 Nov 2025, 15:20 MET', '2025-11-02T14:20:00.000Z'],
    ['02.11.2025 15:20 MET', '2025-11-02T14:20:00.000Z'],
    ['Nov 15, 2021 8:04 AM PST', '2021-11-15T16:04:00.000Z'],
    ['Mon, Nov 15, 2021, 12:04 PM PST', '2021-11-15T20:04:00.000Z'],
  ])('reads Seller Central’s "%s"', (text, iso) => {
    expect(parseConsoleDate(text)).toBe(iso);
  });

  it('refuses what it cannot be sure of', () => {
    expect(parseConsoleDate('yesterday')).toBeUndefined();
    expect(parseConsoleDate('2021年13月1日 10:00 JST')).toBeUndefined();
    expect(parseConsoleDate('Nov 15, 2021 8:04 AM XYZ')).toBeUndefined();
  });
});
