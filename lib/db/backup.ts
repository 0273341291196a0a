import { JSONParser } from '@streamparser/json';
import { exportDB } from 'dexie-export-import';
import { z as zod, type z } from 'zod';
import { buyerFilterSchema } from '../schema/lists';
import { isInShop } from '../schema/keys';
import { unmaskedName } from '../schema/masked';
import { rfmSettingsSchema } from '../schema/rfm';
import { replyTemplateRecordSchema, shopReplyLanguagesSchema } from '../schema/replies';
import { describeIssues } from '../schema/issues';
import {
  buyerRecordSchema,
  buyerSearchRecordSchema,
  captureLogRecordSchema,
  noteRecordSchema,
  orderFlagRecordSchema,
  orderRecordSchema,
  settingRecordSchema,
  shopRecordSchema,
  tagRecordSchema,
  type BuyerRecord,
  type NoteRecord,
  type OrderFlagRecord,
  type OrderRecord,
  type SettingRecord,
  type ShopRecord,
  type TagRecord,
} from '../schema/records';
import { SYNC_OUTBOX } from './sync-store';
import { BUYER_LIST_DIRTY } from './buyer-list-writer';
import { DATABASE_NAME, type BuyerLensDatabase } from './database';
import { rebuildDerived } from './derived';
import { CURRENT_VERSION, migrateRows } from './ladder';
import { SETTING_KEYS } from './settings-queries';
import type { Rows } from './migrations/step';

/**
 * Backups are Dexie's export format (dexie-export-import): one JSON file naming the database and
 * its schema version, every table's rows. Restoring reads the file in slices through a streaming JSON
 * parser (a backup of a million orders is larger than the longest string V8 can hold, so it is never
 * one string), migrates an older version
 * to the current one, checks every row against the record schemas, and only then replaces the data
 * in one transaction: a damaged, foreign or invalid file changes nothing. (dexie-export-import's own
 * importInto clears tables before its transaction starts, so it is not used for restoring.)
 */

const ROW_SCHEMAS: Record<string, z.ZodType> = {
  shops: shopRecordSchema,
  buyers: buyerRecordSchema,
  buyerSearch: buyerSearchRecordSchema,
  orders: orderRecordSchema,
  tags: tagRecordSchema,
  notes: noteRecordSchema,
  replyTemplates: replyTemplateRecordSchema,
  captureLog: captureLogRecordSchema,
  orderFlags: orderFlagRecordSchema,
  settings: settingRecordSchema,
};

export class BackupError extends Error {}

/**
 * The largest backup file BuyerLens reads: 1 GB. The file is never one string (parsedFile), so what
 * bounds it is the rows it holds as objects in the restore worker's heap. Measured (issue 15) on the
 * largest store the app reaches, 1,000,000 orders of 200,000 buyers in 5 shops (the bench's
 * `--scale 1m` data): its backup is 935 MB. Restored in Chromium 2026-12 (headless, the e2e browser,
 * a 23 GB machine whose pages get V8's 4 GB heap: performance.memory.jsHeapSizeLimit), the buyers
 * page's process (page and worker) peaked at 3.3 GB resident while reading and checking it (the
 * largest process at 3.7 GB while writing); in Node (uncompressed pointers, so larger) the parsed rows
 * held 2.1 GB of heap, the checked ones 1.3 GB. 1 GB leaves the million-order backup a little room and
 * refuses what would not fit in that heap.
 */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;

