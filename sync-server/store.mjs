// The sync server's store: SQLite (better-sqlite3, default) or PostgreSQL (pg, when a
// DATABASE_URL is given). Both have the same tables and the same async interface.
//
//   documents(name PK, state bytes, updated_at)   one Yjs state (encodeStateAsUpdate) per document
//   meta(key PK, value)                           'secret', 'team', 'salt'
//   agents(id PK, name, role, shops JSON, created_at, revoked_at NULL)
//
// Timestamps are ISO-8601 strings (UTC) in both stores.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} AgentRow
 * @property {string} id
 * @property {string|null} name
 * @property {'rw'|'ro'} role
 * @property {string[]|'*'} shops   shop keys, or '*' for every shop of the team
 * @property {string} created_at
 * @property {string|null} revoked_at
 */

/**
 * @typedef {object} Store
 * @property {'sqlite'|'postgres'} kind
 * @property {string} location                      file path or a password-free database URL
 * @property {(name: string) => Promise<Uint8Array|null>} fetchDocument
 * @property {(name: string, state: Uint8Array) => Promise<void>} storeDocument
 * @property {(key: string) => Promise<string|null>} getMeta
 * @property {(key: string, make: () => string) => Promise<string>} ensureMeta  insert if missing, return the stored value
 * @property {() => Promise<{ secret: string, team: string, salt: string }>} teamMeta
 * @property {(agent: { id: string, name: string|null, role: string, shops: string[]|'*' }) => Promise<AgentRow>} createAgent
 * @property {(id: string) => Promise<AgentRow|null>} getAgent
 * @property {() => Promise<AgentRow[]>} listAgents
 * @property {(id: string) => Promise<AgentRow|null>} revokeAgent     sets revoked_at if not set; null if unknown
 * @property {(ids: string[]) => Promise<string[]>} revokedAmong       which of these ids are revoked
 * @property {() => Promise<void>} close
 */

/** Random bytes as base64url. */
/** The same tables in both stores; only the bytes type differs (SQLite BLOB, PostgreSQL BYTEA). */
const tablesSql = (/** @type {string} */ bytes) => `
  CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY,
    state ${bytes} NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS agents (
    id TEXT PRIMARY KEY,
    name TEXT,
    role TEXT NOT NULL,
    shops TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );`;

export const randomId = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** The HS256 key of a secret string (its UTF-8 bytes; SYNC_SECRET may be any string). */
export const secretKey = (/** @type {string} */ secret) => new TextEncoder().encode(secret);

/** The default data folder: <sync-server>/data. */
export const DEFAULT_DATA_DIR = new URL('./data/', import.meta.url).pathname.replace(/\/$/, '');

/**
 * Open (and create the tables of) the store.
 * @param {{ dataDir?: string, databaseUrl?: string }} [opts]
 * @returns {Promise<Store>}
 */
export async function openStore({ dataDir, databaseUrl } = {}) {
  return databaseUrl ? openPostgres(databaseUrl) : openSqlite(dataDir || DEFAULT_DATA_DIR);
}

/** @param {any} row @returns {AgentRow|null} */
function agentFromRow(row) {
  if (!row) return null;
  let shops = row.shops;
  try { shops = JSON.parse(row.shops); } catch { /* keep as is */ }
  return {
    id: row.id,
    name: row.name ?? null,
    role: row.role,
    shops,
    created_at: row.created_at,
    revoked_at: row.revoked_at ?? null,
  };
}

/**
 * Shared part: meta helpers on top of getMeta/insertMetaIfMissing.
 * @param {Omit<Store, 'ensureMeta'|'teamMeta'> & { insertMetaIfMissing: (k: string, v: string) => Promise<void> }} base
 * @returns {Store}
 */
function withMeta(base) {
  /** @type {Store} */
  const store = /** @type {any} */ (base);
  store.ensureMeta = async (key, make) => {
    const have = await base.getMeta(key);
    if (have != null) return have;
    await base.insertMetaIfMissing(key, make());
    // Another process (CLI, second instance) may have won the race: read what is stored.
    return /** @type {string} */ (await base.getMeta(key));
  };
  store.teamMeta = async () => {
    const envSecret = process.env.SYNC_SECRET;
    const secret = envSecret ? envSecret : await store.ensureMeta('secret', () => randomId(32));
    const team = await store.ensureMeta('team', () => randomId(12));
    const salt = await store.ensureMeta('salt', () => randomId(32));
    return { secret, team, salt };
  };
  return store;
}

/**
 * @param {string} dataDir
 * @returns {Promise<Store>}
 */
