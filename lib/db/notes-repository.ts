import type { NoteRecord } from '../schema/records';
import type { BuyerLensDatabase } from './database';

export async function addNote(db: BuyerLensDatabase, buyerKey: string, text: string, now = new Date()): Promise<NoteRecord> {
  return db.transaction('rw', [db.buyers, db.notes], async () => {
    if (!(await db.buyers.get(buyerKey))) throw new Error('That buyer is not in BuyerLens.');
    const at = now.toISOString();
    const note: NoteRecord = { id: crypto.randomUUID(), buyerKey, text: text.trim(), createdAt: at, updatedAt: at };
    await db.notes.add(note);
    return note;
  });
}

export async function updateNote(db: BuyerLensDatabase, id: string, text: string, now = new Date()): Promise<NoteRecord> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new Error('That note no longer exists.');
    const updated = { ...note, text: text.trim(), updatedAt: now.toISOString() };
    await db.notes.put(updated);
    return updated;
  });
}

export async function deleteNote(db: BuyerLensDatabase, id: string): Promise<void> {
  await db.notes.delete(id);
}

