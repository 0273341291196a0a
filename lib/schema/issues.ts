import type { z } from 'zod';

/** A zod error in a line a developer fixing an adapter can act on: "path: message; …". */
export function describeIssues(error: z.core.$ZodError, max = 3, root = '(record)'): string {
  return error.issues
    .slice(0, max)
    .map((issue) => `${issue.path.join('.') || root}: ${issue.message}`)
    .join('; ');
}
