import { textOf } from '../adapters/dom';
import { CHAT_FIELDS, READ_LIMITS, REQUIRED_ORDER_FIELDS, type RecipeField, type ValuePart } from '../schema/recipe-fields';
import { partOf } from './split';
import type { DomPick, DomSource } from '../schema/recipes';

/**
 * Teach mode, page side. The seller clicks one element per field in ONE example order; from those
 * elements this finds every row of the same structure on the page and writes selectors that read each
 * field from each row (inferDomSource), and reads a taught source back (readDomRows). DOM APIs only:
 * it runs in a content script and in jsdom.
 *
 * Selectors are written for the next visit to the page, not only this one: they prefer hooks a site
 * keeps stable (test ids, field names, meaningful ids and classes) over position, and every one is
 * checked against all the rows found, not just the example.
 */

/** The raw strings read for each field of one row (or of the page, for a detail page). */
export type RowValues = Partial<Record<RecipeField, string[]>>;

const { rows: MAX_ROWS, text: MAX_TEXT, values: MAX_VALUES } = READ_LIMITS;
/** A selector must find its field in this share of the rows; a missing status in one row is normal. */
const COVERAGE = 0.8;
/** Siblings sampled to tell whether an ancestor repeats, and which of them are rows. */
const DETECT_SAMPLE = 50;
/** How far above a field to look for an anchoring ancestor, and above the rows for a stable one. */
const ANCESTOR_STEPS = 8;
const PREFIX_LEVELS = 6;
/** The recipe schema's bound on a selector. */
const MAX_SELECTOR = 1000;

/** Attributes sites set for tests or forms: the most stable hooks there are. */
const HOOK_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy', 'data-field', 'name'] as const;

// ---------------------------------------------------------------------------------------------
// Which names are stable

/** CSS-in-JS and framework-generated prefixes: their classes change with every build. */
const GENERATED_PREFIX = /^(?:css|sc|jsx|svelte|emotion|styled|jss|makeStyles|ng-tns|ng-star|tw)-/i;
/** Classes that say what state an element is in, not what it is. */
const STATE_CLASS = /^(?:active|selected|hover(?:ed)?|focus(?:ed)?|open(?:ed)?|closed|expanded|collapsed|checked|disabled|odd|even|first|last|alternate|visible|hidden|show|fade|in|loading|loaded|highlight(?:ed)?|current|dirty|pristine|(?:is|has|ng)-.+)$/i;

/**
 * Whether a class, id or hook value is a name a person gave (`order_total`, `woocommerce-Price-amount`)
 * and not one a build or a row generated: `css-1k2j3h`, `sc-abc123`, `_a1b2c3`, `Button_root__3xYz9`,
 * `kHlqVv`, or one that carries a record's number (`order-1001`).
 */
function isStableName(name: string): boolean {
  if (!/^[A-Za-z_][\w-]{0,59}$/.test(name)) return false;
  if (/\d{3,}/.test(name) || GENERATED_PREFIX.test(name) || STATE_CLASS.test(name)) return false;
  if (name.startsWith('_') && /\d/.test(name)) return false;
  if (name.split(/[-_]+/).some((part) => part.length >= 5 && /\d/.test(part) && /[a-z]/i.test(part))) return false;
  // styled-components' second class: a short run of letters, camel-humped at random.
  return !(/^[a-z][a-zA-Z]{4,7}$/.test(name) && (name.match(/[A-Z]/g)?.length ?? 0) >= 2);
}

