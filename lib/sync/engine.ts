import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { BuyerLensDatabase } from '../db/database';
import { compactUpdates, keepLocalUpdates, setSyncHooks, storedUpdates, writeRemote, type SyncUpdateRecord } from '../db/sync-store';
import { partsOfKey } from '../schema/keys';
import type { TeamStatus } from '../schema/team';
import { coversShop, type Invite } from './invite';
import { applyLocalChange } from './local';
import { docOfChange, isShared, keysToHide, opaque, SEP, shopDoc, teamDoc, type RowChange } from './model';
import { BuyerIndex, everyRow, MAPS, rowOf, touchedBy, type Touched } from './remote';
import { localRows } from './seed';

/**
 * The background's team connection (lib/sync for the model, lib/db/sync-store.ts for the store):
 * one Yjs document per shared scope, rebuilt from the store when the worker starts, one socket to
 * the team's server for all of them. Other agents' changes are written into the store with their
 * update in one transaction; this browser's changes reach the documents through the outbox. One
 * queue runs the store work in order, so a remote write never reads a document that lacks a local
 * change already stored.
 */

const LOCAL = 'local';
const STORE = 'store';
/** A document with more stored updates than this is compacted into one when loaded. */
const COMPACT_AFTER = 50;

interface Shared {
  name: string;
  /** The shop of a shop document. */
  shop?: string;
  doc: Y.Doc;
  index?: BuyerIndex;
  provider?: HocuspocusProvider;
}

export class TeamSync {
  private socket?: HocuspocusProviderWebsocket;
  private readonly docs = new Map<string, Shared>();
  private queue: Promise<unknown> = Promise.resolve();
  private status: TeamStatus;
  private stopped = false;
  /** Every document is loaded: only then may the socket open (else a document opened later gets no provider). */
  private loaded = false;
  /** Documents the server refused (the status says so until the team is joined again). */
  private readonly refused = new Set<string>();
  /** Notes and flags of buyers and orders this browser has not stored yet, by document. */
  private readonly waiting = new Map<string, Map<string, Touched>>();
  /** Opaque keys already worked out (a busy team repeats buyers). */
  private readonly hashes = new Map<string, string>();

  /** `WebSocket`: the socket class where the global one is missing (Node, in tests). */
  constructor(
    private readonly db: BuyerLensDatabase,
    private readonly invite: Invite,
    private readonly publish: (status: TeamStatus) => void,
    private readonly WebSocket?: unknown,
  ) {
    this.status = { state: 'connecting', waiting: 0, readOnly: invite.role === 'ro', server: invite.url, shops: invite.shops };
  }

  /** Loads the documents from the store, connects, and starts sending this browser's changes. */
  async start(): Promise<void> {
    const shops = this.invite.shops === '*' ? ((await this.db.shops.toCollection().primaryKeys()) as string[]) : this.invite.shops;
    await this.open(teamDoc(this.invite.team));
    for (const shop of shops) await this.open(shopDoc(shop), shop);
    if (this.stopped) return;
    this.loaded = true;
    setSyncHooks(this.db, {
      shares: (change) => this.shares(change),
      teamAnnotations: (buyerKey) => this.annotationsOf(buyerKey),
      committed: () => this.enqueue(() => this.drainOutbox()),
    });
    this.goOnline();
    this.enqueue(() => this.drainOutbox());
    this.enqueue(() => this.writeWaiting());
  }

  get current(): TeamStatus {
    return this.status;
  }

  get online(): boolean {
    return this.socket !== undefined;
  }

  /** One socket for every document; changes made meanwhile go as the documents sync. */
  goOnline(): void {
    if (this.socket || this.stopped || !this.loaded) return;
    this.socket = new HocuspocusProviderWebsocket({ url: this.invite.url, ...(this.WebSocket ? { WebSocketPolyfill: this.WebSocket } : {}) });
    for (const shared of this.docs.values()) this.connect(shared);
    this.emit({ state: 'connecting' });
  }

