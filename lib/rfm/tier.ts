import { latestBuyers } from '../buyers/recent';
import type { BuyerRecord, BuyerTier, RfmTier, ShopRecord, ShopScoring } from '../schema/records';
import { summarizeShop } from './overview';
import { scoreShop, type RfmScore } from './score';
import type { RfmSettings } from '../schema/rfm';

const DAY_MS = 86_400_000;

/** A buyer's tier with their shop's scoring, as the panel, lists and replies show it. */
export function tierOf(buyer: BuyerRecord, shop: ShopRecord | undefined): RfmTier | undefined {
  const scoring = shop?.shopKey === buyer.shopKey ? shop.scoring : undefined;
  if (!buyer.tier || !scoring) return undefined;
  const { lastPurchaseAt, frequency, monetaryMinor, ...scores } = buyer.tier;
  const { summary: _summary, ...shared } = scoring;
  const recencyDays = Math.max(0, Math.floor((Date.parse(scoring.scoredAt) - Date.parse(lastPurchaseAt)) / DAY_MS));
  return { buyerKey: buyer.buyerKey, shopKey: buyer.shopKey, ...shared, ...scores, values: { recencyDays, frequency, monetaryMinor } };
}

const sameHighLow = (a: BuyerTier['highLow'], b: BuyerTier['highLow']) =>
  a === b || (a !== undefined && b !== undefined && a.r === b.r && a.f === b.f && a.m === b.m);

/** A buyer's tier from their score. */
const tierFrom = (s: RfmScore): BuyerTier => ({
  segment: s.segment,
  r: s.r,
  f: s.f,
  m: s.m,
  lastPurchaseAt: new Date(s.lastPurchaseMs).toISOString(),
  frequency: s.values.frequency,
  monetaryMinor: s.values.monetaryMinor,
  ...(s.highLow ? { highLow: s.highLow } : {}),
});

/**
 * Field by field, without making the tier first: a shop's re-score compares every buyer's (the
 * stored date read as a number, cheaper than writing the score's as text for every buyer).
 */
function sameTier(a: BuyerTier | undefined, s: RfmScore | undefined): boolean {
  if (a === undefined || s === undefined) return a === undefined && s === undefined;
  return (
    a.segment === s.segment &&
    a.r === s.r &&
    a.f === s.f &&
    a.m === s.m &&
    a.frequency === s.values.frequency &&
    a.monetaryMinor === s.values.monetaryMinor &&
    sameHighLow(a.highLow, s.highLow) &&
    Date.parse(a.lastPurchaseAt) === s.lastPurchaseMs
  );
}

export interface ShopRescore {
  /** The shop's scoring; undefined when no buyer has a purchase to score. */
  scoring: ShopScoring | undefined;
  /** The buyers whose tier changed (or went), with their new tier. */
  changed: BuyerRecord[];
}

/**
 * Scores one shop's buyers (from their aggregates' purchases ledger, never from orders) at `now` and
 * returns the buyers whose tier is not what it was. Buyers without a purchase have no tier.
 */
export function rescoreBuyers(buyers: readonly BuyerRecord[], shop: Pick<ShopRecord, 'shopKey' | 'currency'>, settings: RfmSettings, now: number): ShopRescore {
  const currency = shop.currency ?? buyers.find((b) => b.stats.currency)?.stats.currency;
  const scores = scoreShop(
    buyers.map((b) => ({ buyerKey: b.buyerKey, purchases: b.stats.purchases })),
    { settings, shopKey: shop.shopKey, currency, now },
  );
  const changed: BuyerRecord[] = [];
  // The scores are the buyers' own, in their order, less those without a purchase (scoreShop).
  let next = 0;
  for (const buyer of buyers) {
    const score = scores[next]?.buyerKey === buyer.buyerKey ? scores[next++] : undefined;
    if (sameTier(buyer.tier, score)) continue;
    const { tier: _old, ...rest } = buyer;
    changed.push(score ? { ...rest, tier: tierFrom(score) } : rest);
  }
  const first = scores[0];
  if (!first) return { scoring: undefined, changed };
  const summary = summarizeShop(
    scores.map((s) => ({ buyerKey: s.buyerKey, map: settings.map, segment: s.segment, r: s.r, f: s.f, values: s.values })),
    settings.map,
  );
  const scoring: ShopScoring = {
    map: settings.map,
    windowDays: settings.windowDays,
    method: first.method,
    peers: first.peers,
    scoredAt: new Date(now).toISOString(),
    ...(currency ? { currency } : {}),
    ...(first.reference ? { reference: first.reference } : {}),
    summary: {
      scored: summary.scored,
      segments: summary.segments,
      grid: summary.grid,
      top: summary.top.map((t) => t.buyerKey),
      attention: summary.attention.map((t) => t.buyerKey),
    },
  };
  return { scoring, changed };
}

/**
 * Every shop at once: the buyers whose tier changed, and every shop with its new scoring. Buyers of a
 * shop BuyerLens has no record of are left as they are.
 */
export function rescoreShops(buyers: readonly BuyerRecord[], shops: readonly ShopRecord[], settings: RfmSettings, now: number): { changed: BuyerRecord[]; shops: ShopRecord[] } {
  const byShop = buyersByShop(buyers);
  const changed: BuyerRecord[] = [];
  const scoredShops = shops.map((shop) => {
    const shopBuyers = byShop.get(shop.shopKey) ?? [];
    const result = rescoreBuyers(shopBuyers, shop, settings, now);
    // One by one: a first scoring changes every buyer, too many to spread as arguments.
    for (const buyer of result.changed) changed.push(buyer);
    return rescoredShop(shop, result.scoring, shopBuyers);
  });
  return { changed, shops: scoredShops };
}

/** Buyers grouped by their shop's key. */
export function buyersByShop(buyers: readonly BuyerRecord[]): Map<string, BuyerRecord[]> {
  const byShop = new Map<string, BuyerRecord[]>();
  for (const buyer of buyers) {
    const list = byShop.get(buyer.shopKey);
    if (list) list.push(buyer);
    else byShop.set(buyer.shopKey, [buyer]);
  }
  return byShop;
}

/**
 * A shop as its re-score leaves it: `scoring` in place of what it had (none where undefined), and its
 * latest buyers, which the shop keeps from one scoring to the next (lib/buyers/recent.ts).
 */
export function rescoredShop(shop: ShopRecord, scoring: ShopScoring | undefined, buyers: readonly BuyerRecord[]): ShopRecord {
  const { scoring: _old, ...rest } = shop;
  const recent = latestBuyers(buyers);
  return scoring ? { ...rest, scoring, recent } : { ...rest, recent };
}
