import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFilter, filterRows, SORT_KEYS, sortRows, toBuyerRow, type Sort } from '../buyers/list';
import type { BuyerFilter } from '../schema/lists';
import { emptyStats, type BuyerRecord } from '../schema/records';
import { BuyerListWalk, countMatches, everyMatchInOrder, matchingKeys, notedBuyers } from './buyer-list';
import { refreshBuyerList } from './buyer-list-writer';
import { bulkSetTag, eraseBuyer } from './buyers-repository';
import type { BuyerLensDatabase } from './database';
import { freshDatabase } from './test-db';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const AT = '2026-11-01T00:00:00.000Z';
const SHOPS = ['shopee:br', 'shopee:my', 'amazon:amazon.com'];

/** Buyer number i: some without a purchase (no last order, no tier), names with accents and case. */
function buyer(i: number): BuyerRecord {
  const shopKey = SHOPS[i % 3]!;
  const orders = i % 7 === 0 ? 0 : 1 + (i % 5);
  const last = new Date(NOW - ((i * 37) % 400) * 86_400_000).toISOString();
  const names = ['Ána', 'ana', 'Bruno', 'ＣＡＩＯ', 'dora'];
  return {
    buyerKey: `${shopKey}:${String(1000 + i)}`,
    shopKey,
    adapterId: shopKey.split(':')[0]!,
    platformBuyerId: String(1000 + i),
    ...(i % 11 === 3 ? {} : { displayName: `${names[i % 5]} ${i % 13}` }),
    tagIds: i % 4 === 0 ? ['vip'] : i % 9 === 0 ? ['vip', 'wholesale'] : [],
    stats: {
      ...emptyStats(),
      orderCount: orders,
      paidOrderCount: orders,
      spentMinor: orders * ((i * 131) % 9000),
      ...(orders > 0 ? { currency: 'BRL', firstOrderAt: AT, lastOrderAt: last } : {}),
    },
    ...(orders > 0 ? { tier: { segment: i % 2 ? 'champions' : 'at-risk', r: 1 + (i % 5), f: 2, m: 3, lastPurchaseAt: Date.parse(last), frequency: orders, monetaryMinor: 100 } } : {}),
    firstSeenAt: AT,
    updatedAt: AT,
  } as BuyerRecord;
}

let db: BuyerLensDatabase;
const all = Array.from({ length: 1300 }, (_, i) => buyer(i));

beforeEach(async () => {
  db = freshDatabase();
  await db.buyers.bulkPut(all);
  await refreshBuyerList(db);
});
afterEach(async () => {
  await db.delete();
});

async function walkAll(filter: BuyerFilter, sort: Sort, step = 97): Promise<string[]> {
  const walk = new BuyerListWalk(db, { filter, sort, now: NOW }, await notedBuyers(db));
  const keys: string[] = [];
  while (!walk.done) for (const row of await walk.next(step)) keys.push(row.buyerKey);
  return keys;
}

/** What the table should list: every buyer, filtered and sorted in memory. */
const expected = (filter: BuyerFilter, sort: Sort, buyers = all) =>
  sortRows(
    filterRows(
      buyers.map((b) => toBuyerRow(b, false, undefined)),
      filter,
      NOW,
    ),
    sort,
  ).map((r) => r.buyerKey);

