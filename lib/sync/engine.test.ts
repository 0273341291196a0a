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

const batch = (adapterId: string, shopKey: string, buyerKey: string, orderId: string): CaptureBatch => ({
  adapterId,
  pageKind: 'order-list',
  pageUrl: adapterId === 'shopee' ? 'https://seller.shopee.com.br/portal/sale/order' : 'https://sellercentral.amazon.com/orders-v3',
  source: 'network',
  capturedAt: '2026-11-01T00:00:00.000Z',
  shops: [],
  buyers: [{ buyerKey, shopKey, platformBuyerId: buyerKey.split(':').at(-1)!, displayName: 'ana' }],
  orders: [{ orderKey: `${shopKey}:${orderId}`, orderId, shopKey, buyerKey, status: 'completed', totalMinor: 100, currency: adapterId === 'shopee' ? 'BRL' : 'USD' }],
  problems: [],
});

let dataDir: string;
let server: Awaited<ReturnType<ServerModule['startSyncServer']>>;
const agents: { db: BuyerLensDatabase; sync: TeamSync; status: TeamStatus[] }[] = [];

async function joined(code: string) {
  const db = freshDatabase();
  await applyCapture(db, batch('shopee', 'shopee:br', ANA, '9'));
  await applyCapture(db, batch('amazon', 'amazon:amazon.com', BIA, '8'));
  const status: TeamStatus[] = [];
  const sync = new TeamSync(db, parseInvite(code), (s) => status.push(s), WebSocket);
  await sync.start();
  agents.push({ db, sync, status });
  // Connected, and the first sync done (the documents' content is in the store).
  for (let waited = 0; status.at(-1)?.state !== 'connected'; waited += 50) {
    if (waited > 10_000) throw new Error(`not connected: ${JSON.stringify(status.at(-1))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { db, sync, status };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bl-engine-'));
  const { startSyncServer } = (await import(/* @vite-ignore */ SERVER)) as ServerModule;
  const { createInvite } = (await import(/* @vite-ignore */ CLI)) as CliModule;
  server = await startSyncServer({ host: '127.0.0.1', port: 0, dataDir, debounce: 50, maxDebounce: 200 });
  for (const name of ['Ana', 'Bruno']) {
    const { code } = await createInvite(server.store, { team: true, role: 'rw', url: server.url, name });
    await joined(code);
  }
});

afterAll(async () => {
  for (const { sync, db } of agents) {
    sync.stop();
    await db.delete();
  }
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
});
