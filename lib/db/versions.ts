import type Dexie from 'dexie';
import { rebuildDerivedTables } from './derived';
import { CURRENT_VERSION, LADDER, migrateTables } from './ladder';
import type { Derived } from './migrations/step';

/**
 * Every change to the stores is a new entry here; a shipped entry is never edited. Each version's
 * data step is on the migration ladder (ladder.ts, migrations/vNNN-*.ts), tested on a fixture
 * database of the version before it (test/fixtures/db/). A failed upgrade aborts and leaves the data
 * as it was.
 *
 * Indexes are only what is queried:
 * - buyers: *tagIds (tag filters), personId (linked buyers); a shop's buyers are a range of the
 *   primary key (`<shop key>:<id>`); a shop keeps its latest buyers (`recent`) when it is scored
 * - buyerSearch: *words (panel search; written only when a buyer's name changes)
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
 * shopKey index go, and the search words move to buyerSearch. Tiers are derived data: the upgrade
 * scores them afresh from the purchases ledger.
 */
export const storesV3 = {
  ...storesV2,
  // Every capture rewrites the buyers it touches, and with them every index entry of theirs: no
  // shopKey index (a shop's buyers are a range of their keys), and the search words in a table of
  // their own that changes only with a name.
  buyers: 'buyerKey, *tagIds, stats.lastOrderAt, personId',
  buyerSearch: 'buyerKey, *words',
  rfm: null,
} as const;

/**
 * v4: the buyers lose their stats.lastOrderAt index, which every capture rewrote for every buyer it
 * touched (an index write per buyer, about a tenth of a capture's cost): each shop keeps its latest
 * buyers (`recent`) when it is scored instead, shortly after every capture.
 */
export const storesV4 = {
  ...storesV3,
  buyers: 'buyerKey, *tagIds, personId',
} as const;

/**
 * v5: the stores stay as they are; the buyers' purchases ledger drops the order keys and stores times
 * as numbers ([placedAt ms, totalMinor]): smaller buyer records, which every capture reads and
 * writes again, and no date parsing when scoring.
 */
export const storesV5 = storesV4;

/**
 * v6: the stores stay as they are; a buyer's aggregates count in the currency of their latest
 * purchase and say how many currencies their purchases are in (rebuilt from the orders).
 */
export const storesV6 = storesV5;

/**
 * v7: the buyers table's rows, in a table of their own whose indexes serve the buyers page's sorts
 * (lib/buyers/list.ts SORT_INDEX: each value with the buyer key for ties) and tag filter; not on the
 * buyers, whose every index entry each capture would write again. Every write to a buyer leaves a
 * mark in buyerListDirty in the same transaction (buyer-list-writer.ts); the background makes those
 * rows again shortly after.
 */
export const storesV7 = {
  ...storesV6,
  buyerList: 'buyerKey, *tagIds, [sortName+buyerKey], [segment+buyerKey], [r+buyerKey], [orders+buyerKey], [spentMinor+buyerKey], [firstOrderAt+buyerKey], [lastOrderAt+buyerKey]',
  buyerListDirty: '++id',
} as const;

/**
 * v8: team sync (lib/sync). Tag names lose their unique index (team members may name two tags alike
 * at once); the team documents' Yjs updates, the local changes waiting to go into them, and which
 * documents this browser's own annotations went into when it joined.
 */
export const storesV8 = {
  ...storesV7,
  tags: 'id, name',
  syncUpdates: '++id, doc',
  syncOutbox: '++id',
  syncState: 'doc',
} as const;

const STORES: Readonly<Record<number, Record<string, string | null>>> = { 1: storesV1, 2: storesV2, 3: storesV3, 4: storesV4, 5: storesV5, 6: storesV6, 7: storesV7, 8: storesV8 };

/** The derived data the steps of one upgrade left stale, by the upgrade's IndexedDB transaction. */
const staleByUpgrade = new WeakMap<IDBTransaction, Set<Derived>>();

/**
 * Declares the versions up to `upTo` (tests open older versions to migrate them). Dexie runs the
 * upgrade of every version above the stored one, in order, in one transaction; the last one then
 * rebuilds what the steps left stale (derived.ts), so a failure anywhere leaves the data as it was.
 */
export function declareVersions(db: Dexie, upTo = CURRENT_VERSION): void {
  db.version(1).stores(storesV1);
  for (const step of LADDER.filter((s) => s.to <= upTo)) {
    db.version(step.to)
      .stores(STORES[step.to]!)
      .upgrade(async (tx) => {
        await migrateTables(tx, step);
        const stale = staleByUpgrade.get(tx.idbtrans) ?? new Set<Derived>();
        for (const derived of step.stale) stale.add(derived);
        staleByUpgrade.set(tx.idbtrans, stale);
        if (step.to === upTo) await rebuildDerivedTables(tx, stale, Date.now());
      });
  }
}
