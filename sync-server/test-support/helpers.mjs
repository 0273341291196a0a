// Test helpers: Hocuspocus clients (provider 3.4.4 over `ws`), waiting, temp folders.

import { HocuspocusProvider } from '@hocuspocus/provider';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { after, before } from 'node:test';
import { startSyncServer } from '../server.mjs';

export const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** A fresh temp folder and its remover. */
export function tempDir(prefix = 'bl-sync-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Wait until fn() is truthy (polling every 20 ms).
 * @template T
 * @param {() => T | Promise<T>} fn
 * @param {number} [timeoutMs]
 * @param {string} [what]
 * @returns {Promise<T>}
 */
export async function waitFor(fn, timeoutMs = 5000, what = 'condition') {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * Connect a client to one document. `result` settles once the server said yes (synced)
 * or no (authenticationFailed).
 * @param {string} url
 * @param {string} name
 * @param {string} token
 */
export function connect(url, name, token) {
  const doc = new Y.Doc();
  /** @type {{ closes: any[], failures: string[] }} */
  const events = { closes: [], failures: [] };
  /** @type {(v: { ok: boolean, reason?: string }) => void} */
  let settle = () => {};
  const result = /** @type {Promise<{ ok: boolean, reason?: string }>} */ (new Promise((r) => { settle = r; }));
  const provider = new HocuspocusProvider({
    url,
    name,
    token,
    document: doc,
    WebSocketPolyfill: WebSocket,
    // keep reconnects quick and bounded in tests
    delay: 200,
    minDelay: 200,
    maxDelay: 1000,
    onSynced: () => settle({ ok: true }),
    onAuthenticationFailed: ({ reason }) => {
      events.failures.push(reason);
      settle({ ok: false, reason });
    },
    onClose: ({ event }) => events.closes.push(event),
  });
  const map = doc.getMap('data');
  return {
    doc,
    map,
    provider,
    events,
    result,
    /** resolves true when synced, throws on refusal */
    async synced(timeoutMs = 5000) {
      const r = await withTimeout(result, timeoutMs, `sync of ${name}`);
      if (!r.ok) throw new Error(`refused: ${r.reason}`);
      return true;
    },
    /** resolves with the refusal reason, throws when synced */
    async refused(timeoutMs = 5000) {
      const r = await withTimeout(result, timeoutMs, `refusal of ${name}`);
      if (r.ok) throw new Error(`${name} was accepted`);
      return r.reason;
    },
    destroy() {
      // Provider 3.4.4: a socket closed by the server schedules connect() after `delay` ms;
      // destroy() inside that window does not cancel it, and connect() then retries
      // forever (shouldConnect = true again). Neuter connect() before destroying.
      const socket = /** @type {any} */ (provider.configuration.websocketProvider);
      socket.connect = async () => {};
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * @template T
 * @param {Promise<T>} p @param {number} ms @param {string} what
 * @returns {Promise<T>}
 */
export function withTimeout(p, ms, what) {
  /** @type {NodeJS.Timeout} */
  let t;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]);
}

/**
 * For one describe block: an in-process server on a temporary SQLite folder (started before its
 * tests, stopped after), and the clients its tests open through `connect`, closed after.
 */
export function sqliteSuite() {
  const tmp = tempDir();
  /** @type {ReturnType<typeof connect>[]} */
  const clients = [];
  const suite = {
    dir: tmp.dir,
    /** @type {Awaited<ReturnType<typeof startSyncServer>>} */
    server: /** @type {any} */ (undefined),
    /** @param {string} name @param {string} token */
    connect(name, token) {
      const c = connect(suite.server.url, name, token);
      clients.push(c);
      return c;
    },
  };
  before(async () => {
    suite.server = await startSyncServer({ port: 0, dataDir: tmp.dir });
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await suite.server?.destroy();
    tmp.remove();
  });
  return suite;
}