async function openSqlite(dataDir) {
  const { default: Database } = await import('better-sqlite3');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'sync.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.exec(tablesSql('BLOB'));
  const q = {
    fetchDoc: db.prepare('SELECT state FROM documents WHERE name = ?'),
    storeDoc: db.prepare(`INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
      ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    insMeta: db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)'),
    insAgent: db.prepare('INSERT INTO agents (id, name, role, shops, created_at) VALUES (?, ?, ?, ?, ?)'),
    getAgent: db.prepare('SELECT * FROM agents WHERE id = ?'),
    listAgents: db.prepare('SELECT * FROM agents ORDER BY created_at, id'),
    revoke: db.prepare('UPDATE agents SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };
  let closed = false;
  return withMeta({
    kind: 'sqlite',
    location: file,
    async fetchDocument(name) {
      const row = /** @type {any} */ (q.fetchDoc.get(name));
      return row ? new Uint8Array(row.state) : null;
    },
    async storeDocument(name, state) {
      q.storeDoc.run(name, Buffer.from(state), new Date().toISOString());
    },
    async getMeta(key) {
      const row = /** @type {any} */ (q.getMeta.get(key));
      return row ? row.value : null;
    },
    async insertMetaIfMissing(key, value) {
      q.insMeta.run(key, value);
    },
    async createAgent({ id, name, role, shops }) {
      q.insAgent.run(id, name ?? null, role, JSON.stringify(shops), new Date().toISOString());
      return /** @type {AgentRow} */ (agentFromRow(q.getAgent.get(id)));
    },
    async getAgent(id) {
      return agentFromRow(q.getAgent.get(id));
    },
    async listAgents() {
      return q.listAgents.all().map(agentFromRow);
    },
    async revokeAgent(id) {
      q.revoke.run(new Date().toISOString(), id);
      return agentFromRow(q.getAgent.get(id));
    },
    async revokedAmong(ids) {
      if (!ids.length) return [];
      const marks = ids.map(() => '?').join(',');
      return db.prepare(`SELECT id FROM agents WHERE revoked_at IS NOT NULL AND id IN (${marks})`)
        .all(...ids).map((/** @type {any} */ r) => r.id);
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  });
}

/** A database URL without its password, for messages. */
function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(database url)';
  }
}

/**
 * @param {string} databaseUrl
 * @returns {Promise<Store>}
 */
async function openPostgres(databaseUrl) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', (err) => console.error('sync-server: postgres pool error:', err.message));
  const ddl = tablesSql('BYTEA');
  try {
    // Two instances starting at once may race on CREATE TABLE IF NOT EXISTS (a unique
    // violation on pg_type); an advisory lock makes the creation one at a time.
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7305200001)');
      try {
        await client.query(ddl);
      } finally {
        await client.query('SELECT pg_advisory_unlock(7305200001)');
      }
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  let closed = false;
  return withMeta({
    kind: 'postgres',
    location: redactUrl(databaseUrl),
    async fetchDocument(name) {
      const { rows } = await pool.query('SELECT state FROM documents WHERE name = $1', [name]);
      return rows.length ? new Uint8Array(rows[0].state) : null;
    },
    async storeDocument(name, state) {
      await pool.query(
        `INSERT INTO documents (name, state, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
        [name, Buffer.from(state), new Date().toISOString()],
      );
    },
    async getMeta(key) {
      const { rows } = await pool.query('SELECT value FROM meta WHERE key = $1', [key]);
      return rows.length ? rows[0].value : null;
    },
    async insertMetaIfMissing(key, value) {
      await pool.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
    },
    async createAgent({ id, name, role, shops }) {
      const { rows } = await pool.query(
        'INSERT INTO agents (id, name, role, shops, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *',
        [id, name ?? null, role, JSON.stringify(shops), new Date().toISOString()],
      );
      return /** @type {AgentRow} */ (agentFromRow(rows[0]));
    },
    async getAgent(id) {
      const { rows } = await pool.query('SELECT * FROM agents WHERE id = $1', [id]);
      return agentFromRow(rows[0]);
    },
    async listAgents() {
      const { rows } = await pool.query('SELECT * FROM agents ORDER BY created_at, id');
      return rows.map(agentFromRow);
    },
    async revokeAgent(id) {
      await pool.query('UPDATE agents SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [new Date().toISOString(), id]);
      return this.getAgent(id);
    },
    async revokedAmong(ids) {
      if (!ids.length) return [];
      const { rows } = await pool.query('SELECT id FROM agents WHERE revoked_at IS NOT NULL AND id = ANY($1::text[])', [ids]);
      return rows.map((r) => r.id);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  });
}
