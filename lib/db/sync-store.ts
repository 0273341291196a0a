import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { z } from 'zod';
import { SYNCED_TABLES, TEAM_SETTINGS, type Row, type RowChange, type SyncedTable } from '../sync/model';
import type { Touched } from '../sync/remote';
import { savedListSchema } from '../schema/messages';
import { noteRecordSchema, orderFlagRecordSchema, tagRecordSchema } from '../schema/records';
import { replyTemplateRecordSchema } from '../schema/replies';
import { rfmSettingsSchema } from '../schema/rfm';
import type { BuyerLensDatabase } from './database';

/**
 * The store's side of team sync (lib/sync, entrypoints/background/team-sync.ts).
 *
 * Local changes: while a team is joined, every write to a synced table (by any code: a Dexie
 * middleware sees them all) leaves the rows before and after in `syncOutbox`, in the same
 * transaction; after it commits, the background writes them into the team documents and removes
 * them (so a change is never lost between the store and the documents, even if the worker stops).
 *
 * Remote changes: the update that brought them and the rows it changed are written in one
 * transaction (`writeRemote`), marked so that the middleware does not send them back.
 */

export const SYNC_OUTBOX = 'syncOutbox';

export interface OutboxRecord {
  id?: number;
  changes: RowChange[];
}

export interface SyncUpdateRecord {
  id?: number;
  doc: string;
  update: Uint8Array;
}

/** A document this browser's own annotations went into (once, when it joined: TeamSync.seed). */
export interface SyncStateRecord {
  doc: string;
  seededAt: string;
}

/** What the middleware asks the team sync (null while no team is joined). */
export interface SyncHooks {
  /** Whether a change goes to the team (its shop is shared, and it changes what the team shares). */
  shares(change: RowChange): boolean;
  /** A buyer this browser stores for the first time: the tags and link the team already gave them. */
  teamAnnotations(buyerKey: string): { tagIds: string[]; personId?: string } | undefined;
  /** Called once after a transaction that left changes in the outbox commits. */
  committed(): void;
}

/** Each database's hooks (one per database: tests run two agents in one process). */
export interface SyncHooksHolder {
  current: SyncHooks | null;
}

export function setSyncHooks(db: { syncHooks: SyncHooksHolder }, next: SyncHooks | null): void {
  db.syncHooks.current = next;
}

/** Transactions whose writes are not the team's: other agents' changes (not sent back), retention (each browser's own). */
const unsharedWrites = new WeakSet<object>();

const hasStore = (trans: DBCoreTransaction, store: string): boolean => (trans as Partial<IDBTransaction>).objectStoreNames?.contains(store) ?? false;
const isSynced = (name: string): name is SyncedTable => (SYNCED_TABLES as readonly string[]).includes(name);

function withTeamAnnotations(current: SyncHooks, row: Row): { row: Row; team: Row } {
  const team = current.teamAnnotations(String(row.buyerKey));
  if (!team) return { row, team: { tagIds: [] } };
  const tagIds = [...new Set([...((row.tagIds as string[] | undefined) ?? []), ...team.tagIds])];
  return { row: { ...row, tagIds, ...(row.personId === undefined && team.personId ? { personId: team.personId } : {}) }, team };
}

function watchedTable(table: DBCoreTable, name: SyncedTable, outbox: () => DBCoreTable, hooks: SyncHooksHolder): DBCoreTable {
  const keyPath = table.schema.primaryKey.keyPath as string;
  const notified = new WeakSet<object>();
  return {
    ...table,
    async mutate(req) {
      const current = hooks.current;
      if (!current || req.type === 'deleteRange' || unsharedWrites.has(req.trans) || !hasStore(req.trans, SYNC_OUTBOX)) return table.mutate(req);
      const keys: unknown[] = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: Row) => v[keyPath]));
      const before = (await table.getMany({ trans: req.trans, keys })) as (Row | undefined)[];
      let values: Row[] = req.type === 'delete' ? [] : (req.values as Row[]);
      // A buyer stored for the first time starts with what the team gave them; only changes from there are the user's.
      const known: (Row | undefined)[] = [...before];
      if (name === 'buyers' && req.type !== 'delete') {
        values = values.map((value, i) => {
          if (before[i]) return value;
          const { row, team } = withTeamAnnotations(current, value);
          known[i] = team;
          return row;
        });
      }
      const result = await table.mutate(req.type === 'delete' ? req : { ...req, values });
      const changes = keys
        .map((key, i): RowChange => ({ table: name, key: String(key), before: known[i] ?? null, after: req.type === 'delete' ? null : values[i]! }))
        .filter((change, i) => !result.failures[i] && current.shares(change));
      if (changes.length === 0) return result;
      await outbox().mutate({ type: 'add', trans: req.trans, values: [{ changes } satisfies OutboxRecord] });
      if (!notified.has(req.trans)) {
        notified.add(req.trans);
        (req.trans as unknown as IDBTransaction).addEventListener('complete', () => current.committed());
      }
      return result;
    },
  };
}

