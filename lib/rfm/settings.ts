import { z } from 'zod';

/** Four ascending cut-offs that split a dimension into scores 1–5. */
const cutoffs = z
  .tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()])
  .refine((t) => t[0] < t[1] && t[1] < t[2] && t[2] < t[3], 'cut-offs must increase');

export const segmentMapSchema = z.enum(['rfm11', 'cn8']);
export type SegmentMap = z.infer<typeof segmentMapSchema>;

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

export const defaultRfmSettings = (): RfmSettings => ({
  windowDays: 365,
  map: 'rfm11',
  thresholds: { recencyDays: [30, 60, 120, 240], frequency: [2, 3, 5, 8], monetaryByShop: {} },
  cn8Reference: { kind: 'average' },
});

/**
 * Default M cut-offs when a shop has none set: [50, 150, 400, 1000] in US dollars, scaled by roughly
 * what a dollar buys in the shop's currency, so the same defaults make sense for VND and for EUR.
 */
const DOLLAR_SCALE: Readonly<Record<string, number>> = {
  USD: 1, EUR: 1, GBP: 1, CAD: 1.4, AUD: 1.5, SGD: 1.3, BRL: 5, MYR: 4.5, PLN: 4, AED: 3.7, SAR: 3.8, MXN: 18, THB: 35,
  PHP: 56, TWD: 32, INR: 83, TRY: 32, EGP: 48, SEK: 10, JPY: 150, CNY: 7, IDR: 16000, VND: 25000, COP: 4000, CLP: 950,
};

export function monetaryCutoffs(settings: RfmSettings, shopKey: string, currency: string | undefined): [number, number, number, number] {
  const set = settings.thresholds.monetaryByShop[shopKey];
  if (set) return set;
  const scale = (currency && DOLLAR_SCALE[currency]) || 1;
  return [50, 150, 400, 1000].map((v) => v * scale) as [number, number, number, number];
}
