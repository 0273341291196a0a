/** npm test: every unit test, then a build of the extension and every end-to-end test in Chromium. */
import { spawnSync } from 'node:child_process';
import { findChromium, NO_CHROMIUM } from './browser';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Say how to get a browser before spending minutes on the unit tests.
if (!findChromium()) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
run('npx', ['vitest', 'run']);
run('npx', ['wxt', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
