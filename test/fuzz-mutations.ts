import fc from 'fast-check';

/**
 * Mutations of saved console responses and pages, for the adapter fuzz test (fuzz.test.ts), which is
 * the only user of this file. Each mutation is small data (a path or an element index, an operation,
 * a value spec), so that fast-check shrinks it and a counterexample prints in a line; the functions
 * below apply it to a copy of the fixture and say in words what it did.
 */

// ---------------------------------------------------------------------------------------------
// Values

/** A string to write: given, very long, or made from the text that was there. */
export type TextSpec =
  | { text: string }
  | { long: string; length: number }
  | { derive: 'mask' | 'insert' | 'append' | 'prefix' | 'double'; with: string };

/** A JSON value to write at a path. */
export type ValueSpec =
  | TextSpec
  /** A literal: another type, a number, a timestamp, an empty container. */
  | { json: unknown }
  /** A number token written into the JSON text as is: what JSON.stringify cannot write (1e999 parses as Infinity). */
  | { raw: string }
  /** The value that was there, as another type. */
  | { like: 'string' | 'number' | 'array' | 'object' };

const NUMBERS: readonly number[] = [1e308, -1, -1e308, 1.5, 2 ** 53 + 1, 0, -0.5, 2 ** 31, 2 ** 32 + 1, 1e21, 0.1, Number.MAX_SAFE_INTEGER, 5e-324, 123456.789];
const NUMERIC_STRINGS: readonly string[] = ['1e308', '-5', '-1', '1.5', '0', '', ' ', 'NaN', 'Infinity', '-Infinity', '9007199254740993', '0x1F', ' 42 ', '1,5', '00012', '-0', '1e-7', '12abc', '１２３'];
const RAW_NUMBERS: readonly string[] = ['1e999', '-1e999', '123456789012345678901234567890', '1E-400', '-0', '1.7976931348623157e308', '0.000000000000000000000000000001'];
/** Epoch seconds out of range: huge, negative, past year 9999 (253402300800), past the Date range (8.64e12), milliseconds taken for seconds. */
const TIMESTAMPS: readonly number[] = [1e308, -1, -1e308, 0, 253402300799, 253402300800, 8.64e12, 8.64e12 + 1, 1e12, 1.7e12, 1e15, 1e10, 4102444800, 1.5, 2 ** 53 + 1];
const TIMESTAMP_STRINGS: readonly string[] = ['253402300800', '1e308', '-1', '1730898131', '2024-11-06T13:02:11Z', '99999-99-99'];
const UNICODE: readonly string[] = [
  '😀', '👩‍👩‍👧‍👦', '🇧🇷', '\u202eRTL override', 'مرحبا بالعالم', 'שלום', 'e\u0301\u0302\u0303\u0304', 'Z̴̡̛̤͔̈́a̷̢̛͎l̵g̶o̸',
  '\ud800', '\udfff', 'a\ud83dz', '\u0000', 'a\u0000b', '＊＊＊', '１２３４５', '\u200b', '\ufeff', '\u00a0', ' \t\n ',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '<b>x</b>&amp;', '"quoted" \\ back', 'null', 'undefined', '日本語テキスト', '\u2028\u2029', '\r\n', ':', 'a:b c',
];
const MASKS: readonly string[] = ['***', '*', 'b**********1', 'R******P', '1**********8', '•••', '●●●●', '＊＊＊', 'j***o', '** **'];
/** What a page may print where a number, an amount, a date or an order number goes. */
const PAGE_NUMBERS: readonly string[] = [
  '-1', '1e308', '99999-99-99', '0', '-0', 'NaN', 'Infinity', '9'.repeat(40), 'x0', 'x-1', 'x99999999999999999999', '1.5',
  '-R$ 5,00', 'R$ -5,00', 'R$ 99999999999999999999999,99', '$1e308', '1.000.000.000.000.000.000.000,00', '¥-1', '€ 1 234 567 890 123 456,78',
  '9999年99月99日 99:99 JST', '0000年01月01日 00:00 JST', '2021年5月19日(水) 23:45 XYZ', '31.02.2025 25:61 MET', '99.99.9999 99:99',
  'Feb 31, 9999 12:00 PM PST', 'Sun, 32 Foo 2025, 15:20 MET', '990101ABCDEFGH', '000000000000', '991231ZZZZZZ', '241106',
];
const LONG_UNITS: readonly string[] = ['a', '9', 'é', '😀', 'b*', '\u202e', '１', ' ', '\u0000', 'e\u0301', '<'];
const APPENDS: readonly string[] = ['9'.repeat(150), '😀', '\u0000', ' ', '***', '-1', '\ud800', '/../x', '?a=b#c', ':x', 'x'.repeat(600)];

