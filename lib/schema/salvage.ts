import type { z } from 'zod';
import { describeIssues } from './issues';

/**
 * One bad field costs that field, not the record (issue 14): a record that fails its schema is
 * repaired where that loses only what was wrong, and refused only when its identity is wrong.
 *
 * - a string or list over its limit is cut to the limit;
 * - any other bad field is dropped; where the schema needs that field, the element holding it goes
 *   (an order item without a title), and where that is the record itself, the record is refused;
 * - every repair is said, in a line a developer fixing an adapter can act on.
 */

type Path = readonly PropertyKey[];

export interface Salvaged<T> {
  /** The record as the schema gives it, repaired; undefined when it could not be kept. */
  value: T | undefined;
  /** What was cut or dropped, one line each: `items.0.title: cut to 500 characters`. */
  repairs: string[];
  /** Why the record was refused. */
  refused?: string;
}

/** Repair passes before a record is given up on: each pass repairs every issue zod reported. */
const MAX_PASSES = 8;

const pathText = (path: Path) => path.map(String).join('.');

/** The text cut to `max` UTF-16 units, never in the middle of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

function containerAt(root: unknown, path: Path): Record<PropertyKey, unknown> | unknown[] | undefined {
  let at: unknown = root;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return typeof at === 'object' && at !== null ? (at as Record<PropertyKey, unknown>) : undefined;
}

/** Cuts the string or list at `path` to `max`; false where there is none to cut. */
function cutAt(root: unknown, path: Path, max: number): boolean {
  const parent = containerAt(root, path.slice(0, -1));
  const key = path.at(-1);
  if (!parent || key === undefined) return false;
  const value = (parent as Record<PropertyKey, unknown>)[key];
  if (typeof value === 'string') (parent as Record<PropertyKey, unknown>)[key] = cutText(value.trim(), max);
  else if (Array.isArray(value)) value.length = Math.min(value.length, max);
  else return false;
  return true;
}

/** A deep copy of plain data (what a message carries); undefined for anything else. */
function copyOf(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return undefined;
  }
}

/** What the passes have done so far: one line per place repaired, by place (a field escalated to what holds it loses its own line). */
interface Work {
  draft: object;
  lines: Map<string, string>;
  /** Places dropped, with the issue that first made them go. */
  dropped: Map<string, string>;
  refused?: string;
}

function valueAt(root: unknown, path: Path): unknown {
  const parent = containerAt(root, path.slice(0, -1));
  return parent ? (parent as Record<PropertyKey, unknown>)[path.at(-1)!] : undefined;
}

/**
 * The place to drop for a bad field, and the issue that is the reason: the field; or, where it is
 * missing or dropping it already failed (the schema needs it), what holds it, up to the record.
 */
function dropTarget(work: Work, path: Path, reason: string): { target: Path; reason: string } {
  let target = path;
  while (target.length > 0 && (work.dropped.has(pathText(target)) || valueAt(work.draft, target) === undefined)) {
    const text = pathText(target);
    reason = work.dropped.get(text) ?? reason;
    work.lines.delete(text);
    target = target.slice(0, -1);
  }
  return { target, reason };
}

/**
 * Repairs one issue in the draft; array elements to remove are collected in `removals` (removed
 * after the pass, so indexes hold). A place this pass already repaired (zod reports a key that
 * fails its pattern and its refinement as two issues) is left to the next parse.
 */
function repairIssue(work: Work, issue: z.core.$ZodIssue, removals: Map<unknown[], Set<number>>, repaired: Set<string>): void {
  const { path } = issue;
  if (path.some((_, end) => repaired.has(pathText(path.slice(0, end + 1))))) return;
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array') && typeof issue.maximum === 'number') {
    if (cutAt(work.draft, path, Number(issue.maximum))) {
      work.lines.set(pathText(path), `${pathText(path)}: cut to ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'entries'}`);
      repaired.add(pathText(path));
      return;
    }
  }
  const { target, reason } = dropTarget(work, path, `${pathText(path) || '(record)'}: ${issue.message}`);
  if (target.length === 0) {
    work.refused ??= reason;
    return;
  }
  const text = pathText(target);
  repaired.add(text);
  work.dropped.set(text, reason);
  work.lines.set(text, reason.startsWith(`${text}: `) ? `${reason}; dropped` : `${text} dropped (${reason})`);
  const parent = containerAt(work.draft, target.slice(0, -1));
  const key = target.at(-1)!;
  if (Array.isArray(parent) && typeof key === 'number') removals.set(parent, (removals.get(parent) ?? new Set<number>()).add(key));
  else if (parent) delete (parent as Record<PropertyKey, unknown>)[key];
}

/** The record parsed by `schema`, repaired field by field where it fails (see above). */
export function salvage<S extends z.ZodType>(schema: S, input: unknown): Salvaged<z.output<S>> {
  const first = schema.safeParse(input);
  if (first.success) return { value: first.data, repairs: [] };
  const draft = copyOf(input);
  if (typeof draft !== 'object' || draft === null) return { value: undefined, repairs: [], refused: describeIssues(first.error, 3) };
  const work: Work = { draft, lines: new Map(), dropped: new Map() };
  const repairs = () => [...work.lines.values()];
  let error = first.error;
  for (let passes = 0; passes < MAX_PASSES; passes++) {
    const removals = new Map<unknown[], Set<number>>();
    const repaired = new Set<string>();
    for (const issue of error.issues) repairIssue(work, issue, removals, repaired);
    if (work.refused !== undefined) return { value: undefined, repairs: [], refused: work.refused };
    for (const [array, indexes] of removals) {
      const keep = array.filter((_, index) => !indexes.has(index));
      array.splice(0, array.length, ...keep);
    }
    const next = schema.safeParse(draft);
    if (next.success) return { value: next.data, repairs: repairs() };
    error = next.error;
  }
  return { value: undefined, repairs: [], refused: `still invalid after ${MAX_PASSES} repairs: ${describeIssues(error, 3)}` };
}
