import type Dexie from 'dexie';
import { upgradeToV2 } from './migrations/v002-purchase-ledger';
import { upgradeToV3 } from './migrations/v003-tiers-on-buyers';

/**
 * Every change to the stores is a new entry here; a shipped entry is never edited. Each version that
 * moves data has an upgrade in migrations/vNNN-*.ts, tested on a fixture database of the version
 * before it (test/fixtures/db/). A failed upgrade aborts and leaves the data as it was.
 *
 * Indexes are only what is queried:
 * - buyers: *tagIds (tag filters), *searchWords (panel search), stats.lastOrderAt (recent buyers),
 *   personId (linked buyers); a shop's buyers are a range of the primary key (`<shop key>:<id>`)
 * - orders: [buyerKey+sortAt] (a buyer's history, newest first, and aggregate recomputes)
 * - notes: buyerKey; captureLog: auto-increment id, newest last
 */
export const storesV1 = {
  shops: 'shopKey',
  buyers: 'buyerKey, shopKey, *tagIds, *searchWords, stats.lastOrderAt',
  orders: 'orderKey, [buyerKey+sortAt]',
  tags: 'id, &name',
  notes: 'id, buyerKey',
  replyTemplates: 'id, category',
  captureLog: '++id',
} as const;

/** v2: purchases ledger in the aggregates (RFM windows), RFM tiers, order flags, linked buyers, settings. */
export const storesV2 = {
  ...storesV1,
  buyers: 'buyerKey, shopKey, *tagIds, *searchWords, stats.lastOrderAt, personId',
  orderFlags: 'orderKey',
  rfm: 'buyerKey, shopKey, [shopKey+segment]',
  settings: 'key',
} as const;

/**
 * v3: a buyer's RFM tier lives on the buyer (`tier`) and what a shop's tiers share on the shop
 * (`scoring`), so re-scoring, lists and exports read one table; the rfm table and the buyers'
 * shopKey index go. Tiers are derived data: the upgrade scores them afresh from the purchases ledger.
 */
export const storesV3 = {
  ...storesV2,
  // No shopKey index: a shop's buyers are read as a range of their keys, and every capture would
  // write an index entry per buyer that nothing reads.
  buyers: 'buyerKey, *tagIds, *searchWords, stats.lastOrderAt, personId',
  rfm: null,
} as const;

export const CURRENT_VERSION = 3;

/** Declares the versions up to `upTo` (tests open older versions to migrate them). */
export function declareVersions(db: Dexie, upTo = CURRENT_VERSION): void {
  db.version(1).stores(storesV1);
  if (upTo >= 2) db.version(2).stores(storesV2).upgrade(upgradeToV2);
  if (upTo >= 3) db.version(3).stores(storesV3).upgrade(upgradeToV3);
}
