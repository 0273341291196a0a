import type { Transaction } from 'dexie';
import { defaultRfmSettings } from '../../rfm/settings';
import { rfmSettingsSchema } from '../../schema/rfm';
import { rescoreShops } from '../../rfm/tier';
import type { BuyerRecord, BuyerSearchRecord, SettingRecord, ShopRecord } from '../../schema/records';
import { searchWordsOf } from '../merge';
import { withCompactLedger } from './v005-compact-ledger';

/**
 * v2 → v3: tiers move from the rfm table onto the buyers, what a shop's tiers share onto the shop.
 * Tiers are derived from the purchases ledger, so they are scored afresh here rather than copied.
 * The buyers' search words move to the buyerSearch table.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const [buyers, shops, setting] = await Promise.all([
    tx.table<BuyerRecord, string>('buyers').toArray(),
    tx.table<ShopRecord, string>('shops').toArray(),
    tx.table<SettingRecord, string>('settings').get('rfm'),
  ]);
  const v3 = toV3(buyers, shops, setting?.value, Date.now());
  await tx.table('buyers').bulkPut(v3.buyers);
  await tx.table('shops').bulkPut(v3.shops);
  await tx.table('buyerSearch').bulkPut(v3.buyerSearch);
}

/**
 * The same step on plain rows (a v2 backup restored into v3). With stored settings that do not
 * validate, nothing is scored: the background's next re-score says why, and no data is lost.
 */
export function toV3(
  stored: readonly (BuyerRecord & { searchWords?: string[] })[],
  shops: readonly ShopRecord[],
  storedSettings: unknown,
  now: number,
): { buyers: BuyerRecord[]; shops: ShopRecord[]; buyerSearch: BuyerSearchRecord[] } {
  // Scoring reads the ledger in today's form (v5), so it is converted first; the v5 step then finds
  // nothing left to convert.
  const buyers = stored.map(({ searchWords: _words, ...buyer }) => withCompactLedger(buyer));
  const buyerSearch = buyers.map((b) => ({ buyerKey: b.buyerKey, words: searchWordsOf(b) }));
  const settings = storedSettings === undefined ? defaultRfmSettings() : rfmSettingsSchema.safeParse(storedSettings).data;
  if (!settings) return { buyers, shops: [...shops], buyerSearch };
  const scored = rescoreShops(buyers, shops, settings, now);
  const rescored = new Map(scored.changed.map((b) => [b.buyerKey, b]));
  return { buyers: buyers.map((b) => rescored.get(b.buyerKey) ?? b), shops: scored.shops, buyerSearch };
}
