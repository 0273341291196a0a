/** The first element matching any of the selectors, tried in order (newest page variant first). */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

export function queryAllFirst(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

/** Visible-ish text with whitespace collapsed; undefined when empty. */
export function textOf(element: Element | null | undefined): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
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
