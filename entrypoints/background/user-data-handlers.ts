import { clearCaptureQueue, forgetInQueue } from '@/lib/capture-queue';
import { matchingKeys } from '@/lib/db/buyer-list';
import { db } from '@/lib/db/database';
import { wipeEverything } from '@/lib/db/backup';
import { applyRetention, bulkSetTag, deleteList, eraseBuyer, importTagAssignments, saveList, saveRetention } from '@/lib/db/buyers-repository';
import { linkBuyers, unlinkBuyer } from '@/lib/db/links-repository';
import { addNote, deleteNote, updateNote } from '@/lib/db/notes-repository';
import { setOrderFlag } from '@/lib/db/order-flags-repository';
import { deleteTemplate, ensureDefaultPacks, importPack, markTemplateUsed, saveTemplate, setShopReplyLanguage } from '@/lib/db/replies-repository';
import { saveRfmSettings } from '@/lib/db/rfm-repository';
import { createTag, deleteTag, setBuyerTag, updateTag } from '@/lib/db/tags-repository';
import { onPageMessage } from '@/lib/messaging/background';
import type { CaptureQueue } from './capture-queue';
import { clearSessionState, forgetOnScreens } from '@/lib/screen-state';

/**
 * The user's own data (extension pages → background; never a content script, whose tab is a
 * marketplace's): each action parsed by lib/messaging, then done in the repositories' transactions.
 */
/** `beforeWipe`: what goes with everything else (the team membership: deleting everything leaves the team). */
export function registerUserDataHandlers(queue: Pick<CaptureQueue, 'exclusive'>, onRfmSettings: () => void, shopsChanged: (shopKeys: readonly string[]) => void, beforeWipe: () => Promise<void> = () => Promise.resolve()): void {
  onPageMessage('tags/create', (t) => createTag(db, t.name, t.color));
  onPageMessage('tags/update', (t) => updateTag(db, t.id, t));
  onPageMessage('tags/delete', (t) => deleteTag(db, t.id));
  onPageMessage('buyers/tag', (c) => setBuyerTag(db, c.buyerKey, c.tagId, c.on));
  onPageMessage('notes/add', (n) => addNote(db, n.buyerKey, n.text));
  onPageMessage('notes/update', (n) => updateNote(db, n.id, n.text));
  onPageMessage('notes/delete', (n) => deleteNote(db, n.id));
  onPageMessage('orders/flag', async (f) => {
    await setOrderFlag(db, f.orderKey, f);
  });
  onPageMessage('buyers/link', async (l) => {
    await linkBuyers(db, l.buyerKey, l.otherKey);
  });
  onPageMessage('buyers/unlink', (b) => unlinkBuyer(db, b.buyerKey));
  onPageMessage('buyers/bulk-tag', async (c) => bulkSetTag(db, await matchingKeys(db, c.filter, c.now), c.tagId, c.on));
  onPageMessage('buyers/import-tags', (c) => importTagAssignments(db, c.assignments));
  onPageMessage('buyers/erase', async (b) => {
    const shopKey = (await db.buyers.get(b.buyerKey))?.shopKey;
    // No queued capture is stored meanwhile, so none brings back what this forgets.
    await queue.exclusive(async () => {
      const { orderKeys } = await eraseBuyer(db, b.buyerKey);
      await forgetOnScreens(b.buyerKey, orderKeys);
      await forgetInQueue(b.buyerKey, orderKeys);
    });
    if (shopKey) shopsChanged([shopKey]);
  });
  onPageMessage('lists/save', (l) => saveList(db, l));
  onPageMessage('lists/delete', (l) => deleteList(db, l.name));
  onPageMessage('data/retention', async (r) => {
    await saveRetention(db, r.months ?? undefined);
    const result = await applyRetention(db);
    shopsChanged(result.shops);
    return { orders: result.orders };
  });
  onPageMessage('data/wipe', async () => {
    await beforeWipe();
    await queue.exclusive(async () => {
      await clearCaptureQueue();
      await wipeEverything(db);
    });
    await clearSessionState();
    // The built-in replies are part of BuyerLens, not the user's data: they come back.
    await ensureDefaultPacks(db);
  });
  onPageMessage('replies/save', (t) => saveTemplate(db, t));
  onPageMessage('replies/delete', (t) => deleteTemplate(db, t.id));
  onPageMessage('replies/used', (t) => markTemplateUsed(db, t.id));
  onPageMessage('replies/import', (pack) => importPack(db, pack));
  onPageMessage('shops/reply-language', (c) => setShopReplyLanguage(db, c.shopKey, c.language));
  onPageMessage('rfm/settings', async (settings) => {
    await saveRfmSettings(db, settings);
    onRfmSettings();
  });
}
