import { isRecord, type MigrationStep } from './step';

/**
 * v2 → v3: tiers move from the rfm table onto the buyers, and what a shop's tiers share onto the
 * shop; the buyers' search words move to the buyerSearch table. Both are derived (tiers from the
 * purchases ledger, words from the names), so the rfm rows and the buyers' `searchWords` go, and both
 * are computed afresh.
 */
export const toV3: MigrationStep = {
  to: 3,
  tables: ['buyers'],
  drops: ['rfm'],
  migrate: ({ buyers = [] }) => ({
    buyers: buyers.map((buyer) => {
      if (!isRecord(buyer) || !('searchWords' in buyer)) return buyer;
      const { searchWords: _words, ...rest } = buyer;
      return rest;
    }),
  }),
  stale: ['tiers', 'search'],
};
