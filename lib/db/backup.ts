import { exportDB } from 'dexie-export-import';
import type { z } from 'zod';
import { replyTemplateRecordSchema } from '../schema/replies';
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
  type OrderRecord,
  type SettingRecord,
  type ShopRecord,
} from '../schema/records';
import { DATABASE_NAME, type BuyerLensDatabase } from './database';
import { withPurchaseLedger } from './migrations/v002-purchase-ledger';
import { toV3 } from './migrations/v003-tiers-on-buyers';
import { toV4 } from './migrations/v004-recent-on-shops';
import { withCompactLedger } from './migrations/v005-compact-ledger';
import { CURRENT_VERSION } from './versions';

/**
 * Backups are Dexie's export format (dexie-export-import): one JSON file naming the database and
 * its schema version, every table's rows. Restoring reads the whole file, migrates an older version
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

export interface Backup {
  version: number;
  tables: Record<string, unknown[]>;
  counts: Record<string, number>;
}

export function createBackup(db: BuyerLensDatabase, onProgress?: (done: number, total: number) => void): Promise<Blob> {
  return exportDB(db, {
    numRowsPerChunk: 2000,
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

/** Tables of older versions that are gone: their rows are derived data, rebuilt on restore. */
const RETIRED_TABLES: Record<string, number> = { rfm: 3 };

/**
 * Reads, migrates and checks a backup file; throws a BackupError saying what is wrong. A backup from
 * before v3 gets its RFM tiers scored at `now`, as the database upgrade does.
 */
export function readBackup(text: string, now = Date.now()): Backup {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupError('The backup file is incomplete or damaged: it is not complete JSON.');
  }
  if (!isExportFile(parsed) || parsed.data.databaseName !== DATABASE_NAME) throw new BackupError('This file is not a BuyerLens backup.');
  const version = parsed.data.databaseVersion;
  if (!Number.isInteger(version) || version < 1) throw new BackupError('This backup does not say which version of BuyerLens wrote it.');
  if (version > CURRENT_VERSION) throw new BackupError(`This backup comes from a newer BuyerLens (database version ${version}); update BuyerLens to restore it.`);

  const tables: Record<string, unknown[]> = {};
  for (const table of parsed.data.data) {
    if (version < (RETIRED_TABLES[table.tableName] ?? 0)) continue;
    if (!(table.tableName in ROW_SCHEMAS)) throw new BackupError(`The backup has a table BuyerLens does not know: ${table.tableName}.`);
    if (!Array.isArray(table.rows)) throw new BackupError(`The backup's ${table.tableName} table is damaged.`);
    tables[table.tableName] = [...(tables[table.tableName] ?? []), ...table.rows];
  }
  // Older versions: the same steps as the database's own upgrades (lib/db/migrations).
  if (version < 2) tables.buyers = withPurchaseLedger((tables.buyers ?? []) as BuyerRecord[], (tables.orders ?? []) as OrderRecord[]);
  else if (version < 5) tables.buyers = (tables.buyers ?? []).map(withCompactLedger);

  const counts: Record<string, number> = {};
  for (const [name, schema] of Object.entries(ROW_SCHEMAS)) {
    // What is written is what passed the schema: nothing the schema does not know (such as the export
    // format's own type annotations) reaches the database.
    const rows = (tables[name] ?? []).map((row, i) => {
      const result = schema.safeParse(row);
      if (!result.success) throw new BackupError(`The backup's ${name} table has an invalid row (${i + 1}): ${describeIssues(result.error)}. Nothing was restored.`);
      return result.data;
    });
    tables[name] = rows;
    counts[name] = rows.length;
  }
  if (version < 3) {
    const rfmSettings = (tables.settings as SettingRecord[]).find((s) => s.key === 'rfm')?.value;
    Object.assign(tables, toV3(tables.buyers as BuyerRecord[], tables.shops as ShopRecord[], rfmSettings, now));
    counts.buyerSearch = tables.buyerSearch!.length;
  }
  if (version < 4) tables.shops = toV4(tables.buyers as BuyerRecord[], tables.shops as ShopRecord[]);
  return { version, tables, counts };
}

/** Replaces everything with the backup's data, in one transaction. */
export async function restoreBackup(db: BuyerLensDatabase, backup: Backup): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const rows = backup.tables[table.name] ?? [];
      if (rows.length > 0) await table.bulkAdd(rows);
    }
  });
}

/** Erases every table, in one transaction (the user confirmed it). */
export async function wipeEverything(db: BuyerLensDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
