import type { MigrationStep } from './step';

/** v3 → v4: the buyers' stats.lastOrderAt index goes; each shop keeps its latest buyers instead (derived from the aggregates). */
export const toV4: MigrationStep = {
  to: 4,
  tables: [],
  drops: [],
  migrate: () => ({}),
  stale: ['recent'],
};