const longText = fc.record({ long: fc.constantFrom(...LONG_UNITS), length: fc.integer({ min: 10_000, max: 200_000 }) });

/** Strings for any field: unicode, masks, numbers as the page prints them, random text, the old text changed, very long text. */
export const textSpec: fc.Arbitrary<TextSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE).map((text) => ({ text })) },
  { weight: 2, arbitrary: fc.constantFrom(...MASKS).map((text) => ({ text })) },
  { weight: 2, arbitrary: fc.constantFrom(...PAGE_NUMBERS).map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map((text) => ({ text })) },
  { weight: 3, arbitrary: fc.record({ derive: fc.constantFrom('mask', 'insert', 'append', 'prefix', 'double'), with: fc.constantFrom(...APPENDS, ...UNICODE) }) },
  { weight: 1, arbitrary: longText },
);

const numberSpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NUMBERS).map((json) => ({ json })) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((json) => ({ json })) },
  { weight: 1, arbitrary: fc.integer().map((json) => ({ json })) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMERIC_STRINGS).map((json) => ({ json })) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_NUMBERS).map((raw) => ({ raw })) },
);

export const timestampSpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TIMESTAMPS).map((json) => ({ json })) },
  { weight: 1, arbitrary: fc.constantFrom(...TIMESTAMP_STRINGS).map((json) => ({ json })) },
  { weight: 1, arbitrary: fc.constantFrom('1e999', '-1e999').map((raw) => ({ raw })) },
);

/** Another type where a value was (string ↔ number ↔ boolean ↔ null ↔ object ↔ array), or the value itself as another type. */
const swapSpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>('', 'x', '0', 0, 1, true, false, null, {}, [], [null], { '': 0 }, [[]], [{}]).map((json) => ({ json })) },
  { weight: 2, arbitrary: fc.constantFrom<'string' | 'number' | 'array' | 'object'>('string', 'number', 'array', 'object').map((like) => ({ like })) },
);

export const valueSpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 4, arbitrary: swapSpec },
  { weight: 3, arbitrary: numberSpec },
  { weight: 1, arbitrary: timestampSpec },
  { weight: 3, arbitrary: textSpec },
);

const RAW = '\u0001raw\u0001';

/** The string a text spec stands for, `was` being the text there before. */
export function textFrom(spec: TextSpec, was: string): string {
  if ('text' in spec) return spec.text;
  if ('long' in spec) return spec.long.repeat(Math.ceil(spec.length / spec.long.length)).slice(0, spec.length);
  switch (spec.derive) {
    case 'mask':
      return was.length <= 2 ? '***' : `${was.slice(0, 1)}${'*'.repeat(was.length - 2)}${was.slice(-1)}`;
    case 'insert': {
      const at = Math.floor(was.length / 2);
      return was.slice(0, at) + spec.with + was.slice(at);
    }
    case 'append':
      return was + spec.with;
    case 'prefix':
      return spec.with + was;
    case 'double':
      return was + spec.with + was;
  }
}

function valueFrom(spec: ValueSpec, was: unknown): unknown {
  const wasText = typeof was === 'string' ? was : (JSON.stringify(was) ?? '');
  if ('json' in spec) return structuredClone(spec.json);
  if ('raw' in spec) return RAW + spec.raw;
  if ('like' in spec) {
    if (spec.like === 'string') return wasText;
    if (spec.like === 'number') return Number(was);
    return spec.like === 'array' ? [was] : { value: was };
  }
  return textFrom(spec, wasText);
}

/** A value spec in words, short. */
export function specText(spec: ValueSpec): string {
  if ('json' in spec) return short(JSON.stringify(spec.json) ?? 'undefined');
  if ('raw' in spec) return `${spec.raw} (raw JSON token)`;
  if ('like' in spec) return `the same value as a ${spec.like}`;
  if ('text' in spec) return short(JSON.stringify(spec.text));
  if ('long' in spec) return `${JSON.stringify(spec.long)} × ${spec.length}`;
  return `${spec.derive} ${short(JSON.stringify(spec.with))} (on the old text)`;
}

