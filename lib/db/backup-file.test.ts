import { exportDB } from 'dexie-export-import';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_AMOUNT_MINOR } from '../schema/common';
import { shopeeListBatch } from '../../test/capture-batch';
import { BackupError, createBackup, parsedFile, readBackupFile, type RestoreProgress } from './backup';
import { applyCapture } from './capture-repository';
import { DATABASE_NAME, type BuyerLensDatabase } from './database';
import { addNote } from './notes-repository';
import { createTag, setBuyerTag } from './tags-repository';
import { freshDatabase } from './test-db';
import { fixtureDatabase } from './test-fixtures';

/**
 * Restore reads a backup file in slices through a streaming parser (a backup of a million orders is
 * longer than any string V8 can hold): whatever the slices, it must read what JSON.parse read.
 */

const NOT_JSON = new BackupError('The backup file is incomplete or damaged: it is not complete JSON.');
const THAI = 'สมชาย ใจดี';
const CHINESE = '王小明';
const NOTE = 'Entrega à tarde 🚚, tocar no "portão azul"';

let db: BuyerLensDatabase;

beforeEach(async () => {
  db = freshDatabase();
  await applyCapture(
    db,
    shopeeListBatch({
      buyers: [
        { buyerKey: 'shopee:br:1', shopKey: 'shopee:br', platformBuyerId: '1', displayName: CHINESE },
        { buyerKey: 'shopee:br:2', shopKey: 'shopee:br', platformBuyerId: '2', displayName: THAI },
      ],
      orders: [
        { orderKey: 'shopee:br:9', orderId: '9', shopKey: 'shopee:br', buyerKey: 'shopee:br:1', status: 'completed', totalMinor: MAX_AMOUNT_MINOR, currency: 'BRL', placedAt: '2026-10-01T00:00:00.000Z' },
        { orderKey: 'shopee:br:10', orderId: '10', shopKey: 'shopee:br', buyerKey: 'shopee:br:2', status: 'completed', totalMinor: 1990, currency: 'BRL', placedAt: '2026-10-02T00:00:00.000Z' },
      ],
    }),
  );
  await setBuyerTag(db, 'shopee:br:2', (await createTag(db, 'ลูกค้าประจำ')).id, true);
  await addNote(db, 'shopee:br:2', NOTE);
});
afterEach(async () => {
  await db.delete();
});

/** A backup file as BuyerLens writes it today, with Thai and Chinese names, an emoji and the largest amount. */
async function backupText(): Promise<string> {
  const text = await (await createBackup(db)).text();
  return text.replace(`"databaseName":"${db.name}"`, `"databaseName":"${DATABASE_NAME}"`);
}

/** Backup files as each version of BuyerLens wrote them (test/fixtures/db), and today's. */
async function backupsOfEveryVersion(): Promise<[string, string][]> {
  const files: [string, string][] = [];
  for (const version of [1, 2, 3, 4, 5]) {
    const old = await fixtureDatabase(version, `${DATABASE_NAME}-v${version}-${Date.now()}`);
    files.push([`version ${version}`, await (await exportDB(old)).text()]);
    await old.delete();
  }
  files.push(['today', await backupText()]);
  return files;
}

const bytes = (text: string) => new TextEncoder().encode(text);
/** Where `part` starts in the UTF-8 bytes of `text`. */
function byteOffset(text: string, part: string): number {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`the backup has no ${part}`);
  return bytes(text.slice(0, at)).length;
}

describe('reading a backup file in slices', () => {
  it('reads exactly what JSON.parse read, for a backup of every version, whatever the slice size', async () => {
    for (const [version, text] of await backupsOfEveryVersion()) {
      const file = new Blob([text]);
      for (const sliceBytes of [1, 3, 7, 64, 1000, file.size]) {
        expect(await parsedFile(file, undefined, sliceBytes), `${version}, slices of ${sliceBytes} bytes`).toEqual(JSON.parse(text));
      }
    }
  });

  it('reads a file split inside a string, a Thai or Chinese character, an emoji and a number', async () => {
    const text = await backupText();
    expect(text).toContain(THAI);
    const amount = String(MAX_AMOUNT_MINOR);
    const splits: [string, number][] = [
      ['inside a string', byteOffset(text, 'shopee:br:9') + 4],
      ['inside a Thai character (3 bytes)', byteOffset(text, THAI) + 1],
      ['inside a Thai character, one byte before its end', byteOffset(text, THAI) + 2],
      ['inside a Chinese character', byteOffset(text, CHINESE) + 1],
      ['inside an emoji (4 bytes)', byteOffset(text, '🚚') + 3],
      ['inside a number', byteOffset(text, amount) + 7],
      ['inside an escape', byteOffset(text, '\\"') + 1],
    ];
    for (const [where, at] of splits) {
      // Slices of `at` bytes: the first boundary falls exactly there.
      const read = (await parsedFile(new Blob([text]), undefined, at)) as object;
      expect(read, where).toEqual(JSON.parse(text));
      expect(JSON.stringify(read), where).toContain(THAI);
      expect(JSON.stringify(read), where).toContain(amount);
    }
  });

  it('reports reading progress by bytes, to the last byte', async () => {
    const file = new Blob([await backupText()]);
    const progress: RestoreProgress[] = [];
    await readBackupFile(file, { onProgress: (p) => progress.push(p) });
    const reading = progress.filter((p) => p.step === 'reading');
    expect(reading[0]).toEqual({ step: 'reading', done: 0, total: file.size });
    expect(reading.at(-1)).toEqual({ step: 'reading', done: file.size, total: file.size });
    const sliced: number[] = [];
    await parsedFile(file, (done) => sliced.push(done), 1024);
    expect(sliced).toEqual(Array.from({ length: Math.ceil(file.size / 1024) }, (_, i) => Math.min((i + 1) * 1024, file.size)));
  });

  it('refuses a truncated file or garbage with the clear message, wherever the file ends', async () => {
    const text = await backupText();
    const data = bytes(text);
    const cuts = [data.length - 1, Math.floor(data.length / 2), byteOffset(text, THAI) + 1, byteOffset(text, String(MAX_AMOUNT_MINOR)) + 5, 1];
    for (const cut of cuts) {
      for (const sliceBytes of [7, 4096]) {
        await expect(parsedFile(new Blob([data.slice(0, cut)]), undefined, sliceBytes), `cut at ${cut}`).rejects.toThrow(NOT_JSON);
      }
    }
    const garbage: [string, BlobPart][] = [
      ['an empty file', ''],
      ['text', 'hello, this is not a backup'],
      ['a second value after the backup', `${text}\n{"formatName":"dexie"}`],
      ['a picture', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
      ['an unclosed string', '{"formatName":"dexie'],
    ];
    for (const [what, part] of garbage) await expect(parsedFile(new Blob([part]), undefined, 5), what).rejects.toThrow(NOT_JSON);
    // Whitespace after the backup is still the backup, as for JSON.parse.
    expect(await parsedFile(new Blob([`${text}\n\n`]), undefined, 5)).toEqual(JSON.parse(text));
  });

  it('refuses a truncated backup file as a whole with the clear message, and changes nothing', async () => {
    const text = await backupText();
    const before = await db.orders.toArray();
    await expect(readBackupFile(new Blob([text.slice(0, text.length - 10)]))).rejects.toThrow(NOT_JSON);
    await expect(readBackupFile(new Blob([text]))).resolves.toMatchObject({ counts: { buyers: 2, orders: 2, notes: 1 } });
    expect(await db.orders.toArray()).toEqual(before);
  });
});
