/**
 * A recipe's fields, without zod: the content script that runs recipes starts on every page of a
 * taught site and must not bundle the schemas (recipes.ts builds its schemas from these).
 */

/** What an order page gives: the order's fields. `orderNumber`, `buyer` and `total` are required. */
export const ORDER_FIELDS = ['orderNumber', 'buyer', 'placedAt', 'total', 'status', 'items'] as const;
export const REQUIRED_ORDER_FIELDS = ['orderNumber', 'buyer', 'total'] as const;
/** What a chat page gives: who the conversation is with, and where replies go. */
export const CHAT_FIELDS = ['chatBuyer', 'replyBox'] as const;
export const RECIPE_FIELDS = [...ORDER_FIELDS, ...CHAT_FIELDS] as const;
export type RecipeField = (typeof RECIPE_FIELDS)[number];
export type OrderField = (typeof ORDER_FIELDS)[number];

/** Where on an element a value is read: its text (default) or one of these attributes. */
export const VALUE_ATTRIBUTES = ['href', 'title', 'datetime', 'value', 'aria-label', 'data-order-id', 'data-id'] as const;

/** The largest amount one order or item may carry (common.ts MAX_AMOUNT_MINOR), here for code that must not bundle zod. */
export { MAX_AMOUNT_MINOR } from './amount-limit';

/** A pattern runs on at most this many characters of a value (a page's text is untrusted, and so is an imported recipe). */
export const PATTERN_INPUT_CHARS = 300;
const MAX_QUANTIFIERS = 8;

/**
 * Why a recipe's pattern may not run, if it may not: a recipe file is untrusted, and a pattern that
 * backtracks catastrophically on a page's text (`(a+)+$`) would hold the seller's page. Refused: a
 * quantified group that holds a quantifier, a backreference, lookbehind, more than 8 quantifiers.
 * (What teaching writes, and the built-in recipes, pass.)
 */
export function patternProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
  } catch {
    return 'not a valid regular expression';
  }
  // Escapes and character classes say nothing about nesting: blank them first.
  const bare = source.replace(/\\./g, 'e').replace(/\[(?:[^\]\\]|\\.)*\]/g, 'c');
  if (/\\[1-9]|\\k</.test(source)) return 'a backreference may not be used';
  if (/\(\?<[=!]/.test(source)) return 'a lookbehind may not be used';
  if ((bare.match(/[*+]|\{\d/g) ?? []).length > MAX_QUANTIFIERS) return `at most ${MAX_QUANTIFIERS} repetitions`;
  // A group with a repetition inside, repeated itself: (a+)+, (a|b*)*, (x{2,}){3}.
  const stack: boolean[] = [];
  for (let i = 0; i < bare.length; i++) {
    const ch = bare[i]!;
    if (ch === '(') stack.push(false);
    else if (ch === ')') {
      const inner = stack.pop() ?? false;
      const next = bare[i + 1];
      if (inner && (next === '*' || next === '+' || next === '{')) return 'a repeated group may not repeat inside';
      if (inner && stack.length > 0) stack[stack.length - 1] = true;
    } else if ((ch === '*' || ch === '+' || ch === '{') && stack.length > 0) stack[stack.length - 1] = true;
  }
  return undefined;
}
