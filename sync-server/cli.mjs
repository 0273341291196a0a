// CLI commands of the sync server: invite, revoke, agents. Each works on the same store as
// the server (SQLite in DATA_DIR, or PostgreSQL with DATABASE_URL) and can run while servers run.

import { SignJWT } from 'jose';
import { parseArgs } from 'node:util';
import { randomId, secretKey } from './store.mjs';

/** Wrong command-line arguments: main.mjs prints the message and exits with code 2. */
export class UsageError extends Error {
  name = 'UsageError';
}

export const USAGE = `usage:
  node sync-server/main.mjs [serve]
      env: HOST (127.0.0.1), PORT (1234; 0 = any free port), DATA_DIR (<sync-server>/data),
           DATABASE_URL (PostgreSQL instead of SQLite), REDIS_URL (redis://host:port),
           INSTANCE_NAME, SYNC_SECRET
  node sync-server/main.mjs invite (--shop <shopKey>)... | --team  --role rw|ro [--url ws://host:port] [--name <label>]
  node sync-server/main.mjs revoke <agentId>
  node sync-server/main.mjs agents`;

/** The invite code's prefix. */
export const INVITE_PREFIX = 'BL1.';

/** @param {NodeJS.ProcessEnv} [env] */
export function defaultUrl(env = process.env) {
  const host = env.HOST || '127.0.0.1';
  const port = env.PORT || '1234';
  return `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Check invite options; throws UsageError.
 * @param {{ shops?: string[], team?: boolean, role: string, url?: string }} opts
 * @returns {{ role: 'rw'|'ro', shops: string[]|'*', url: string }}
 */
export function checkInviteOptions(opts) {
  const role = opts.role;
  if (!role) throw new UsageError('invite: --role rw|ro is required');
  if (role !== 'rw' && role !== 'ro') throw new UsageError(`invite: --role must be rw or ro, got "${role}"`);
  const shopList = [...new Set((opts.shops ?? []).map((s) => String(s).trim()))];
  if (shopList.some((s) => !s)) throw new UsageError('invite: --shop needs a shop key');
  if (opts.team && shopList.length) throw new UsageError('invite: give either --shop (one or more) or --team, not both');
  if (!opts.team && !shopList.length) throw new UsageError('invite: give --shop <shopKey> (one or more) or --team');
  const url = opts.url || defaultUrl();
  if (!/^wss?:\/\/[^/\s]+/.test(url)) throw new UsageError(`invite: --url must be ws://host:port or wss://host, got "${url}"`);
  return { role, shops: opts.team ? '*' : shopList, url };
}

/**
 * Create an agent and its invite code.
 * @param {import('./store.mjs').Store} store
 * @param {{ shops?: string[], team?: boolean, role: string, url?: string, name?: string|null }} opts
 * @returns {Promise<{ agent: import('./store.mjs').AgentRow, url: string, token: string, code: string,
 *   invite: { v: 1, url: string, token: string, team: string, salt: string, agent: string, role: string, shops: string[]|'*' } }>}
 */
export async function createInvite(store, opts) {
  const { role, shops, url } = checkInviteOptions(opts);
  const { secret, team, salt } = await store.teamMeta();
  // A prefix, so an id never starts with '-' (base64url can) and reads as an option on the command line.
  const id = `a${randomId(12)}`;
  const agent = await store.createAgent({ id, name: opts.name ?? null, role, shops });
  const token = await new SignJWT({ team, role, shops })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(id)
    .setIssuedAt()
    .sign(secretKey(secret));
  const invite = /** @type {const} */ ({ v: 1, url, token, team, salt, agent: id, role, shops });
  const code = INVITE_PREFIX + Buffer.from(JSON.stringify(invite)).toString('base64url');
  return { agent, url, token, code, invite };
}

/**
 * Decode an invite code (no verification: the server checks the token).
 * @param {string} code
 */
export function decodeInvite(code) {
  if (!code.startsWith(INVITE_PREFIX)) throw new Error('not a BuyerLens invite code');
  return JSON.parse(Buffer.from(code.slice(INVITE_PREFIX.length), 'base64url').toString('utf8'));
}

/**
 * Revoke an agent. Running servers sharing the store close its connections within ~1 s.
 * @param {import('./store.mjs').Store} store
 * @param {string} agentId
 * @returns {Promise<{ agent: import('./store.mjs').AgentRow, already: boolean }|null>}  null: no such agent
 */
export async function revokeAgent(store, agentId) {
  const before = await store.getAgent(agentId);
  if (!before) return null;
  if (before.revoked_at) return { agent: before, already: true };
  const agent = /** @type {import('./store.mjs').AgentRow} */ (await store.revokeAgent(agentId));
  return { agent, already: false };
}

/**
 * @param {import('./store.mjs').Store} store
 */
export async function listAgents(store) {
  return store.listAgents();
}

/** @param {string[]|'*'} shops */
export const formatShops = (shops) => (shops === '*' ? '* (every shop of the team)' : shops.join(', '));

/**
 * Run a CLI command (not `serve`). Prints to stdout; throws UsageError on bad arguments.
 * @param {string} command
 * @param {string[]} args
 * @param {() => Promise<import('./store.mjs').Store>} open
 * @param {(line: string) => void} [out]
 * @returns {Promise<number>} exit code
 */
export async function runCommand(command, args, open, out = (l) => console.log(l)) {
  if (command === 'invite') {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          shop: { type: 'string', multiple: true },
          team: { type: 'boolean' },
          role: { type: 'string' },
          url: { type: 'string' },
          name: { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (err) {
      throw new UsageError(`invite: ${/** @type {Error} */ (err).message}`);
    }
    // Check the arguments before opening (and maybe creating) the store.
    const opts = { shops: values.shop, team: values.team, role: values.role ?? '', url: values.url, name: values.name ?? null };
    checkInviteOptions(opts);
    const store = await open();
    try {
      const { agent, url, code } = await createInvite(store, opts);
      out(`agent: ${agent.id}`);
      out(`name:  ${agent.name ?? '-'}`);
      out(`role:  ${agent.role}`);
      out(`shops: ${formatShops(agent.shops)}`);
      out(`url:   ${url}`);
      out('invite code (give it to the agent; it grants access like a password):');
      out(code);
    } finally {
      await store.close();
    }
    return 0;
  }
  if (command === 'revoke') {
    if (args.length !== 1 || args[0].startsWith('-')) throw new UsageError('revoke: give exactly one agent id: revoke <agentId>');
    const store = await open();
    try {
      const res = await revokeAgent(store, args[0]);
      if (!res) {
        console.error(`revoke: no agent ${args[0]}`);
        return 1;
      }
      out(res.already
        ? `agent ${res.agent.id} was already revoked at ${res.agent.revoked_at}`
        : `revoked agent ${res.agent.id} (${res.agent.name ?? '-'}) at ${res.agent.revoked_at}; running servers close its connections within a second`);
    } finally {
      await store.close();
    }
    return 0;
  }
  if (command === 'agents') {
    if (args.length) throw new UsageError('agents: takes no arguments');
    const store = await open();
    try {
      const agents = await listAgents(store);
      if (!agents.length) {
        out('no agents');
        return 0;
      }
      const rows = [['id', 'name', 'role', 'shops', 'revoked'],
        ...agents.map((a) => [a.id, a.name ?? '-', a.role, a.shops === '*' ? '*' : a.shops.join(','), a.revoked_at ?? 'no'])];
      const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
      for (const r of rows) out(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  '));
    } finally {
      await store.close();
    }
    return 0;
  }
  throw new UsageError(`unknown command "${command}"`);
}
