import type { TagRecord } from '../schema/records';
import type { BuyerLensDatabase } from './database';

export class TagNameTakenError extends Error {
  constructor(name: string) {
    super(`A tag named “${name}” already exists.`);
  }
}

/** Colours offered for new tags, in turn. */
export const TAG_COLORS = ['#0f766e', '#b45309', '#7c3aed', '#be123c', '#1d4ed8', '#4d7c0f', '#a16207', '#475569'] as const;

async function nameTaken(db: BuyerLensDatabase, name: string, exceptId?: string): Promise<boolean> {
  const lower = name.trim().toLowerCase();
  return (await db.tags.filter((t) => t.id !== exceptId && t.name.toLowerCase() === lower).count()) > 0;
}

/**
 * A new tag's id comes from its name, so two team members who create one name at once, offline,
 * make one tag (lib/sync/model.ts). A tag renamed since may hold that id: then a new one.
 */
async function idForName(db: BuyerLensDatabase, name: string): Promise<string> {
  const id = `name:${name.normalize('NFKC').toLowerCase()}`;
  return (await db.tags.get(id)) ? crypto.randomUUID() : id;
}

export async function createTag(db: BuyerLensDatabase, name: string, color?: string, now = new Date()): Promise<TagRecord> {
  return db.transaction('rw', db.tags, async () => {
    const trimmed = name.trim();
    if (await nameTaken(db, trimmed)) throw new TagNameTakenError(trimmed);
    const count = await db.tags.count();
    const tag: TagRecord = { id: await idForName(db, trimmed), name: trimmed, color: color ?? TAG_COLORS[count % TAG_COLORS.length]!, createdAt: now.toISOString() };
    await db.tags.add(tag);
    return tag;
  });
}

export async function updateTag(db: BuyerLensDatabase, id: string, change: { name?: string | undefined; color?: string | undefined }): Promise<TagRecord> {
  return db.transaction('rw', db.tags, async () => {
    const tag = await db.tags.get(id);
    if (!tag) throw new Error('That tag no longer exists.');
    const name = change.name?.trim();
    if (name !== undefined && (await nameTaken(db, name, id))) throw new TagNameTakenError(name);
    const updated = { ...tag, ...(name !== undefined ? { name } : {}), ...(change.color !== undefined ? { color: change.color } : {}) };
    await db.tags.put(updated);
    return updated;
  });
}

/** Deletes a tag and takes it off every buyer, in one transaction. */
export async function deleteTag(db: BuyerLensDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.tags, db.buyers], async () => {
    await db.buyers
      .where('tagIds')
      .equals(id)
      .modify((buyer) => {
        buyer.tagIds = buyer.tagIds.filter((t) => t !== id);
      });
    await db.tags.delete(id);
  });
}

export async function setBuyerTag(db: BuyerLensDatabase, buyerKey: string, tagId: string, on: boolean): Promise<void> {
  await db.transaction('rw', [db.tags, db.buyers], async () => {
    if (on && !(await db.tags.get(tagId))) throw new Error('That tag no longer exists.');
    const changed = await db.buyers
      .where('buyerKey')
      .equals(buyerKey)
      .modify((buyer) => {
        const has = buyer.tagIds.includes(tagId);
        if (on && !has) buyer.tagIds = [...buyer.tagIds, tagId];
        if (!on && has) buyer.tagIds = buyer.tagIds.filter((t) => t !== tagId);
      });
    if (changed === 0) throw new Error('That buyer is not in BuyerLens.');
  });
}

