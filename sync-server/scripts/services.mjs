#!/usr/bin/env node
// Start and stop Debian's PostgreSQL and redis-server on 127.0.0.1 for tests (installs nothing).
//
//   node sync-server/scripts/services.mjs start <dir>   → prints DATABASE_URL=… REDIS_URL=…
//   node sync-server/scripts/services.mjs stop <dir>
//
// start: initdb in <dir>/pg/data (as user postgres via runuser when root; first time only),
// PostgreSQL on the first free port from 55432, redis-server on the first free port from 56379
// (--save "" --appendonly no), both in the background; writes <dir>/services.json.
// stop: pg_ctl stop, and the redis-server by its PID. From Node:
//   import { startServices, stopServices } from './scripts/services.mjs';
//   const { databaseUrl, redisUrl, stop } = await startServices(dir);
// Packages: apt-get install -y postgresql redis-server (apt does not start them without systemd).

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_PG_PORT = 55432;
export const DEFAULT_REDIS_PORT = 56379;

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** The newest PostgreSQL bin folder under /usr/lib/postgresql/<version>/bin. */
export function findPgBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error('PostgreSQL not found under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)');
  return join(root, versions[0], 'bin');
}

/** The redis-server binary. */
export function findRedisServer() {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(p)) return p;
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error('redis-server not found (apt-get install -y redis-server)');
}

/** @param {number} port @returns {Promise<boolean>} */
function portFree(port) {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => res(true)));
  });
}

/** First free port from `start` (tries 200). @param {number} start @param {number[]} [skip] */
export async function freePort(start, skip = []) {
  for (let p = start; p < start + 200; p++) {
    if (!skip.includes(p) && await portFree(p)) return p;
  }
  throw new Error(`no free port in ${start}..${start + 199}`);
}

