import type { MigrationStep } from './step';

/**
 * v6 → v7: the buyers table's rows get a table of their own (`buyerList`), whose indexes serve the
 * buyers page's sorts, so the page reads one screen of rows at any size instead of every buyer; and
 * `buyerListDirty`, where every write to a buyer notes that their row is to be made again. No stored
 * data changes: the list is derived from the buyers, and built after the upgrade.
 */
export const toV7: MigrationStep = {
  to: 7,
  tables: [],
  drops: [],
  migrate: () => ({}),
  stale: ['list'],
};
