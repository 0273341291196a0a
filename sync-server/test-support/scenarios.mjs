// Scenarios run on more than one store (SQLite, PostgreSQL).

import assert from 'node:assert/strict';
import { startSyncServer } from '../server.mjs';
import { createInvite } from '../cli.mjs';
import { connect, waitFor } from './helpers.mjs';

/**
 * A document written before a restart (destroy + start on the same store) is there after it.
 * @param {Parameters<typeof startSyncServer>[0]} opts
 */
export async function restartKeepsDocument(opts) {
  const shop = `shopee:br:restart-${Date.now()}`;
  let s = await startSyncServer({ ...opts, port: 0 });
  try {
    const { token } = await createInvite(s.store, { shops: [shop], role: 'rw', url: s.url });
    const a = connect(s.url, `shop:${shop}`, token);
    await a.synced();
    a.map.set('kept', 'yes');
    a.map.set('n', 42);
    // Give the update time to reach the server, then stop right away (before the
    // debounce): destroy() must store the document.
    await waitFor(() => a.provider.unsyncedChanges === 0, 3000, 'update acknowledged');
    a.destroy();
    await s.destroy();

    s = await startSyncServer({ ...opts, port: 0 });
    const b = connect(s.url, `shop:${shop}`, token);
    await b.synced();
    await waitFor(() => b.map.get('kept') === 'yes', 3000, 'kept key after restart');
    assert.equal(b.map.get('n'), 42);
    b.destroy();
  } finally {
    await s.destroy();
  }
}