/** A hook attribute's value: anything readable, but not a record's number or a hash. */
const isStableValue = (value: string) => value.length > 0 && value.length <= 100 && !/[\n\r"\\]/.test(value) && !/\d{3,}/.test(value) && !/[0-9a-f]{12,}/i.test(value);

const stableClasses = (el: Element) => [...el.classList].filter(isStableName);

function stableId(el: Element): string | undefined {
  const id = el.getAttribute('id');
  return id && isStableName(id) ? id : undefined;
}

// ---------------------------------------------------------------------------------------------
// Selector steps

/** `[data-testid="…"]`, `#id`: selectors on an element's own stable hooks, most stable first. */
function hookSteps(el: Element, withId: boolean): string[] {
  const steps = HOOK_ATTRIBUTES.flatMap((name) => {
    const value = el.getAttribute(name);
    return value !== null && isStableValue(value) ? [`[${name}="${value}"]`] : [];
  });
  const id = withId ? stableId(el) : undefined;
  if (id) steps.push(`#${id}`);
  return steps;
}

/** `.class` steps, rarest in the scope first (a class unique in the row says most), then all of them together. */
function classSteps(el: Element, scope: ParentNode): string[] {
  const classes = stableClasses(el);
  const count = (c: string) => scope.querySelectorAll(`.${c}`).length;
  const ranked = classes
    .map((c) => ({ c, n: count(c) }))
    .sort((a, b) => a.n - b.n)
    .slice(0, 4)
    .map(({ c }) => `.${c}`);
  if (classes.length > 1) ranked.push(classes.slice(0, 4).map((c) => `.${c}`).join(''));
  return ranked;
}

/** The tag, with `:nth-of-type(n)` where a sibling of the same tag makes it ambiguous. */
function positionStep(el: Element, withPosition: boolean): string {
  const tag = el.localName;
  const parent = el.parentElement;
  if (!withPosition || !parent) return tag;
  const same = [...parent.children].filter((c) => c.localName === tag);
  return same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(el) + 1})` : tag;
}

/**
 * The last resort: the element's position, step by step from the row (or from the nearest ancestor
 * with a stable id, or body). For items the last step has no position: it selects every item.
 */
function chainSelector(el: Element, row: Element | null, many: boolean): string {
  const steps: string[] = [];
  let up: Element | null = el;
  for (; up && up !== row; up = up.parentElement) {
    const id = row === null ? stableId(up) : undefined;
    if (id && up !== el) return [`#${id}`, ...steps].join(' > ');
    if (row === null && (up.localName === 'body' || up.localName === 'html')) break;
    steps.unshift(positionStep(up, !(many && up === el)));
  }
  return row === null ? ['body', ...steps].join(' > ') : `:scope > ${steps.join(' > ')}`;
}

/** Steps for an editable reply box with no hook: what makes it editable. */
function editableSteps(el: Element): string[] {
  const steps: string[] = [];
  if (el.getAttribute('role') === 'textbox') steps.push(`${el.localName}[role="textbox"]`);
  if (el.hasAttribute('contenteditable')) steps.push(`${el.localName}[contenteditable]`);
  return steps;
}

/** Ancestors' hooks and classes, nearest first, up to the row (or body). */
function* ancestorAnchors(el: Element, row: Element | null, scope: ParentNode): Generator<string> {
  let up = el.parentElement;
  for (let i = 0; up && up !== row && i < ANCESTOR_STEPS; i++, up = up.parentElement) {
    if (up.localName === 'body' || up.localName === 'html') return;
    yield* hookSteps(up, row === null);
    yield* classSteps(up, scope);
  }
}

/**
 * Candidate selectors for a field, most robust first: its own hooks and classes, then an anchoring
 * ancestor's (`.order_total .amount`), then a labelled previous sibling's (`.label-total + span`),
 * its tag alone, and last its position.
 */
function* candidateSelectors(el: Element, row: Element | null, many: boolean): Generator<string> {
  const scope: ParentNode = row ?? el.ownerDocument;
  const own = [...hookSteps(el, row === null), ...classSteps(el, scope), ...editableSteps(el)];
  yield* own;
  const ownOrTag = [...own, el.localName];
  for (const anchor of ancestorAnchors(el, row, scope)) for (const step of ownOrTag) yield `${anchor} ${step}`;
  // An item list's first item has no previous item: `+` would skip it.
  const previous = many ? null : el.previousElementSibling;
  if (previous) {
    for (const label of [...hookSteps(previous, row === null), ...classSteps(previous, scope)]) for (const step of ownOrTag) yield `${label} + ${step}`;
  }
  yield el.localName;
  yield chainSelector(el, row, many);
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    // A selector from an imported recipe the browser does not parse: it finds nothing.
    return [];
  }
}

