import type Dexie from 'dexie';
import { upgradeToV2 } from './migrations/v002-purchase-ledger';

/**
 * Every change to the stores is a new entry here; a shipped entry is never edited. Each version that
 * moves data has an upgrade in migrations/vNNN-*.ts, tested on a fixture database of the version
 * before it (test/fixtures/db/). A failed upgrade aborts and leaves the data as it was.
 *
 * Indexes are only what is queried:
 * - buyers: shopKey (per-shop RFM and lists), *tagIds (tag filters), *searchWords (panel search),
 *   stats.lastOrderAt (recent buyers), personId (linked buyers)
 * - orders: [buyerKey+sortAt] (a buyer's history, newest first, and aggregate recomputes)
 * - rfm: shopKey (re-scoring a shop), [shopKey+segment] (segment counts and lists)
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

export const CURRENT_VERSION = 2;

/** Declares the versions up to `upTo` (tests open older versions to migrate them). */
export function declareVersions(db: Dexie, upTo = CURRENT_VERSION): void {
  db.version(1).stores(storesV1);
  if (upTo >= 2) db.version(2).stores(storesV2).upgrade(upgradeToV2);
}
