import { scoreShop } from '../rfm/score';
import { defaultRfmSettings, rfmSettingsSchema, type RfmSettings } from '../rfm/settings';
import type { RfmRecord } from '../schema/records';
import type { BuyerLensDatabase } from './database';

const RFM_SETTINGS = 'rfm';

export class InvalidSettingsError extends Error {}

/** The RFM settings; defaults until the user saves some. Stored settings that do not validate are an error, never silently replaced. */
export async function loadRfmSettings(db: BuyerLensDatabase): Promise<RfmSettings> {
  const stored = await db.settings.get(RFM_SETTINGS);
  if (!stored) return defaultRfmSettings();
  const parsed = rfmSettingsSchema.safeParse(stored.value);
  if (!parsed.success) throw new InvalidSettingsError(`stored RFM settings are invalid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}

export async function saveRfmSettings(db: BuyerLensDatabase, settings: RfmSettings): Promise<void> {
  await db.settings.put({ key: RFM_SETTINGS, value: rfmSettingsSchema.parse(settings) });
}

type Values = RfmRecord['values'];
const sameValues = (a: Values | undefined, b: Values | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.recencyDays === b.recencyDays && a.frequency === b.frequency && a.monetaryMinor === b.monetaryMinor);
const sameHighLow = (a: RfmRecord['highLow'], b: RfmRecord['highLow']) =>
  a === b || (a !== undefined && b !== undefined && a.r === b.r && a.f === b.f && a.m === b.m);

/**
 * Whether a stored tier says the same as a new one (when it was scored aside). Field by field: a
 * shop's re-score compares every buyer, and serialising both records cost more than reading them.
 */
function sameScore(a: RfmRecord, b: RfmRecord): boolean {
  return (
    a.buyerKey === b.buyerKey &&
    a.shopKey === b.shopKey &&
    a.map === b.map &&
    a.segment === b.segment &&
    a.r === b.r &&
    a.f === b.f &&
    a.m === b.m &&
    a.currency === b.currency &&
    a.method === b.method &&
    a.peers === b.peers &&
    a.windowDays === b.windowDays &&
    sameValues(a.values, b.values) &&
    sameValues(a.reference, b.reference) &&
    sameHighLow(a.highLow, b.highLow) &&
    Object.keys(a).length === Object.keys(b).length
  );
}

/**
 * Re-scores every buyer of one shop from their aggregates (never from orders) and writes the tiers
 * that changed. Returns how many changed.
 */
export async function rescoreShop(db: BuyerLensDatabase, shopKey: string, now = Date.now(), given?: RfmSettings): Promise<number> {
  const settings = given ?? (await loadRfmSettings(db));
  return db.transaction('rw', [db.buyers, db.shops, db.rfm], async () => {
    const [shop, buyers, stored] = await Promise.all([
      db.shops.get(shopKey),
      db.buyers.where('shopKey').equals(shopKey).toArray(),
      // A tier is keyed by its buyer's key, which starts with the shop key (captures are checked
      // for that): the shop's tiers are one primary-key range, a third cheaper to read than the
      // shopKey index. The filter keeps another shop's tier from ever being taken for this one's.
      db.rfm
        .where(':id')
        .between(`${shopKey}:`, `${shopKey};`, true, false)
        .toArray()
        .then((tiers) => tiers.filter((t) => t.shopKey === shopKey)),
    ]);
    const currency = shop?.currency ?? buyers.find((b) => b.stats.currency)?.stats.currency;
    const scoredAt = new Date(now).toISOString();
    const scores = scoreShop(
      buyers.map((b) => ({ buyerKey: b.buyerKey, purchases: b.stats.purchases })),
      { settings, shopKey, currency, now },
    );
    const previous = new Map(stored.map((r) => [r.buyerKey, r]));
    const changed: RfmRecord[] = [];
    for (const s of scores) {
      const record: RfmRecord = {
        buyerKey: s.buyerKey,
        shopKey,
        map: settings.map,
        segment: s.segment,
        r: s.r,
        f: s.f,
        m: s.m,
        values: s.values,
        method: s.method,
        peers: s.peers,
        windowDays: settings.windowDays,
        scoredAt,
        ...(currency ? { currency } : {}),
        ...(s.highLow ? { highLow: s.highLow } : {}),
        ...(s.reference ? { reference: s.reference } : {}),
      };
      const before = previous.get(s.buyerKey);
      previous.delete(s.buyerKey);
      if (!before || !sameScore(before, record)) changed.push(record);
    }
    await db.rfm.bulkPut(changed);
    // Buyers who no longer have a purchase to score lose their tier.
    await db.rfm.bulkDelete([...previous.keys()]);
    return changed.length + previous.size;
  });
}

export async function rescoreAll(db: BuyerLensDatabase, now = Date.now()): Promise<number> {
  const settings = await loadRfmSettings(db);
  let changed = 0;
  for (const shopKey of await db.shops.toCollection().primaryKeys()) changed += await rescoreShop(db, shopKey, now, settings);
  return changed;
}
