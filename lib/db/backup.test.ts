import { exportDB } from 'dexie-export-import';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../schema/capture';
import { MAX_AMOUNT_MINOR } from '../schema/common';
import type { BuyerRecord, ShopRecord } from '../schema/records';
import { isConsoleLink } from '../adapters/catalog';
import { BackupError, createBackup, MAX_BACKUP_BYTES, readBackup, readBackupFile, restoreBackup, wipeEverything, type RestoreProgress } from './backup';
import { statsOf } from './aggregates';
import { applyCapture } from './capture-repository';
import { refreshBuyerList } from './buyer-list-writer';
import { DATABASE_NAME, type BuyerLensDatabase } from './database';
import { addNote } from './notes-repository';
import { recentBuyers } from './queries';
import { rescoreAll } from './rfm-repository';
import { createTag, setBuyerTag } from './tags-repository';
import { freshDatabase } from './test-db';
import { shopeeListBatch } from '../../test/capture-batch';
import { FIXTURE_LEDGER, fixtureDatabase, fixtureRows, withoutLedger } from './test-fixtures';
import { CURRENT_VERSION } from './ladder';

let db: BuyerLensDatabase;
const ANA = 'shopee:br:1';

const batch: CaptureBatch = shopeeListBatch({
  buyers: [
    { buyerKey: ANA, shopKey: 'shopee:br', platformBuyerId: '1', displayName: '王小明' },
    { buyerKey: 'shopee:br:2', shopKey: 'shopee:br', platformBuyerId: '2', displayName: '=2+5 Silva' },
  ],
  orders: [{ orderKey: 'shopee:br:9', orderId: '9', shopKey: 'shopee:br', buyerKey: ANA, status: 'completed', totalMinor: 1990, currency: 'BRL', placedAt: '2026-10-01T00:00:00.000Z' }],
});

async function counts(d: BuyerLensDatabase) {
  return Object.fromEntries(await Promise.all(d.tables.map(async (t) => [t.name, await t.count()] as const)));
}

beforeEach(async () => {
  // Backups name the database; tests use the real name in a fresh fake-indexeddb database.
  db = freshDatabase();
  await applyCapture(db, batch);
  const vip = await createTag(db, 'VIP');
  await setBuyerTag(db, ANA, vip.id, true);
  await addNote(db, ANA, 'Prefere entrega à tarde.');
});
afterEach(async () => {
  await db.delete();
});

/** A backup file as BuyerLens writes it (databaseName is the real one whatever the test db's name). */
async function backupText(): Promise<string> {
  const file = JSON.parse(await (await createBackup(db)).text());
  file.data.databaseName = DATABASE_NAME;
  return JSON.stringify(file);
}

