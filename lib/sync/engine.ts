import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { BuyerLensDatabase } from '../db/database';
import { compactUpdates, keepLocalUpdates, setSyncHooks, storedUpdates, writeRemote, type SyncUpdateRecord } from '../db/sync-store';
import { partsOfKey } from '../schema/keys';
import type { TeamStatus } from '../schema/team';
import { coversShop, type Invite } from './invite';
import { applyLinkChange, applyLocalChange } from './local';
import { docOfChange, isShared, keysToHide, opaque, shopDoc, teamDoc, type RowChange } from './model';
import { BuyerTagIndex, everyRow, MAPS, rowOf, touchedBy, type Touched } from './remote';

/**
 * The background's team connection (lib/sync for the model, lib/db/sync-store.ts for the store):
 * one Yjs document per shared scope, rebuilt from the store when the worker starts, one socket to
 * the team's server for all of them. Other agents' changes are written into the store with their
 * update in one transaction; this browser's changes reach the documents through the outbox.
 */

const LOCAL = 'local';
const STORE = 'store';
/** A document with more stored updates than this is compacted into one when loaded. */
const COMPACT_AFTER = 200;

interface Shared {
  name: string;
  doc: Y.Doc;
  index?: BuyerTagIndex;
  provider?: HocuspocusProvider;
  /** Remote rows waiting for this browser to store the buyer or order they belong to. */
  synced: boolean;
}

export class TeamSync {
  private socket?: HocuspocusProviderWebsocket;
  private readonly docs = new Map<string, Shared>();
  private queue: Promise<unknown> = Promise.resolve();
  private status: TeamStatus;
  private stopped = false;

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
    for (const shop of shops) await this.open(shopDoc(shop));
    setSyncHooks(this.db, {
      shares: (change) => this.shares(change),
      teamAnnotations: (buyerKey) => this.annotationsOf(buyerKey),
      committed: () => this.enqueue(() => this.drainOutbox()),
    });
    this.goOnline();
    this.enqueue(() => this.drainOutbox());
  }

  get online(): boolean {
    return this.socket !== undefined;
  }

  /** One socket for every document; changes made meanwhile go as the documents sync. */
  goOnline(): void {
    if (this.socket || this.stopped) return;
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

  /** Shops captured since start: a team-wide invite shares them too. */
  async shopsChanged(shopKeys: readonly string[]): Promise<void> {
    for (const shop of shopKeys) {
      if (this.stopped || !coversShop(this.invite, shop) || this.docs.has(shopDoc(shop))) continue;
      const shared = await this.open(shopDoc(shop));
      this.connect(shared);
    }
    // Notes and flags of buyers and orders this browser has just stored.
    for (const shop of shopKeys) {
      const shared = this.docs.get(shopDoc(shop));
      if (shared) this.takeRemote(shared, null, everyRow(shared.doc).filter((t) => t.table === 'notes' || t.table === 'orderFlags'));
    }
  }

  /** Documents the server refused (the status says so until the team is joined again). */
  private readonly refused = new Set<string>();

  private emit(change: Partial<TeamStatus>): void {
    this.status = { ...this.status, ...change };
    if (this.refused.size > 0) this.status.state = 'refused';
    this.publish(this.status);
  }

  private enqueue(work: () => Promise<unknown>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => console.error('[BuyerLens] team sync', error));
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
      const id = `${shared.name}\u0000${t.table}\u0000${t.key}`;
      const before = this.remote.rows.get(id)?.touched;
      // Tags removed by an earlier update of the batch stay removed unless the document has them again.
      const removed = [...new Set([...(before?.table === 'buyerTags' ? (before.removed ?? []) : []), ...(t.table === 'buyerTags' ? (t.removed ?? []) : [])])];
      this.remote.rows.set(id, { shared, touched: t.table === 'buyerTags' && removed.length > 0 ? { ...t, removed } : t });
    }
  }

  private async flushRemote(): Promise<void> {
    const batch = this.remote;
    this.remote = null;
    if (!batch) return;
    const rows = [...batch.rows.values()].map(({ shared, touched }) => ({ touched, row: rowOf(shared.doc, touched, shared.index) }));
    await writeRemote(this.db, batch.updates, rows);
  }

  private async open(name: string): Promise<Shared> {
    const doc = new Y.Doc();
    const updates = await storedUpdates(this.db, name);
    Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)), STORE);
    if (updates.length > COMPACT_AFTER) {
      const last = await this.db.syncUpdates.where('doc').equals(name).last();
      await compactUpdates(this.db, name, Y.encodeStateAsUpdate(doc), last!.id!);
    }
    const shared: Shared = { name, doc, synced: false, ...(name.startsWith('shop:') ? { index: new BuyerTagIndex(doc) } : {}) };
    this.watch(shared);
    this.docs.set(name, shared);
    return shared;
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
      onSynced: () => this.onSynced(shared),
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

  /** The first sync with the server: rows the team had before this browser joined, and this browser's rows the team lacks. */
  private onSynced(shared: Shared): void {
    this.emit({ state: 'connected', readOnly: shared.provider?.authorizedScope === 'readonly' || this.invite.role === 'ro' });
    if (shared.synced) return;
    shared.synced = true;
    this.takeRemote(shared, Y.encodeStateAsUpdate(shared.doc), everyRow(shared.doc));
    this.enqueue(() => this.seed(shared));
  }

  private shares(change: RowChange): boolean {
    if (this.invite.role === 'ro' || !isShared(change)) return false;
    const name = docOfChange(change, this.invite.team);
    return name !== null && (name.startsWith('team:') || this.docs.has(name));
  }

  private annotationsOf(buyerKey: string): { tagIds: string[] } | undefined {
    const index = this.docs.get(shopDoc(partsOfKey(buyerKey).shopKey))?.index;
    const tagIds = index?.of(buyerKey) ?? [];
    return tagIds.length > 0 ? { tagIds } : undefined;
  }

  /** The outbox's changes into the documents; their updates stored as the outbox records go. */
  private async drainOutbox(): Promise<void> {
    const records = await this.db.syncOutbox.orderBy('id').limit(200).toArray();
    if (records.length === 0 || this.stopped) return;
    const changes = records.flatMap((r) => r.changes);
    const hidden = new Map<string, string>();
    for (const key of new Set(changes.flatMap(keysToHide))) hidden.set(key, await opaque(this.invite.salt, key));
    const updates: SyncUpdateRecord[] = [];
    const collect = (name: string) => (update: Uint8Array, origin: unknown) => origin === LOCAL && updates.push({ doc: name, update });
    const listeners = [...this.docs.values()].map((s) => [s, collect(s.name)] as const);
    for (const [s, listener] of listeners) s.doc.on('update', listener);
    try {
      for (const change of changes) this.applyChange(change, hidden);
    } finally {
      for (const [s, listener] of listeners) s.doc.off('update', listener);
    }
    await keepLocalUpdates(this.db, updates, records.map((r) => r.id!));
    if (records.length === 200) this.enqueue(() => this.drainOutbox());
  }

  private applyChange(change: RowChange, hidden: ReadonlyMap<string, string>): void {
    const name = docOfChange(change, this.invite.team);
    const shared = name ? this.docs.get(name) : undefined;
    if (!shared) return;
    Y.transact(shared.doc, () => applyLocalChange(shared.doc, change, hidden), LOCAL);
    const team = this.docs.get(teamDoc(this.invite.team))!;
    if (change.table === 'buyers') Y.transact(team.doc, () => applyLinkChange(team.doc, change, hidden.get(change.key)!), LOCAL);
  }

  /** This browser's annotations the team lacks, when it first syncs a document (joining brings what the agent had). */
  private async seed(shared: Shared): Promise<void> {
    if (this.invite.role === 'ro') return;
    const changes = await localRows(this.db, shared.name, this.invite);
    const hidden = new Map<string, string>();
    for (const key of new Set(changes.flatMap(keysToHide))) hidden.set(key, await opaque(this.invite.salt, key));
    const missing = changes.filter((change) => !teamHas(shared, change, hidden));
    if (missing.length === 0) return;
    await this.db.syncOutbox.add({ changes: missing });
    await this.drainOutbox();
  }
}