export function short(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 20)}…(${text.length} chars)`;
}

// ---------------------------------------------------------------------------------------------
// JSON bodies

export type Path = readonly (string | number)[];

export type JsonMutation =
  | { at: Path; op: 'delete' }
  | { at: Path; op: 'set'; value: ValueSpec }
  /** The nearest array at or above the path holds `copies` copies of its element on the path (0: empty). */
  | { at: Path; op: 'repeat'; copies: number };

/** Mutations applied in order; then the text cut at `truncate` ten-thousandths of its length, when not null. */
export interface JsonCase {
  mutations: JsonMutation[];
  truncate: number | null;
}

interface JsonNode {
  path: Path;
  value: unknown;
  key: string | number | undefined;
}

function nodesOf(value: unknown, path: Path = [], key?: string | number): JsonNode[] {
  const here: JsonNode = { path, value, key };
  if (Array.isArray(value)) return [here, ...value.flatMap((v, i) => nodesOf(v, [...path, i], i))];
  if (isObject(value)) return [here, ...Object.entries(value).flatMap(([k, v]) => nodesOf(v, [...path, k], k))];
  return [here];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Paths picked in every node of the tree, and more often in its numbers, its time-like keys and its strings. */
function pathArbitrary(nodes: readonly JsonNode[]): { any: fc.Arbitrary<Path>; timeLike: fc.Arbitrary<Path> | undefined } {
  const group = (keep: (node: JsonNode) => boolean) => nodes.filter(keep).map((n) => n.path);
  const groups: [number, Path[]][] = [
    [4, group(() => true)],
    [2, group((n) => typeof n.value === 'number' || (typeof n.value === 'string' && /^-?\d+(\.\d+)?$/.test(n.value)))],
    [2, group((n) => typeof n.value === 'string')],
    [1, group((n) => Array.isArray(n.value))],
  ];
  const arbitraries = groups.filter(([, paths]) => paths.length > 0).map(([weight, paths]) => ({ weight, arbitrary: fc.constantFrom(...paths) }));
  const timeLike = group((n) => typeof n.key === 'string' && /time|date|stamp|_at$|At$/i.test(n.key));
  return { any: fc.oneof(...arbitraries), timeLike: timeLike.length > 0 ? fc.constantFrom(...timeLike) : undefined };
}

/**
 * Mutations of a parsed body, one to four per case, the serialized text cut short in about one case
 * in eight. A case with a very long string makes no more than 3 copies of an element: 100 copies of
 * a 200k string is a 20 MB body, slow to run and no new case.
 */
export function jsonCaseArbitrary(body: unknown): fc.Arbitrary<JsonCase> {
  const { any, timeLike } = pathArbitrary(nodesOf(body));
  // Copies of an element: a few, or (rarely, it is slow) 5,000.
  const copies = fc.oneof({ weight: 40, arbitrary: fc.constantFrom(0, 2, 3, 10, 100) }, { weight: 1, arbitrary: fc.constant(5000) });
  const mutation: fc.Arbitrary<JsonMutation> = fc.oneof(
    { weight: 2, arbitrary: fc.record({ at: any, op: fc.constant('delete' as const) }) },
    { weight: 8, arbitrary: fc.record({ at: any, op: fc.constant('set' as const), value: valueSpec }) },
    ...(timeLike ? [{ weight: 2, arbitrary: fc.record({ at: timeLike, op: fc.constant('set' as const), value: timestampSpec }) }] : []),
    { weight: 1, arbitrary: fc.record({ at: any, op: fc.constant('repeat' as const), copies }) },
  );
  return fc
    .record({
      mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
      truncate: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9_999 }) }),
    })
    .filter(({ mutations }) => !(mutations.some((m) => m.op === 'set' && 'long' in m.value) && mutations.some((m) => m.op === 'repeat' && m.copies > 3)));
}

function childOf(container: unknown, key: string | number): { found: boolean; value?: unknown } {
  if (Array.isArray(container) && typeof key === 'number') return key < container.length ? { found: true, value: container[key] } : { found: false };
  if (isObject(container) && typeof key === 'string') return Object.hasOwn(container, key) ? { found: true, value: container[key] } : { found: false };
  return { found: false };
}

function repeatArray(root: unknown, at: Path, copies: number): void {
  let array: unknown[] | undefined;
  let index = 0;
  let here = root;
  for (let depth = 0; ; depth++) {
    const key = at[depth];
    if (Array.isArray(here)) {
      array = here;
      index = typeof key === 'number' ? key : 0;
    }
    if (key === undefined) break;
    const child = childOf(here, key);
    if (!child.found) break;
    here = child.value;
  }
  if (!array || (copies > 0 && array.length === 0)) return;
  const element = array[Math.min(index, array.length - 1)];
  array.splice(0, array.length, ...Array.from({ length: copies }, () => element));
}

function applyJson(root: unknown, mutation: JsonMutation): unknown {
  if (mutation.op === 'repeat') {
    repeatArray(root, mutation.at, mutation.copies);
    return root;
  }
  if (mutation.at.length === 0) return mutation.op === 'delete' ? null : valueFrom(mutation.value, root);
  let parent = root;
  for (const key of mutation.at.slice(0, -1)) {
    const child = childOf(parent, key);
    if (!child.found) return root;
    parent = child.value;
  }
  const key = mutation.at.at(-1)!;
  const here = childOf(parent, key);
  if (!here.found) return root;
  const container = parent as Record<string | number, unknown>;
  if (mutation.op === 'set') container[key] = valueFrom(mutation.value, here.value);
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete container[key];
  return root;
}

/** The response text of a case: the body mutated (a copy), serialized, and maybe cut short. */
export function jsonCaseText(body: unknown, testCase: JsonCase): string {
  let root = structuredClone(body);
  for (const mutation of testCase.mutations) root = applyJson(root, mutation);
  const text = (JSON.stringify(root) ?? '').replace(/"\\u0001raw\\u0001([^"]*)"/g, '$1');
  return testCase.truncate === null ? text : text.slice(0, Math.floor((text.length * testCase.truncate) / 10_000));
}

export function pathText(path: Path): string {
  return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')}`;
}

