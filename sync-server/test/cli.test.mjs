// main.mjs as a program: invite / revoke / agents / bad arguments / serve + SIGTERM.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { decodeInvite } from '../cli.mjs';
import { openStore } from '../store.mjs';
import { connect, sqliteSuite, tempDir, waitFor, withTimeout } from '../test-support/helpers.mjs';

const MAIN = fileURLToPath(new URL('../main.mjs', import.meta.url));

/**
 * Run main.mjs to its end (asynchronously: an in-process server keeps serving meanwhile).
 * @param {string[]} args @param {Record<string, string>} env
 * @returns {Promise<{ code: number|null, stdout: string, stderr: string }>}
 */
function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('main.mjs commands (SQLite)', () => {
  const suite = sqliteSuite();
  const env = { DATA_DIR: suite.dir };

  test('invite prints the code on the last line, exits 0, and a running server accepts it', async () => {
    const r = await run(['invite', '--shop', 'shopee:br:1', '--shop', 'shopee:br:2', '--role', 'rw', '--url', suite.server.url, '--name', 'Bia'], env);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const last = lines.at(-1) ?? '';
    assert.match(last, /^BL1\.[A-Za-z0-9_-]+$/);
    assert.ok(lines.slice(0, -1).every((l) => !l.includes('BL1.')), 'code only on the last line');
    const inv = decodeInvite(last);
    assert.deepEqual(inv.shops, ['shopee:br:1', 'shopee:br:2']);
    assert.equal(inv.url, suite.server.url);
    assert.equal(inv.team, suite.server.team);
    assert.match(r.stdout, new RegExp(`agent: ${inv.agent}`));
    const c = suite.connect('shop:shopee:br:2', inv.token);
    await c.synced();

    const team = await run(['invite', '--team', '--role', 'ro'], env);
    assert.equal(team.code, 0, team.stderr);
    const tinv = decodeInvite(team.stdout.trimEnd().split('\n').at(-1) ?? '');
    assert.equal(tinv.shops, '*');
    assert.equal(tinv.role, 'ro');
    assert.equal(tinv.url, 'ws://127.0.0.1:1234');
  });

  test('bad arguments exit 2 with a message on stderr', async () => {
    const cases = [
      ['invite', '--shop', 'a'],                        // no --role
      ['invite', '--shop', 'a', '--role', 'admin'],     // role not rw|ro
      ['invite', '--role', 'rw'],                       // neither --shop nor --team
      ['invite', '--team', '--shop', 'a', '--role', 'rw'],
      ['invite', '--shop', 'a', '--role', 'rw', '--url', 'http://x'],
      ['invite', '--shop', 'a', '--role', 'rw', '--bogus'],
      ['invite', '--shop'],
      ['revoke'],
      ['agents', 'extra'],
      ['frobnicate'],
    ];
    const results = await Promise.all(cases.map((args) => run(args, env)));
    results.forEach((r, i) => {
      assert.equal(r.code, 2, `${cases[i].join(' ')} → ${r.code}: ${r.stderr}`);
      assert.match(r.stderr, /error: /, cases[i].join(' '));
      assert.equal(r.stdout, '');
    });
  });

  test('revoke (another process) closes the agent socket within 2 s; agents lists it as revoked', async () => {
    const r = await run(['invite', '--shop', 'shop-cli', '--role', 'rw', '--url', suite.server.url], env);
    const inv = decodeInvite(r.stdout.trimEnd().split('\n').at(-1) ?? '');
    const c = suite.connect('shop:shop-cli', inv.token);
    await c.synced();
    const t0 = Date.now();
    const rv = await run(['revoke', inv.agent], env);
    assert.equal(rv.code, 0, rv.stderr);
    assert.match(rv.stdout, /revoked/);
    await waitFor(() => c.events.closes.length > 0, 2000 - (Date.now() - t0), 'socket closed');
    assert.ok(Date.now() - t0 <= 2000 + 50);

    const again = await run(['revoke', inv.agent], env);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /already revoked/);
    const unknown = await run(['revoke', 'no-such-agent'], env);
    assert.equal(unknown.code, 1);

    const list = await run(['agents'], env);
    assert.equal(list.code, 0, list.stderr);
    const row = list.stdout.split('\n').find((l) => l.startsWith(inv.agent));
    assert.ok(row, list.stdout);
    assert.match(row, /shop-cli/);
    assert.doesNotMatch(row, / no$/);
  });
});

test('serve: PORT=0 prints the listening line; SIGTERM stores the documents and exits 0', async () => {
  const tmp = tempDir();
  try {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', DATA_DIR: tmp.dir, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    const exited = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal })));
    const url = await withTimeout(new Promise((res, rej) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /listening on (ws:\/\/\S+)/.exec(out);
        if (m) res(m[1]);
      });
      child.on('exit', () => rej(new Error(`exited early: ${out}${err}`)));
    }), 10000, 'listening line');
    assert.match(/** @type {string} */ (url), /^ws:\/\/127\.0\.0\.1:\d+$/);
    assert.doesNotMatch(/** @type {string} */ (url), /:0$/);

    const inv = await run(['invite', '--shop', 'shop-serve', '--role', 'rw', '--url', /** @type {string} */ (url)], { DATA_DIR: tmp.dir });
    const { token } = decodeInvite(inv.stdout.trimEnd().split('\n').at(-1) ?? '');
    const c = connect(/** @type {string} */ (url), 'shop:shop-serve', token);
    await c.synced();
    c.map.set('flushed', true);
    await waitFor(() => c.provider.unsyncedChanges === 0, 3000, 'ack');
    child.kill('SIGTERM'); // before the debounce: the shutdown must store it
    const { code } = /** @type {any} */ (await withTimeout(exited, 10000, 'exit after SIGTERM'));
    c.destroy();
    assert.equal(code, 0, err);

    const store = await openStore({ dataDir: tmp.dir });
    try {
      const state = await store.fetchDocument('shop:shop-serve');
      assert.ok(state);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      assert.equal(doc.getMap('data').get('flushed'), true);
    } finally {
      await store.close();
    }
  } finally {
    tmp.remove();
  }
});

test('every agent id can be given to revoke: none starts with "-" (base64url ids can), so none reads as an option', async () => {
  const tmp = tempDir();
  const store = await openStore({ dataDir: tmp.dir });
  try {
    const { createInvite } = await import('../cli.mjs');
    for (let i = 0; i < 200; i++) {
      const { agent } = await createInvite(store, { shops: ['shopee:br'], role: 'rw', url: 'ws://127.0.0.1:1234', name: null });
      assert.doesNotMatch(agent.id, /^-/);
    }
  } finally {
    await store.close();
    tmp.remove();
  }
});
