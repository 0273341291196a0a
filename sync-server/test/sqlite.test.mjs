// The sync server on SQLite (no services needed).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { createInvite, decodeInvite, revokeAgent } from '../cli.mjs';
import { sleep, sqliteSuite, tempDir, waitFor } from '../test-support/helpers.mjs';
import { restartKeepsDocument } from '../test-support/scenarios.mjs';

describe('sync server on SQLite', () => {
  const suite = sqliteSuite();
  const client = (/** @type {string} */ name, /** @type {string} */ token) => suite.connect(name, token);
  const invite = async (/** @type {any} */ opts) => (await createInvite(suite.server.store, { url: suite.server.url, ...opts })).token;

  test('listens on the given host only (127.0.0.1), on the port it reports', () => {
    const addr = /** @type {import('node:net').AddressInfo} */ (suite.server.server.httpServer.address());
    assert.equal(addr.address, '127.0.0.1');
    assert.equal(addr.port, suite.server.port);
    assert.equal(suite.server.url, `ws://127.0.0.1:${suite.server.port}`);
  });

  test('two rw agents on one shop document sync a Y.Map key both ways', async () => {
    const t1 = await invite({ shops: ['shopee:br:1'], role: 'rw' });
    const t2 = await invite({ team: true, role: 'rw' });
    const a = client('shop:shopee:br:1', t1);
    const b = client('shop:shopee:br:1', t2);
    await Promise.all([a.synced(), b.synced()]);
    assert.equal(a.provider.authorizedScope, 'read-write');
    a.map.set('from-a', 1);
    await waitFor(() => b.map.get('from-a') === 1, 3000, 'a → b');
    b.map.set('from-b', 2);
    await waitFor(() => a.map.get('from-b') === 2, 3000, 'b → a');
  });

  test('a token for shop A is refused on shop B; the team document is open to all, other names to none', async () => {
    const t = await invite({ shops: ['shop-a'], role: 'rw' });
    const onB = client('shop:shop-b', t);
    assert.match(await onB.refused(), /permission|no access/i);
    await client('shop:shop-a', t).synced();
    await client(`team:${suite.server.team}`, t).synced();
    await client('team:someone-else', t).refused();
    await client('notes:shop-a', t).refused();
    await client('shop-a', t).refused();
  });

  test('an invalid or forged token is refused', async () => {
    const good = await invite({ shops: ['shop-f'], role: 'rw' });
    const payload = JSON.parse(Buffer.from(good.split('.')[1], 'base64url').toString());
    const forged = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('not the secret'));
    await client('shop:shop-f', forged).refused();
    await client('shop:shop-f', 'garbage').refused();
    const [h, , sig] = good.split('.');
    const widened = Buffer.from(JSON.stringify({ ...payload, shops: '*' })).toString('base64url');
    await client('shop:shop-f', `${h}.${widened}.${sig}`).refused();
    await client('shop:shop-f', good).synced();
  });

  test('a ro agent receives live updates; its own writes reach nobody', async () => {
    const doc = 'shop:shop-ro';
    const rw = client(doc, await invite({ shops: ['shop-ro'], role: 'rw' }));
    const ro = client(doc, await invite({ shops: ['shop-ro'], role: 'ro' }));
    await Promise.all([rw.synced(), ro.synced()]);
    assert.equal(ro.provider.authorizedScope, 'readonly');
    rw.map.set('by-rw', 'hello');
    await waitFor(() => ro.map.get('by-rw') === 'hello', 3000, 'rw → ro');
    ro.map.set('by-ro', 'should not travel');
    await sleep(300);
    rw.map.set('marker', 1); // later than the ro write: once the ro agent has it, the server has seen both
    await waitFor(() => ro.map.get('marker') === 1, 3000, 'marker → ro');
    await sleep(200);
    assert.equal(rw.map.get('by-ro'), undefined);
    const fresh = client(doc, await invite({ shops: ['shop-ro'], role: 'rw' }));
    await fresh.synced();
    assert.equal(fresh.map.get('by-rw'), 'hello');
    assert.equal(fresh.map.get('by-ro'), undefined);
  });

  test('revoke closes a connected agent socket within 2 s and refuses its reconnects', async () => {
    const { token, agent } = await createInvite(suite.server.store, { shops: ['shop-r'], role: 'rw', url: suite.server.url });
    const victim = client('shop:shop-r', token);
    const other = client('shop:shop-r', await invite({ shops: ['shop-r'], role: 'rw' }));
    await Promise.all([victim.synced(), other.synced()]);
    const t0 = Date.now();
    await revokeAgent(suite.server.store, agent.id);
    await waitFor(() => victim.events.closes.length > 0, 2000, 'socket closed after revoke');
    assert.ok(Date.now() - t0 <= 2000);
    // its own reconnect is refused, and so is a fresh client with the same token
    await waitFor(() => victim.events.failures.length > 0, 4000, 'reconnect refused');
    assert.match(victim.events.failures[0], /revoked/);
    assert.match(await client('shop:shop-r', token).refused(), /revoked/);
    // the other agent is untouched
    assert.equal(other.events.closes.length, 0);
    victim.map.set('after-revoke', 1);
    await sleep(300);
    assert.equal(other.map.get('after-revoke'), undefined);
  });

  test('the invite code holds url, token, team, salt, agent, role and shops', async () => {
    const { code, agent } = await createInvite(suite.server.store, { shops: ['x:1', 'x:2'], role: 'ro', url: suite.server.url, name: 'Ana' });
    assert.ok(code.startsWith('BL1.'));
    const inv = decodeInvite(code);
    assert.deepEqual(Object.keys(inv).sort(), ['agent', 'role', 'salt', 'shops', 'team', 'token', 'url', 'v']);
    assert.equal(inv.v, 1);
    assert.equal(inv.url, suite.server.url);
    assert.equal(inv.team, suite.server.team);
    assert.equal(inv.agent, agent.id);
    assert.equal(inv.role, 'ro');
    assert.deepEqual(inv.shops, ['x:1', 'x:2']);
    assert.equal(Buffer.from(inv.salt, 'base64url').length, 32);
    assert.equal(Buffer.from(agent.id, 'base64url').length, 12);
    const claims = JSON.parse(Buffer.from(inv.token.split('.')[1], 'base64url').toString());
    assert.equal(claims.sub, agent.id);
    assert.equal(claims.team, suite.server.team);
    assert.equal(claims.role, 'ro');
    assert.deepEqual(claims.shops, ['x:1', 'x:2']);
    assert.equal(typeof claims.iat, 'number');
    assert.equal(claims.exp, undefined);
    assert.equal((await suite.server.store.getAgent(agent.id))?.name, 'Ana');
  });
});

test('a server restart on the same SQLite folder keeps the document', async () => {
  const tmp = tempDir();
  try {
    await restartKeepsDocument({ dataDir: tmp.dir });
  } finally {
    tmp.remove();
  }
});