export function describeJsonCase(testCase: JsonCase): string {
  const parts = testCase.mutations.map((m) => {
    if (m.op === 'delete') return `${pathText(m.at)} deleted`;
    if (m.op === 'repeat') return `${pathText(m.at)}: its nearest array made ${m.copies} copies of the element`;
    return `${pathText(m.at)} := ${specText(m.value)}`;
  });
  if (testCase.truncate !== null) parts.push(`text cut at ${(testCase.truncate / 100).toFixed(2)}% of its length`);
  return parts.join('; ') || '(unmutated)';
}

// ---------------------------------------------------------------------------------------------
// HTML pages

/** `el` indexes the body's elements (`body.querySelectorAll('*')`) as the unmutated page has them. */
export type HtmlMutation =
  | { op: 'text'; el: number; value: TextSpec }
  | { op: 'remove'; el: number }
  | { op: 'remove-attr'; el: number; attr: number }
  | { op: 'set-attr'; el: number; attr: number; value: TextSpec }
  | { op: 'duplicate'; el: number; copies: number };

const TEXT_NODE = 3;

function ownText(element: Element): ChildNode | undefined {
  return [...element.childNodes].find((n) => n.nodeType === TEXT_NODE && (n.textContent ?? '').trim() !== '');
}

/** The elements the adapter's selectors find, and everything under them. */
function focusOf(body: Element, selectors: readonly string[]): Set<Element> {
  const focus = new Set<Element>();
  for (const selector of selectors) {
    let found: Element[] = [];
    try {
      found = [...body.ownerDocument.querySelectorAll(selector)];
    } catch {
      continue; // not a selector this DOM knows
    }
    for (const element of found) for (const inner of [element, ...element.querySelectorAll('*')]) focus.add(inner);
  }
  return focus;
}

/** Element indexes, three times in four among the ones the adapter reads. */
function elementPicker(all: readonly Element[], focus: Set<Element>, keep: (element: Element) => boolean): fc.Arbitrary<number> | undefined {
  const indexes = all.flatMap((element, index) => (keep(element) ? [index] : []));
  if (indexes.length === 0) return undefined;
  const focused = indexes.filter((index) => focus.has(all[index]!));
  return focused.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...focused) }, { weight: 1, arbitrary: fc.constantFrom(...indexes) }) : fc.constantFrom(...indexes);
}

