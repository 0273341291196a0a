/**
 * npm test: every unit test, the sync server's tests (with PostgreSQL and Redis, started and stopped
 * by them), then a build of the extension and every end-to-end test in Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { findChromium, NO_CHROMIUM } from './browser';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Say how to get a browser and the team sync's services before spending minutes on the unit tests.
if (!findChromium()) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
const hasPostgres = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasPostgres || !hasRedis) {
  console.error('The team sync tests need PostgreSQL and Redis from Debian (they start and stop them themselves): apt-get install -y postgresql redis-server');
  process.exit(1);
}
run('npx', ['vitest', 'run']);
process.env.SYNC_TEST_SERVICES = '1';
run('npm', ['test', '--prefix', 'sync-server']);
// The test build is granted the demo shop admin's site at install (wxt.config.ts testOrigins), so
// teaching it in test/e2e/teach.spec.ts asks the browser for access as a seller does, without a prompt.
process.env.BUYERLENS_TEST_ORIGINS ??= 'http://127.0.0.1:3000';
run('npx', ['wxt', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
