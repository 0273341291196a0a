import { amountToMinor, decimalToMinor } from '../money';
import { READ_LIMITS, type ValuePart } from '../schema/recipe-fields';
import type { JsonPath, JsonSource, OrderField, PagePattern, RecipeField } from '../schema/recipes';
import { partOf } from './split';
import type { RowValues } from './infer';
import { hasTimeOfDay, itemFrom, orderNumberFrom, parseAmount, parseDate, statusFromText } from './values';

/**
 * Teach mode, JSON side: where the page loaded JSON holding the values of the example row the seller
 * pointed at, the recipe reads that JSON instead of the page (fuller values, no rendering quirks).
 *
 * Path convention: a JsonPath is keys and indexes only, so a string segment `'*'` means "every element
 * of the array here". findJsonSource writes it only in the `items` path (`['line_items', '*', 'name']`);
 * readJsonRows honours it in any path.
 */

export interface SeenResponse {
  url: string;
  body: unknown;
}

const { rows: MAX_ROWS, text: MAX_TEXT, values: MAX_VALUES } = READ_LIMITS;
/** How deep the orders array may sit in a response, and a field in an order. */
const MAX_ARRAY_DEPTH = 8;
const MAX_FIELD_DEPTH = 6;
/** Bounds on the work for one order object (a response is untrusted and may be huge). */
const MAX_LEAVES = 3000;
/** Arrays are searched through their first elements only: the orders array sits at the same path in each. */
const ARRAY_PEEK = 3;
const MAX_KEY = 200;
/** Nodes visited looking for arrays, and objects tried as the example order, per response. */
const MAX_NODES = 20_000;
const MAX_ORDERS_TRIED = 2000;

type Json = unknown;
type Leaf = { path: JsonPath; value: string | number };

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const same = (a: string, b: string) => collapse(a).toLowerCase() === collapse(b).toLowerCase();

// ---------------------------------------------------------------------------------------------
// Reading

/** Every value at the path; `'*'` walks every element of an array. */
function valuesAt(node: Json, path: JsonPath, out: Json[]): void {
  if (out.length >= MAX_VALUES) return;
  if (path.length === 0) {
    out.push(node);
    return;
  }
  const [head, ...rest] = path;
  if (head === '*') {
    if (Array.isArray(node)) for (const element of node.slice(0, MAX_VALUES)) valuesAt(element, rest, out);
    return;
  }
  if (Array.isArray(node)) {
    if (typeof head === 'number' && head < node.length) valuesAt(node[head], rest, out);
    return;
  }
  if (isObject(node) && Object.hasOwn(node, String(head))) valuesAt(node[String(head)], rest, out);
}

/** A JSON scalar as the string a recipe field reads: strings collapsed, finite numbers as written; nothing else. */
function scalarText(value: Json, part: ValuePart | undefined): string | undefined {
  let text: string | undefined;
  if (typeof value === 'string') text = collapse(value).slice(0, MAX_TEXT);
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return undefined;
  if (part) text = partOf(text, part);
  return text || undefined;
}