/** The rows of a document's scope this browser has, as changes from nothing. */
async function localRows(db: BuyerLensDatabase, name: string, invite: Invite): Promise<RowChange[]> {
  const from = (table: RowChange['table'], key: string, after: object): RowChange => ({ table, key, before: null, after: after as RowChange['after'] });
  if (name.startsWith('team:')) {
    const [tags, templates, settings] = await Promise.all([db.tags.toArray(), db.replyTemplates.toArray(), db.settings.toArray()]);
    return [...tags.map((t) => from('tags', t.id, t)), ...templates.map((t) => from('replyTemplates', t.id, t)), ...settings.map((s) => from('settings', s.key, s))].filter((c) => isShared(c) && docOfChange(c, invite.team) === name);
  }
  const shop = name.slice('shop:'.length);
  const [lower, upper] = [`${shop}:`, `${shop}:\uffff`];
  const [buyers, notes, flags] = await Promise.all([
    db.buyers.where('buyerKey').between(lower, upper).filter((b) => b.tagIds.length > 0 || b.personId !== undefined).toArray(),
    db.notes.toArray(),
    db.orderFlags.where('orderKey').between(lower, upper).toArray(),
  ]);
  return [
    ...buyers.map((b) => ({ table: 'buyers' as const, key: b.buyerKey, before: { tagIds: [] }, after: { tagIds: b.tagIds, personId: b.personId } })),
    ...notes.filter((n) => n.buyerKey.startsWith(lower)).map((n) => from('notes', n.id, n)),
    ...flags.map((f) => from('orderFlags', f.orderKey, f)),
  ];
}

function teamHas(shared: Shared, change: RowChange, hidden: ReadonlyMap<string, string>): boolean {
  const { doc } = shared;
  switch (change.table) {
    case 'tags':
      return doc.getMap('tags').has(`${change.key}\u0000name`);
    case 'replyTemplates':
      return doc.getMap('templates').has(`${change.key}\u0000title`);
    case 'settings':
      return change.key === 'buyerLists' ? doc.getMap('lists').size > 0 : doc.getMap('settings').has(change.key);
    case 'notes':
      return doc.getMap('notes').has(change.key);
    case 'orderFlags':
      return doc.getMap('flags').has(`${hidden.get(change.key)}\u0000updatedAt`);
    case 'buyers':
      return false;
  }
}