function query(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

interface Scope {
  /** The example row, or null: the document is the one order. */
  row: Element | null;
  /** Every row found (the document alone for a detail page). */
  rows: readonly ParentNode[];
}

/** The tags from the root down to the element (`td>mark>span`). */
function tagPath(el: Element, root: ParentNode): string {
  const tags: string[] = [];
  for (let up: Element | null = el; up && up !== root; up = up.parentElement) tags.push(up.localName);
  return tags.reverse().join('>');
}

/**
 * A test for "this match in another row is the picked element's like". An element with stable names
 * is known by them: the same tag and a class or hook in common (rows differ in wrappers: WooCommerce
 * wraps a refunded total in `<ins>`, and one row's `mark` is `status-completed`). One without is
 * known by where it sits: the same tags down from its row.
 */
function likenessOf(el: Element, root: ParentNode): (found: Element, row: ParentNode) => boolean {
  const classes = new Set(stableClasses(el));
  const hooks = HOOK_ATTRIBUTES.map((name) => [name, el.getAttribute(name)] as const).filter(([, v]) => v !== null && isStableValue(v));
  if (classes.size > 0 || hooks.length > 0) {
    return (found) =>
      found.localName === el.localName && (stableClasses(found).some((c) => classes.has(c)) || hooks.some(([name, value]) => found.getAttribute(name) === value));
  }
  const shape = tagPath(el, root);
  return (found, row) => tagPath(found, row) === shape;
}

/**
 * How a selector does over the rows: `right`, the share where it finds the picked element's like;
 * `wrong`, the share where it finds something else (`.tips span` finding the total where a row has
 * no status, a position finding the currency sign where a row has one wrapper less).
 */
function coverageOf(selector: string, el: Element, scope: Scope): { right: number; wrong: number } {
  const isLike = likenessOf(el, scope.row ?? el.ownerDocument);
  const rows = scope.rows.slice(0, MAX_ROWS);
  let right = 0;
  let wrong = 0;
  for (const row of rows) {
    const found = query(row, selector);
    if (!found) continue;
    if (isLike(found, row)) right++;
    else wrong++;
  }
  const n = Math.max(1, rows.length);
  return { right: right / n, wrong: wrong / n };
}

/**
 * The selector that reads the picked element in its row, and the like elements in the other rows:
 * `row.querySelector(selector)` must be the picked element itself (for items, querySelectorAll must
 * include it), and it must find its like in COVERAGE of the rows and nothing else anywhere; on a
 * detail page it should be the only match. Where none qualifies (a field some rows lack), the most
 * robust candidate that finds its like in half the rows and nothing else: a selector that covers
 * more rows by finding other elements is worse than one that finds nothing where a row has nothing.
 */
function selectorFor(el: Element, scope: Scope, many: boolean): string | undefined {
  const root: ParentNode = scope.row ?? el.ownerDocument;
  let half: string | undefined;
  let best: { selector: string; score: number } | undefined;
  const tried = new Set<string>();
  for (const selector of candidateSelectors(el, scope.row, many)) {
    if (tried.has(selector) || selector.length > MAX_SELECTOR) continue;
    tried.add(selector);
    const picksIt = many ? queryAll(root, selector).includes(el) : query(root, selector) === el;
    if (!picksIt) continue;
    const { right, wrong } = coverageOf(selector, el, scope);
    const unique = scope.row !== null || many || queryAll(root, selector).length === 1;
    if (right >= COVERAGE && wrong === 0 && unique) return selector;
    if (right >= 0.5 && wrong === 0) half ??= selector;
    const score = right - 2 * wrong;
    if (!best || score > best.score) best = { selector, score };
  }
  return half ?? best?.selector;
}

// ---------------------------------------------------------------------------------------------
// The element a field reads

const CONTENTEDITABLE = '[contenteditable]:not([contenteditable="false"])';
const EDITABLE = `textarea, input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), ${CONTENTEDITABLE}`;

/**
 * The element replies are typed into: the click may land on a label, inside a rich editor (a
 * contenteditable's paragraph), or on the box's wrapper.
 */
function editableOf(el: Element): Element {
  if (el.localName === 'label') {
    const control = (el as HTMLLabelElement).control;
    if (control) return control;
  }
  // The editor is the outermost contenteditable: inner ones are its paragraphs.
  let editor = el.closest(CONTENTEDITABLE);
  for (let outer = editor?.parentElement?.closest(CONTENTEDITABLE); outer; outer = outer.parentElement?.closest(CONTENTEDITABLE)) editor = outer;
  if (editor) return editor;
  if (el.matches(EDITABLE)) return el;
  return el.querySelector(EDITABLE) ?? el;
}

/** A date pick reads a `<time datetime>`: the click may be on it, inside it, or on its only wrapper. */
function timeOf(el: Element): Element | null {
  const inside = el.closest('time[datetime]');
  if (inside) return inside;
  const times = el.querySelectorAll('time[datetime]');
  return times.length === 1 ? times[0]! : null;
}

/** The element a field is read from, and the attribute it is read in (text when none). */
function resolvePick(field: RecipeField, el: Element): { el: Element; attribute?: DomPick['attribute'] } {
  if (field === 'replyBox') return { el: editableOf(el) };
  if (field === 'placedAt') {
    const time = timeOf(el);
    if (time) return { el: time, attribute: 'datetime' };
  }
  if (el.localName === 'input' && el.hasAttribute('value')) return { el, attribute: 'value' };
  return { el };
}

// ---------------------------------------------------------------------------------------------
// Two fields in one element

/**
 * Parts for an order number and a buyer printed in one element (WooCommerce's `#1001 Jane Doe`): the
 * order number, and the buyer after it where it leads, before it where it trails (split.ts). Checked
 * on the example's text; undefined where the text holds no order number.
 */
export function sharedParts(text: string): { orderNumber: ValuePart; buyer?: ValuePart } | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const number = partOf(t, 'orderNumber');
  if (!number) return undefined;
  const after = partOf(t, 'afterOrderNumber');
  const before = partOf(t, 'beforeOrderNumber');
  const buyer: ValuePart | undefined = after && !after.includes(number) ? 'afterOrderNumber' : before && !before.includes(number) ? 'beforeOrderNumber' : undefined;
  return buyer ? { orderNumber: 'orderNumber', buyer } : { orderNumber: 'orderNumber' };
}

