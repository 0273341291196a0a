import type Dexie from 'dexie';

/**
 * Every change to the stores is a new entry here; a shipped entry is never edited. Each later
 * version that moves data gets an upgrade in migrations/vNNN-*.ts and a test on a fixture database
 * of the version before it.
 *
 * Indexes are only what is queried:
 * - buyers: shopKey (per-shop RFM and lists), *tagIds (tag filters), *searchWords (panel search),
 *   stats.lastOrderAt (recent buyers)
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

export const CURRENT_VERSION = 1;

export function declareVersions(db: Dexie): void {
  db.version(1).stores(storesV1);
}
