import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CaptureBatch } from '../schema/capture';
import type { TeamStatus } from '../schema/team';
import { applyCapture } from '../db/capture-repository';
import type { BuyerLensDatabase } from '../db/database';
import { linkBuyers } from '../db/links-repository';
import { setOrderFlag } from '../db/order-flags-repository';
import { saveTemplate } from '../db/replies-repository';
import { saveRfmSettings } from '../db/rfm-repository';
import { saveList } from '../db/buyers-repository';
import { freshDatabase } from '../db/test-db';
import { shopeeListBatch } from '../../test/capture-batch';
import { eraseBuyer } from '../db/buyers-repository';
import { addNote } from '../db/notes-repository';
import { createTag, setBuyerTag } from '../db/tags-repository';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { opaque } from './model';
import { defaultRfmSettings } from '../rfm/settings';
import { TeamSync } from './engine';
import { parseInvite } from './invite';

/**
 * The engine between two agents' stores (fake-indexeddb) through the real sync server, in process
 * (SQLite): the tables the end-to-end test does not go through (templates, lists, RFM settings,
 * links, flags), each from one agent's repository to the other agent's table.
 */

interface ServerModule {
  startSyncServer(opts: object): Promise<{ url: string; store: unknown; destroy(): Promise<void> }>;
}
interface CliModule {
  createInvite(store: unknown, opts: object): Promise<{ code: string }>;
}

const SERVER = join(import.meta.dirname, '../../sync-server/server.mjs');
const CLI = join(import.meta.dirname, '../../sync-server/cli.mjs');
const ANA = 'shopee:br:1';
const BIA = 'amazon:amazon.com:2';

const batch = (adapterId: string, shopKey: string, buyerKey: string, orderId: string): CaptureBatch =>
  shopeeListBatch({
    ...(adapterId === 'shopee' ? {} : { adapterId, pageUrl: 'https://sellercentral.amazon.com/orders-v3' }),
    buyers: [{ buyerKey, shopKey, platformBuyerId: buyerKey.split(':').at(-1)!, displayName: 'ana' }],
    orders: [{ orderKey: `${shopKey}:${orderId}`, orderId, shopKey, buyerKey, status: 'completed', totalMinor: 100, currency: adapterId === 'shopee' ? 'BRL' : 'USD' }],
  });

let dataDir: string;
let server: Awaited<ReturnType<ServerModule['startSyncServer']>>;
let createInvite: CliModule['createInvite'];
interface Agent {
  db: BuyerLensDatabase;
  sync: TeamSync;
  status: TeamStatus[];
  code: string;
}
const agents: Agent[] = [];

const newCode = async (name: string) => (await createInvite(server.store, { team: true, role: 'rw', url: server.url, name })).code;

