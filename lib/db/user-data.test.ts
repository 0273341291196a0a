import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../schema/capture';
import { applyCapture } from './capture-repository';
import type { BuyerLensDatabase } from './database';
import { linkBuyers, unlinkBuyer } from './links-repository';
import { addNote, deleteNote, updateNote } from './notes-repository';
import { notesOf } from './queries';
import { setOrderFlag } from './order-flags-repository';
import { createTag, deleteTag, setBuyerTag, TagNameTakenError, updateTag } from './tags-repository';
import { freshDatabase } from './test-db';
import { createBackup, readBackup } from './backup';
import { DATABASE_NAME } from './database';
import { setShopReplyLanguage } from './replies-repository';
import { loadShopReplyLanguages } from './settings-queries';

let db: BuyerLensDatabase;
const ANA = 'shopee:br:1';
const BIA = 'shopee:br:2';
const AMY = 'amazon:amazon.com:abc';

function capture(capturedAt: string): CaptureBatch {
  return {
    adapterId: 'shopee',
    pageKind: 'order-list',
    pageUrl: 'https://seller.shopee.com.br/portal/sale/order',
    source: 'network',
    capturedAt,
    shops: [],
    buyers: [
      { buyerKey: ANA, shopKey: 'shopee:br', platformBuyerId: '1', displayName: 'ana' },
      { buyerKey: BIA, shopKey: 'shopee:br', platformBuyerId: '2', displayName: 'bia' },
    ],
    orders: [{ orderKey: 'shopee:br:9', orderId: '9', shopKey: 'shopee:br', buyerKey: ANA, status: 'completed', totalMinor: 100, currency: 'BRL' }],
    problems: [],
  };
}

beforeEach(async () => {
  db = freshDatabase();
  await applyCapture(db, capture('2026-11-01T00:00:00.000Z'));
  await applyCapture(db, {
    ...capture('2026-11-01T00:00:00.000Z'),
    adapterId: 'amazon',
    buyers: [{ buyerKey: AMY, shopKey: 'amazon:amazon.com', platformBuyerId: 'abc', displayName: 'Ana Souza' }],
    orders: [],
  });
});
afterEach(async () => {
  await db.delete();
});

describe('tags', () => {
  it('are created, renamed, recoloured and deleted, and deleting takes them off buyers', async () => {
    const vip = await createTag(db, ' VIP ');
    expect(vip.name).toBe('VIP');
    await setBuyerTag(db, ANA, vip.id, true);
    await setBuyerTag(db, ANA, vip.id, true);
    expect((await db.buyers.get(ANA))?.tagIds).toEqual([vip.id]);
    await expect(createTag(db, 'vip')).rejects.toThrow(TagNameTakenError);
    expect(await updateTag(db, vip.id, { name: 'Cliente VIP', color: '#be123c' })).toMatchObject({ name: 'Cliente VIP', color: '#be123c' });
    await deleteTag(db, vip.id);
    expect(await db.tags.count()).toBe(0);
    expect((await db.buyers.get(ANA))?.tagIds).toEqual([]);
  });

  it('are never touched by a capture', async () => {
    const vip = await createTag(db, 'VIP');
    await setBuyerTag(db, ANA, vip.id, true);
    await applyCapture(db, capture('2026-11-05T00:00:00.000Z'));
    expect((await db.buyers.get(ANA))?.tagIds).toEqual([vip.id]);
  });
});

describe('notes', () => {
  it('are added, edited and deleted, newest first, and survive captures', async () => {
    const first = await addNote(db, ANA, 'Prefere entrega à tarde.', new Date('2026-11-01T10:00:00Z'));
    await addNote(db, ANA, 'Pediu nota fiscal.', new Date('2026-11-02T10:00:00Z'));
    await updateNote(db, first.id, 'Prefere entrega de manhã.', new Date('2026-11-03T10:00:00Z'));
    await applyCapture(db, capture('2026-11-05T00:00:00.000Z'));
    expect((await notesOf(db, ANA)).map((n) => n.text)).toEqual(['Pediu nota fiscal.', 'Prefere entrega de manhã.']);
    await deleteNote(db, first.id);
    expect(await notesOf(db, ANA)).toHaveLength(1);
    await expect(addNote(db, 'shopee:br:404', 'x')).rejects.toThrow(/not in BuyerLens/);
  });
});

describe('order flags', () => {
  it('hold a colour and a memo, survive captures, and go when cleared', async () => {
    await setOrderFlag(db, 'shopee:br:9', { color: 'red', memo: 'Trocar embalagem' });
    await applyCapture(db, capture('2026-11-05T00:00:00.000Z'));
    expect(await db.orderFlags.get('shopee:br:9')).toMatchObject({ color: 'red', memo: 'Trocar embalagem' });
    await setOrderFlag(db, 'shopee:br:9', {});
    expect(await db.orderFlags.count()).toBe(0);
  });
});

describe('linked buyers', () => {
  it('link only on the user’s word, join groups, and unlink', async () => {
    expect((await db.buyers.toArray()).some((b) => b.personId)).toBe(false);
    const person = await linkBuyers(db, ANA, AMY);
    expect((await db.buyers.get(AMY))?.personId).toBe(person);
    await linkBuyers(db, BIA, ANA);
    expect(new Set((await db.buyers.toArray()).map((b) => b.personId))).toEqual(new Set([person]));
    await applyCapture(db, capture('2026-11-05T00:00:00.000Z'));
    expect((await db.buyers.get(ANA))?.personId).toBe(person);
    await unlinkBuyer(db, BIA);
    await unlinkBuyer(db, ANA);
    // AMY is alone now: no group of one.
    expect((await db.buyers.toArray()).some((b) => b.personId)).toBe(false);
    await expect(linkBuyers(db, ANA, ANA)).rejects.toThrow(/themselves/);
  });
});

describe('reply language per shop', () => {
  it('keeps the agent’s choice per shop, forgets it when set back to the market’s, and a backup restores it', async () => {
    await setShopReplyLanguage(db, 'shopee:br', 'en');
    await setShopReplyLanguage(db, 'shopee:my', 'en');
    await setShopReplyLanguage(db, 'shopee:my', null);
    expect(await loadShopReplyLanguages(db)).toEqual({ 'shopee:br': 'en' });
    const file = JSON.parse(await (await createBackup(db)).text());
    file.data.databaseName = DATABASE_NAME;
    expect(readBackup(JSON.stringify(file)).tables.settings).toContainEqual({ key: 'replies.shopLanguages', value: { 'shopee:br': 'en' } });
    await setShopReplyLanguage(db, 'shopee:br', null);
    expect(await db.settings.get('replies.shopLanguages')).toBeUndefined();
  });
});
