import type { ValuePart } from '../schema/recipe-fields';

/**
 * Two values printed in one element (WooCommerce's `#1001 Jane Doe`), taken apart with string code,
 * never with a pattern from a recipe: a recipe file is untrusted, and a regular expression from it
 * could backtrack for seconds on a page's text (the buyer's own name) and hold the seller's page.
 *
 * The order number is the first `#` token (`#1001`, `# A-1001`), else the first token with a digit
 * (`SO-2026-0042`, the `1042` of `/orders/1042`); the other value is what precedes or follows it,
 * without the separators between.
 */
const HASH = /#\s{0,3}([A-Za-z0-9][A-Za-z0-9_-]{0,99})/u;
const SEPARATORS = ' :|·,–—-\t';

function orderToken(text: string): { token: string; start: number; end: number } | undefined {
  const hash = HASH.exec(text);
  if (hash) return { token: hash[1]!, start: hash.index, end: hash.index + hash[0].length };
  let start = 0;
  for (const piece of text.split(/([\s/?&=:,;|()·]+)/u)) {
    const end = start + piece.length;
    const token = piece.replace(/^[-_.]+|[-_.]+$/gu, '');
    if (/\d/u.test(token) && /^[A-Za-z0-9_-]{1,100}$/u.test(token)) return { token, start, end };
    start = end;
  }
  return undefined;
}

function trimSeparators(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && SEPARATORS.includes(text[from]!)) from++;
  while (to > from && SEPARATORS.includes(text[to - 1]!)) to--;
  return text.slice(from, to);
}

/** The part of `text` a recipe field reads; undefined where the text holds no order number. */
export function partOf(text: string, part: ValuePart): string | undefined {
  const found = orderToken(text);
  if (!found) return undefined;
  if (part === 'orderNumber') return found.token;
  const rest = trimSeparators(part === 'afterOrderNumber' ? text.slice(found.end) : text.slice(0, found.start));
  return rest || undefined;
}
