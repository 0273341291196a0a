import { cn8Segments, rfm11Segments, type Rfm11Segment, type Segment, type SegmentMap } from '../schema/rfm';

/**
 * The 11-segment map over R and FM = round((F + M) / 2), one cell per pair so every buyer falls in
 * exactly one segment. Rows are R 5…1, columns FM 1…5.
 */
const GRID: readonly (readonly Rfm11Segment[])[] = [
  /* R5 */ ['new-customers', 'potential-loyalist', 'potential-loyalist', 'champions', 'champions'],
  /* R4 */ ['promising', 'potential-loyalist', 'potential-loyalist', 'loyal', 'champions'],
  /* R3 */ ['about-to-sleep', 'about-to-sleep', 'need-attention', 'loyal', 'loyal'],
  /* R2 */ ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cant-lose-them'],
  /* R1 */ ['lost', 'lost', 'at-risk', 'cant-lose-them', 'cant-lose-them'],
];

export function fmScore(f: number, m: number): number {
  return Math.round((f + m) / 2);
}

export function rfm11Segment(r: number, f: number, m: number): Rfm11Segment {
  return GRID[5 - r]![fmScore(f, m) - 1]!;
}

/** Every (R, FM) cell of a segment, for the explanation: "R 4–5 with FM 4–5". */
export function rfm11Cells(segment: Rfm11Segment): { r: number; fm: number }[] {
  const cells: { r: number; fm: number }[] = [];
  GRID.forEach((row, i) => row.forEach((s, j) => s === segment && cells.push({ r: 5 - i, fm: j + 1 })));
  return cells;
}

export interface HighLow {
  r: boolean;
  f: boolean;
  m: boolean;
}

/** The Chinese 8-class map (重要/一般 by M, 价值/保持/发展/挽留 by R and F). */
export function cn8Segment({ r, f, m }: HighLow): (typeof cn8Segments)[number] {
  const importance = m ? 'important' : 'general';
  const kind = r && f ? 'value' : !r && f ? 'retention' : r && !f ? 'development' : 'winback';
  return `${importance}-${kind}`;
}

/** Segments that want the seller's attention now. */
export const ATTENTION_SEGMENTS: readonly Segment[] = ['at-risk', 'cant-lose-them', 'important-retention', 'important-winback'];

export function segmentsOf(map: SegmentMap): readonly Segment[] {
  return map === 'rfm11' ? rfm11Segments : cn8Segments;
}
