import { defaultRfmSettings } from '../rfm/settings';
import { buyerFilterSchema, type BuyerFilter } from '../schema/lists';
import { rfmSettingsSchema, type RfmSettings } from '../schema/rfm';
import { shopReplyLanguagesSchema, type ReplyLanguage } from '../schema/replies';
import type { BuyerLensDatabase } from './database';

/** The settings kept with the data (and so with its backups), each one record of the settings table. */
export const SETTING_KEYS = {
  rfm: 'rfm',
  retentionMonths: 'retentionMonths',
  buyerLists: 'buyerLists',
  defaultPacksVersion: 'replies.defaultPacksVersion',
  shopReplyLanguages: 'replies.shopLanguages',
} as const;

export class InvalidSettingsError extends Error {}

/** The RFM settings; defaults until the user saves some. Stored settings that do not validate are an error, never silently replaced. */
export async function loadRfmSettings(db: BuyerLensDatabase): Promise<RfmSettings> {
  const stored = await db.settings.get(SETTING_KEYS.rfm);
  if (!stored) return defaultRfmSettings();
  const parsed = rfmSettingsSchema.safeParse(stored.value);
  if (!parsed.success) throw new InvalidSettingsError(`stored RFM settings are invalid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}

/** Retention in months (undefined: keep everything, the default). */
export async function loadRetention(db: BuyerLensDatabase): Promise<number | undefined> {
  const value = (await db.settings.get(SETTING_KEYS.retentionMonths))?.value;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

export interface SavedList {
  name: string;
  filter: BuyerFilter;
}

export async function loadSavedLists(db: BuyerLensDatabase): Promise<SavedList[]> {
  const value = (await db.settings.get(SETTING_KEYS.buyerLists))?.value;
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const i = item as { name?: unknown; filter?: unknown };
    const filter = buyerFilterSchema.safeParse(i?.filter);
    return typeof i?.name === 'string' && filter.success ? [{ name: i.name, filter: filter.data }] : [];
  });
}

/** The reply language the agent chose per shop (shops not listed follow their market). */
export async function loadShopReplyLanguages(db: BuyerLensDatabase): Promise<Record<string, ReplyLanguage>> {
  const parsed = shopReplyLanguagesSchema.safeParse((await db.settings.get(SETTING_KEYS.shopReplyLanguages))?.value ?? {});
  return parsed.success ? parsed.data : {};
}
