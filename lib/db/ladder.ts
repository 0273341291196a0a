import type { Transaction } from 'dexie';
import type { Derived, MigrationStep, Rows } from './migrations/step';
import { toV2 } from './migrations/v002-purchase-ledger';
import { toV3 } from './migrations/v003-tiers-on-buyers';
import { toV4 } from './migrations/v004-recent-on-shops';
import { toV5 } from './migrations/v005-compact-ledger';
import { toV6 } from './migrations/v006-currency-of-latest';
import { toV7 } from './migrations/v007-buyer-list';
import { toV8 } from './migrations/v008-team-sync';

/**
 * The one migration ladder: every step from version 1 to today's, in order. The database upgrade
 * (versions.ts) and backup restore (backup.ts) both walk it, then rebuild the derived data the steps
 * left stale (derived.ts). A new version is a new step at the end; a shipped step is never edited.
 */
export const LADDER: readonly MigrationStep[] = [toV2, toV3, toV4, toV5, toV6, toV7, toV8];

export const CURRENT_VERSION = LADDER.at(-1)!.to;

/** The steps from version `from` up to `to`. */
function stepsBetween(from: number, to = CURRENT_VERSION): MigrationStep[] {
  return LADDER.filter((step) => step.to > from && step.to <= to);
}

/** Rows of version `from` (a backup's) as version `to` stores them, and the derived data left to rebuild. */
export function migrateRows(rows: Rows, from: number, to = CURRENT_VERSION): { rows: Rows; stale: Set<Derived> } {
  const out: Rows = { ...rows };
  const stale = new Set<Derived>();
  for (const step of stepsBetween(from, to)) {
    const picked = Object.fromEntries(step.tables.map((name) => [name, out[name] ?? []]));
    Object.assign(out, step.migrate(picked));
    for (const name of step.drops) delete out[name];
    for (const derived of step.stale) stale.add(derived);
  }
  return { rows: out, stale };
}

/** One step inside the database's upgrade transaction: its tables read, migrated, and the rows it changed written back. */
export async function migrateTables(tx: Transaction, step: MigrationStep): Promise<void> {
  const before: Rows = Object.fromEntries(await Promise.all(step.tables.map(async (name) => [name, await tx.table(name).toArray()] as const)));
  const after = step.migrate(before);
  await Promise.all(
    Object.entries(after).map(([name, rows]) => {
      const old = new Set(before[name] ?? []);
      const changed = rows.filter((row) => !old.has(row));
      return changed.length > 0 ? tx.table(name).bulkPut(changed) : undefined;
    }),
  );
}