/** Where a restore is: reading the file (`done` and `total` in bytes), checking its rows, writing them (in rows). */
export interface RestoreProgress {
  step: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ReadOptions {
  /** When tiers are scored (the day of the restore). */
  now?: number;
  /**
   * Whether an order's console link leads to its own shop's console (lib/adapters/catalog.ts
   * knows the consoles; lib/db may not import it). Without it only https is checked.
   */
  isConsoleLink?: (url: string, shopKey: string) => boolean;
  onProgress?: (progress: RestoreProgress) => void;
}

/** Rows between two progress reports. */
const PROGRESS_EVERY = 5000;

export interface Backup {
  version: number;
  tables: Record<string, unknown[]>;
  counts: Record<string, number>;
}

/** Tables a backup leaves out: made again from the others on restore. */
// …and the team's documents and their state: a backup is this browser's data; a restore leaves the team (DataPanel).
const DERIVED_TABLES = ['buyerList', BUYER_LIST_DIRTY, 'syncUpdates', SYNC_OUTBOX, 'syncState'];

export function createBackup(db: BuyerLensDatabase, onProgress?: (done: number, total: number) => void): Promise<Blob> {
  return exportDB(db, {
    numRowsPerChunk: 2000,
    skipTables: DERIVED_TABLES,
    ...(onProgress ? { progressCallback: (p) => (onProgress(p.completedRows, p.totalRows ?? 0), true) } : {}),
  });
}

interface DexieExportFile {
  formatName: string;
  formatVersion: number;
  data: { databaseName: string; databaseVersion: number; data: { tableName: string; rows: unknown[] }[] };
}

function isExportFile(value: unknown): value is DexieExportFile {
  const v = value as DexieExportFile | null;
  return typeof v === 'object' && v !== null && v.formatName === 'dexie' && typeof v.data === 'object' && v.data !== null && Array.isArray(v.data.data);
}

/**
 * A row as it was stored: the export writes a field that was present but undefined as 0 and notes
 * it in the row's `$types` ("undef"); such a field is absent again here (a buyer whose orders have no
 * date has no first-order date, not 0).
 */
function withoutUndefined(row: unknown): unknown {
  const types = (row as { $types?: unknown } | null)?.$types;
  if (typeof types !== 'object' || types === null) return row;
  for (const [path, type] of Object.entries(types)) {
    if (type !== 'undef') continue;
    const keys = path.split('.');
    const last = keys.pop()!;
    let parent: unknown = row;
    for (const key of keys) parent = typeof parent === 'object' && parent !== null && Object.hasOwn(parent, key) ? (parent as Record<string, unknown>)[key] : undefined;
    if (typeof parent === 'object' && parent !== null && Object.hasOwn(parent, last)) delete (parent as Record<string, unknown>)[last];
  }
  return row;
}

const NOT_JSON = 'The backup file is incomplete or damaged: it is not complete JSON.';

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupError(NOT_JSON);
  }
}

/** Bytes read from a backup file at a time (and between two progress reports). */
const READ_SLICE_BYTES = 4 * 1024 * 1024;

/**
 * What JSON.parse gives for the file's text, without ever holding the text: the file is read
 * `sliceBytes` at a time and its UTF-8 bytes go to a streaming parser (@streamparser/json, which
 * keeps a character or a number split between two slices until the next one). Throws a BackupError
 * where the file is not one complete JSON value (truncated, damaged, or something after it).
 */
export async function parsedFile(file: Blob, onBytes?: (done: number, total: number) => void, sliceBytes = READ_SLICE_BYTES): Promise<unknown> {
  // Only the whole document is emitted ('$'), so the parser builds it as JSON.parse would.
  const parser = new JSONParser({ paths: ['$'] });
  let document: { value: unknown } | undefined;
  parser.onValue = ({ value }) => {
    document = { value };
  };
  try {
    for (let start = 0; start < file.size; start += sliceBytes) {
      const end = Math.min(start + sliceBytes, file.size);
      parser.write(new Uint8Array(await file.slice(start, end).arrayBuffer()));
      onBytes?.(end, file.size);
    }
    if (!parser.isEnded) parser.end();
  } catch {
    throw new BackupError(NOT_JSON);
  }
  if (!document) throw new BackupError(NOT_JSON);
  return document.value;
}

/** Every table's rows of an export file, as its version stored them; throws where the file is not a BuyerLens backup. */
function exportedRows(parsed: unknown): { version: number; rows: Rows } {
  if (!isExportFile(parsed) || parsed.data.databaseName !== DATABASE_NAME) throw new BackupError('This file is not a BuyerLens backup.');
  const version = parsed.data.databaseVersion;
  if (!Number.isInteger(version) || version < 1) throw new BackupError('This backup does not say which version of BuyerLens wrote it.');
  if (version > CURRENT_VERSION) throw new BackupError(`This backup comes from a newer BuyerLens (database version ${version}); update BuyerLens to restore it.`);
  // No prototype: a table named `__proto__` or `constructor` is a table name like any other (and refused as unknown).
  const rows: Rows = Object.create(null) as Rows;
  for (const table of parsed.data.data) {
    if (typeof table !== 'object' || table === null || typeof table.tableName !== 'string') throw new BackupError('The backup is damaged: a table without a name.');
    if (!Array.isArray(table.rows)) throw new BackupError(`The backup's ${table.tableName} table is damaged.`);
    const before = rows[table.tableName];
    // In place: the file's rows are held once (checkedRows then replaces each with what its schema read).
    const list = table.rows;
    for (const row of list) withoutUndefined(row);
    table.rows = [];
    rows[table.tableName] = before ? before.concat(list) : list;
  }
  return { version, rows };
}