  /** Closes the socket (an idle agent's worker may then sleep); the documents stay, and changes wait in them. */
  goOffline(state: TeamStatus['state'] = 'idle'): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = undefined;
    // Hocuspocus 3.4.4: a socket destroyed just after the server closed it reconnects for ever unless
    // its connect() is disarmed first (sync-server/README.md).
    socket.connect = () => Promise.resolve();
    for (const shared of this.docs.values()) {
      shared.provider?.destroy();
      shared.provider = undefined;
    }
    socket.destroy();
    this.emit({ state });
  }

  stop(): void {
    this.goOffline('none');
    this.stopped = true;
    setSyncHooks(this.db, null);
    this.docs.clear();
  }

  /** Shops captured since start: a team-wide invite shares them too; notes and flags waiting for their buyers and orders go in. */
  async shopsChanged(shopKeys: readonly string[]): Promise<void> {
    for (const shop of shopKeys) {
      if (this.stopped || !coversShop(this.invite, shop) || this.docs.has(shopDoc(shop))) continue;
      const shared = await this.open(shopDoc(shop), shop);
      this.connect(shared);
    }
    if (shopKeys.some((shop) => (this.waiting.get(shopDoc(shop))?.size ?? 0) > 0)) this.enqueue(() => this.writeWaiting());
  }

  private emit(change: Partial<TeamStatus>): void {
    this.status = { ...this.status, ...change };
    if (this.refused.size > 0) this.status.state = 'refused';
    this.publish(this.status);
  }

  private enqueue(work: () => Promise<unknown>): void {
    this.queue = this.queue.then(() => (this.stopped ? undefined : work())).catch((error: unknown) => console.error('[BuyerLens] team sync', error));
  }

  private async hash(key: string): Promise<string> {
    let hidden = this.hashes.get(key);
    if (hidden === undefined) {
      hidden = await opaque(this.invite.salt, key);
      if (this.hashes.size > 50_000) this.hashes.clear();
      this.hashes.set(key, hidden);
    }
    return hidden;
  }

  /**
   * Other agents' changes wait here while the store writes the ones before: then all of them go in
   * one transaction (a busy team sends dozens a second; one transaction each would fall behind).
   */
  private remote: { updates: SyncUpdateRecord[]; rows: Map<string, { shared: Shared; touched: Touched }> } | null = null;

  private takeRemote(shared: Shared, update: Uint8Array | null, touched: readonly Touched[]): void {
    if (!this.remote) {
      this.remote = { updates: [], rows: new Map() };
      this.enqueue(() => this.flushRemote());
    }
    if (update) this.remote.updates.push({ doc: shared.name, update });
    for (const t of touched) {
      const id = `${shared.name}${SEP}${t.table}${SEP}${t.key}${'hidden' in t ? `${SEP}${t.hidden}` : ''}`;
      const before = this.remote.rows.get(id)?.touched;
      // Tags removed by an earlier update of the batch stay removed unless the document has them again.
      const removed = [...new Set([...(before?.table === 'buyerTags' ? (before.removed ?? []) : []), ...(t.table === 'buyerTags' ? (t.removed ?? []) : [])])];
      this.remote.rows.set(id, { shared, touched: t.table === 'buyerTags' && removed.length > 0 ? { ...t, removed } : t });
    }
  }

  /** The waiting remote changes into the store, after this browser's own stored changes are in the documents. */
  private async flushRemote(): Promise<void> {
    const batch = this.remote;
    this.remote = null;
    if (!batch) return;
    for (;;) {
      await this.drainOutbox();
      const rows = [];
      const owners = new Map<Touched, Shared>();
      for (const { shared, touched } of batch.rows.values()) {
        if (!(await this.belongs(shared, touched))) continue;
        rows.push({ touched, row: this.teamRow(shared, touched) });
        owners.set(touched, shared);
      }
      const { written, waiting } = await writeRemote(this.db, batch.updates, rows);
      if (!written) continue;
      for (const touched of waiting) this.wait(owners.get(touched)!, touched);
      return;
    }
  }

  /** A remote row as the team has it; tags the team deleted are not put back on a buyer. */
  private teamRow(shared: Shared, touched: Touched) {
    const row = rowOf(shared.doc, touched, shared.index);
    if (touched.table !== 'buyerTags' || !row) return row;
    const tags = this.docs.get(teamDoc(this.invite.team))?.doc.getMap('tags');
    const deleted = (id: string) => (tags?.get(`${id}${SEP}deleted`) as { v?: unknown } | undefined)?.v === true;
    return { ...row, tagIds: (row.tagIds as string[]).filter((id) => !deleted(id)) };
  }

  /**
   * Whether an entry is what it says: the buyer or order it names is of the document's shop, and its
   * opaque key is that key's (an agent of one shop cannot write another shop's buyers through it).
   */
  private async belongs(shared: Shared, touched: Touched): Promise<boolean> {
    if (shared.shop === undefined) return touched.table === 'tags' || touched.table === 'replyTemplates' || touched.table === 'settings';
    if (touched.table === 'notes') {
      const buyerKey = (shared.doc.getMap('notes').get(touched.key) as Y.Map<unknown> | undefined)?.get?.('buyerKey');
      return buyerKey === undefined || (typeof buyerKey === 'string' && inShop(buyerKey, shared.shop));
    }
    if (touched.table === 'buyerTags' || touched.table === 'links' || touched.table === 'orderFlags') {
      const ok = inShop(touched.key, shared.shop) && (await this.hash(touched.key)) === touched.hidden;
      if (ok && touched.table !== 'orderFlags') shared.index?.verify(touched.key, touched.hidden);
      return ok;
    }
    return false;
  }

  private wait(shared: Shared, touched: Touched): void {
    const list = this.waiting.get(shared.name) ?? new Map<string, Touched>();
    list.set(`${touched.table}${SEP}${touched.key}`, touched);
    this.waiting.set(shared.name, list);
  }

  /** Notes and flags that waited for their buyer or order: those now stored are written. */
  private async writeWaiting(): Promise<void> {
    const rows: { touched: Touched; shared: Shared }[] = [];
    for (const [name, list] of this.waiting) {
      const shared = this.docs.get(name);
      if (shared) for (const touched of list.values()) rows.push({ touched, shared });
    }
    this.waiting.clear();
    if (rows.length === 0) return;
    this.remote = this.remote ?? { updates: [], rows: new Map() };
    for (const row of rows) this.remote.rows.set(`${row.shared.name}${SEP}${row.touched.table}${SEP}${row.touched.key}`, row);
    await this.flushRemote();
  }

  private async open(name: string, shop?: string): Promise<Shared> {
    const doc = new Y.Doc();
    const updates = await storedUpdates(this.db, name);
    Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)), STORE);
    if (updates.length > COMPACT_AFTER) await this.compact(name, doc);
    const shared: Shared = { name, doc, ...(shop ? { shop, index: new BuyerIndex(doc) } : {}) };
    // The buyers the stored entries claim, checked once (what a buyer captured later starts with).
    for (const [hidden, buyerKey] of shared.index?.claims() ?? []) if (shop && inShop(buyerKey, shop) && (await this.hash(buyerKey)) === hidden) shared.index!.verify(buyerKey, hidden);
    this.watch(shared);
    this.docs.set(name, shared);
    if (!(await this.db.syncState.get(name))) await this.seed(shared);
    if (shop) await this.waitForMissing(shared);
    return shared;
  }

  /** Notes and flags the document has and the store does not (their buyer or order was not stored yet): tried again now and after captures. */
  private async waitForMissing(shared: Shared): Promise<void> {
    const rows = everyRow(shared.doc);
    const notes = rows.filter((t) => t.table === 'notes');
    const flags = rows.filter((t) => t.table === 'orderFlags');
    const [haveNotes, haveFlags] = await Promise.all([this.db.notes.bulkGet(notes.map((t) => t.key)), this.db.orderFlags.bulkGet(flags.map((t) => t.key))]);
    notes.forEach((t, i) => haveNotes[i] === undefined && this.wait(shared, t));
    flags.forEach((t, i) => haveFlags[i] === undefined && this.wait(shared, t));
  }

  /** A document's stored updates made one: what was deleted (a forgotten buyer's values) is gone from the store too. */
  private async compact(name: string, doc: Y.Doc): Promise<void> {
    const last = await this.db.syncUpdates.where('doc').equals(name).last();
    if (last) await compactUpdates(this.db, name, Y.encodeStateAsUpdate(doc), last.id!);
  }

  /** Other agents' changes: the rows they touch, written with the update that brought them. */
  private watch(shared: Shared): void {
    let touched: Touched[] = [];
    for (const name of MAPS) {
      shared.doc.getMap(name).observeDeep((events, tr) => {
        const found = touchedBy(events, name, shared.index);
        if (tr.origin !== LOCAL && tr.origin !== STORE) touched.push(...found);
      });
    }
    shared.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL || origin === STORE) return;
      const rows = touched;
      touched = [];
      this.takeRemote(shared, update, rows);
    });
  }

  private connect(shared: Shared): void {
    const socket = this.socket;
    if (!socket) return;
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: shared.name,
      document: shared.doc,
      token: this.invite.token,
      onSynced: () => this.emit({ state: 'connected', readOnly: provider.authorizedScope === 'readonly' || this.invite.role === 'ro' }),
      onStatus: ({ status }) => this.socket === socket && this.emit({ state: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline' }),
      onAuthenticationFailed: ({ reason }) => {
        this.refused.add(shared.name);
        this.emit({ state: 'refused', message: `${shared.name}: ${reason}` });
      },
      onUnsyncedChanges: () => this.emit({ waiting: [...this.docs.values()].reduce((n, s) => n + (s.provider?.unsyncedChanges ?? 0), 0) }),
    });
    provider.attach();
    shared.provider = provider;
  }

  private shares(change: RowChange): boolean {
    if (this.invite.role === 'ro' || !isShared(change)) return false;
    const name = docOfChange(change, this.invite.team);
    return name !== null && this.docs.has(name);
  }

  private annotationsOf(buyerKey: string): { tagIds: string[]; personId?: string } | undefined {
    return this.docs.get(shopDoc(partsOfKey(buyerKey).shopKey))?.index?.annotationsOf(buyerKey);
  }

  /** Changes into the documents (LOCAL origin); their updates, by document. */
  private async applyChanges(changes: readonly RowChange[]): Promise<SyncUpdateRecord[]> {
    const hidden = new Map<string, string>();
    for (const key of new Set(changes.flatMap(keysToHide))) hidden.set(key, await this.hash(key));
    const updates: SyncUpdateRecord[] = [];
    const listeners = [...this.docs.values()].map((s) => [s, (update: Uint8Array, origin: unknown) => origin === LOCAL && updates.push({ doc: s.name, update })] as const);
    for (const [s, listener] of listeners) s.doc.on('update', listener);
    try {
      for (const change of changes) {
        const name = docOfChange(change, this.invite.team);
        const shared = name ? this.docs.get(name) : undefined;
        if (shared) Y.transact(shared.doc, () => applyLocalChange(shared.doc, change, hidden), LOCAL);
      }
    } finally {
      for (const [s, listener] of listeners) s.doc.off('update', listener);
    }
    return updates;
  }

  /** The outbox's changes into the documents; their updates stored as the outbox records go. */
  private async drainOutbox(): Promise<void> {
    for (;;) {
      const records = await this.db.syncOutbox.orderBy('id').limit(200).toArray();
      if (records.length === 0 || this.stopped) return;
      const changes = records.flatMap((r) => r.changes);
      await keepLocalUpdates(this.db, await this.applyChanges(changes), records.map((r) => r.id!));
      // A forgotten buyer: their values leave the stored updates too, not only the documents.
      const forgotten = new Set(changes.filter((c) => c.table === 'buyers' && !c.after).map((c) => docOfChange(c, this.invite.team)));
      for (const name of forgotten) if (name && this.docs.has(name)) await this.compact(name, this.docs.get(name)!.doc);
    }
  }

  /**
   * Once per document, when this browser joins: its own annotations go into the document before it
   * first syncs, so the team's and the agent's merge (a read-only agent's stay in its browser).
   */
  private async seed(shared: Shared): Promise<void> {
    const changes = this.invite.role === 'ro' ? [] : (await localRows(this.db, shared.name, this.invite.team)).filter((c) => docOfChange(c, this.invite.team) === shared.name);
    const updates = await this.applyChanges(changes);
    await this.db.transaction('rw', [this.db.syncUpdates, this.db.syncState], async () => {
      await this.db.syncUpdates.bulkAdd(updates);
      await this.db.syncState.put({ doc: shared.name, seededAt: new Date().toISOString() });
    });
  }
}

const inShop = (key: string, shop: string): boolean => partsOfKey(key).shopKey === shop;
