#!/usr/bin/env node
// The repository's `npm install` / `npm ci` (postinstall) installs the sync server's own packages too,
// once: again only when its package-lock.json changed since (a first install builds better-sqlite3
// from source, about two minutes).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('..', import.meta.url));
const lock = join(dir, 'package-lock.json');
const installed = join(dir, 'node_modules', '.package-lock.json');
if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) process.exit(0);
const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
process.exit(result.status ?? 1);