/** Adds the outbox to every read-write transaction that writes a synced table while a team is joined, and fills it. */
export const syncOutboxMiddleware = (hooks: SyncHooksHolder): Middleware<DBCore> => ({
  stack: 'dbcore',
  name: 'syncOutbox',
  create(down) {
    const present = down.schema.tables.some((t) => t.name === SYNC_OUTBOX);
    return {
      ...down,
      transaction(stores, mode, options) {
        const wanted = present && hooks.current !== null && mode === 'readwrite' && stores.some(isSynced) && !stores.includes(SYNC_OUTBOX);
        return down.transaction(wanted ? [...stores, SYNC_OUTBOX] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return isSynced(name) ? watchedTable(table, name, () => down.table(SYNC_OUTBOX), hooks) : table;
      },
    };
  },
});

/** Runs `write` in a transaction whose writes do not go to the team (other agents' changes, retention). */
export function asUnsharedWrite<T>(db: BuyerLensDatabase, tables: readonly string[], write: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [...tables], async (tx) => {
    unsharedWrites.add(tx.idbtrans);
    return write();
  });
}

/** A row another agent changed, as the team document has it now (null: gone). */
export interface RemoteRow {
  touched: Touched;
  row: Row | null;
}

const savedListsSchema = z.array(savedListSchema).max(500);

