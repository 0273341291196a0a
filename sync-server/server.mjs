// BuyerLens team sync server: Hocuspocus 3.4.4 + Yjs, persisted in SQLite or PostgreSQL,
// fanned out through Redis when more than one instance serves a team.
//
// Documents: `team:<teamId>` (team-wide data) and `shop:<shopKey>` (one shop's annotations).
// Every connection to a document is checked by onAuthenticate against a JWT (HS256, signed
// with the store's secret) and the agents table (revoked agents are refused and, when
// connected, disconnected within a second).

import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';
import { openStore, secretKey } from './store.mjs';

export { secretKey };

/** How often running servers look for revoked agents among their connections (ms). */
export const REVOKE_POLL_MS = 750;

/** Close code sent to a revoked agent's socket (same as Hocuspocus' Unauthorized). */
const REVOKED = { code: 4401, reason: 'revoked' };


/**
 * Parse a redis://host:port URL into what @hocuspocus/extension-redis takes.
 * @param {string} redisUrl
 */
export function redisOptionsFromUrl(redisUrl) {
  const u = new URL(redisUrl);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must be redis://host:port, got ${u.protocol}`);
  }
  /** @type {Record<string, any>} */
  const options = {};
  if (u.password) options.password = decodeURIComponent(u.password);
  if (u.username) options.username = decodeURIComponent(u.username);
  const db = u.pathname.replace(/^\//, '');
  if (db) options.db = Number(db);
  if (u.protocol === 'rediss:') options.tls = {};
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    options,
  };
}

/**
 * Build the onAuthenticate hook.
 * @param {import('./store.mjs').Store} store
 * @param {{ secret: string, team: string }} meta
 */
export function makeAuthenticate(store, { secret, team }) {
  /** A refusal; Hocuspocus sends `reason` to the client (provider: authenticationFailed). */
  const deny = (/** @type {string} */ reason) => Object.assign(new Error(reason), { reason });
  const key = secretKey(secret);
  /** @param {{ token: string, documentName: string, connectionConfig: { readOnly: boolean } }} data */
  return async function onAuthenticate({ token, documentName, connectionConfig }) {
    if (!token) throw deny('no token');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'] }));
    } catch {
      throw deny('invalid token');
    }
    if (payload.team !== team) throw deny('token of another team');
    const agentId = typeof payload.sub === 'string' ? payload.sub : '';
    const agent = agentId ? await store.getAgent(agentId) : null;
    if (!agent) throw deny('unknown agent');
    if (agent.revoked_at) throw deny('agent revoked');

    const sep = documentName.indexOf(':');
    const kind = sep > 0 ? documentName.slice(0, sep) : '';
    const id = sep > 0 ? documentName.slice(sep + 1) : '';
    if (kind === 'team') {
      if (id !== team) throw deny(`no access to ${documentName}`);
    } else if (kind === 'shop') {
      const shops = agent.shops;
      const allowed = id !== '' && (shops === '*' || (Array.isArray(shops) && shops.includes(id)));
      if (!allowed) throw deny(`no access to ${documentName}`);
    } else {
      throw deny(`unknown document ${documentName}`);
    }
    const role = agent.role === 'rw' ? 'rw' : 'ro';
    if (role === 'ro') connectionConfig.readOnly = true;
    return { agent: agent.id, role };
  };
}

/**
 * Start a sync server in this process.
 * @param {object} [opts]
 * @param {string} [opts.host]          default 127.0.0.1
 * @param {number} [opts.port]          default 1234; 0 = any free port
 * @param {string} [opts.dataDir]       SQLite folder (default <sync-server>/data); ignored with databaseUrl
 * @param {string} [opts.databaseUrl]   PostgreSQL instead of SQLite
 * @param {string} [opts.redisUrl]      redis://host:port: fan out to other instances
 * @param {string} [opts.instanceName]  Redis identifier of this instance (default random)
 * @param {boolean} [opts.quiet]        no log lines of our own (default true)
 * @param {number} [opts.debounce]      ms before a changed document is stored (default 500)
 * @param {number} [opts.maxDebounce]   ms at most between changes and their store (default 2000)
 * @param {number} [opts.revokePollMs]  default REVOKE_POLL_MS
 * @returns {Promise<{ url: string, port: number, host: string, store: import('./store.mjs').Store,
 *   team: string, server: Server, destroy: () => Promise<void> }>}
 */
