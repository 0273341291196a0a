import { rfmSettingsSchema, type RfmSettings } from '../schema/rfm';
import { rescoreBuyers, rescoreShops, rescoredShop } from '../rfm/tier';
import type { BuyerLensDatabase } from './database';
import { loadRfmSettings, SETTING_KEYS } from './settings-queries';
import { buyersOfShop } from './queries';

export async function saveRfmSettings(db: BuyerLensDatabase, settings: RfmSettings): Promise<void> {
  await db.settings.put({ key: SETTING_KEYS.rfm, value: rfmSettingsSchema.parse(settings) });
}

/**
 * Re-scores every buyer of one shop from their aggregates (never from orders), writes the tiers that
 * changed onto their buyers, and the shop's scoring and latest buyers onto the shop. Returns how many
 * tiers changed.
 */
export async function rescoreShop(db: BuyerLensDatabase, shopKey: string, now = Date.now(), given?: RfmSettings): Promise<number> {
  const settings = given ?? (await loadRfmSettings(db));
  return db.transaction('rw', [db.buyers, db.shops], async () => {
    const [shop, buyers] = await Promise.all([db.shops.get(shopKey), buyersOfShop(db, shopKey)]);
    const { scoring, changed } = rescoreBuyers(buyers, shop ?? { shopKey }, settings, now);
    const writes: Promise<unknown>[] = [db.buyers.bulkPut(changed)];
    if (shop) writes.push(db.shops.put(rescoredShop(shop, scoring, buyers)));
    await Promise.all(writes);
    return changed.length;
  });
}

/**
 * Re-scores every shop in one transaction: one read of every buyer (no per-shop lookups), the tiers
 * that changed and every shop's scoring written back. Returns how many tiers changed.
 */
export async function rescoreAll(db: BuyerLensDatabase, now = Date.now()): Promise<number> {
  const settings = await loadRfmSettings(db);
  return db.transaction('rw', [db.buyers, db.shops], async () => {
    const [buyers, shops] = await Promise.all([db.buyers.toArray(), db.shops.toArray()]);
    const { changed, shops: scored } = rescoreShops(buyers, shops, settings, now);
    await Promise.all([db.buyers.bulkPut(changed), db.shops.bulkPut(scored)]);
    return changed.length;
  });
}