/** Each table's rows as its record schema reads them: what is written is what passed the schema. */
function checkedRows(rows: Rows, onProgress?: (progress: RestoreProgress) => void): Record<string, unknown[]> {
  const unknown = Object.keys(rows).find((name) => !Object.hasOwn(ROW_SCHEMAS, name));
  if (unknown !== undefined) throw new BackupError(`The backup has a table BuyerLens does not know: ${unknown}.`);
  const total = Object.keys(ROW_SCHEMAS).reduce((sum, name) => sum + (rows[name]?.length ?? 0), 0);
  let done = 0;
  return Object.fromEntries(
    Object.entries(ROW_SCHEMAS).map(([name, schema]) => {
      const list = rows[name] ?? [];
      // Each row is replaced by what its schema read, in place (a large backup is not held twice).
      // Nothing the schema does not know (such as the export format's own type annotations) reaches the database.
      for (const [i, row] of list.entries()) {
        const result = schema.safeParse(row);
        if (!result.success) throw new BackupError(`The backup's ${name} table has an invalid row (${i + 1}): ${describeIssues(result.error)}. Nothing was restored.`);
        list[i] = result.data;
        if (++done % PROGRESS_EVERY === 0) onProgress?.({ step: 'checking', done, total });
      }
      return [name, list];
    }),
  );
}

/** Each setting BuyerLens writes, by key, and the schema of its value. */
const SETTING_SCHEMAS: Record<string, z.ZodType> = {
  [SETTING_KEYS.rfm]: rfmSettingsSchema,
  [SETTING_KEYS.retentionMonths]: zod.number().int().positive().max(1200),
  [SETTING_KEYS.buyerLists]: zod.array(zod.object({ name: zod.string().min(1).max(80), filter: buyerFilterSchema })).max(500),
  [SETTING_KEYS.defaultPacksVersion]: zod.number().int().nonnegative(),
  [SETTING_KEYS.shopReplyLanguages]: shopReplyLanguagesSchema,
};

const fail = (what: string): never => {
  throw new BackupError(`The backup is inconsistent: ${what}. Nothing was restored.`);
};

/**
 * What no single row's schema can see: settings values by their own schemas; every key in its
 * shop; orders, notes and flags of buyers and orders the backup has; tags that exist; no masked
 * name; console links to the order's own console (that they are https is the order schema's).
 */
function checkAcrossTables(tables: Record<string, unknown[]>, isConsoleLink: ReadOptions['isConsoleLink']): void {
  for (const { key, value } of tables.settings as SettingRecord[]) {
    const schema = Object.hasOwn(SETTING_SCHEMAS, key) ? SETTING_SCHEMAS[key] : undefined;
    if (!schema) fail(`unknown setting ${key.slice(0, 60)}`);
    const parsed = schema!.safeParse(value);
    if (!parsed.success) fail(`setting ${key}: ${describeIssues(parsed.error)}`);
  }
  const tagIds = new Set((tables.tags as TagRecord[]).map((t) => t.id));
  const buyerKeys = new Set<string>();
  for (const buyer of tables.buyers as BuyerRecord[]) {
    buyerKeys.add(buyer.buyerKey);
    if (!isInShop(buyer.buyerKey, buyer.shopKey)) fail(`buyer ${buyer.buyerKey} is not in its shop ${buyer.shopKey}`);
    if (buyer.displayName !== undefined && unmaskedName(buyer.displayName) === undefined) fail(`buyer ${buyer.buyerKey} has a masked name`);
    const missing = buyer.tagIds.find((id) => !tagIds.has(id));
    if (missing !== undefined) fail(`buyer ${buyer.buyerKey} has a tag that does not exist`);
  }
  const orderKeys = new Set<string>();
  for (const order of tables.orders as OrderRecord[]) {
    orderKeys.add(order.orderKey);
    if (!isInShop(order.orderKey, order.shopKey) || (order.buyerKey !== undefined && !isInShop(order.buyerKey, order.shopKey))) fail(`order ${order.orderKey} is not in its shop ${order.shopKey}`);
    if (order.buyerKey !== undefined && !buyerKeys.has(order.buyerKey)) fail(`order ${order.orderKey} names a buyer the backup does not have`);
    if (order.consoleUrl !== undefined && isConsoleLink && !isConsoleLink(order.consoleUrl, order.shopKey)) fail(`order ${order.orderKey} links outside its shop's console`);
  }
  if ((tables.notes as NoteRecord[]).some((n) => !buyerKeys.has(n.buyerKey))) fail('a note names a buyer the backup does not have');
  if ((tables.orderFlags as OrderFlagRecord[]).some((f) => !orderKeys.has(f.orderKey))) fail('an order flag names an order the backup does not have');
}