/** Parts for fields that picked the same element; only an order number with a buyer can be split. */
function partsFor(picks: ReadonlyMap<RecipeField, Element>): Partial<Record<RecipeField, ValuePart>> {
  const parts: Partial<Record<RecipeField, ValuePart>> = {};
  const number = picks.get('orderNumber');
  if (!number) return parts;
  const sharing = [...picks].filter(([field, el]) => field !== 'orderNumber' && el === number).map(([field]) => field);
  if (sharing.length === 0) return parts;
  const shared = sharedParts(textOf(number) ?? '');
  if (!shared) return parts;
  parts.orderNumber = shared.orderNumber;
  if (shared.buyer && sharing.includes('buyer')) parts.buyer = shared.buyer;
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Rows

function commonAncestor(elements: readonly Element[]): Element | null {
  let common: Element | null = elements[0] ?? null;
  for (const el of elements.slice(1)) while (common && !common.contains(el)) common = common.parentElement;
  return common;
}

/** Siblings that could be rows like `row`: the same tag and test-id hook. Classes may differ (`status-processing`). */
function sameShapeSiblings(row: Element): Element[] {
  const parent = row.parentElement;
  if (!parent) return [row];
  const hooks = HOOK_ATTRIBUTES.map((name) => [name, row.getAttribute(name)] as const).filter(([, v]) => v !== null && isStableValue(v));
  return [...parent.children].filter((s) => s.localName === row.localName && hooks.every(([name, value]) => s.getAttribute(name) === value));
}

/** Selectors for every pick relative to the row, checked against the rows; undefined if one has none. */
function fieldSelectors(picks: ReadonlyMap<RecipeField, Element>, scope: Scope): Map<RecipeField, string> | undefined {
  const selectors = new Map<RecipeField, string>();
  for (const [field, el] of picks) {
    const selector = selectorFor(el, scope, field === 'items');
    if (!selector) return undefined;
    selectors.set(field, selector);
  }
  return selectors;
}

/** Text found by a selector in a row, for the row test. */
const textIn = (root: ParentNode, selector: string | undefined) => (selector === undefined ? undefined : textOf(query(root, selector)));

/**
 * Whether a sibling is an order like the example: it holds every required field that was picked
 * (an order number and a total have a digit) and at least half the others. A detail page's other
 * cards of the same markup (shipping, payment) and a pagination item fail this.
 */
function looksLikeRow(candidate: Element, selectors: ReadonlyMap<RecipeField, string>): boolean {
  for (const field of REQUIRED_ORDER_FIELDS) {
    if (!selectors.has(field)) continue;
    const text = textIn(candidate, selectors.get(field));
    if (!text || (field !== 'buyer' && !/\d/.test(text))) return false;
  }
  const others = [...selectors].filter(([field]) => !(REQUIRED_ORDER_FIELDS as readonly string[]).includes(field));
  const found = others.filter(([, selector]) => query(candidate, selector) !== null).length;
  return found * 2 >= others.length;
}

/**
 * The lowest ancestor of the picks that repeats: its parent has other children of its shape that
 * hold the same fields. Undefined for a page with no such ancestor (a detail page).
 */
function findRows(picks: ReadonlyMap<RecipeField, Element>, anchor: RecipeField): { row: Element; rows: Element[]; anchorSelector: string } | undefined {
  const elements = [...picks.values()];
  let start = commonAncestor(elements);
  if (start && elements.includes(start)) start = start.parentElement;
  for (let row = start; row && row.localName !== 'body' && row.localName !== 'html'; row = row.parentElement) {
    const siblings = sameShapeSiblings(row);
    if (siblings.length < 2) continue;
    // Telling rows needs a sample of them: the rows' selector takes in the rest (rowsSelector), and
    // the final field selectors are checked against every row it finds (layoutOf).
    const sample = siblings.length > DETECT_SAMPLE ? [row, ...siblings.filter((s) => s !== row).slice(0, DETECT_SAMPLE - 1)] : siblings;
    const selectors = fieldSelectors(picks, { row, rows: sample });
    if (!selectors) continue;
    const rows = sample.filter((s) => s === row || looksLikeRow(s, selectors));
    if (rows.length >= 2) return { row, rows, anchorSelector: selectors.get(anchor)! };
  }
  return undefined;
}

/** Row steps: the tag alone, then with a hook or a stable class every row has (`li.order-card`). */
function rowSteps(rows: readonly Element[]): string[] {
  const tag = rows[0]!.localName;
  const everyRow = (step: string) => rows.every((r) => r.matches(step));
  const hooks = hookSteps(rows[0]!, false).filter(everyRow);
  const classes = stableClasses(rows[0]!).filter((c) => everyRow(`.${c}`));
  return [tag, ...hooks.map((h) => `${tag}${h}`), ...classes.map((c) => `${tag}.${c}`)];
}

/**
 * Where the rows' selector starts: the parent, else an ancestor with a stable id, hook or class, then
 * `>` steps down; last, from body by tags, then by position (a page with no stable name at all).
 */
function* rowPrefixes(parent: Element): Generator<string> {
  const chain: string[] = [];
  let at: Element | null = parent;
  for (let level = 0; at && level < PREFIX_LEVELS && at.localName !== 'body' && at.localName !== 'html'; level++, at = at.parentElement) {
    const below = chain.length ? ` > ${chain.join(' > ')}` : '';
    for (const hook of hookSteps(at, true)) yield `${hook}${below}`;
    for (const cls of classSteps(at, at.ownerDocument)) yield `${at.localName}${cls}${below}`;
    chain.unshift(at.localName);
  }
  const tags: string[] = [];
  const positions: string[] = [];
  for (let up: Element | null = parent; up && up.localName !== 'body' && up.localName !== 'html'; up = up.parentElement) {
    tags.unshift(up.localName);
    positions.unshift(positionStep(up, true));
  }
  yield ['body', ...tags].join(' > ');
  yield ['body', ...positions].join(' > ');
}

/**
 * The rows' selector: it must match every row found, and anything else it matches should be an order
 * too (more rows of the same list: other date groups, say). The first such, from the nearest stable
 * ancestor; else the one with the fewest strays (matches without the anchor field, read as nothing),
 * then the fewest extras.
 */
function rowsSelector(row: Element, rows: readonly Element[], anchorSelector: string): string | undefined {
  const wanted = new Set(rows);
  let fallback: { selector: string; strays: number; extras: number } | undefined;
  for (const prefix of rowPrefixes(row.parentElement!)) {
    for (const step of rowSteps(rows)) {
      const selector = `${prefix} > ${step}`;
      if (selector.length > MAX_SELECTOR) continue;
      const found = queryAll(row.ownerDocument, selector);
      if (found.filter((e) => wanted.has(e)).length !== wanted.size) continue;
      const extras = found.filter((e) => !wanted.has(e));
      const strays = extras.filter((e) => query(e, anchorSelector) === null).length;
      if (strays === 0) return selector;
      if (!fallback || strays < fallback.strays || (strays === fallback.strays && extras.length < fallback.extras)) {
        fallback = { selector, strays, extras: extras.length };
      }
    }
  }
  return fallback?.selector;
}

// ---------------------------------------------------------------------------------------------
// The source

type Picks = Partial<Record<RecipeField, Element>>;

function resolvedPicks(picks: Picks): { elements: Map<RecipeField, Element>; attributes: Map<RecipeField, DomPick['attribute']> } {
  const elements = new Map<RecipeField, Element>();
  const attributes = new Map<RecipeField, DomPick['attribute']>();
  for (const [field, picked] of Object.entries(picks) as [RecipeField, Element | undefined][]) {
    if (!picked) continue;
    const { el, attribute } = resolvePick(field, picked);
    elements.set(field, el);
    if (attribute) attributes.set(field, attribute);
  }
  return { elements, attributes };
}

/** Where the selectors are relative to, and which rows: a repeating row, or the document (chat and detail pages). */
function layoutOf(elements: ReadonlyMap<RecipeField, Element>): { scope: Scope; rowsSelector: string | null } | { error: string } {
  const doc = [...elements.values()][0]!.ownerDocument;
  const isChat = CHAT_FIELDS.some((f) => elements.has(f));
  // A chat page is one conversation; so is a page with no order fields to repeat.
  const orderPicks = new Map([...elements].filter(([field]) => !(CHAT_FIELDS as readonly string[]).includes(field)));
  if (isChat || orderPicks.size === 0) return { scope: { row: null, rows: [doc] }, rowsSelector: null };
  const anchor: RecipeField = orderPicks.has('orderNumber') ? 'orderNumber' : orderPicks.keys().next().value!;
  const found = findRows(orderPicks, anchor);
  if (!found) return { scope: { row: null, rows: [doc] }, rowsSelector: null };
  const selector = rowsSelector(found.row, found.rows, found.anchorSelector);
  if (!selector) return { error: 'The rows of this list could not be told apart from the rest of the page.' };
  // The selector may find more rows of the same list than the example's siblings (other groups): check against all.
  const rows = queryAll(doc, selector).slice(0, MAX_ROWS);
  return { scope: { row: found.row, rows }, rowsSelector: selector };
}

/**
 * A DOM recipe source from the elements the seller picked in one example order (or conversation).
 * Rows: the lowest ancestor of the order picks that repeats on the page, or null (a detail page, and
 * always for a chat page). Fields: selectors relative to the row that find the picked element first,
 * checked against every row.
 */
export function inferDomSource(picks: Partial<Record<RecipeField, Element>>): DomSource | { error: string } {
  const { elements, attributes } = resolvedPicks(picks);
  if (elements.size === 0) return { error: 'Pick at least one field on the page.' };
  const doc = [...elements.values()][0]!.ownerDocument;
  if ([...elements.values()].some((el) => el.ownerDocument !== doc || !doc.documentElement.contains(el))) {
    return { error: 'A picked element is no longer on the page: pick it again.' };
  }
  const layout = layoutOf(elements);
  if ('error' in layout) return layout;
  const selectors = fieldSelectors(elements, layout.scope);
  if (!selectors) return { error: 'A picked field could not be described on this page: pick another element for it.' };
  const parts = partsFor(elements);
  const fields: DomSource['fields'] = {};
  for (const [field, selector] of selectors) {
    const pick: DomPick = { selector };
    const attribute = attributes.get(field);
    if (attribute) pick.attribute = attribute;
    if (parts[field]) pick.part = parts[field];
    fields[field] = pick;
  }
  return { type: 'dom', rows: layout.rowsSelector, fields };
}

// ---------------------------------------------------------------------------------------------
// Reading

interface FieldReader {
  field: RecipeField;
  selector: string;
  attribute?: string;
  part?: ValuePart;
}

function readersOf(source: DomSource): FieldReader[] {
  const readers: FieldReader[] = [];
  for (const [field, pick] of Object.entries(source.fields) as [RecipeField, DomPick | undefined][]) {
    // The reply box is where replies go, not a value of the conversation.
    if (!pick || field === 'replyBox') continue;
    readers.push({ field, selector: pick.selector, attribute: pick.attribute, part: pick.part });
  }
  return readers;
}

/** One value: the attribute or the text, collapsed, capped, then the part the field reads. */
function valueOf(el: Element, reader: FieldReader): string | undefined {
  const raw = reader.attribute ? el.getAttribute(reader.attribute) : textOf(el);
  let text = raw?.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  if (text && reader.part) text = partOf(text, reader.part);
  return text || undefined;
}

function readRow(root: ParentNode, readers: readonly FieldReader[]): RowValues {
  const values: RowValues = {};
  for (const reader of readers) {
    const elements = reader.field === 'items' ? queryAll(root, reader.selector).slice(0, MAX_VALUES) : [query(root, reader.selector)];
    const strings = elements.flatMap((el) => (el ? [valueOf(el, reader)] : [])).filter((s): s is string => s !== undefined);
    if (strings.length > 0) values[reader.field] = strings;
  }
  return values;
}

/**
 * The raw strings of every row (at most 500; rows where nothing is found are left out), or, for a
 * source without rows, the one set of values of the document.
 */
export function readDomRows(document: Document, source: DomSource): RowValues[] {
  const readers = readersOf(source);
  if (source.rows === null) return [readRow(document, readers)];
  return queryAll(document, source.rows)
    .slice(0, MAX_ROWS)
    .map((row) => readRow(row, readers))
    .filter((values) => Object.keys(values).length > 0);
}

// ---------------------------------------------------------------------------------------------
// Labels

function labelOf(el: Element): string {
  const id = stableId(el);
  if (id) return `${el.localName}#${id}`;
  const hook = HOOK_ATTRIBUTES.find((name) => isStableValue(el.getAttribute(name) ?? ''));
  if (hook) return `${el.localName}[${hook}="${el.getAttribute(hook)}"]`;
  return [el.localName, ...stableClasses(el).slice(0, 2)].join('.');
}

/** A short label for the panel: the element and its parent ("td.order_total › span"), at most 80 characters. */
export function describeElement(el: Element): string {
  const parent = el.parentElement;
  const label = parent && parent.localName !== 'body' && parent.localName !== 'html' ? `${labelOf(parent)} › ${labelOf(el)}` : labelOf(el);
  return label.length <= 80 ? label : `${label.slice(0, 79)}…`;
}
