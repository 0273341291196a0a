import { describe, expect, it } from 'vitest';
import { CATCH_UP_MS, IDLE_AFTER_MS, wantsSocket } from './idle';

describe('the team socket', () => {
  const now = 1_000_000_000;
  it('stays open while the agent works', () => {
    expect(wantsSocket(now, now - 1000, undefined)).toBe(true);
    expect(wantsSocket(now, now - IDLE_AFTER_MS + 1, now - 3_600_000)).toBe(true);
  });
  it('closes when the agent has been idle, after a catch-up of CATCH_UP_MS', () => {
    expect(wantsSocket(now, now - IDLE_AFTER_MS, now - 1000)).toBe(true);
    expect(wantsSocket(now, now - IDLE_AFTER_MS, now - CATCH_UP_MS)).toBe(false);
    expect(wantsSocket(now, now - IDLE_AFTER_MS, undefined)).toBe(false);
  });
});
