import { minorExponent } from '../money';
import { cn8Segment, rfm11Segment, type HighLow } from './segments';
import { type Segment } from '../schema/rfm';
import { monetaryCutoffs } from './settings';
import { type RfmSettings, type SegmentMap } from '../schema/rfm';

const DAY_MS = 86_400_000;

/**
 * Quintiles need enough buyers for each fifth to hold several: with 25 scored buyers a quintile is 5
 * buyers, so one buyer more or less moves a score by at most one step. Below that a single purchase
 * reshuffles whole quintiles, and fixed thresholds say more.
 */
export const MIN_BUYERS_FOR_QUINTILES = 25;

/** A purchase from a buyer's aggregates: [placedAt in epoch ms, totalMinor]. */
export type Purchase = readonly [number, number];

export interface BuyerForScoring {
  buyerKey: string;
  purchases: readonly Purchase[];
}

export interface RfmValues {
  /** Whole days since the last purchase (any time). */
  recencyDays: number;
  /** Purchases placed within the window. */
  frequency: number;
  /** Their total, in minor units of the shop's currency. */
  monetaryMinor: number;
}

export interface RfmScore {
  buyerKey: string;
  r: number;
  f: number;
  m: number;
  segment: Segment;
  values: RfmValues;
  /** The buyer's last purchase, epoch ms (recency counts from it; a tier keeps it as an ISO string). */
  lastPurchaseMs: number;
  /** How R, F and M were scored: among this many buyers of the shop by quintiles, or by thresholds. */
  method: 'quintiles' | 'thresholds';
  peers: number;
  /** The 8-class map: which dimensions are high, and against which values. */
  highLow?: HighLow;
  reference?: RfmValues;
}

/**
 * R, F and M inputs of one buyer at `now`: recency from the last purchase ever, frequency and
 * monetary from purchases placed within the last `windowDays` days (a purchase exactly `windowDays`
 * days old still counts). Undefined for a buyer with no purchase at all (say, one whose only order
 * was refunded): there is nothing to score.
 */
export function rfmValues(purchases: readonly Purchase[], windowDays: number, now: number): RfmValues | undefined {
  return rfmInputs(purchases, windowDays, now)?.values;
}

function rfmInputs(purchases: readonly Purchase[], windowDays: number, now: number): { values: RfmValues; lastPurchaseMs: number } | undefined {
  if (purchases.length === 0) return undefined;
  const windowStart = now - windowDays * DAY_MS;
  let last = -Infinity;
  let frequency = 0;
  let monetaryMinor = 0;
  for (const [at, minor] of purchases) {
    if (at > last) last = at;
    if (at >= windowStart && at <= now) {
      frequency += 1;
      monetaryMinor += minor;
    }
  }
  return {
    values: { recencyDays: Math.max(0, Math.floor((now - last) / DAY_MS)), frequency, monetaryMinor },
    lastPurchaseMs: last,
  };
}

/**
 * Scores 1–5 by mid-rank percentile: a value's score is 1 + ⌊5 · (below + ties/2) / n⌋. Equal values
 * always score the same, all-equal values all score 3, and n distinct values fill the quintiles evenly.
 */
export function quintileScores(values: readonly number[]): number[] {
  // A typed array sorts numbers natively, without a comparator call per step.
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const lowerBound = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const upperBound = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v) => {
    const below = lowerBound(v);
    const ties = upperBound(v) - below;
    return Math.min(5, 1 + Math.floor((5 * (below + ties / 2)) / n));
  });
}

const recencyScore = (days: number, cut: readonly number[]) => (days <= cut[0]! ? 5 : days <= cut[1]! ? 4 : days <= cut[2]! ? 3 : days <= cut[3]! ? 2 : 1);
const amountScore = (value: number, cut: readonly number[]) => (value >= cut[3]! ? 5 : value >= cut[2]! ? 4 : value >= cut[1]! ? 3 : value >= cut[0]! ? 2 : 1);

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Scores every buyer of one shop (buyers of one shop are peers; currencies never mix), in the
 * buyers' order. Buyers without any purchase get no score.
 */
export function scoreShop(
  buyers: readonly BuyerForScoring[],
  options: { settings: RfmSettings; shopKey: string; currency: string | undefined; now: number; map?: SegmentMap },
): RfmScore[] {
  const { settings, shopKey, currency, now } = options;
  const map = options.map ?? settings.map;
  const scored: { buyerKey: string; values: RfmValues; lastPurchaseMs: number }[] = [];
  for (const b of buyers) {
    const inputs = rfmInputs(b.purchases, settings.windowDays, now);
    if (inputs) scored.push({ buyerKey: b.buyerKey, values: inputs.values, lastPurchaseMs: inputs.lastPurchaseMs });
  }
  if (scored.length === 0) return [];
  const peers = scored.length;
  const method = peers >= MIN_BUYERS_FOR_QUINTILES ? 'quintiles' : 'thresholds';
  const minorPerMajor = 10 ** minorExponent(currency);

  let r: number[];
  let f: number[];
  let m: number[];
  if (method === 'quintiles') {
    r = quintileScores(scored.map((s) => -s.values.recencyDays));
    f = quintileScores(scored.map((s) => s.values.frequency));
    m = quintileScores(scored.map((s) => s.values.monetaryMinor));
  } else {
    const { recencyDays, frequency } = settings.thresholds;
    const money = monetaryCutoffs(settings, shopKey, currency);
    r = scored.map((s) => recencyScore(s.values.recencyDays, recencyDays));
    f = scored.map((s) => amountScore(s.values.frequency, frequency));
    m = scored.map((s) => amountScore(s.values.monetaryMinor / minorPerMajor, money));
  }

  let reference: RfmValues | undefined;
  if (map === 'cn8') {
    const custom = settings.cn8Reference;
    reference =
      custom.kind === 'custom'
        ? { recencyDays: custom.recencyDays, frequency: custom.frequency, monetaryMinor: Math.round(custom.monetaryMajor * minorPerMajor) }
        : {
            recencyDays: mean(scored.map((s) => s.values.recencyDays)),
            frequency: mean(scored.map((s) => s.values.frequency)),
            monetaryMinor: mean(scored.map((s) => s.values.monetaryMinor)),
          };
  }

  return scored.map(({ buyerKey, values, lastPurchaseMs }, i): RfmScore => {
    const [rs, fs, ms] = [r[i]!, f[i]!, m[i]!];
    if (map === 'rfm11' || !reference) return { buyerKey, r: rs, f: fs, m: ms, segment: rfm11Segment(rs, fs, ms), values, lastPurchaseMs, method, peers };
    // At the reference counts as high: a shop's only buyer, or buyers all alike, are its best.
    const highLow: HighLow = {
      r: values.recencyDays <= reference.recencyDays,
      f: values.frequency >= reference.frequency,
      m: values.monetaryMinor >= reference.monetaryMinor,
    };
    return { buyerKey, r: rs, f: fs, m: ms, segment: cn8Segment(highLow), highLow, reference, values, lastPurchaseMs, method, peers };
  });
}
