import { isRecord, type MigrationStep } from './step';

/**
 * v1 → v2: buyers' aggregates gain the purchases ledger that RFM windows need. It is derived from the
 * orders: the step gives every buyer an empty one and leaves the aggregates stale, to be computed
 * afresh from the orders (from v2 on they move with every capture). v2 also adds the order flags,
 * the rfm table and the settings.
 */
export const toV2: MigrationStep = {
  to: 2,
  tables: ['buyers'],
  drops: [],
  migrate: ({ buyers = [] }) => ({
    buyers: buyers.map((buyer) =>
      isRecord(buyer) && isRecord(buyer.stats) && !Array.isArray(buyer.stats.purchases) ? { ...buyer, stats: { ...buyer.stats, purchases: [] } } : buyer,
    ),
  }),
  stale: ['stats'],
};
