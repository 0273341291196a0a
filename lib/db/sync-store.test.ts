import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../schema/capture';
import type { RowChange } from '../sync/model';
import { applyCapture } from './capture-repository';
import { DATABASE_NAME, type BuyerLensDatabase } from './database';
import { applyRetention, eraseBuyer, saveRetention } from './buyers-repository';
import { addNote } from './notes-repository';
import { setOrderFlag } from './order-flags-repository';
import { setSyncHooks, writeRemote, type SyncHooks } from './sync-store';
import { createTag, setBuyerTag } from './tags-repository';
import { freshDatabase } from './test-db';
import { shopeeListBatch } from '../../test/capture-batch';
import { createBackup, readBackup } from './backup';

let db: BuyerLensDatabase;
let committed = 0;
const ANA = 'shopee:br:1';
const NEW = 'shopee:br:77';

const batch = (buyerKey: string): CaptureBatch => {
  const id = buyerKey.split(':')[2]!;
  return shopeeListBatch({
    buyers: [{ buyerKey, shopKey: 'shopee:br', platformBuyerId: id, displayName: 'ana' }],
    orders: [{ orderKey: `shopee:br:o${id}`, orderId: `o${id}`, shopKey: 'shopee:br', buyerKey, status: 'completed', totalMinor: 100, currency: 'BRL' }],
  });
};

const hooks = (teamTags: Record<string, string[]> = {}): SyncHooks => ({
  shares: (change: RowChange) => change.table !== 'buyers' || JSON.stringify(change.before?.tagIds) !== JSON.stringify(change.after?.tagIds),
  teamAnnotations: (buyerKey) => (teamTags[buyerKey] ? { tagIds: teamTags[buyerKey] } : undefined),
  committed: () => void (committed += 1),
});
const outbox = async () => (await db.syncOutbox.toArray()).flatMap((r) => r.changes);

beforeEach(async () => {
  db = freshDatabase();
  committed = 0;
  await applyCapture(db, batch(ANA));
});
afterEach(async () => {
  setSyncHooks(db, null);
  await db.delete();
});

describe('the sync outbox', () => {
  it('is not written while no team is joined', async () => {
    const vip = await createTag(db, 'VIP');
    await setBuyerTag(db, ANA, vip.id, true);
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('keeps every user change with the row before and after, in the same transaction, and says when it committed', async () => {
    setSyncHooks(db, hooks());
    const vip = await createTag(db, 'VIP');
    expect(vip.id).toBe('name:vip');
    await setBuyerTag(db, ANA, vip.id, true);
    const note = await addNote(db, ANA, 'Prefers mornings.');
    const changes = await outbox();
    expect(changes.map((c) => [c.table, c.key])).toEqual([
      ['tags', 'name:vip'],
      ['buyers', ANA],
      ['notes', note.id],
    ]);
    expect(changes[1]).toMatchObject({ before: { tagIds: [] }, after: { tagIds: ['name:vip'] } });
    expect(committed).toBe(3);
  });

  it('leaves out a capture that changes nothing the team shares, and gives a new buyer the tags the team gave them', async () => {
    setSyncHooks(db, hooks({ [NEW]: ['name:vip'] }));
    await applyCapture(db, batch(ANA));
    await applyCapture(db, batch(NEW));
    expect((await db.buyers.get(NEW))?.tagIds).toEqual(['name:vip']);
    expect(await outbox()).toEqual([]);
  });

  it('does not send back what other agents changed; their notes wait for a buyer this browser has', async () => {
    setSyncHooks(db, hooks());
    const tag = { id: 'name:late', name: 'Late payer', color: '#b45309', createdAt: '2026-12-01T00:00:00.000Z' };
    const note = { id: 'n-9', buyerKey: NEW, text: 'From another agent', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' };
    await writeRemote(db, [{ doc: 'team:t', update: new Uint8Array([0, 0]) }], [
      { touched: { table: 'tags', key: tag.id }, row: tag },
      { touched: { table: 'buyerTags', key: ANA, hidden: 'h' }, row: { buyerKey: ANA, tagIds: [tag.id], removed: [] } },
      { touched: { table: 'notes', key: note.id }, row: note },
    ]);
    expect(await db.tags.get(tag.id)).toEqual(tag);
    expect((await db.buyers.get(ANA))?.tagIds).toEqual([tag.id]);
    expect(await db.notes.count()).toBe(0);
    expect(await outbox()).toEqual([]);
    expect(await db.syncUpdates.count()).toBe(1);
    // What another agent sent is stored only as a valid record; a backup of it restores.
    await writeRemote(db, [], [{ touched: { table: 'tags', key: 'bad' }, row: { id: 'bad', name: 'x'.repeat(500), color: 'red' } }]);
    expect(await db.tags.get('bad')).toBeUndefined();
    const file = JSON.parse(await (await createBackup(db)).text());
    file.data.databaseName = DATABASE_NAME;
    const backup = readBackup(JSON.stringify(file));
    expect(backup.tables.syncUpdates).toBeUndefined();
    expect(backup.tables.tags).toHaveLength(1);
  });

  it('forgetting a buyer sends the removal of their tags, notes and flags to the team', async () => {
    setSyncHooks(db, hooks());
    const vip = await createTag(db, 'VIP');
    await setBuyerTag(db, ANA, vip.id, true);
    const note = await addNote(db, ANA, 'Prefers mornings.');
    await setOrderFlag(db, 'shopee:br:o1', { color: 'red' });
    await db.syncOutbox.clear();
    await eraseBuyer(db, ANA);
    const changes = await outbox();
    expect(changes.filter((c) => c.after === null).map((c) => [c.table, c.key]).sort()).toEqual([
      ['buyers', ANA],
      ['notes', note.id],
      ['orderFlags', 'shopee:br:o1'],
    ]);
  });

  it('retention is each browser’s own: what it deletes is not sent to the team', async () => {
    setSyncHooks(db, hooks());
    await setOrderFlag(db, 'shopee:br:o1', { color: 'red' });
    await saveRetention(db, 1);
    await db.syncOutbox.clear();
    const done = await applyRetention(db, new Date('2027-06-01T00:00:00.000Z'));
    expect(done.orders).toBe(1);
    expect(await db.orderFlags.count()).toBe(0);
    expect(await outbox()).toEqual([]);
  });

  it('writes nothing from other agents while this browser’s own changes wait to go into the documents', async () => {
    setSyncHooks(db, hooks());
    const vip = await createTag(db, 'VIP');
    expect(await db.syncOutbox.count()).toBe(1);
    const result = await writeRemote(db, [{ doc: 'team:t', update: new Uint8Array([0, 0]) }], [{ touched: { table: 'tags', key: vip.id }, row: { ...vip, name: 'Other' } }]);
    expect(result.written).toBe(false);
    expect((await db.tags.get(vip.id))?.name).toBe('VIP');
    expect(await db.syncUpdates.count()).toBe(0);
  });
});