/** @param {number} port @param {number} timeoutMs */
async function waitForPort(port, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise((res) => {
      const s = createConnection({ port, host: '127.0.0.1' });
      s.once('connect', () => { s.destroy(); res(true); });
      s.once('error', () => res(false));
    });
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

/**
 * Run a command (as postgres when we are root).
 * @param {string} cmd @param {string[]} args
 */
function runAsPg(cmd, args) {
  const [c, a] = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(c, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  return r;
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
}

/** The command line of a PID ('' when gone). @param {number} pid */
function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * @typedef {object} ServicesInfo
 * @property {string} databaseUrl
 * @property {string} redisUrl
 * @property {number} pgPort
 * @property {number} redisPort
 * @property {number} pgPid
 * @property {number} redisPid
 * @property {string} pgData
 * @property {string} pgBin
 */

/**
 * Start PostgreSQL and redis-server for tests.
 * @param {string} dir  working folder (created; PG data in <dir>/pg/data)
 * @param {{ pgPort?: number, redisPort?: number }} [opts]  first ports to try
 * @returns {Promise<ServicesInfo & { stop: () => Promise<void> }>}
 */
export async function startServices(dir, opts = {}) {
  dir = resolve(dir);
  mkdirSync(dir, { recursive: true });
  const pgBin = findPgBin();
  const redisBin = findRedisServer();
  const pgDir = join(dir, 'pg');
  const pgData = join(pgDir, 'data');
  mkdirSync(pgDir, { recursive: true });
  if (isRoot) {
    // The postgres user must reach <dir>/pg (mkdtemp folders are 0700).
    chmodSync(dir, 0o755);
    const { uid, gid } = pgUser();
    chownSync(pgDir, uid, gid);
  }

  if (!existsSync(join(pgData, 'PG_VERSION'))) {
    const r = runAsPg(join(pgBin, 'initdb'), ['-D', pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    if (r.status !== 0) throw new Error(`initdb failed (${r.status}):\n${r.stderr || r.stdout}`);
    const conf = readFileSync(join(pgData, 'postgresql.conf'), 'utf8');
    writeFileSync(join(pgData, 'postgresql.conf'), `${conf}\n# test services\ninclude_if_exists = 'services.conf'\n`);
  }
  const pgPort = await freePort(opts.pgPort ?? DEFAULT_PG_PORT);
  // Test settings: loopback only, socket in <dir>/pg, no durability (the data is throw-away).
  writeFileSync(join(pgData, 'services.conf'), [
    "listen_addresses = '127.0.0.1'",
    `port = ${pgPort}`,
    `unix_socket_directories = '${pgDir.replace(/'/g, "''")}'`,
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    'max_connections = 50',
    '',
  ].join('\n'));
  if (isRoot) {
    const { uid, gid } = pgUser();
    chownSync(join(pgData, 'services.conf'), uid, gid);
    chownSync(join(pgData, 'postgresql.conf'), uid, gid);
  }
  const log = join(pgDir, 'server.log');
  const started = runAsPg(join(pgBin, 'pg_ctl'), ['-D', pgData, '-l', log, '-w', '-t', '30', 'start']);
  if (started.status !== 0) {
    let tail = '';
    try { tail = readFileSync(log, 'utf8').split('\n').slice(-15).join('\n'); } catch { /* no log */ }
    throw new Error(`pg_ctl start failed (${started.status}):\n${started.stderr || started.stdout}\n${tail}`);
  }
  const pgPid = Number(readFileSync(join(pgData, 'postmaster.pid'), 'utf8').split('\n')[0]);

  /** @type {number} */
  let redisPid;
  let redisPort;
  try {
    redisPort = await freePort(opts.redisPort ?? DEFAULT_REDIS_PORT, [pgPort]);
    const redisDir = join(dir, 'redis');
    mkdirSync(redisDir, { recursive: true });
    const out = openSync(join(redisDir, 'redis.log'), 'a');
    const child = spawn(redisBin, [
      '--bind', '127.0.0.1', '--port', String(redisPort), '--save', '', '--appendonly', 'no',
      '--daemonize', 'no', '--dir', redisDir, '--protected-mode', 'yes',
    ], { detached: true, stdio: ['ignore', out, out] });
    closeSync(out);
    if (!child.pid) throw new Error('redis-server did not start');
    redisPid = child.pid;
    child.unref();
    await waitForPort(redisPort, 10000);
  } catch (err) {
    runAsPg(join(pgBin, 'pg_ctl'), ['-D', pgData, '-m', 'immediate', '-w', 'stop']);
    throw err;
  }

  /** @type {ServicesInfo} */
  const info = {
    databaseUrl: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    pgPort,
    redisPort,
    pgPid,
    redisPid,
    pgData,
    pgBin,
  };
  writeFileSync(join(dir, 'services.json'), `${JSON.stringify(info, null, 2)}\n`);
  return { ...info, stop: () => stopServices(dir) };
}

/** uid/gid of the postgres user. */
function pgUser() {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres user (apt-get install -y postgresql)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Stop what startServices(dir) started (by pg_ctl and by PID). Safe to call twice.
 * @param {string} dir
 */
export async function stopServices(dir) {
  dir = resolve(dir);
  const file = join(dir, 'services.json');
  if (!existsSync(file)) return;
  /** @type {ServicesInfo} */
  const info = JSON.parse(readFileSync(file, 'utf8'));
  const errors = [];

  if (info.redisPid && alive(info.redisPid) && cmdline(info.redisPid).includes('redis-server')) {
    process.kill(info.redisPid, 'SIGTERM');
    const until = Date.now() + 5000;
    while (alive(info.redisPid) && Date.now() < until) await sleep(50);
    if (alive(info.redisPid)) process.kill(info.redisPid, 'SIGKILL');
  }

  if (info.pgData && existsSync(join(info.pgData, 'postmaster.pid'))) {
    const r = runAsPg(join(info.pgBin, 'pg_ctl'), ['-D', info.pgData, '-m', 'fast', '-w', '-t', '20', 'stop']);
    if (r.status !== 0 && info.pgPid && alive(info.pgPid) && cmdline(info.pgPid).includes('postgres')) {
      process.kill(info.pgPid, 'SIGQUIT');
      errors.push(`pg_ctl stop failed: ${r.stderr || r.stdout}`);
    }
  }
  rmSync(file, { force: true });
  if (errors.length) throw new Error(errors.join('\n'));
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [cmd, dir] = process.argv.slice(2);
  if (!dir || (cmd !== 'start' && cmd !== 'stop')) {
    console.error('usage: node sync-server/scripts/services.mjs start|stop <dir>');
    process.exit(2);
  }
  try {
    if (cmd === 'start') {
      const s = await startServices(dir);
      console.log(`DATABASE_URL=${s.databaseUrl} REDIS_URL=${s.redisUrl}`);
    } else {
      await stopServices(dir);
      console.log(`stopped the services of ${resolve(dir)}`);
    }
  } catch (err) {
    console.error(`services ${cmd}: ${/** @type {Error} */ (err).message}`);
    process.exit(1);
  }
}
