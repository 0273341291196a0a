/**
 * One step of the migration ladder (lib/db/ladder.ts): what changes between two versions of the
 * store, written once and never edited. A step knows only the row shapes of its two versions; it
 * imports no live code (lint forbids it), so today's code can change without changing what an old
 * step does. Data BuyerLens derives from other data (aggregates, tiers, search words, a shop's latest
 * buyers) is not migrated: a step says it is stale, and it is rebuilt once with today's code after
 * the last step (lib/db/derived.ts).
 */

/** Rows by table, as plain objects of a version's shapes (a backup's, or an upgrading database's). */
export type Rows = Record<string, unknown[]>;

/**
 * Derived data a step can leave stale: aggregates (from orders), tiers (from aggregates), search
 * words (from names), latest buyers (from aggregates), the buyers table's rows (from buyers).
 */
export type Derived = 'stats' | 'tiers' | 'search' | 'recent' | 'list';

export interface MigrationStep {
  /** The version this step upgrades to, from the one before. */
  to: number;
  /** The tables whose rows `migrate` reads and may rewrite. */
  tables: readonly string[];
  /** Tables this version no longer has (their rows were derived data). */
  drops: readonly string[];
  /**
   * The rows of `tables` at version `to`. A row it leaves as it was is returned as the same object,
   * so only changed rows are written back. A row that does not look like one of its version is left
   * as it is, for the record schemas to say what is wrong with it.
   */
  migrate(rows: Rows): Rows;
  stale: readonly Derived[];
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