/** A worker (re)started on an agent's store: the documents from the store, then connected. */
async function connected(db: BuyerLensDatabase, code: string): Promise<Agent> {
  const status: TeamStatus[] = [];
  const sync = new TeamSync(db, parseInvite(code), (s) => status.push(s), WebSocket);
  await sync.start();
  const agent = { db, sync, status, code };
  agents.push(agent);
  // Connected, and the first sync done (the documents' content is in the store).
  for (let waited = 0; status.at(-1)?.state !== 'connected'; waited += 50) {
    if (waited > 10_000) throw new Error(`not connected: ${JSON.stringify(status.at(-1))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return agent;
}

/** A new agent's browser: both shops captured, `prepare` (what they had before joining), then joined. */
async function joined(name: string, prepare?: (db: BuyerLensDatabase) => Promise<unknown>): Promise<Agent> {
  const db = freshDatabase();
  await applyCapture(db, batch('shopee', 'shopee:br', ANA, '9'));
  await applyCapture(db, batch('amazon', 'amazon:amazon.com', BIA, '8'));
  await prepare?.(db);
  return connected(db, await newCode(name));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bl-engine-'));
  const { startSyncServer } = (await import(/* @vite-ignore */ SERVER)) as ServerModule;
  ({ createInvite } = (await import(/* @vite-ignore */ CLI)) as CliModule);
  server = await startSyncServer({ host: '127.0.0.1', port: 0, dataDir, debounce: 50, maxDebounce: 200 });
  await joined('Ana');
  await joined('Bruno');
});

afterAll(async () => {
  for (const { sync } of agents) sync.stop();
  for (const db of new Set(agents.map((a) => a.db))) await db.delete();
  await server?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('team sync between two agents’ stores', () => {
  it('a reply template, a saved list, the RFM settings, a link and an order flag made by one agent are in the other’s tables', async () => {
    const [a, b] = agents;
    const template = await saveTemplate(a!.db, { id: 'mine-1', title: 'Thanks', body: 'Obrigado, {{buyer_name}}!', language: 'pt-BR', category: 'vip-thanks', conditions: {} });
    await saveList(a!.db, { name: 'VIP BR', filter: { tagMode: 'any', shopKeys: ['shopee:br'] } });
    await saveRfmSettings(a!.db, { ...defaultRfmSettings(), map: 'cn8' });
    const personId = await linkBuyers(a!.db, ANA, BIA);
    await setOrderFlag(a!.db, 'shopee:br:9', { color: 'red', memo: 'gift wrap' });

    await expect.poll(async () => (await b!.db.replyTemplates.get('mine-1'))?.body, { timeout: 5_000 }).toBe(template.body);
    await expect.poll(async () => (await b!.db.settings.get('buyerLists'))?.value, { timeout: 5_000 }).toEqual([{ name: 'VIP BR', filter: { tagMode: 'any', shopKeys: ['shopee:br'] } }]);
    await expect.poll(async () => ((await b!.db.settings.get('rfm'))?.value as { map?: string } | undefined)?.map, { timeout: 5_000 }).toBe('cn8');
    await expect.poll(async () => (await b!.db.buyers.bulkGet([ANA, BIA])).map((x) => x?.personId), { timeout: 5_000 }).toEqual([personId, personId]);
    await expect.poll(async () => await b!.db.orderFlags.get('shopee:br:9'), { timeout: 5_000 }).toMatchObject({ color: 'red', memo: 'gift wrap' });
    // Nothing came back as a change of B's own.
    expect(await b!.db.syncOutbox.count()).toBe(0);
  });

  it('an edit by the other agent comes back, and the first agent’s own use count stays its own', async () => {
    const [a, b] = agents;
    await saveTemplate(b!.db, { id: 'mine-1', title: 'Thanks', body: 'Muito obrigado, {{buyer_name}}!', language: 'pt-BR', category: 'vip-thanks', conditions: {} });
    await expect.poll(async () => (await a!.db.replyTemplates.get('mine-1'))?.body, { timeout: 5_000 }).toBe('Muito obrigado, {{buyer_name}}!');
    expect((await a!.db.replyTemplates.get('mine-1'))?.useCount).toBe(0);
  });

  it('the same tag name created by two agents at once is one tag for both, with both agents’ buyers tagged', async () => {
    const [a, b] = agents;
    await Promise.all([createTag(a!.db, 'Late Payer'), createTag(b!.db, 'late payer')]);
    await Promise.all([setBuyerTag(a!.db, ANA, 'name:late payer', true), setBuyerTag(b!.db, BIA, 'name:late payer', true)]);
    for (const { db } of [a!, b!]) {
      await expect.poll(async () => (await db.buyers.get(BIA))?.tagIds, { timeout: 5_000 }).toContain('name:late payer');
      await expect.poll(async () => (await db.buyers.get(ANA))?.tagIds, { timeout: 5_000 }).toContain('name:late payer');
    }
    const tagsOf = async (db: BuyerLensDatabase) => (await db.tags.toArray()).filter((t) => t.id === 'name:late payer' || t.name.toLowerCase() === 'late payer');
    // One tag on each side, the same one: its id from the name, its name one agent's (one winner per field).
    const both = async () => Promise.all([tagsOf(a!.db), tagsOf(b!.db)].map(async (tags) => (await tags).map((t) => [t.id, t.name])));
    await expect.poll(async () => new Set((await both()).map((tags) => JSON.stringify(tags))).size, { timeout: 5_000 }).toBe(1);
    const [mine] = await both();
    expect(mine).toHaveLength(1);
    expect(mine![0]![0]).toBe('name:late payer');
  });

  it('a restarted worker sends nothing again: a tag another agent removed meanwhile stays removed, and the store keeps no second copy', async () => {
    const [a, b] = agents;
    await createTag(a!.db, 'Wholesale');
    await setBuyerTag(a!.db, ANA, 'name:wholesale', true);
    await expect.poll(async () => (await b!.db.buyers.get(ANA))?.tagIds, { timeout: 5_000 }).toContain('name:wholesale');
    a!.sync.stop();
    await setBuyerTag(b!.db, ANA, 'name:wholesale', false);
    const stored = await a!.db.syncUpdates.count();
    const again = await connected(a!.db, a!.code);
    await expect.poll(async () => (await again.db.buyers.get(ANA))?.tagIds, { timeout: 5_000 }).not.toContain('name:wholesale');
    await new Promise((r) => setTimeout(r, 500));
    expect((await b!.db.buyers.get(ANA))?.tagIds).not.toContain('name:wholesale');
    // What A stored since: the update that brought B's removal, not a copy of every document.
    expect(await again.db.syncUpdates.count()).toBeLessThanOrEqual(stored + 2);
    agents[0] = again;
  });

  it('joining brings the agent’s own lists and tags to the team and keeps theirs; the team’s RFM settings stay the team’s', async () => {
    const [a] = agents;
    const c = await joined('Carla', async (db) => {
      await saveList(db, { name: 'Mine', filter: { tagMode: 'any' } });
      await createTag(db, 'Late payer');
      await setBuyerTag(db, BIA, 'name:late payer', true);
      await saveRfmSettings(db, { ...defaultRfmSettings(), map: 'rfm11' });
    });
    const names = async (db: BuyerLensDatabase) => ((await db.settings.get('buyerLists'))?.value as { name: string }[] | undefined)?.map((l) => l.name);
    await expect.poll(() => names(c.db), { timeout: 5_000 }).toEqual(['Mine', 'VIP BR']);
    await expect.poll(() => names(a!.db), { timeout: 5_000 }).toEqual(['Mine', 'VIP BR']);
    await expect.poll(async () => (await a!.db.buyers.get(BIA))?.tagIds, { timeout: 5_000 }).toContain('name:late payer');
    expect(((await c.db.settings.get('rfm'))?.value as { map: string }).map).toBe('cn8');
  });

  it('an entry whose opaque key is not its buyer’s is not stored (no agent writes another shop’s buyers through a shop it may write)', async () => {
    const [a, b] = agents;
    const code = parseInvite(a!.code);
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url: code.url, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'shop:shopee:br', document: doc, token: code.token });
    provider.attach();
    await new Promise<void>((done) => provider.on('synced', () => done()));
    doc.getMap('buyerTags').set(`forged\u0000evil`, { k: ANA, v: true });
    doc.getMap('buyerTags').set(`${await opaque(code.salt, BIA)}\u0000evil`, { k: BIA, v: true });
    doc.getMap('buyerTags').set(`${await opaque(code.salt, ANA)}\u0000fine`, { k: ANA, v: true });
    await expect.poll(async () => (await b!.db.buyers.get(ANA))?.tagIds, { timeout: 5_000 }).toContain('fine');
    expect((await b!.db.buyers.get(ANA))?.tagIds).not.toContain('evil');
    expect((await b!.db.buyers.get(BIA))?.tagIds).not.toContain('evil');
    socket.connect = () => Promise.resolve();
    provider.destroy();
    socket.destroy();
  });

  it('forgetting a buyer takes their tags and notes off every agent, and their values out of each store’s updates', async () => {
    const [a, b] = agents;
    await addNote(a!.db, ANA, 'Private: calls after 6 pm');
    await expect.poll(async () => (await b!.db.notes.where('buyerKey').equals(ANA).count()), { timeout: 5_000 }).toBe(1);
    await eraseBuyer(a!.db, ANA);
    await expect.poll(async () => (await b!.db.notes.where('buyerKey').equals(ANA).count()), { timeout: 5_000 }).toBe(0);
    await expect.poll(async () => (await b!.db.buyers.get(ANA))?.tagIds, { timeout: 5_000 }).toEqual([]);
    await expect
      .poll(async () => (await a!.db.syncUpdates.toArray()).some((u) => new TextDecoder('latin1').decode(u.update).includes('calls after 6 pm')), { timeout: 5_000 })
      .toBe(false);
  });
});
