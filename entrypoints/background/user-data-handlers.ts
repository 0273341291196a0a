import { browser } from 'wxt/browser';
import { z } from 'zod';
import { db } from '@/lib/db/database';
import { linkBuyers, unlinkBuyer } from '@/lib/db/links-repository';
import { addNote, deleteNote, updateNote } from '@/lib/db/notes-repository';
import { setOrderFlag } from '@/lib/db/order-flags-repository';
import { wipeEverything } from '@/lib/db/backup';
import { applyRetention, bulkSetTag, deleteList, eraseBuyer, importTagAssignments, saveList, saveRetention } from '@/lib/db/buyers-repository';
import { deleteTemplate, ensureDefaultPacks, importPack, markTemplateUsed, saveTemplate } from '@/lib/db/replies-repository';
import { saveRfmSettings } from '@/lib/db/rfm-repository';
import { replyTemplateFieldsSchema } from '@/lib/replies/template';
import { createTag, deleteTag, setBuyerTag, updateTag } from '@/lib/db/tags-repository';
import type { ActionType, ActionValue } from '@/lib/actions';
import { onMessage } from '@/lib/messaging';
import { describeIssues } from '@/lib/schema/issues';
import {
  buyerEraseSchema,
  buyerLinkSchema,
  bulkTagSchema,
  importTagsSchema,
  listDeleteSchema,
  retentionSchema,
  savedListSchema,
  wipeSchema,
  buyerTagSchema,
  buyerUnlinkSchema,
  byIdSchema,
  noteAddSchema,
  noteDeleteSchema,
  noteUpdateSchema,
  orderFlagSchema,
  rfmSettingsMessageSchema,
  tagCreateSchema,
  tagDeleteSchema,
  tagUpdateSchema,
  type ActionReply,
} from '@/lib/schema/messages';


/**
 * One user action: only from this extension's pages (never a content script, whose tab is a
 * marketplace's), parsed, then done in the repositories' transactions.
 */
function handle<K extends ActionType, S extends z.ZodType>(type: K, schema: S, act: (data: z.infer<S>) => Promise<ActionValue<K>>): void {
  const listener = async ({ data, sender }: { data: unknown; sender: { id?: string; tab?: { url?: string } } }): Promise<ActionReply<ActionValue<K>>> => {
    if (sender.id !== browser.runtime.id || sender.tab?.url?.startsWith('http')) return { ok: false, error: 'Not allowed from this page.' };
    const parsed = schema.safeParse(data);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
    try {
      return { ok: true, value: await act(parsed.data) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
  // The protocol map types each reply; `listener` is checked against ActionValue<K> above.
  onMessage(type, listener as never);
}

export function registerUserDataHandlers(onRfmSettings: () => void, shopsChanged: (shopKeys: readonly string[]) => void): void {
  handle('tags/create', tagCreateSchema, (t) => createTag(db, t.name, t.color));
  handle('tags/update', tagUpdateSchema, (t) => updateTag(db, t.id, t));
  handle('tags/delete', tagDeleteSchema, (t) => deleteTag(db, t.id));
  handle('buyers/tag', buyerTagSchema, (c) => setBuyerTag(db, c.buyerKey, c.tagId, c.on));
  handle('notes/add', noteAddSchema, (n) => addNote(db, n.buyerKey, n.text));
  handle('notes/update', noteUpdateSchema, (n) => updateNote(db, n.id, n.text));
  handle('notes/delete', noteDeleteSchema, (n) => deleteNote(db, n.id));
  handle('orders/flag', orderFlagSchema, async (f) => {
    await setOrderFlag(db, f.orderKey, f);
  });
  handle('buyers/link', buyerLinkSchema, async (l) => {
    await linkBuyers(db, l.buyerKey, l.otherKey);
  });
  handle('buyers/unlink', buyerUnlinkSchema, (b) => unlinkBuyer(db, b.buyerKey));
  handle('buyers/bulk-tag', bulkTagSchema, (c) => bulkSetTag(db, c.buyerKeys, c.tagId, c.on));
  handle('buyers/import-tags', importTagsSchema, (c) => importTagAssignments(db, c.assignments));
  handle('buyers/erase', buyerEraseSchema, async (b) => {
    const shopKey = (await db.buyers.get(b.buyerKey))?.shopKey;
    await eraseBuyer(db, b.buyerKey);
    if (shopKey) shopsChanged([shopKey]);
  });
  handle('lists/save', savedListSchema, (l) => saveList(db, l));
  handle('lists/delete', listDeleteSchema, (l) => deleteList(db, l.name));
  handle('data/retention', retentionSchema, async (r) => {
    await saveRetention(db, r.months ?? undefined);
    const result = await applyRetention(db);
    shopsChanged(result.shops);
    return { orders: result.orders };
  });
  handle('data/wipe', wipeSchema, async () => {
    await wipeEverything(db);
    // The built-in replies are part of BuyerLens, not the user's data: they come back.
    await ensureDefaultPacks(db);
  });
  handle('replies/save', replyTemplateFieldsSchema, (t) => saveTemplate(db, t));
  handle('replies/delete', byIdSchema, (t) => deleteTemplate(db, t.id));
  handle('replies/used', byIdSchema, (t) => markTemplateUsed(db, t.id));
  handle('replies/import', z.unknown(), (pack) => importPack(db, pack));
  handle('rfm/settings', rfmSettingsMessageSchema, async (settings) => {
    await saveRfmSettings(db, settings);
    onRfmSettings();
  });
}