describe('backup and restore', () => {
  it('restores exactly what was backed up, after a wipe', async () => {
    await rescoreAll(db, Date.parse('2026-11-02T00:00:00.000Z'));
    // The background makes the buyers table's rows after every change; the restore makes them at once.
    await refreshBuyerList(db);
    const before = await counts(db);
    const buyers = await db.buyers.toArray();
    const shops = await db.shops.toArray();
    expect(buyers.find((b) => b.buyerKey === ANA)?.tier).toBeDefined();
    const notes = await db.notes.toArray();
    const text = await backupText();
    await wipeEverything(db);
    expect(await db.buyers.count()).toBe(0);
    // Restored on the day it was scored, the tiers rebuilt from the orders are the ones backed up.
    const backup = readBackup(text, { now: Date.parse('2026-11-02T00:00:00.000Z') });
    expect(backup.version).toBe(CURRENT_VERSION);
    await restoreBackup(db, backup);
    expect(await counts(db)).toEqual(before);
    expect(await db.buyers.toArray()).toEqual(buyers);
    expect(await db.shops.toArray()).toEqual(shops);
    expect(await db.notes.toArray()).toEqual(notes);
  });

  it('restores a buyer whose orders carry no date (the export marks the absent dates, never writes them as 0)', async () => {
    await applyCapture(db, { ...batch, orders: [{ ...batch.orders[0]!, orderKey: 'shopee:br:10', orderId: '10', placedAt: undefined, buyerKey: 'shopee:br:2' }] });
    const beforeBuyer = await db.buyers.get('shopee:br:2');
    expect(beforeBuyer?.stats.firstOrderAt).toBeUndefined();
    const text = await backupText();
    expect(text).toContain('"undef"');
    await wipeEverything(db);
    await restoreBackup(db, readBackup(text));
    expect((await db.buyers.get('shopee:br:2'))?.stats).toEqual(beforeBuyer?.stats);
  });

  it('restores a state the app reaches with the largest amounts (a buyer of 10,000 orders at the amount limit)', async () => {
    const orders = Array.from({ length: 10_000 }, (_, i) => {
      const placedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      return { orderKey: `shopee:br:big${i}`, orderId: `big${i}`, shopKey: 'shopee:br', buyerKey: ANA, adapterId: 'shopee', status: 'completed' as const, totalMinor: MAX_AMOUNT_MINOR, currency: 'BRL', placedAt, sortAt: placedAt, firstSeenAt: placedAt, updatedAt: placedAt };
    });
    await db.orders.bulkPut(orders);
    const buyer = (await db.buyers.get(ANA))!;
    await db.buyers.put({ ...buyer, stats: statsOf(await db.orders.where('buyerKey').equals(ANA).toArray()) });
    const text = await backupText();
    await wipeEverything(db);
    // Reading and writing report progress as they go, to the last row.
    const progress: RestoreProgress[] = [];
    await restoreBackup(db, readBackup(text, { onProgress: (p) => progress.push(p) }), (p) => progress.push(p));
    expect((await db.buyers.get(ANA))?.stats.spentMinor).toBe(Number.MAX_SAFE_INTEGER);
    const rows = (await Promise.all(db.tables.map((t) => t.count()))).reduce((a, b) => a + b, 0);
    expect(progress.filter((p) => p.step === 'checking').map((p) => p.done)).toEqual([5000, 10_000]);
    expect(progress.filter((p) => p.step === 'writing').at(-1)).toEqual({ step: 'writing', done: rows, total: rows });
  });

  it('refuses a backup whose tables do not agree, or whose settings or table names are odd, with a clear message', async () => {
    const file = JSON.parse(await backupText()) as { data: { data: { tableName: string; rows: Record<string, unknown>[] }[] } };
    const table = (name: string) => file.data.data.find((t) => t.tableName === name)!;
    const cases: [string, () => void, RegExp][] = [
      ['a note of a buyer the backup lacks', () => table('notes').rows[0]!.buyerKey = 'shopee:br:404', /a note names a buyer the backup does not have/],
      ['a tag that does not exist', () => table('buyers').rows[0]!.tagIds = ['no-such-tag'], /has a tag that does not exist/],
      ['a key outside its shop', () => table('orders').rows[0]!.shopKey = 'shopee:my', /is not in its shop shopee:my/],
      ['a masked name', () => table('buyers').rows[0]!.displayName = 'R******P', /has a masked name/],
      ['a console link that is not https', () => table('orders').rows[0]!.consoleUrl = 'javascript:alert(1)', /invalid row|not https/],
      ['a console link off the consoles', () => table('orders').rows[0]!.consoleUrl = 'https://seller.shopee.com.br.evil.example/portal/sale/order/9', /links outside its shop's console/],
      ['a console link to another region', () => table('orders').rows[0]!.consoleUrl = 'https://seller.shopee.co.id/portal/sale/order/9', /links outside its shop's console/],
      ['a setting of the wrong shape', () => table('settings').rows.push({ key: 'retentionMonths', value: 'forever' }), /setting retentionMonths/],
      ['an unknown setting', () => table('settings').rows.push({ key: 'evil', value: 1 }), /unknown setting evil/],
      ['a table named __proto__', () => file.data.data.push({ tableName: '__proto__', rows: [{ polluted: true }] }), /a table BuyerLens does not know: __proto__/],
    ];
    const original = JSON.stringify(file);
    for (const [what, change, message] of cases) {
      Object.assign(file, JSON.parse(original));
      change();
      expect(() => readBackup(JSON.stringify(file), { isConsoleLink }), what).toThrow(message);
    }
    // The order's own console is a link it may keep.
    Object.assign(file, JSON.parse(original));
    table('orders').rows[0]!.consoleUrl = 'https://seller.shopee.com.br/portal/sale/order/9';
    expect(readBackup(JSON.stringify(file), { isConsoleLink }).counts.orders).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a taught site’s order links to its own site, and to no other (nor to a console)', () => {
    expect(isConsoleLink('https://shop.example/admin/orders/7104', 'site:shop.example')).toBe(true);
    expect(isConsoleLink('https://shop.example:8443/admin/orders/7104', 'site:shop.example_8443')).toBe(true);
    expect(isConsoleLink('https://evil.example/admin/orders/7104', 'site:shop.example')).toBe(false);
    expect(isConsoleLink('http://shop.example/admin/orders/7104', 'site:shop.example')).toBe(false);
    expect(isConsoleLink('https://seller.shopee.com.br/portal/sale/order/9', 'site:seller.shopee.com.br')).toBe(false);
  });

  it('recomputes the aggregates from the backup’s orders rather than trusting the file', async () => {
    const file = JSON.parse(await backupText()) as { data: { data: { tableName: string; rows: BuyerRecord[] }[] } };
    const ana = file.data.data.find((t) => t.tableName === 'buyers')!.rows.find((b) => b.buyerKey === ANA)!;
    ana.stats = { ...ana.stats, spentMinor: 99_999_999, orderCount: 500 };
    const restored = readBackup(JSON.stringify(file)).tables.buyers as BuyerRecord[];
    expect(restored.find((b) => b.buyerKey === ANA)?.stats).toMatchObject({ spentMinor: 1990, orderCount: 1 });
  });

  it('refuses a file over the size limit with its size, before reading any of it', async () => {
    const read = () => Promise.reject(new Error('read'));
    const huge = { size: MAX_BACKUP_BYTES + 1, text: read, stream: read, slice: read, arrayBuffer: read } as unknown as Blob;
    const limitMb = MAX_BACKUP_BYTES / (1024 * 1024);
    await expect(readBackupFile(huge)).rejects.toThrow(new BackupError(`This file is ${(limitMb + 1).toLocaleString('en')} MB; BuyerLens restores backups of up to ${limitMb.toLocaleString('en')} MB.`));
    await expect(readBackupFile(new Blob([await backupText()]))).resolves.toMatchObject({ counts: { buyers: 2, orders: 1, notes: 1 } });
  });

  it('refuses a truncated, foreign or invalid file with a clear message, and changes nothing', async () => {
    const text = await backupText();
    const before = await counts(db);
    expect(() => readBackup(text.slice(0, Math.floor(text.length / 2)))).toThrow(new BackupError('The backup file is incomplete or damaged: it is not complete JSON.'));
    expect(() => readBackup(JSON.stringify({ hello: 'world' }))).toThrow('This file is not a BuyerLens backup.');
    const invalid = JSON.parse(text);
    invalid.data.data.find((t: { tableName: string }) => t.tableName === 'buyers').rows[0].stats.orderCount = -1;
    expect(() => readBackup(JSON.stringify(invalid))).toThrow(/buyers table has an invalid row \(1\).*orderCount/);
    const newer = JSON.parse(text);
    newer.data.databaseVersion = 99;
    expect(() => readBackup(JSON.stringify(newer))).toThrow(/newer BuyerLens/);
    expect(await counts(db)).toEqual(before);
  });

  /** The day the fixture's tiers were scored: restoring on it, the rebuilt tiers read as the fixture's. */
  const scoredOn = (rows: Record<string, unknown[]>) => Date.parse((rows.shops as ShopRecord[]).find((s) => s.shopKey === 'shopee:br')!.scoring!.scoredAt);

  /** A backup file as version `version` of BuyerLens wrote it, from that version's fixture database. */
  async function backupAt(version: number): Promise<{ file: { data: { databaseVersion: number } }; rows: Record<string, unknown[]> }> {
    const rows = fixtureRows(version);
    const old = await fixtureDatabase(version, `${DATABASE_NAME}-v${version}-${Date.now()}`);
    const file = JSON.parse(await (await exportDB(old)).text());
    await old.delete();
    file.data.databaseName = DATABASE_NAME;
    expect(file.data.databaseVersion).toBe(version);
    return { file, rows };
  }

  it('migrates a backup written by version 1', async () => {
    const { file, rows } = await backupAt(1);
    const backup = readBackup(JSON.stringify(file));
    await restoreBackup(db, backup);
    expect(await db.buyers.count()).toBe(rows.buyers!.length);
    const withOrders = (await db.buyers.toArray()).find((b) => b.stats.paidOrderCount > 0)!;
    expect(withOrders.stats.purchases.length).toBe(withOrders.stats.paidOrderCount);
    // Scored on restore, as the database upgrade scores them.
    expect(withOrders.tier?.frequency).toBe(withOrders.stats.paidOrderCount);
  });

  it('migrates a backup written by version 2: its rfm rows give way to tiers scored on restore', async () => {
    const { file, rows } = await backupAt(2);
    const scoredAt = (rows.rfm as { scoredAt: string; segment: string }[])[0]!;
    const backup = readBackup(JSON.stringify(file), { now: Date.parse(scoredAt.scoredAt) });
    expect(backup.tables.rfm).toBeUndefined();
    await restoreBackup(db, backup);
    expect(db.tables.map((t) => t.name)).not.toContain('rfm');
    expect((await db.buyers.get('shopee:br:73810455'))?.tier?.segment).toBe(scoredAt.segment);
    expect((await db.shops.get('shopee:br'))?.scoring).toMatchObject({ map: 'cn8', scoredAt: scoredAt.scoredAt });
    expect(await db.orderFlags.toArray()).toEqual(rows.orderFlags);
    expect((await db.buyerSearch.get('shopee:br:73810455'))?.words).toContain('costa92');
  });

  it('migrates a backup written by version 3: each shop gets its latest buyers', async () => {
    const { file, rows } = await backupAt(3);
    const backup = readBackup(JSON.stringify(file), { now: scoredOn(rows) });
    await restoreBackup(db, backup);
    expect((await db.shops.get('shopee:br'))?.recent).toEqual(['shopee:br:73810455', 'shopee:br:120558734']);
    expect((await recentBuyers(db)).map((b) => b.buyerKey)).toEqual(['shopee:br:73810455', 'shopee:br:120558734']);
    const restored = await db.buyers.toArray();
    expect(restored.map(withoutLedger)).toEqual((rows.buyers as BuyerRecord[]).map(withoutLedger));
  });

  it('migrates a backup written by version 4: the purchases ledger becomes [time, amount] numbers', async () => {
    const { file, rows } = await backupAt(4);
    await restoreBackup(db, readBackup(JSON.stringify(file), { now: scoredOn(rows) }));
    const restored = await db.buyers.toArray();
    expect(restored.find((b) => b.buyerKey === 'shopee:br:73810455')?.stats.purchases).toEqual(FIXTURE_LEDGER);
    expect(restored.map(withoutLedger)).toEqual((rows.buyers as BuyerRecord[]).map(withoutLedger));
    expect(await db.shops.toArray()).toEqual(rows.shops);
    expect(await db.orders.toArray()).toEqual(rows.orders);
  });

  it('migrates a backup written by version 5: aggregates over two currencies count in the latest', async () => {
    const { file, rows } = await backupAt(5);
    await restoreBackup(db, readBackup(JSON.stringify(file)));
    expect((await db.buyers.get('shopee:br:90412267'))?.stats).toMatchObject({ currency: 'USD', currencies: 2, spentMinor: 2450 });
    expect(await db.orders.toArray()).toEqual(rows.orders);
  });

  it('refuses a version 4 backup whose purchases ledger is damaged, naming the row', async () => {
    const { file } = await backupAt(4);
    const buyers = (file as unknown as { data: { data: { tableName: string; rows: BuyerRecord[] }[] } }).data.data.find((t) => t.tableName === 'buyers')!;
    const mariana = buyers.rows.find((b) => b.buyerKey === 'shopee:br:73810455')!;
    (mariana.stats.purchases as unknown[])[1] = ['shopee:br:188231748590112', 'yesterday', 6585];
    expect(() => readBackup(JSON.stringify(file))).toThrow(/buyers table has an invalid row \(2\).*purchases/);
  });
});