/** A remote tag, note, flag, template or setting, checked as the store's own (another agent's browser or the server may send anything). */
function checked<T>(schema: z.ZodType<T>, row: unknown, what: string): T | undefined {
  const parsed = schema.safeParse(row);
  if (!parsed.success) console.warn(`[BuyerLens] a team ${what} was not stored: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.success ? parsed.data : undefined;
}

async function writeTag(db: BuyerLensDatabase, key: string, row: Row | null): Promise<void> {
  if (!row) {
    // Deleted by another agent: off every buyer here too.
    await db.buyers.where('tagIds').equals(key).modify((buyer) => void (buyer.tagIds = buyer.tagIds.filter((t) => t !== key)));
    await db.tags.delete(key);
    return;
  }
  const tag = checked(tagRecordSchema, row, 'tag');
  if (tag) await db.tags.put(tag);
}

async function writeTemplate(db: BuyerLensDatabase, key: string, row: Row | null): Promise<void> {
  if (!row) return db.replyTemplates.delete(key);
  const mine = await db.replyTemplates.get(key);
  const template = checked(replyTemplateRecordSchema, { useCount: 0, ...row, ...(mine ? { useCount: mine.useCount, lastUsedAt: mine.lastUsedAt } : {}) }, 'reply template');
  if (template) await db.replyTemplates.put(template);
}

async function writeSetting(db: BuyerLensDatabase, key: string, row: Row | null): Promise<void> {
  if (!row) return db.settings.delete(key);
  const value = key === TEAM_SETTINGS.rfm ? checked(rfmSettingsSchema, row.value, 'RFM setting') : checked(savedListsSchema, row.value, 'saved lists');
  if (value !== undefined) await db.settings.put({ key, value });
}

/** Writes one remote row; true where it waits for a buyer or order this browser has not stored yet. */
async function writeRow(db: BuyerLensDatabase, { touched, row }: RemoteRow): Promise<boolean | void> {
  switch (touched.table) {
    case 'tags':
      return writeTag(db, touched.key, row);
    case 'replyTemplates':
      return writeTemplate(db, touched.key, row);
    case 'settings':
      return writeSetting(db, touched.key, row);
    case 'notes': {
      const note = row && checked(noteRecordSchema, row, 'note');
      // A note of a buyer this browser has not captured yet is written when it is (TeamSync.shopsChanged).
      if (note && !(await db.buyers.get(note.buyerKey))) return true;
      return note ? void (await db.notes.put(note)) : row ? undefined : db.notes.delete(touched.key);
    }
    case 'orderFlags': {
      const flag = row && checked(orderFlagRecordSchema, row, 'order flag');
      if (flag && (await db.orders.where('orderKey').equals(flag.orderKey).count()) === 0) return true;
      return flag ? void (await db.orderFlags.put(flag)) : row ? undefined : db.orderFlags.delete(touched.key);
    }
    case 'buyerTags': {
      const parsed = z.object({ tagIds: z.array(z.string().min(1)).max(500), removed: z.array(z.string()).max(500) }).safeParse(row);
      if (!parsed.success) return;
      const { tagIds, removed } = parsed.data;
      // The team's tags of the buyer, in the buyer's order, new ones after; a tag the change removed goes,
      // one only this browser has (a read-only agent's) stays. A buyer not captured here yet gets them when they are.
      await db.buyers.where('buyerKey').equals(touched.key).modify((buyer) => {
        const kept = buyer.tagIds.filter((t) => !removed.includes(t) || tagIds.includes(t));
        buyer.tagIds = [...kept, ...tagIds.filter((t) => !kept.includes(t))];
      });
      return;
    }
    case 'links': {
      const personId = typeof row?.personId === 'string' && row.personId.length <= 200 ? row.personId : undefined;
      await db.buyers.where('buyerKey').equals(touched.key).modify((buyer) => {
        if (personId) buyer.personId = personId;
        else delete buyer.personId;
      });
    }
  }
}

const REMOTE_TABLES = ['syncUpdates', 'syncOutbox', 'tags', 'buyers', 'orders', 'notes', 'orderFlags', 'replyTemplates', 'settings'];

/**
 * Other agents' updates and the rows they changed, in one transaction: the store never holds a
 * document state whose rows it has not written, nor rows of an update it has not kept. Nothing is
 * written while this browser's own changes wait in the outbox (the rows were read from documents
 * that do not have them yet): `written` false, and the caller puts them in first and tries again.
 * `waiting`: notes and flags of buyers and orders this browser has not stored yet.
 */
export async function writeRemote(db: BuyerLensDatabase, updates: readonly SyncUpdateRecord[], rows: readonly RemoteRow[]): Promise<{ written: boolean; waiting: Touched[] }> {
  return asUnsharedWrite(db, REMOTE_TABLES, async () => {
    if ((await db.syncOutbox.count()) > 0) return { written: false, waiting: [] };
    if (updates.length > 0) await db.syncUpdates.bulkAdd([...updates]);
    const waiting: Touched[] = [];
    for (const row of rows) if ((await writeRow(db, row)) === true) waiting.push(row.touched);
    return { written: true, waiting };
  });
}

/** A document's stored updates, oldest first. */
export const storedUpdates = async (db: BuyerLensDatabase, doc: string): Promise<Uint8Array[]> =>
  (await db.syncUpdates.where('doc').equals(doc).sortBy('id')).map((r) => r.update);

/** Local updates (from the outbox) kept with the outbox records they came from, removed in one transaction. */
export async function keepLocalUpdates(db: BuyerLensDatabase, updates: readonly SyncUpdateRecord[], outboxIds: readonly number[]): Promise<void> {
  await db.transaction('rw', [db.syncUpdates, db.syncOutbox], async () => {
    await db.syncUpdates.bulkAdd([...updates]);
    await db.syncOutbox.bulkDelete([...outboxIds]);
  });
}

/** One document's updates made one (when it has many): the same state in one row. */
export async function compactUpdates(db: BuyerLensDatabase, doc: string, state: Uint8Array, upToId: number): Promise<void> {
  await db.transaction('rw', db.syncUpdates, async () => {
    await db.syncUpdates.where('doc').equals(doc).and((r) => r.id! <= upToId).delete();
    await db.syncUpdates.add({ doc, update: state });
  });
}
