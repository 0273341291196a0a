import type { RfmTier } from '../schema/records';
import { firstBy } from '../first-by';
import { ATTENTION_SEGMENTS, segmentsOf } from './segments';
import { type Segment } from '../schema/rfm';
import type { SegmentMap } from '../schema/rfm';

export interface SegmentSummary {
  segment: Segment;
  buyers: number;
  /** Sum of the buyers' monetary values (purchases within the window), minor units. */
  revenueMinor: number;
}

/** What the summary needs of a tier. */
export type SummaryInput = Pick<RfmTier, 'buyerKey' | 'map' | 'segment' | 'r' | 'f' | 'values'>;

export interface ShopSummary<T extends SummaryInput = RfmTier> {
  map: SegmentMap;
  scored: number;
  /** Every segment of the map, in the map's order, with zeros where no buyer is. */
  segments: SegmentSummary[];
  /** grid[r - 1][f - 1]: buyers with that R and F score. */
  grid: number[][];
  /** Best first, by monetary within the window (then by recency). */
  top: T[];
  /** Buyers in segments that need attention, most valuable first. */
  attention: T[];
}

const byValue = (a: SummaryInput, b: SummaryInput) =>
  b.values.monetaryMinor - a.values.monetaryMinor || a.values.recencyDays - b.values.recencyDays || a.buyerKey.localeCompare(b.buyerKey);

/**
 * What the shop overview shows, from one shop's tiers (no orders read). Computed when the shop is
 * scored and kept with its scoring (lib/rfm/tier.ts), so the panel reads one record.
 */
export function summarizeShop<T extends SummaryInput>(records: readonly T[], map: SegmentMap, listSize = 5): ShopSummary<T> {
  const current = records.filter((r) => r.map === map);
  const bySegment = new Map<Segment, SegmentSummary>(segmentsOf(map).map((segment) => [segment, { segment, buyers: 0, revenueMinor: 0 }]));
  const grid = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  for (const record of current) {
    const summary = bySegment.get(record.segment);
    if (summary) {
      summary.buyers += 1;
      summary.revenueMinor += record.values.monetaryMinor;
    }
    grid[record.r - 1]![record.f - 1]! += 1;
  }
  return {
    map,
    scored: current.length,
    segments: [...bySegment.values()],
    grid,
    top: firstBy(current, byValue, listSize),
    attention: firstBy(
      current.filter((r) => ATTENTION_SEGMENTS.includes(r.segment)),
      byValue,
      listSize,
    ),
  };
}
