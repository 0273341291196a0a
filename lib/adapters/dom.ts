/** The first element matching any of the selectors, tried in order (newest page variant first). */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  // Nothing to find under a leaf (order lists ask this of every item name), and no query to pay for.
  if (!root.firstElementChild) return null;
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/**
 * `queryFirst(root, selectors)` for every root of a list (its rows), the same elements, found with
 * one querySelectorAll per selector over the page instead of one querySelector per row: in Chromium
 * a selector with a combinator (`[data-testid="x"] .name`) costs ~3 µs per row-scoped query, and a
 * fifth of that per row this way. A match belongs to every root it is under, as with querySelector.
 */
export function queryFirstEach(page: ParentNode, roots: readonly Element[], selectors: readonly string[]): (Element | null)[] {
  const found: (Element | null)[] = roots.map(() => null);
  if (roots.length === 0) return found;
  const rootIndex = new Map(roots.map((root, index) => [root, index]));
  // Every root is under the nearest common ancestor of the first and the last (tree order): a
  // match's walk up can stop there.
  const top = commonAncestor(roots[0]!, roots.at(-1)!);
  let missing = roots.length;
  for (const selector of selectors) {
    if (missing === 0) break;
    for (const match of page.querySelectorAll(selector)) {
      for (let up = match.parentElement; up; up = up === top ? null : up.parentElement) {
        const index = rootIndex.get(up);
        if (index !== undefined && found[index] === null) {
          found[index] = match;
          missing--;
        }
      }
    }
  }
  return found;
}

function commonAncestor(a: Element, b: Element): Element | null {
  const ancestors = new Set<Element>();
  for (let up: Element | null = a; up; up = up.parentElement) ancestors.add(up);
  for (let up: Element | null = b; up; up = up.parentElement) if (ancestors.has(up)) return up;
  return null;
}

export function queryAllFirst(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

/** Whitespace textOf collapses: a run of two, or any but a plain space. Most texts have none. */
const COLLAPSIBLE = /\s\s|[^\S ]/;

/** Visible-ish text with whitespace collapsed; undefined when empty. */
export function textOf(element: Element | null | undefined): string | undefined {
  const raw = element?.textContent;
  if (!raw) return undefined;
  const text = (COLLAPSIBLE.test(raw) ? raw.replace(/\s+/g, ' ') : raw).trim();
  return text ? text : undefined;
}

/** The texts of the elements under root that hold text only: one per printed line or label. */
export function* leafTexts(root: ParentNode, selector = 'div, span, td, li, p, b'): Generator<string> {
  for (const element of root.querySelectorAll(selector)) {
    if (element.children.length > 0) continue;
    const text = textOf(element);
    if (text) yield text;
  }
}

export function textAt(root: ParentNode, selectors: readonly string[]): string | undefined {
  return textOf(queryFirst(root, selectors));
}

/** The value next to a label, for pages that only anchor a field by its label text. */
export function valueAfterLabel(root: ParentNode, labels: RegExp, candidates = 'span, div, dt, th, label'): string | undefined {
  for (const el of root.querySelectorAll(candidates)) {
    if (el.children.length > 0) continue;
    const text = textOf(el);
    if (!text || !labels.test(text)) continue;
    const rest = text.replace(labels, '').replace(/^[\s:：#]+/, '');
    if (rest) return rest;
    const next = textOf(el.nextElementSibling);
    if (next) return next;
  }
  return undefined;
}