/** Every order's values as strings, as readDomRows gives them for a page (same caps; rows with nothing are left out). */
export function readJsonRows(body: unknown, source: JsonSource): RowValues[] {
  const found: Json[] = [];
  valuesAt(body, source.rows, found);
  const rows = found[0];
  if (!Array.isArray(rows)) return [];
  const fields = Object.entries(source.fields).map(([field, pick]) => ({ field: field as RecipeField, path: pick.path, part: pick.part }));
  const out: RowValues[] = [];
  for (const row of rows.slice(0, MAX_ROWS)) {
    const values: RowValues = {};
    for (const { field, path, part } of fields) {
      const raw: Json[] = [];
      valuesAt(row, path, raw);
      const strings = raw.map((v) => scalarText(v, part)).filter((s): s is string => s !== undefined);
      if (strings.length > 0) values[field] = strings;
    }
    if (Object.keys(values).length > 0) out.push(values);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Finding

/** The scalars of one order object, with their paths (arrays inside it included, by index). */
function leavesOf(node: Json, path: JsonPath = [], out: Leaf[] = []): Leaf[] {
  if (out.length >= MAX_LEAVES) return out;
  if (typeof node === 'string' || (typeof node === 'number' && Number.isFinite(node))) out.push({ path, value: node });
  else if (path.length >= MAX_FIELD_DEPTH) return out;
  else if (Array.isArray(node)) node.slice(0, 20).forEach((v, i) => leavesOf(v, [...path, i], out));
  else if (isObject(node)) for (const [k, v] of Object.entries(node)) if (k.length <= MAX_KEY) leavesOf(v, [...path, k], out);
  return out;
}

/** Arrays of objects in a response, nearest the top first, with their paths. */
function objectArrays(body: Json): { path: JsonPath; rows: Json[] }[] {
  const found: { path: JsonPath; rows: Json[] }[] = [];
  const queue: { node: Json; path: JsonPath }[] = [{ node: body, path: [] }];
  for (let next = 0; next < queue.length && next < MAX_NODES && found.length < 50; next++) {
    const { node, path } = queue[next]!;
    if (Array.isArray(node)) {
      if (node.some(isObject)) found.push({ path, rows: node });
      if (path.length < MAX_ARRAY_DEPTH) node.slice(0, ARRAY_PEEK).forEach((v, i) => queue.push({ node: v, path: [...path, i] }));
    } else if (isObject(node) && path.length < MAX_ARRAY_DEPTH) {
      for (const [k, v] of Object.entries(node)) if (k.length <= MAX_KEY && typeof v === 'object' && v !== null) queue.push({ node: v, path: [...path, k] });
    }
  }
  return found;
}

/** The last key of a path (for ranking: `number` over `id`, `total` over `subtotal`). */
const keyOf = (path: JsonPath) => String([...path].reverse().find((s) => typeof s === 'string') ?? '');

/** Of the paths that hold the value, the likeliest: a telling key name, then the shortest, indexes last. */
function bestPath(paths: JsonPath[], prefer: RegExp, avoid?: RegExp): JsonPath | undefined {
  const score = (p: JsonPath) =>
    (prefer.test(keyOf(p)) ? 10 : 0) - (avoid?.test(keyOf(p)) ? 10 : 0) - p.length - (p.some((s) => typeof s === 'number') ? 5 : 0);
  return [...paths].sort((a, b) => score(b) - score(a))[0];
}

interface Example {
  orderNumber: string;
  buyer: string;
  totalMinor: number;
  placedAt?: { ms: number; byDay: boolean };
  status?: { text: string; status: string | undefined };
  items: string[];
}

interface Options {
  currency: string;
  locale: string;
}

/** The example row's values in comparable form; undefined when a required one is missing or unreadable. */
function exampleOf(example: Partial<Record<OrderField, string[]>>, { currency, locale }: Options): Example | undefined {
  const orderNumber = example.orderNumber?.[0] && orderNumberFrom(example.orderNumber[0]);
  const buyer = example.buyer?.[0] && collapse(example.buyer[0]);
  const totalMinor = example.total?.[0] === undefined ? undefined : parseAmount(example.total[0], currency, locale);
  if (!orderNumber || !buyer || totalMinor === undefined) return undefined;
  const dateText = example.placedAt?.[0];
  const placed = dateText === undefined ? undefined : parseDate(dateText, locale);
  const statusText = example.status?.[0];
  return {
    orderNumber,
    buyer,
    totalMinor,
    placedAt: placed && dateText ? { ms: Date.parse(placed), byDay: !hasTimeOfDay(dateText) } : undefined,
    status: statusText ? { text: statusText, status: statusFromText(statusText) } : undefined,
    items: (example.items ?? []).map((line) => itemFrom(line).title).filter(Boolean),
  };
}

const orderNumberMatches = (leaf: Leaf, number: string) => same(String(leaf.value).replace(/^\s*#\s*/, ''), number);

/**
 * Totals in JSON are compared in major units only (45 or "45.00" for $45.00): JsonPick has no way to
 * say "minor units", so a JSON 4500 read later would be taken as $4,500. An API that sends minor
 * units only is not matched, and the recipe stays on the page.
 */
function totalMatches(leaf: Leaf, minor: number, currency: string): boolean {
  if (typeof leaf.value === 'number') return amountToMinor(leaf.value, currency) === minor;
  return /^\s*-?\d+(?:\.\d+)?\s*$/.test(leaf.value) && decimalToMinor(leaf.value, currency) === minor;
}

/** A JSON date (ISO text, epoch seconds or ms) at the same minute as the page's; by day where the page shows no time. */
function dateMatches(leaf: Leaf, placed: { ms: number; byDay: boolean }, locale: string, loose: boolean): boolean {
  const { value } = leaf;
  let ms: number | undefined;
  if (typeof value === 'number') ms = value > 1e11 ? value : value * 1000;
  else if (/\d{4}/.test(value)) {
    const iso = parseDate(value, locale);
    ms = iso === undefined ? undefined : Date.parse(iso);
  }
  if (ms === undefined || !Number.isFinite(ms)) return false;
  if (placed.byDay) {
    // The page's day is in the shop's zone, JSON's instant in UTC: loosely, within a zone's reach of that day.
    return loose ? ms >= placed.ms - 14 * 3_600_000 && ms < placed.ms + 38 * 3_600_000 : Math.floor(ms / 86_400_000) === Math.floor(placed.ms / 86_400_000);
  }
  const minutes = Math.floor(ms / 60_000) - Math.floor(placed.ms / 60_000);
  // The page may print local time for a UTC instant: loosely, a whole quarter-hour zone offset apart.
  return loose ? minutes % 15 === 0 && Math.abs(minutes) <= 14 * 60 : minutes === 0;
}

/** The path of the JSON string equal to the buyer's name, or 'split' when only two strings joined (first + last) give it. */
function buyerPath(leaves: Leaf[], buyer: string): JsonPath | 'split' | undefined {
  const strings = leaves.filter((l): l is Leaf & { value: string } => typeof l.value === 'string');
  const single = strings.filter((l) => same(l.value, buyer)).map((l) => l.path);
  if (single.length > 0) return bestPath(single, /name|buyer|customer|nick|user/i, /email|login/i);
  // Two strings of one object (first_name + last_name), in either order.
  const byObject = new Map<string, string[]>();
  for (const { path, value } of strings) {
    const parent = JSON.stringify(path.slice(0, -1));
    byObject.set(parent, [...(byObject.get(parent) ?? []), value]);
  }
  for (const values of byObject.values()) {
    if (values.length > 100) continue;
    for (const a of values) for (const b of values) if (a !== b && same(`${a} ${b}`, buyer)) return 'split';
  }
  return undefined;
}

function placedAtPath(leaves: Leaf[], ex: Example, locale: string): JsonPath | undefined {
  if (!ex.placedAt) return undefined;
  const prefer = /creat|placed|order.?(?:at|date|time)|^date$/i;
  const avoid = /updat|modif|paid|ship|deliver|complet|expir|due/i;
  for (const loose of [false, true]) {
    const paths = leaves.filter((l) => dateMatches(l, ex.placedAt!, locale, loose)).map((l) => l.path);
    if (paths.length > 0) return bestPath(paths, prefer, avoid);
  }
  return undefined;
}

function statusPath(leaves: Leaf[], ex: Example): JsonPath | undefined {
  if (!ex.status) return undefined;
  const { text, status } = ex.status;
  const paths = leaves
    .filter((l) => typeof l.value === 'string' && (same(l.value, text) || (status !== undefined && statusFromText(l.value) === status)))
    .map((l) => l.path);
  return bestPath(paths, /status|state/i);
}

/** `[...array path, '*', ...title path]`: the array of line items holding one of the page's item titles. */
function itemsPath(order: Json, titles: string[]): JsonPath | undefined {
  if (titles.length === 0) return undefined;
  const wanted = titles.map((t) => t.toLowerCase());
  const candidates: JsonPath[] = [];
  for (const { path, rows } of objectArrays(order)) {
    if (path.length > 4 || path.some((s) => typeof s === 'number')) continue;
    for (const element of rows.slice(0, MAX_VALUES)) {
      for (const leaf of leavesOf(element).filter((l) => typeof l.value === 'string' && l.path.length <= 3 && !l.path.some((s) => typeof s === 'number'))) {
        const value = collapse(String(leaf.value)).toLowerCase();
        if (value.length >= 2 && wanted.some((t) => t === value || (value.length >= 3 && t.includes(value)))) candidates.push([...path, '*', ...leaf.path]);
      }
    }
  }
  return bestPath(candidates, /name|title|product|description|sku_name/i, /sku$|variant|option/i);
}

/** The fields of one order object matching the example, or undefined unless orderNumber, buyer and total all do. */
function matchOrder(order: Json, ex: Example, options: Options): JsonSource['fields'] | undefined {
  const leaves = leavesOf(order);
  const numbers = leaves.filter((l) => orderNumberMatches(l, ex.orderNumber)).map((l) => l.path);
  if (numbers.length === 0) return undefined;
  const buyer = buyerPath(leaves, ex.buyer);
  // A name split over two fields (first_name + last_name) has no single path: no JSON recipe.
  if (buyer === undefined || buyer === 'split') return undefined;
  const totals = leaves.filter((l) => totalMatches(l, ex.totalMinor, options.currency)).map((l) => l.path);
  if (totals.length === 0) return undefined;
  const fields: JsonSource['fields'] = {
    orderNumber: { path: bestPath(numbers, /num|^no$|_no$|sn$|code|ref|^name$/i)! },
    buyer: { path: buyer },
    total: { path: bestPath(totals, /total|grand|amount|sum/i, /sub|tax|ship|discount|fee|unit|item/i)! },
  };
  const placedAt = placedAtPath(leaves, ex, options.locale);
  const status = statusPath(leaves, ex);
  const items = itemsPath(order, ex.items);
  if (placedAt) fields.placedAt = { path: placedAt };
  if (status) fields.status = { path: status };
  if (items) fields.items = { path: items };
  return fields;
}

const optionalCount = (fields: JsonSource['fields']) => ['placedAt', 'status', 'items'].filter((f) => f in fields).length;

/** The best match in one response: the orders array and the fields of its element that is the example. */
function matchResponse(body: Json, ex: Example, options: Options): { rows: JsonPath; fields: JsonSource['fields'] } | undefined {
  let best: { rows: JsonPath; fields: JsonSource['fields'] } | undefined;
  let budget = MAX_ORDERS_TRIED;
  for (const { path, rows } of objectArrays(body)) {
    for (const order of rows.slice(0, MAX_ROWS)) {
      if (!isObject(order) || budget-- <= 0) continue;
      const fields = matchOrder(order, ex, options);
      if (fields && (!best || optionalCount(fields) > optionalCount(best.fields))) best = { rows: path, fields };
      if (fields) break;
    }
  }
  return best;
}

/** Query parameters that change from call to call of the same list: never part of `api`. */
const VOLATILE_PARAM = /^(?:_|t|ts|time|timestamp|page|p|pg|page_?no|page_?num(?:ber)?|page_?size|per_?page|size|limit|offset|start|from|cursor|after|before|skip|count|rows|sign|signature|nonce|token|_wpnonce|csrf|callback|cb|v|rand|r|sort|order|orderby|dir|q|s|search|keyword|filter)$/i;

/**
 * `api` for a response URL, matched as pages are (pages.ts): the path, where ids (digits, long hex or
 * uuids: a shop or page number) are any segment; of the query, only names that say which list
 * (`action=wc_orders`), never paging or signatures.
 */
export function apiPatternOf(url: string): PagePattern {
  const parsed = new URL(url, 'https://page.invalid/');
  const path = parsed.pathname
    .split('/')
    .map((segment) => (/^(?:\d+|[0-9a-f]{16,}|[0-9a-f-]{32,36})$/i.test(segment) ? '*' : segment))
    .join('/')
    .slice(0, 500);
  const query: Record<string, string> = {};
  for (const [name, value] of parsed.searchParams) {
    if (Object.keys(query).length >= 3) break;
    if (name && value && name.length <= 100 && !VOLATILE_PARAM.test(name) && !/^\d+$/.test(value) && value.length <= 40 && !/[0-9a-f]{16,}/i.test(value)) query[name] = value;
  }
  return { path: path.startsWith('/') ? path : `/${path}`, query };
}

/**
 * The JSON a page loaded that holds the example row (the values read from the row the seller taught),
 * as a JSON recipe source: the most recent response first, then the array of orders (at any depth up
 * to 8) with one element whose values equal the example's orderNumber, buyer and total, and as many of
 * placedAt, status and items as it also holds. Undefined where none does: the recipe reads the page.
 */
export function findJsonSource(
  responses: readonly SeenResponse[],
  example: Partial<Record<OrderField, string[]>>,
  options: { currency: string; locale: string },
): JsonSource | undefined {
  const ex = exampleOf(example, options);
  if (!ex) return undefined;
  for (let i = responses.length - 1; i >= 0; i--) {
    const response = responses[i]!;
    const match = matchResponse(response.body, ex, options);
    if (match) return { type: 'json', api: apiPatternOf(response.url), rows: match.rows, fields: match.fields };
  }
  return undefined;
}
