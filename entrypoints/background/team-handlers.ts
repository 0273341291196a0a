import { db } from '@/lib/db/database';
import { onPageMessage } from '@/lib/messaging/background';
import { TEAM_STATUS_KEY, teamStatusSchema, type TeamStatus } from '@/lib/schema/team';
import { inviteSchema, parseInvite, type Invite } from '@/lib/sync/invite';
import { TeamSync } from '@/lib/sync/engine';
import { CATCH_UP_MS, IDLE_AFTER_MS, wantsSocket } from '@/lib/sync/idle';

/**
 * Joining and leaving a team (settings → "Join a team"). The invite is kept in the extension's
 * local storage (not in the database, so backups never carry its token); the status the settings
 * show is published there too. A worker that starts with a team joined connects again at once, and
 * an alarm wakes a sleeping worker to catch up with the team.
 */

const INVITE_KEY = 'team.invite';
const ALARM = 'team-sync';
const NONE: TeamStatus = { state: 'none', waiting: 0, readOnly: false };

let current: TeamSync | null = null;
/** The agent's last action (a message from a page, the panel or a console tab); 0 until one since the worker started. */
let lastActivity = 0;
let onlineSince: number | undefined;

/** Opens or closes the socket by what the agent does (lib/sync/idle.ts); a catch-up closes itself. */
function followActivity(): void {
  if (!current) return;
  const now = Date.now();
  if (!current.online && now - lastActivity < IDLE_AFTER_MS) {
    current.goOnline();
    onlineSince = now;
  } else if (current.online && !wantsSocket(now, lastActivity, onlineSince)) {
    current.goOffline();
    onlineSince = undefined;
  }
}

/** The alarm woke an idle worker: connect, catch up, and close again. */
function catchUp(): void {
  if (!current) return;
  if (!current.online) {
    current.goOnline();
    onlineSince = Date.now();
  }
  setTimeout(followActivity, CATCH_UP_MS + 100);
}

const publish = (status: TeamStatus) => void browser.storage.local.set({ [TEAM_STATUS_KEY]: status });

async function start(invite: Invite): Promise<TeamStatus> {
  current?.stop();
  const sync = new TeamSync(db, invite, publish);
  current = sync;
  // Only a worker in a team is woken by the alarm (lib/sync/idle.ts).
  browser.alarms?.create(ALARM, { periodInMinutes: 1 });
  await sync.start();
  onlineSince = Date.now();
  setTimeout(followActivity, CATCH_UP_MS + 100);
  return sync.current;
}

async function leave(): Promise<void> {
  current?.stop();
  current = null;
  await browser.storage.local.remove(INVITE_KEY);
  publish(NONE);
  // What the team documents held stays in the tables (the agent's own copy); the documents go.
  await browser.alarms?.clear(ALARM);
  await db.transaction('rw', [db.syncUpdates, db.syncOutbox, db.syncState], async () => {
    await db.syncUpdates.clear();
    await db.syncOutbox.clear();
    await db.syncState.clear();
  });
}

export function registerTeamHandlers(): { shopsChanged(shopKeys: readonly string[]): void; leave(): Promise<void> } {
  onPageMessage('team/join', async ({ code }) => {
    const invite = parseInvite(code);
    lastActivity = Date.now();
    await leave();
    await browser.storage.local.set({ [INVITE_KEY]: invite });
    return teamStatusSchema.parse(await start(invite));
  });
  onPageMessage('team/leave', () => leave());
  onPageMessage('team/status', async () => {
    await booted;
    return current?.current ?? NONE;
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM && current && Date.now() - lastActivity >= IDLE_AFTER_MS) catchUp();
  });
  // Any message is the agent at work: the socket opens (or stays open).
  browser.runtime.onMessage.addListener(() => {
    lastActivity = Date.now();
    followActivity();
    return undefined;
  });
  const booted = (async () => {
    const stored = (await browser.storage.local.get(INVITE_KEY))[INVITE_KEY];
    if (stored) await start(inviteSchema.parse(stored));
  })().catch((error: unknown) => console.error('[BuyerLens] team not joined again', error));
  return {
    shopsChanged: (shopKeys) => void current?.shopsChanged(shopKeys).catch((error: unknown) => console.error('[BuyerLens] team sync', error)),
    leave,
  };
}
