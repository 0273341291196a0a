import type { CaptureProblem } from './capture';
import { cutText } from './salvage';

/**
 * Limits of what a capture carries, and the problem list's bounding, without zod: the content script
 * uses these on every console page and bundles no full zod (it parses with zod/mini, built on first
 * use). The schemas (capture.ts) use the same numbers.
 */
export const LIMITS = {
  /** A person's name as a page shows it. */
  name: 200,
  problemWhere: 300,
  problemReason: 1000,
  /** Problems one batch carries: the rest are counted in one more line. */
  problems: 1000,
} as const;

/** A problem with its texts cut to their limits. */
export const problem = (where: string, reason: string): CaptureProblem => ({
  where: cutText(where, LIMITS.problemWhere),
  reason: cutText(reason, LIMITS.problemReason),
});

const isProblem = (p: unknown): p is CaptureProblem =>
  typeof p === 'object' && p !== null && typeof (p as CaptureProblem).where === 'string' && typeof (p as CaptureProblem).reason === 'string';

/**
 * At most LIMITS.problems problems, each cut to its limits, the rest counted in the last line; a
 * problem that is not one is counted too. A long or broken problem list never costs the batch.
 */
export function boundedProblems(problems: readonly unknown[]): CaptureProblem[] {
  const valid = problems.filter(isProblem).map((p) => problem(p.where, p.reason));
  const unreadable = problems.length - valid.length;
  if (valid.length + (unreadable > 0 ? 1 : 0) <= LIMITS.problems) {
    return unreadable > 0 ? [...valid, problem('problems', `${unreadable} unreadable ${unreadable === 1 ? 'problem' : 'problems'} left out`)] : valid;
  }
  const kept = valid.slice(0, LIMITS.problems - 1);
  return [...kept, problem('problems', `${problems.length - kept.length} more problems left out`)];
}