describe('the buyers table’s rows', () => {
  it('are made for every buyer written, and each write leaves one mark until they are', async () => {
    expect(await db.buyerList.count()).toBe(all.length);
    expect(await db.buyerListDirty.count()).toBe(0);
    await db.tags.add({ id: 'wholesale', name: 'Wholesale', color: '#888888', createdAt: AT });
    await bulkSetTag(db, [all[1]!.buyerKey, all[2]!.buyerKey], 'wholesale', true);
    expect(await db.buyerListDirty.count()).toBe(1);
    expect((await db.buyerList.get(all[1]!.buyerKey))?.tagIds).toEqual([]);
    expect(await refreshBuyerList(db)).toBe(2);
    expect((await db.buyerList.get(all[1]!.buyerKey))?.tagIds).toEqual(['wholesale']);
    await eraseBuyer(db, all[2]!.buyerKey);
    await refreshBuyerList(db);
    expect(await db.buyerList.get(all[2]!.buyerKey)).toBeUndefined();
  });

  it('leave no mark where the write was rolled back', async () => {
    await expect(
      db.transaction('rw', db.buyers, async () => {
        await db.buyers.put({ ...all[5]!, displayName: 'never' });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.buyerListDirty.count()).toBe(0);
    expect((await db.buyerList.get(all[5]!.buyerKey))?.name).toBe(all[5]!.displayName);
  });

  it('are made again a slice at a time after a write of more buyers than one step reads', async () => {
    const renamed = Array.from({ length: 6000 }, (_, i) => ({ ...buyer(i), displayName: `renamed ${i}` }));
    await db.buyers.bulkPut(renamed);
    expect(await refreshBuyerList(db)).toBe(6000);
    expect(await db.buyerList.count()).toBe(6000);
    expect((await db.buyerList.get(renamed[5999]!.buyerKey))?.name).toBe('renamed 5999');
    expect((await db.buyerList.get(renamed[0]!.buyerKey))?.name).toBe('renamed 0');
    expect(await db.buyerListDirty.count()).toBe(0);
  });

  it('are made once per buyer however many marks name them, by one run at a time however many ask', async () => {
    // Captures writing the same 5,000 buyers again and again (one mark each, more buyers than one step makes).
    const many = Array.from({ length: 5000 }, (_, i) => buyer(i));
    for (let round = 0; round < 3; round++) await db.buyers.bulkPut(many.map((b) => ({ ...b, displayName: `round ${round}` })));
    expect(await db.buyerListDirty.count()).toBe(3);
    const made = await Promise.all(Array.from({ length: 5 }, () => refreshBuyerList(db)));
    expect(made.reduce((a, b) => a + b, 0)).toBe(5000);
    expect((await db.buyerList.get(many[4999]!.buyerKey))?.name).toBe('round 2');
    expect(await db.buyerList.count()).toBe(5000);
    expect(await db.buyerListDirty.count()).toBe(0);
  });

  it('after the buyers were cleared, keep the rows of buyers still there and drop the others', async () => {
    await db.transaction('rw', db.buyers, async () => {
      await db.buyers.clear();
      await db.buyers.bulkPut(all.slice(0, 2500));
    });
    expect(await db.buyerList.count()).toBe(all.length);
    await refreshBuyerList(db);
    const kept = all.slice(0, 2500).map((b) => b.buyerKey).sort();
    expect((await db.buyerList.toCollection().primaryKeys()).sort()).toEqual(kept);
    // The search words too: the buyers kept are found, the others not.
    expect((await db.buyerSearch.toCollection().primaryKeys()).sort()).toEqual(kept);
  });

  it('come with the buyers’ search words, made again with a new name and dropped with the buyer', async () => {
    const one = buyer(7);
    await db.buyers.put({ ...one, displayName: 'Renata Prado' });
    await refreshBuyerList(db);
    expect((await db.buyerSearch.get(one.buyerKey))?.words).toContain('prado');
    await db.buyers.put({ ...one, displayName: 'Renata Lobo' });
    await refreshBuyerList(db);
    expect((await db.buyerSearch.get(one.buyerKey))?.words).toContain('lobo');
    expect((await db.buyerSearch.get(one.buyerKey))?.words).not.toContain('prado');
    await db.buyers.delete(one.buyerKey);
    await refreshBuyerList(db);
    expect(await db.buyerSearch.get(one.buyerKey)).toBeUndefined();
  });

  it('are all made again after the buyers were cleared and written anew', async () => {
    await db.buyers.clear();
    await db.buyers.bulkPut(all.slice(0, 10));
    expect(await refreshBuyerList(db)).toBe(10);
    expect(await db.buyerList.count()).toBe(10);
    expect(await db.buyerListDirty.count()).toBe(0);
  });
});

describe('a query of the buyers table', () => {
  it('lists every buyer in each sort’s order, both ways, those without a value last', async () => {
    for (const key of SORT_KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        expect(await walkAll(emptyFilter(), { key, dir }), `${key} ${dir}`).toEqual(expected(emptyFilter(), { key, dir }));
      }
    }
  });

  it('lists what a filter keeps, walking or reading a tag’s buyers, and counts them', async () => {
    const filters: BuyerFilter[] = [
      { tagMode: 'any', shopKeys: ['shopee:br'], ordersMin: 3 },
      { tagMode: 'any', tagIds: ['vip'] },
      { tagMode: 'all', tagIds: ['vip', 'wholesale'], lastOrderOlderThanDays: 60 },
      { tagMode: 'none', tagIds: ['vip'], query: 'ana' },
      { tagMode: 'any', segments: ['champions'], spentMax: 50 },
      { tagMode: 'any', shopKeys: ['amazon:amazon.com'] },
    ];
    for (const filter of filters) {
      const sort: Sort = { key: 'lastOrderAt', dir: 'desc' };
      const want = expected(filter, sort);
      expect(await walkAll(filter, sort), JSON.stringify(filter)).toEqual(want);
      expect(await countMatches(db, { filter, sort, now: NOW }, new Set())).toBe(want.length);
    }
    expect(await countMatches(db, { filter: emptyFilter(), sort: { key: 'name', dir: 'asc' }, now: NOW }, new Set())).toBe(all.length);
  });

  it('gives every match in the list’s order when read in the store’s order and sorted (an export’s read)', async () => {
    const filters: BuyerFilter[] = [emptyFilter(), { tagMode: 'any', shopKeys: ['shopee:br'], ordersMin: 3 }, { tagMode: 'any', tagIds: ['vip'] }, { tagMode: 'none', tagIds: ['vip'], query: 'ana' }];
    for (const filter of filters) {
      for (const key of SORT_KEYS) {
        for (const dir of ['asc', 'desc'] as const) {
          const counts: number[] = [];
          const keys = await everyMatchInOrder(db, { filter, sort: { key, dir }, now: NOW }, new Set(), (rows) => rows.map((row) => row.buyerKey), (n) => counts.push(n), 97);
          const want = expected(filter, { key, dir });
          expect(keys, `${JSON.stringify(filter)} ${key} ${dir}`).toEqual(want);
          expect(counts.at(-1)).toBe(want.length);
        }
      }
    }
  });

  it('reads a screen of rows without reading the rest', async () => {
    const walk = new BuyerListWalk(db, { filter: emptyFilter(), sort: { key: 'spentMinor', dir: 'desc' }, now: NOW }, new Set());
    const first = await walk.next(30);
    expect(first.map((r) => r.buyerKey)).toEqual(expected(emptyFilter(), { key: 'spentMinor', dir: 'desc' }).slice(0, 30));
    expect(walk.done).toBe(false);
  });

  it('says which buyers have notes, and filters on it', async () => {
    await db.notes.add({ id: 'n1', buyerKey: all[8]!.buyerKey, text: 'gift wrap', createdAt: AT, updatedAt: AT });
    const rows = await new BuyerListWalk(db, { filter: { tagMode: 'any', hasNotes: true }, sort: { key: 'name', dir: 'asc' }, now: NOW }, await notedBuyers(db)).next(10);
    expect(rows.map((r) => [r.buyerKey, r.hasNotes])).toEqual([[all[8]!.buyerKey, true]]);
  });

  it('gives the keys of every match for a bulk change', async () => {
    const filter: BuyerFilter = { tagMode: 'any', ordersMax: 1 };
    expect((await matchingKeys(db, filter, NOW)).sort()).toEqual(expected(filter, { key: 'shopKey', dir: 'asc' }).sort());
  });
});
