import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { expect } from 'vitest';
import type { BuyerRecord } from '../schema/records';
import { declareVersions } from './versions';

/** The rows of test/fixtures/db/v<version>.json: a database as that version of BuyerLens left it. */
export const fixtureRows = (version: number) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'db', `v${version}.json`), 'utf8')) as Record<string, unknown[]> & {
    version: number;
  };

/** A database named `name` at version `version`, open and filled from that version's fixture. */
export async function fixtureDatabase(version: number, name: string): Promise<Dexie> {
  const db = new Dexie(name);
  declareVersions(db, version);
  const rows = fixtureRows(version);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.bulkAdd((rows[table.name] ?? []) as object[]);
  });
  return db;
}

/** Expects each named table of `db` to hold exactly the fixture's rows (a step that leaves it alone). */
export async function expectTablesAsIn(db: Dexie, rows: Record<string, unknown[]>, names: readonly string[]): Promise<void> {
  for (const name of names) expect(await db.table(name).toArray()).toEqual(rows[name]);
}

/** The one fixture buyer with purchases (shopee:br:73810455): her ledger as v5 stores it. */
export const FIXTURE_LEDGER = [
  [Date.parse('2026-05-04T17:26:53.000Z'), 8153],
  [Date.parse('2026-05-05T04:00:00.000Z'), 6585],
];

/** A buyer record without its purchases ledger (which v5 changed the form of) and its count of currencies (which v6 added). */
export const withoutLedger = ({ stats: { purchases: _purchases, currencies: _currencies, ...stats }, ...buyer }: BuyerRecord) => ({ ...buyer, stats });
