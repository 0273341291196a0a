/**
 * When the background holds the team's socket (MV3: an open socket keeps the worker alive, so it is
 * held only while it is of use). While the agent works (any message from a page, panel or console
 * tab in the last IDLE_AFTER_MS) it stays open; an idle agent's worker closes it and may sleep, and
 * the alarm wakes it every minute to catch up for CATCH_UP_MS.
 */
export const IDLE_AFTER_MS = 10 * 60_000;
export const CATCH_UP_MS = 20_000;

export function wantsSocket(now: number, lastActivity: number, onlineSince: number | undefined): boolean {
  if (now - lastActivity < IDLE_AFTER_MS) return true;
  return onlineSince !== undefined && now - onlineSince < CATCH_UP_MS;
}
