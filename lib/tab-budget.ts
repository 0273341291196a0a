/**
 * What one console tab may send the background per minute. A page is not trusted: a script in it
 * must not flood the store with orders, and rotates the capture log (10,000 lines) out slowly at
 * most: about 340 lines a minute (a line per capture, 100 problem lines, a line saying more were left out).
 * A seller paging through order lists stays far below (a 500-row page a few seconds apart).
 */
export interface BudgetLimits {
  captures: number;
  /** Orders, buyers and shops together. */
  records: number;
  /** Problem lines written to the capture log. */
  problems: number;
  windowMs: number;
}

export const CAPTURE_BUDGET: BudgetLimits = { captures: 120, records: 50_000, problems: 100, windowMs: 60_000 };

interface Used {
  since: number;
  captures: number;
  records: number;
  problems: number;
  /** Whether the refusal of this window was already logged. */
  said: boolean;
}

export type Taken = { ok: true; problems: number } | { ok: false; reason: string; firstRefusal: boolean };

export class TabBudget {
  private readonly used = new Map<number, Used>();

  constructor(
    private readonly limits: BudgetLimits = CAPTURE_BUDGET,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a capture of `records` records against the tab's minute; says how many problem lines it may still log, or why not at all. */
  take(tabId: number, records: number): Taken {
    const now = this.now();
    let used = this.used.get(tabId);
    if (!used || now - used.since >= this.limits.windowMs) {
      used = { since: now, captures: 0, records: 0, problems: 0, said: false };
      this.used.set(tabId, used);
    }
    if (used.captures + 1 > this.limits.captures || used.records + records > this.limits.records) {
      const firstRefusal = !used.said;
      used.said = true;
      const reason = `this tab sent more than ${this.limits.captures} captures or ${this.limits.records} records in a minute: captures paused until the minute is over`;
      return { ok: false, reason, firstRefusal };
    }
    used.captures += 1;
    used.records += records;
    return { ok: true, problems: Math.max(0, this.limits.problems - used.problems) };
  }

  /** Counts the problem lines a capture of the tab logged. */
  logged(tabId: number, problems: number): void {
    const used = this.used.get(tabId);
    if (used) used.problems += problems;
  }

  forget(tabId: number): void {
    this.used.delete(tabId);
  }
}