/**
 * Reads, migrates and checks a backup file; throws a BackupError saying what is wrong. An older
 * backup walks the same migration ladder as the database upgrade, then its derived data is rebuilt
 * as after an upgrade (tiers of a backup from before v3 are scored at `now`).
 */
export function readBackup(text: string, options: ReadOptions = {}): Backup {
  return readParsedBackup(parsed(text), options);
}

function readParsedBackup(file: unknown, { now = Date.now(), isConsoleLink, onProgress }: ReadOptions): Backup {
  const { version, rows } = exportedRows(file);
  const migrated = migrateRows(rows, version);
  const tables = checkedRows(migrated.rows, onProgress);
  checkAcrossTables(tables, isConsoleLink);
  // Aggregates come from the backup's orders, never from the file, and so do the tiers, search words and lists made from them.
  const stale = new Set([...migrated.stale, 'stats', 'tiers', 'search', 'recent', 'list'] as const);
  const derived = rebuildDerived(
    { buyers: tables.buyers as BuyerRecord[], shops: tables.shops as ShopRecord[], settings: tables.settings as SettingRecord[], orders: tables.orders as OrderRecord[] },
    stale,
    now,
  );
  Object.assign(tables, { buyers: derived.buyers, shops: derived.shops }, derived.buyerSearch ? { buyerSearch: derived.buyerSearch } : {});
  const counts = Object.fromEntries(Object.entries(tables).map(([name, list]) => [name, list.length]));
  if (derived.buyerList) tables.buyerList = derived.buyerList;
  return { version, tables, counts };
}

/**
 * A backup file, read and checked (readBackup) once its size is known to fit: a file too large is
 * refused before any of it is read.
 */
export async function readBackupFile(file: Blob, options: ReadOptions = {}): Promise<Backup> {
  if (file.size > MAX_BACKUP_BYTES) {
    const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024)).toLocaleString('en');
    throw new BackupError(`This file is ${mb(file.size)} MB; BuyerLens restores backups of up to ${mb(MAX_BACKUP_BYTES)} MB.`);
  }
  const { onProgress } = options;
  onProgress?.({ step: 'reading', done: 0, total: file.size });
  return readParsedBackup(await parsedFile(file, (done, total) => onProgress?.({ step: 'reading', done, total })), options);
}

/** Replaces everything with the backup's data, in one transaction. */
export async function restoreBackup(db: BuyerLensDatabase, backup: Backup, onProgress?: (progress: RestoreProgress) => void): Promise<void> {
  const total = db.tables.reduce((sum, table) => sum + (backup.tables[table.name]?.length ?? 0), 0);
  let done = 0;
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const rows = backup.tables[table.name] ?? [];
      for (let i = 0; i < rows.length; i += PROGRESS_EVERY) {
        const slice = rows.slice(i, i + PROGRESS_EVERY);
        await table.bulkAdd(slice);
        done += slice.length;
        onProgress?.({ step: 'writing', done, total });
      }
    }
    // The list's rows came with the backup's derived data, made from the buyers just written.
    await db.buyerListDirty.clear();
  });
}

/** Erases every table, in one transaction (the user confirmed it). */
export async function wipeEverything(db: BuyerLensDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
