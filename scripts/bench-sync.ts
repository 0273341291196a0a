/**
 * npm run bench:sync [-- --agents 50] [-- --seconds 30] [-- --no-build]
 *
 * Team sync under a busy team: one real browser (the built extension, joined to the team, with the
 * demo Shopee shop captured) and N simulated agents (Yjs + the Hocuspocus provider in Node, each with
 * an invite of its own) on the same shop, each making one edit a second: a tag put on one of the
 * shop's buyers (and the previous one taken off). Timed from the agent's edit to the browser's
 * IndexedDB row holding it (the background writes it; an extension page sees the commit through
 * Dexie's change channel and reads the row). The server (SQLite, the one-machine default) runs as
 * its own process: its CPU and memory are read from /proc.
 *
 * stdout: a table and, as its last line, {"bench":{"sync":{…}}}. Target: sync.p95Ms ≤ 100 on one machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { opaque } from '../lib/sync/model';
import { parseInvite } from '../lib/sync/invite';
import { launchWithExtension } from './browser';
import { percentile } from './bench/report';
import { generateDemo } from './demo/data';
import { waitForConsole } from './demo/seed';
import { DEMO_SHOPEE, routeDemoConsoles } from './demo/serve';
import { invite, startServer } from './team-server';

const TARGET_P95_MS = 100;
const SHOP = 'shopee:br';
const { values } = parseArgs({ options: { agents: { type: 'string' }, seconds: { type: 'string' }, 'no-build': { type: 'boolean' } } });
const agents = Number(values.agents ?? 50);
const seconds = Number(values.seconds ?? 30);
if (!Number.isInteger(agents) || agents < 1 || !Number.isInteger(seconds) || seconds < 5) {
  console.error('usage: npm run bench:sync [-- --agents N (≥ 1)] [-- --seconds N (≥ 5)] [-- --no-build]');
  process.exit(2);
}
const log = (line: string) => console.error(`[bench:sync] ${line}`);
const root = resolve(import.meta.dirname, '..');
if (!values['no-build']) execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

// Page code as plain source: tsx's helpers (`__name`) do not exist in the page.
const COUNT_BUYERS = `(n) => new Promise((done) => {
  const open = indexedDB.open('buyerlens');
  open.onsuccess = () => {
    const req = open.result.transaction('buyers').objectStore('buyers').count();
    req.onsuccess = () => { open.result.close(); done(req.result >= n); };
  };
})`;
const BUYER_KEYS = `new Promise((done) => {
  const open = indexedDB.open('buyerlens');
  open.onsuccess = () => {
    const req = open.result.transaction('buyers').objectStore('buyers').getAllKeys();
    req.onsuccess = () => { open.result.close(); done(req.result); };
  };
})`;
/** Every commit the background makes is announced on Dexie's change channel: the page then reads the buyers and notes when each bench tag first appears. */
const OBSERVER = `(prefix) => {
  const seen = new Map();
  window.seen = seen;
  const open = indexedDB.open('buyerlens');
  open.onsuccess = () => {
    const db = open.result;
    new BroadcastChannel('x-storagemutated-1').onmessage = () => {
      const req = db.transaction('buyers').objectStore('buyers').getAll(IDBKeyRange.bound(prefix, prefix + '\\uffff'));
      req.onsuccess = () => {
        const at = Date.now();
        for (const buyer of req.result) for (const tag of buyer.tagIds) if (tag.startsWith('bench:') && !seen.has(tag)) seen.set(tag, at);
      };
    };
  };
}`;

