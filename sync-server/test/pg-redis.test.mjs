// The sync server on PostgreSQL, and two instances joined by Redis.
// Runs when DATABASE_URL and REDIS_URL are set, or with SYNC_TEST_SERVICES=1 (then this file
// starts Debian's PostgreSQL and redis-server itself via scripts/services.mjs and stops them).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSyncServer } from '../server.mjs';
import { createInvite, revokeAgent } from '../cli.mjs';
import { startServices } from '../scripts/services.mjs';
import { connect, tempDir, waitFor } from '../test-support/helpers.mjs';
import { restartKeepsDocument } from '../test-support/scenarios.mjs';

const fromEnv = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const selfStart = !fromEnv && process.env.SYNC_TEST_SERVICES === '1';
const skip = fromEnv || selfStart ? false : 'set DATABASE_URL + REDIS_URL, or SYNC_TEST_SERVICES=1';

describe('sync server on PostgreSQL + Redis', { skip, timeout: 60000 }, () => {
  /** @type {{ databaseUrl: string, redisUrl: string }} */
  let svc;
  /** @type {(() => Promise<void>)|undefined} */
  let stopServices;
  /** @type {ReturnType<typeof tempDir>|undefined} */
  let tmp;
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];

  before(async () => {
    if (fromEnv) {
      svc = { databaseUrl: /** @type {string} */ (process.env.DATABASE_URL), redisUrl: /** @type {string} */ (process.env.REDIS_URL) };
    } else {
      tmp = tempDir('bl-sync-svc-');
      const started = await startServices(tmp.dir);
      stopServices = started.stop;
      svc = started;
    }
  });
  after(async () => {
    for (const c of cleanups.reverse()) await c().catch((e) => console.error(e));
    if (stopServices) await stopServices();
    tmp?.remove();
  });

  test('a server restart on PostgreSQL keeps the document', async () => {
    await restartKeepsDocument({ databaseUrl: svc.databaseUrl });
  });

  test('two instances sharing PostgreSQL + Redis: a change on instance 1 reaches a client of instance 2', async () => {
    const common = { port: 0, databaseUrl: svc.databaseUrl, redisUrl: svc.redisUrl };
    const s1 = await startSyncServer({ ...common, instanceName: 'test-1' });
    cleanups.push(() => s1.destroy());
    const s2 = await startSyncServer({ ...common, instanceName: 'test-2' });
    cleanups.push(() => s2.destroy());
    assert.equal(s1.team, s2.team);
    assert.notEqual(s1.port, s2.port);

    const shop = `shopee:br:two-${Date.now()}`;
    const t1 = (await createInvite(s1.store, { shops: [shop], role: 'rw', url: s1.url })).token;
    const inv2 = await createInvite(s2.store, { shops: [shop], role: 'rw', url: s2.url });
    const ro = (await createInvite(s1.store, { shops: [shop], role: 'ro', url: s2.url })).token;
    const a = connect(s1.url, `shop:${shop}`, t1);
    const b = connect(s2.url, `shop:${shop}`, inv2.token);
    const r = connect(s2.url, `shop:${shop}`, ro);
    cleanups.push(async () => { a.destroy(); b.destroy(); r.destroy(); });
    await Promise.all([a.synced(), b.synced(), r.synced()]);

    a.map.set('from-1', 'hi');
    await waitFor(() => b.map.get('from-1') === 'hi', 5000, 'instance 1 → instance 2');
    await waitFor(() => r.map.get('from-1') === 'hi', 5000, 'instance 1 → ro client on instance 2');
    b.map.set('from-2', 'hello');
    await waitFor(() => a.map.get('from-2') === 'hello', 5000, 'instance 2 → instance 1');

    // the team document across instances
    const ta = connect(s1.url, `team:${s1.team}`, t1);
    const tb = connect(s2.url, `team:${s1.team}`, inv2.token);
    cleanups.push(async () => { ta.destroy(); tb.destroy(); });
    await Promise.all([ta.synced(), tb.synced()]);
    tb.map.set('team-key', 1);
    await waitFor(() => ta.map.get('team-key') === 1, 5000, 'team doc 2 → 1');

    // revoking through instance 1's store closes the agent on instance 2
    const t0 = Date.now();
    await revokeAgent(s1.store, inv2.agent.id);
    await waitFor(() => b.events.closes.length > 0 && tb.events.closes.length > 0, 2000, 'revoked agent closed on instance 2');
    assert.ok(Date.now() - t0 <= 2100);
  });
});
