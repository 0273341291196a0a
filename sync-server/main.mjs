#!/usr/bin/env node
// BuyerLens team sync server: `node sync-server/main.mjs [serve|invite|revoke|agents]`.
// A thin CLI over server.mjs (startSyncServer) and cli.mjs (createInvite, revokeAgent, listAgents).

import { openStore } from './store.mjs';
import { runCommand, UsageError, USAGE } from './cli.mjs';

const env = process.env;
const [command = 'serve', ...args] = process.argv.slice(2);

/** Print a usage error and exit 2. @param {string} message */
function usageExit(message) {
  console.error(`error: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

async function serve() {
  if (args.length) usageExit(`serve takes no arguments (configure it with env), got: ${args.join(' ')}`);
  const portText = env.PORT ?? '1234';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) usageExit(`PORT must be 0..65535, got "${portText}"`);
  // Signals: from now on. One that comes while starting stops the server once it is up.
  /** @type {Awaited<ReturnType<typeof import('./server.mjs').startSyncServer>>|undefined} */
  let running;
  /** @type {string|undefined} */
  let pendingSignal;
  let stopping = false;
  const stop = async (/** @type {string} */ signal) => {
    if (!running) {
      pendingSignal ??= signal;
      return;
    }
    if (stopping) {
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: storing documents and stopping`);
    try {
      await running.destroy();
      process.exit(0);
    } catch (err) {
      console.error('error while stopping:', err);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  const { startSyncServer } = await import('./server.mjs');
  running = await startSyncServer({
    host: env.HOST || '127.0.0.1',
    port,
    dataDir: env.DATA_DIR || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    instanceName: env.INSTANCE_NAME || undefined,
    quiet: false,
  });
  const via = running.store.kind === 'sqlite' ? `SQLite ${running.store.location}` : `PostgreSQL ${running.store.location}`;
  console.log(`store: ${via}${env.REDIS_URL ? `; redis fan-out ${env.REDIS_URL}` : ''}; team ${running.team}`);
  console.log(`listening on ${running.url}`);
  if (pendingSignal) await stop(pendingSignal);
}

try {
  if (command === 'serve') {
    await serve();
  } else if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
  } else {
    const code = await runCommand(command, args, () => openStore({
      dataDir: env.DATA_DIR || undefined,
      databaseUrl: env.DATABASE_URL || undefined,
    }));
    process.exitCode = code;
  }
} catch (err) {
  if (err instanceof UsageError) usageExit(err.message);
  console.error(`error: ${/** @type {Error} */ (err).message ?? err}`);
  process.exit(1);
}
