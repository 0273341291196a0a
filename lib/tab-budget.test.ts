import { describe, expect, it } from 'vitest';
import { TabBudget } from './tab-budget';

describe('TabBudget', () => {
  const limits = { captures: 3, records: 1000, problems: 10, windowMs: 60_000 };

  it('lets a tab send up to its limits per minute, each tab on its own, and again the next minute', () => {
    let now = 0;
    const budget = new TabBudget(limits, () => now);
    expect(budget.take(1, 400)).toEqual({ ok: true, problems: 10 });
    expect(budget.take(1, 500).ok).toBe(true);
    // 400 + 500 + 200 records is over 1,000: refused, and said once.
    expect(budget.take(1, 200)).toMatchObject({ ok: false, firstRefusal: true });
    expect(budget.take(1, 1)).toMatchObject({ ok: true });
    expect(budget.take(1, 1)).toMatchObject({ ok: false, firstRefusal: false });
    expect(budget.take(2, 999).ok).toBe(true);
    now = 60_000;
    expect(budget.take(1, 900).ok).toBe(true);
  });

  it('gives a tab at most its problem lines per minute', () => {
    const budget = new TabBudget(limits, () => 0);
    expect(budget.take(1, 1)).toEqual({ ok: true, problems: 10 });
    budget.logged(1, 8);
    expect(budget.take(1, 1)).toEqual({ ok: true, problems: 2 });
    budget.logged(1, 2);
    expect(budget.take(1, 1)).toEqual({ ok: true, problems: 0 });
  });
});