export async function startSyncServer(opts = {}) {
  const host = opts.host || '127.0.0.1';
  const port = opts.port ?? 1234;
  const quiet = opts.quiet ?? true;
  const log = quiet ? () => {} : (/** @type {any[]} */ ...a) => console.log(...a);
  const store = await openStore({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl });
  /** @type {Server|undefined} */
  let server;
  try {
    const meta = await store.teamMeta();

    /** @type {any[]} */
    const extensions = [
      new Database({
        fetch: async ({ documentName }) => store.fetchDocument(documentName),
        store: async ({ documentName, state }) => {
          await store.storeDocument(documentName, state);
        },
      }),
    ];
    if (opts.redisUrl) {
      const { host: rHost, port: rPort, options } = redisOptionsFromUrl(opts.redisUrl);
      const identifier = opts.instanceName || `sync-${randomUUID()}`;
      extensions.push(new Redis({
        host: rHost,
        port: rPort,
        identifier,
        options: { ...options, maxRetriesPerRequest: 3 },
      }));
    }

    server = new Server({
      name: opts.instanceName || null,
      address: host,
      port,
      quiet: true,
      stopOnSignals: false,
      debounce: opts.debounce ?? 500,
      maxDebounce: opts.maxDebounce ?? 2000,
      extensions,
      onAuthenticate: makeAuthenticate(store, meta),
    });
    // Not server.listen(): Hocuspocus 3.4.4 passes `address` where Node's listen() reads
    // `host`, so it would listen on every interface. Same steps, with the host honoured and
    // listen errors (EADDRINUSE) rejected instead of thrown as an unhandled 'error' event.
    const httpServer = server.httpServer;
    await new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen({ port, host }, () => {
        httpServer.off('error', reject);
        resolve(undefined);
      });
    });
    await server.hocuspocus.hooks('onListen', {
      instance: server.hocuspocus,
      configuration: server.configuration,
      port: server.address.port,
    });
  } catch (err) {
    if (server) await server.destroy().catch(() => {});
    await store.close().catch(() => {});
    throw err;
  }
  const srv = server;
  const hocuspocus = srv.hocuspocus;
  const boundPort = srv.address.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `ws://${urlHost}:${boundPort}`;

  // Revocation: look up the agents of the open connections; close every connection of a
  // revoked one (its documents, then its socket). Reconnects are refused by onAuthenticate.
  let polling = false;
  const pollRevoked = async () => {
    if (polling) return;
    polling = true;
    try {
      /** @type {Map<string, Set<any>>} */
      const byAgent = new Map();
      for (const document of hocuspocus.documents.values()) {
        for (const { connection } of document.connections.values()) {
          const agent = connection.context?.agent;
          if (!agent) continue;
          if (!byAgent.has(agent)) byAgent.set(agent, new Set());
          /** @type {Set<any>} */ (byAgent.get(agent)).add(connection);
        }
      }
      if (!byAgent.size) return;
      const revoked = await store.revokedAmong([...byAgent.keys()]);
      for (const agent of revoked) {
        const connections = byAgent.get(agent) || new Set();
        const sockets = new Set();
        for (const connection of connections) {
          sockets.add(connection.webSocket);
          try { connection.close(REVOKED); } catch { /* already closed */ }
        }
        for (const ws of sockets) {
          try { ws.close(REVOKED.code, REVOKED.reason); } catch { /* already closed */ }
        }
        log(`revoked agent ${agent}: closed ${sockets.size} socket(s)`);
      }
    } catch (err) {
      if (!quiet) console.error('sync-server: revocation check failed:', /** @type {Error} */ (err).message);
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(pollRevoked, opts.revokePollMs ?? REVOKE_POLL_MS);
  timer.unref();

  /** @type {Promise<void>|undefined} */
  let destroying;
  const destroy = () => {
    destroying ??= (async () => {
      clearInterval(timer);
      try {
        // Closes all connections; resolves once every document is unloaded, i.e. stored.
        // A store that hangs (database gone) must not keep the process forever.
        /** @type {NodeJS.Timeout|undefined} */
        let guard;
        await Promise.race([
          srv.destroy(),
          new Promise((resolve) => { guard = setTimeout(resolve, 15000); guard.unref(); }),
        ]);
        clearTimeout(guard);
      } finally {
        for (const ws of srv.webSocketServer.clients) ws.terminate();
        srv.httpServer.closeAllConnections?.();
        await store.close();
      }
    })();
    return destroying;
  };

  return { url, port: boundPort, host, store, team: (await store.teamMeta()).team, server: srv, destroy };
}
