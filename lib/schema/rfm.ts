import { z } from 'zod';

/** The 11-segment map's segments (lib/rfm/segments.ts places them on the R × FM grid). */
export const rfm11Segments = [
  'champions',
  'loyal',
  'potential-loyalist',
  'new-customers',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cant-lose-them',
  'hibernating',
  'lost',
] as const;

/** The Chinese 8-class map (重要/一般 by M, 价值/保持/发展/挽留 by R and F). */
export const cn8Segments = [
  'important-value',
  'important-retention',
  'important-development',
  'important-winback',
  'general-value',
  'general-retention',
  'general-development',
  'general-winback',
] as const;

export const segmentSchema = z.enum([...rfm11Segments, ...cn8Segments]);
export type Segment = z.infer<typeof segmentSchema>;
export type Rfm11Segment = (typeof rfm11Segments)[number];

export const segmentMapSchema = z.enum(['rfm11', 'cn8']);
export type SegmentMap = z.infer<typeof segmentMapSchema>;

/** Four ascending cut-offs that split a dimension into scores 1–5. */
const cutoffs = z
  .tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()])
  .refine((t) => t[0] < t[1] && t[1] < t[2] && t[2] < t[3], 'cut-offs must increase');

export const rfmSettingsSchema = z.object({
  /** Orders placed in the last N days count for F and M. */
  windowDays: z.number().int().min(7).max(3650),
  map: segmentMapSchema,
  /** Used where a shop has too few buyers for quintiles. */
  thresholds: z.object({
    /** R: 5 if the last purchase was at most [0] days ago, 4 if at most [1], … 1 beyond [3]. */
    recencyDays: cutoffs,
    /** F: purchases in the window; 2 from [0], 3 from [1], 4 from [2], 5 from [3]. */
    frequency: cutoffs,
    /** M, per shop, in the shop's currency (major units: 50 means R$50): 2 from [0] … 5 from [3]. */
    monetaryByShop: z.record(z.string(), cutoffs),
  }),
  /** The 8-class map: each of R, F, M is high or low against the shop's average, or set values. */
  cn8Reference: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('average') }),
    z.object({ kind: z.literal('custom'), recencyDays: z.number().nonnegative(), frequency: z.number().nonnegative(), monetaryMajor: z.number().nonnegative() }),
  ]),
});
export type RfmSettings = z.infer<typeof rfmSettingsSchema>;
