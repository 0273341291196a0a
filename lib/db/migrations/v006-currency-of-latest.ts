import type { MigrationStep } from './step';

/**
 * v5 → v6: a buyer's aggregates take the currency of their latest purchase (it was the first one
 * captured, so a buyer with purchases in two currencies got different sums depending on the order
 * the orders arrived in), and count how many currencies their purchases are in (`currencies`). The
 * stores stay as they are; the aggregates, and the tiers and latest buyers made from them, are rebuilt.
 */
export const toV6: MigrationStep = {
  to: 6,
  tables: [],
  drops: [],
  migrate: () => ({}),
  stale: ['stats', 'tiers', 'recent'],
};