/** One to four mutations of a page's body; `selectors` are the adapter's, where mutations go most (long texts are not duplicated many times). */
export function htmlCaseArbitrary(body: Element, selectors: readonly string[]): fc.Arbitrary<HtmlMutation[]> {
  const all = [...body.querySelectorAll('*')];
  const focus = focusOf(body, selectors);
  const anyElement = elementPicker(all, focus, () => true);
  const texty = elementPicker(all, focus, (element) => ownText(element) !== undefined);
  const withAttributes = elementPicker(all, focus, (element) => element.attributes.length > 0);
  if (!anyElement) throw new Error('the page has no element to mutate');
  const attr = fc.nat({ max: 7 });
  const copies = fc.oneof({ weight: 20, arbitrary: fc.constantFrom(1, 2, 5) }, { weight: 1, arbitrary: fc.constant(300) });
  const mutation: fc.Arbitrary<HtmlMutation> = fc.oneof(
    ...(texty ? [{ weight: 6, arbitrary: fc.record({ op: fc.constant('text' as const), el: texty, value: textSpec }) }] : []),
    { weight: 1, arbitrary: fc.record({ op: fc.constant('text' as const), el: anyElement, value: textSpec }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), el: anyElement }) },
    ...(withAttributes
      ? [
          { weight: 1, arbitrary: fc.record({ op: fc.constant('remove-attr' as const), el: withAttributes, attr }) },
          { weight: 2, arbitrary: fc.record({ op: fc.constant('set-attr' as const), el: withAttributes, attr, value: textSpec }) },
        ]
      : []),
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), el: anyElement, copies }) },
  );
  return fc
    .array(mutation, { minLength: 1, maxLength: 4 })
    .filter((mutations) => !(mutations.some((m) => 'value' in m && 'long' in m.value) && mutations.some((m) => m.op === 'duplicate' && m.copies > 5)));
}

function setText(element: Element, spec: TextSpec): void {
  const node = ownText(element);
  if (node) node.textContent = textFrom(spec, node.textContent ?? '');
  else element.textContent = textFrom(spec, element.textContent ?? '');
}

/** Applies the mutations to a fresh copy of the page's body (the same elements, in the same order, as the arbitrary's). */
export function applyHtmlCase(body: Element, mutations: readonly HtmlMutation[]): void {
  const all = [...body.querySelectorAll('*')];
  for (const m of mutations) {
    const element = all[m.el];
    if (!element) continue;
    const attribute = 'attr' in m ? element.attributes[m.attr % Math.max(1, element.attributes.length)] : undefined;
    if (m.op === 'text') setText(element, m.value);
    else if (m.op === 'remove') element.remove();
    else if (m.op === 'remove-attr' && attribute) element.removeAttribute(attribute.name);
    else if (m.op === 'set-attr' && attribute) element.setAttribute(attribute.name, textFrom(m.value, attribute.value));
    else if (m.op === 'duplicate') for (let i = 0; i < m.copies; i++) element.after(element.cloneNode(true));
  }
}

/** `<span.order-sn "ID do Pedido 2411…">` */
export function elementText(element: Element | undefined): string {
  if (!element) return '<gone>';
  const id = element.id ? `#${element.id}` : '';
  const classes = [...element.classList].slice(0, 2).map((c) => `.${c}`).join('');
  const testId = element.getAttribute('data-testid') ? `[data-testid=${element.getAttribute('data-testid')}]` : '';
  const text = ownText(element)?.textContent?.trim();
  return `<${element.localName}${id}${classes}${testId}${text ? ` ${short(JSON.stringify(text), 40)}` : ''}>`;
}

/** The mutations in words, on the unmutated page's body. */
export function describeHtmlCase(body: Element, mutations: readonly HtmlMutation[]): string {
  const all = [...body.querySelectorAll('*')];
  return (
    mutations
      .map((m) => {
        const element = all[m.el];
        const attribute = 'attr' in m && element ? element.attributes[m.attr % Math.max(1, element.attributes.length)]?.name : undefined;
        const target = elementText(element);
        if (m.op === 'text') return `${target} text := ${specText(m.value)}`;
        if (m.op === 'remove') return `${target} removed`;
        if (m.op === 'remove-attr') return `${target} attribute ${attribute} removed`;
        if (m.op === 'set-attr') return `${target} ${attribute} := ${specText(m.value)}`;
        return `${target} duplicated ${m.copies}×`;
      })
      .join('; ') || '(unmutated)'
  );
}
