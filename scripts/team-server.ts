import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The team sync server for end-to-end tests and the sync bench, run as a user runs it (`node sync-server/main.mjs`),
 * with Debian's PostgreSQL and Redis started and stopped by sync-server/scripts/services.mjs.
 */

const ROOT = resolve(import.meta.dirname, '..');
const MAIN = realpathSync(join(ROOT, 'sync-server/main.mjs'));
const SERVICES = realpathSync(join(ROOT, 'sync-server/scripts/services.mjs'));

export interface Services {
  env: Record<string, string>;
  stop(): void;
}

/** PostgreSQL and Redis on 127.0.0.1, in a folder of their own. */
export function startServices(): Services {
  const dir = mkdtempSync(join(tmpdir(), 'bl-e2e-services-'));
  const started = spawnSync(process.execPath, [SERVICES, 'start', dir], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`services did not start: ${started.stderr}`);
  const { databaseUrl, redisUrl } = JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')) as { databaseUrl: string; redisUrl: string };
  return {
    env: { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl },
    stop() {
      spawnSync(process.execPath, [SERVICES, 'stop', dir], { encoding: 'utf8' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SyncServer {
  url: string;
  port: number;
  pid: number;
  /** Stops the process (SIGTERM: it stores what it holds first). */
  stop(): Promise<void>;
}

/** One server instance; `port` 0 takes a free one (the same port is given again for a restart). */
export async function startServer(env: Record<string, string>, port = 0, name = 'sync'): Promise<SyncServer> {
  const child: ChildProcess = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', INSTANCE_NAME: name }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`sync server did not start: ${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (ws:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolveUrl(found[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`sync server exited (${code}): ${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** `npm run sync-server -- invite …`: the code on the last line. */
export function invite(env: Record<string, string>, args: string[]): string {
  const result = spawnSync(process.execPath, [MAIN, 'invite', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`invite failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').at(-1)!;
}

/** An invite code's content, unchecked (lib/sync/invite.ts parseInvite checks one as the extension does). */
const inviteOf = (code: string) => JSON.parse(Buffer.from(code.slice('BL1.'.length), 'base64url').toString('utf8')) as Record<string, unknown> & { agent: string };

/** An invite whose shops were changed by hand (its token still names the shops it was signed for). */
export function forgedInvite(code: string, shops: string[]): string {
  return `BL1.${Buffer.from(JSON.stringify({ ...inviteOf(code), shops })).toString('base64url')}`;
}

/** `npm run sync-server -- revoke <agentId>`, the agent id read from their invite code. */
export function revoke(env: Record<string, string>, code: string): void {
  const { agent } = inviteOf(code);
  const result = spawnSync(process.execPath, [MAIN, 'revoke', agent], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`revoke failed: ${result.stderr}`);
}
