import { DEFAULT_PACKS, DEFAULT_PACKS_VERSION } from '../replies/packs';
import { REPLY_PACK_FORMAT, replyPackSchema, replyTemplateFieldsSchema, shopReplyLanguagesSchema, type ReplyLanguage, type ReplyTemplateFields, type ReplyTemplateRecord } from '../schema/replies';
import { describeIssues } from '../schema/issues';
import type { BuyerLensDatabase } from './database';
import { loadShopReplyLanguages, SETTING_KEYS } from './settings-queries';

export class InvalidPackError extends Error {}

/**
 * Adds the default templates a library does not have yet, once per packs version. Templates the
 * user edited or deleted stay as the user left them.
 */
export async function ensureDefaultPacks(db: BuyerLensDatabase, now = new Date()): Promise<number> {
  return db.transaction('rw', [db.replyTemplates, db.settings], async () => {
    const done = (await db.settings.get(SETTING_KEYS.defaultPacksVersion))?.value;
    if (typeof done === 'number' && done >= DEFAULT_PACKS_VERSION) return 0;
    const since = typeof done === 'number' ? done : 0;
    const have = new Set(await db.replyTemplates.toCollection().primaryKeys());
    const at = now.toISOString();
    // Only templates new since the last time: ones the user deleted stay deleted.
    const toAdd: ReplyTemplateRecord[] = DEFAULT_PACKS.filter((pack) => pack.since > since).flatMap((pack) =>
      pack.templates.filter((t) => !have.has(t.id)).map((t) => ({ ...t, pack: pack.id, useCount: 0, createdAt: at, updatedAt: at })),
    );
    await db.replyTemplates.bulkAdd(toAdd);
    await db.settings.put({ key: SETTING_KEYS.defaultPacksVersion, value: DEFAULT_PACKS_VERSION });
    return toAdd.length;
  });
}

/** Creates or edits a template; usage and origin are kept. */
export async function saveTemplate(db: BuyerLensDatabase, fields: ReplyTemplateFields, now = new Date()): Promise<ReplyTemplateRecord> {
  const parsed = replyTemplateFieldsSchema.parse(fields);
  return db.transaction('rw', db.replyTemplates, async () => {
    const before = await db.replyTemplates.get(parsed.id);
    const at = now.toISOString();
    const record: ReplyTemplateRecord = {
      ...parsed,
      useCount: before?.useCount ?? 0,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
      ...(before?.lastUsedAt ? { lastUsedAt: before.lastUsedAt } : {}),
      ...(before?.pack ? { pack: before.pack } : {}),
    };
    await db.replyTemplates.put(record);
    return record;
  });
}

export async function deleteTemplate(db: BuyerLensDatabase, id: string): Promise<void> {
  await db.replyTemplates.delete(id);
}

/** An agent used the template: it ranks a little higher next time. */
export async function markTemplateUsed(db: BuyerLensDatabase, id: string, now = new Date()): Promise<void> {
  await db.replyTemplates
    .where('id')
    .equals(id)
    .modify((t) => {
      t.useCount += 1;
      t.lastUsedAt = now.toISOString();
    });
}

/**
 * Imports a shared pack: the whole file is checked first, then every template is added (or, where
 * the id exists, updated with usage kept) in one transaction. A bad file changes nothing.
 */
export async function importPack(db: BuyerLensDatabase, raw: unknown, now = new Date()): Promise<{ added: number; updated: number }> {
  const parsed = replyPackSchema.safeParse(raw);
  if (!parsed.success) {
    const foreign = typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== REPLY_PACK_FORMAT;
    throw new InvalidPackError(foreign ? 'This is not a BuyerLens reply pack.' : `The reply pack is not valid: ${describeIssues(parsed.error)}`);
  }
  const ids = parsed.data.templates.map((t) => t.id);
  if (new Set(ids).size !== ids.length) throw new InvalidPackError('The reply pack lists the same template id twice.');
  return db.transaction('rw', db.replyTemplates, async () => {
    const existing = await db.replyTemplates.bulkGet(ids);
    const at = now.toISOString();
    const records = parsed.data.templates.map((t, i): ReplyTemplateRecord => {
      const before = existing[i];
      return {
        ...t,
        useCount: before?.useCount ?? 0,
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
        ...(before?.lastUsedAt ? { lastUsedAt: before.lastUsedAt } : {}),
        ...(before?.pack ? { pack: before.pack } : {}),
      };
    });
    await db.replyTemplates.bulkPut(records);
    const updated = existing.filter(Boolean).length;
    return { added: records.length - updated, updated };
  });
}

/** Sets the reply language of one shop (null: its market's again), in one transaction with the read. */
export async function setShopReplyLanguage(db: BuyerLensDatabase, shopKey: string, language: ReplyLanguage | null): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const chosen = await loadShopReplyLanguages(db);
    if (language === null) delete chosen[shopKey];
    else chosen[shopKey] = language;
    if (Object.keys(chosen).length === 0) await db.settings.delete(SETTING_KEYS.shopReplyLanguages);
    else await db.settings.put({ key: SETTING_KEYS.shopReplyLanguages, value: shopReplyLanguagesSchema.parse(chosen) });
  });
}