const dataDir = mkdtempSync(join(tmpdir(), 'bl-bench-sync-'));
const env = { DATA_DIR: dataDir };
const server = await startServer(env);
const browser = await launchWithExtension({ headless: true });
try {
  // The browser: the demo shop captured, the team joined.
  const demo = generateDemo({ seed: 7, now: Date.now(), shopeeBuyers: 60, amazonBuyers: 5 });
  await routeDemoConsoles(browser.context, demo);
  const consolePage = await browser.context.newPage();
  await consolePage.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(consolePage);
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('team-invite').fill(invite(env, ['--shop', SHOP, '--role', 'rw', '--url', server.url, '--name', 'browser']));
  await page.getByTestId('team-join').click();
  await page.getByTestId('team-status').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
  // The shop's buyers the browser stored (the demo list's first page): the agents tag those.
  await page.waitForFunction(`(${COUNT_BUYERS})(20)`, undefined, { timeout: 30_000 });
  const buyerKeys = ((await page.evaluate(BUYER_KEYS)) as string[]).filter((key) => key.startsWith(`${SHOP}:`));

  // The browser's side of the clock.
  await page.evaluate(`(${OBSERVER})(${JSON.stringify(`${SHOP}:`)})`);

  // The agents: each its own invite, socket and document, like a browser of the team.
  log(`${agents} agents joining ${server.url}`);
  const codes = Array.from({ length: agents }, (_, i) => parseInvite(invite(env, ['--shop', SHOP, '--role', 'rw', '--url', server.url, '--name', `agent ${i}`])));
  const hidden = new Map(await Promise.all(buyerKeys.map(async (key) => [key, await opaque(codes[0]!.salt, key)] as const)));
  const sims = await Promise.all(
    codes.map(async (code) => {
      const doc = new Y.Doc();
      const socket = new HocuspocusProviderWebsocket({ url: code.url, WebSocketPolyfill: WebSocket });
      const provider = new HocuspocusProvider({ websocketProvider: socket, name: `shop:${SHOP}`, document: doc, token: code.token });
      provider.attach();
      await new Promise<void>((done) => provider.on('synced', () => done()));
      return { doc, socket, provider };
    }),
  );
  // The same edits as another agent's document sees them (Node): what the browser adds is the rest.
  const docSeen = new Map<string, number>();
  sims[0]!.doc.getMap('buyerTags').observe((event) => {
    const at = Date.now();
    for (const [key, change] of event.changes.keys) if (change.action === 'add') docSeen.set(key.split('\u0000')[1]!, at);
  });
  const cpuBefore = cpuSeconds(server.pid);
  const sent = new Map<string, number>();
  log(`${agents} agents × 1 edit/s for ${seconds} s`);
  await Promise.all(
    sims.map(async ({ doc }, agent) => {
      await new Promise((r) => setTimeout(r, (1000 * agent) / agents));
      let previous: string | undefined;
      for (let i = 0; i < seconds; i++) {
        const buyer = buyerKeys[(agent * 7 + i) % buyerKeys.length]!;
        const tag = `bench:${agent}:${i}`;
        const map = doc.getMap('buyerTags');
        sent.set(tag, Date.now());
        doc.transact(() => {
          if (previous) map.delete(previous);
          map.set(`${hidden.get(buyer)}\u0000${tag}`, { k: buyer, v: true });
        });
        previous = `${hidden.get(buyer)}\u0000${tag}`;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }),
  );
  const cpuUsed = cpuSeconds(server.pid) - cpuBefore;
  const rss = rssMb(server.pid);
  await new Promise((r) => setTimeout(r, 2000));
  const seen = new Map((await page.evaluate('[...window.seen]')) as [string, number][]);
  const delays = [...sent].filter(([tag]) => seen.has(tag)).map(([tag, at]) => seen.get(tag)! - at);
  const docDelays = [...sent].filter(([tag]) => docSeen.has(tag) && !tag.startsWith('bench:0:')).map(([tag, at]) => docSeen.get(tag)! - at);
  const missing = [...sent.keys()].filter((tag) => !seen.has(tag));
  if (missing.length > 0) log(`not seen in the browser: ${missing.length}, e.g. ${missing.slice(0, 5).join(', ')}`);
  for (const sim of sims) {
    sim.provider.destroy();
    sim.socket.destroy();
  }
  const figures = {
    agents,
    editsPerAgentPerSecond: 1,
    seconds,
    edits: sent.size,
    seenInBrowser: delays.length,
    p50Ms: percentile(delays, 50),
    p95Ms: percentile(delays, 95),
    maxMs: Math.max(...delays),
    agentDocP50Ms: percentile(docDelays, 50),
    agentDocP95Ms: percentile(docDelays, 95),
    serverCpuPercentOfOneCore: Math.round((1000 * cpuUsed) / seconds) / 10,
    serverRssMb: Math.round(rss * 10) / 10,
    targetP95Ms: TARGET_P95_MS,
    metTarget: percentile(delays, 95) <= TARGET_P95_MS && delays.length === sent.size,
  };
  console.log(`sync: ${figures.edits} edits by ${agents} agents, ${figures.seenInBrowser} in the browser's store; edit → browser row p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms (target ≤ ${TARGET_P95_MS}), max ${figures.maxMs} ms; to another agent's document (Node) p50 ${figures.agentDocP50Ms} ms, p95 ${figures.agentDocP95Ms} ms; server ${figures.serverCpuPercentOfOneCore} % of one core, ${figures.serverRssMb} MB`);
  console.log(JSON.stringify({ bench: { sync: { ...figures, p95Ms: figures.p95Ms } } }));
} finally {
  await browser.context.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
