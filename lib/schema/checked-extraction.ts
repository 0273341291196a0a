import type { z } from 'zod';
import type { CaptureProblem } from './capture';
import { problem } from './limits';
import { salvage } from './salvage';

/**
 * Each record through its schema on its own, repaired where a field is bad (salvage.ts: cut, or
 * dropped), skipped with its reason where its identity is bad; what was cut, dropped or skipped is
 * a problem. `refuse` says why a record that passed may still not be kept. The background checks
 * every capture this way (lib/db/capture-check.ts): the page is not trusted, and the content script
 * bundles no full zod to check it there.
 */
export function checkedRecords<S extends z.ZodType>(
  schema: S,
  items: readonly unknown[],
  label: string,
  refuse?: (record: z.output<S>) => string | undefined,
): { records: z.output<S>[]; problems: CaptureProblem[] } {
  const records: z.output<S>[] = [];
  const problems: CaptureProblem[] = [];
  for (const [index, item] of items.entries()) {
    const { value, repairs, refused } = salvage(schema, item);
    const where = `${label}[${index}]`;
    if (repairs.length > 0) problems.push(problem(where, repairs.join('; ')));
    const reason = value === undefined ? (refused ?? 'invalid') : refuse?.(value);
    if (value === undefined || reason !== undefined) problems.push(problem(where, `skipped: ${reason ?? 'invalid'}`));
    else records.push(value);
  }
  return { records, problems };
}
