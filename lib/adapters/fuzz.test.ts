import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fixtureCases, readExpected, type ExpectedFile, type FixtureCase } from '../../test/fixture-cases';
import { readDom } from '../content/dom-reader';
import { networkReader } from '../content/network-reader';
import { PageSession, TabMemory, type ConsolePage, type Lifetime } from '../content/page';
import { screenReporter } from '../content/screen-reporter';
import { captureSender, type CaptureSink } from '../content/sink';
import type { TapResponse } from '../content/tap/tap-protocol';
import {
  captureBatchSchema,
  capturedBuyerSchema,
  capturedOrderSchema,
  capturedShopSchema,
  captureProblemSchema,
  screenSchema,
  type CaptureBatch,
  type Screen,
} from '../schema/capture';
import { isInShop, isOfAdapter } from '../schema/keys';
import { salvage } from '../schema/salvage';
import { inputKindOf } from './extract-input';
import { applyHtmlCase, describeHtmlCase, describeJsonCase, htmlCaseArbitrary, jsonCaseArbitrary, jsonCaseText, short, type HtmlMutation, type JsonCase } from '../../test/fuzz-mutations';
import { adapters } from './registry';
import { atOnce } from './slices';
import type { Adapter } from './types';

/**
 * Issue 14 (6): every adapter of the registry, on every fixture it has (each JSON response of a
 * HAR), fed 1,000 mutations (types swapped, fields missing, huge, negative and out-of-range numbers
 * and timestamps, very long strings, unicode, masks, truncated JSON; on pages: texts replaced,
 * elements and attributes removed, rows duplicated) through the content runtime as the extension
 * runs it (networkReader → readResponse, readDom, the capture sender and the screen reporter):
 *
 * 1. no exception escapes, and none is caught from the adapter either (a problem "adapter failed: …"
 *    drops every order of the response);
 * 2. every record sent reaches the store as the store's schema takes it: the background's check
 *    (salvage.ts) cuts or drops a bad field and skips a record only where its identity is bad; the
 *    problems pass their schema, the capture batch passes the message's schema (a batch that does
 *    not is dropped whole), and so does the screen. (The content script sends what the adapter read
 *    and leaves the record checks to the background, the trust boundary: checking in the page would
 *    put full zod in every console page's start-up.)
 * 3. every key belongs to the adapter (and a buyer or order key to its record's shop).
 *
 * A failure prints its seed, the counterexample (shrunk for up to SHRINK_MS) and the mutation in
 * words. FUZZ_RUNS=n and FUZZ_SEED=n change the runs and the seed; FUZZ_COLLECT=1 lists every
 * distinct failure of each fixture, each with its own shrunk counterexample, instead of the first.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const COLLECT = process.env.FUZZ_COLLECT === '1';
/** How long a failure is shrunk before the smallest so far is reported. */
const SHRINK_MS = 10_000;
const TIMEOUT_MS = 600_000;

// ---------------------------------------------------------------------------------------------
// What to fuzz: each fixture's page, or each JSON response it holds

interface ResponseTarget {
  kind: 'response';
  name: string;
  pageUrl: string;
  url: string;
  method: string;
  body: string;
  requestBody?: string;
  expected?: ExpectedFile['output'];
}

interface PageTarget {
  kind: 'page';
  name: string;
  pageUrl: string;
  html: string;
  expected: ExpectedFile['output'];
}

type Target = ResponseTarget | PageTarget;

interface Har {
  log: {
    pages?: { title?: string }[];
    entries: {
      request: { method?: string; url: string; postData?: { text?: string } };
      response: { status: number; content: { text?: string; encoding?: string } };
    }[];
  };
}

const readsUrl = (adapter: Adapter, url: URL) => adapter.api.some((pattern) => pattern.test(url.pathname + url.search));

/** The HAR's responses the tap would hand the adapter: 2xx, with a body, to a request its `api` matches. */
function harTargets(adapter: Adapter, fixture: FixtureCase, input: ExpectedFile['input'], text: string): ResponseTarget[] {
  const { log } = JSON.parse(text) as Har;
  const pageUrl = input.url ?? log.pages?.[0]?.title;
  if (!pageUrl) throw new Error(`${fixture.expectedFile}: input.url (or the HAR's page title) names the page`);
  return log.entries.flatMap((entry): ResponseTarget[] => {
    const { status, content } = entry.response;
    if (status < 200 || status >= 300 || content.text === undefined || !readsUrl(adapter, new URL(entry.request.url))) return [];
    const method = entry.request.method ?? 'GET';
    const requestBody = entry.request.postData?.text;
    return [
      {
        kind: 'response',
        name: `${fixture.name} › ${method} ${new URL(entry.request.url).pathname}`,
        pageUrl,
        url: entry.request.url,
        method,
        body: content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text,
        ...(requestBody !== undefined ? { requestBody } : {}),
      },
    ];
  });
}

function targetsOf(adapter: Adapter): Target[] {
  return fixtureCases(adapter.id).flatMap((fixture): Target[] => {
    const { input, output } = readExpected(fixture);
    const text = readFileSync(fixture.file, 'utf8');
    switch (inputKindOf(fixture.file, text)) {
      case 'html':
        return [{ kind: 'page', name: fixture.name, pageUrl: input.url, html: text, expected: output }];
      case 'har':
        return harTargets(adapter, fixture, input, text);
      case 'json':
        if (!input.responseUrl) throw new Error(`${fixture.expectedFile}: input.responseUrl names the request the body answered`);
        return [{ kind: 'response', name: fixture.name, pageUrl: input.url, url: input.responseUrl, method: 'GET', body: text, expected: output }];
    }
  });
}

/** The adapter's CSS selectors, where page mutations go most. */
function selectorsOf(adapter: Adapter): string[] {
  return Object.values(adapter.selectors.groups)
    .flatMap((group) => Object.values(group))
    .flatMap((value) => (value instanceof RegExp ? [] : typeof value === 'string' ? [value] : [...value]));
}

// ---------------------------------------------------------------------------------------------
// The content runtime, with a sink that records what would go to the background

const lifetime: Lifetime = {
  isValid: true,
  setTimeout: (handler, timeout) => setTimeout(handler, timeout) as unknown as number,
  addEventListener: (target, type, handler, options) => target.addEventListener(type, handler, options),
  onInvalidated: () => undefined,
};

interface Sent {
  batches: CaptureBatch[];
  screens: (Screen | null)[];
}

function consolePage(adapter: Adapter, document: Document, pageUrl: string) {
  const sent: Sent = { batches: [], screens: [] };
  // Async, as the real sink: the recording happens before the first await, so it is done when the job returns.
  const sink: CaptureSink = {
    capture: async (batch) => void sent.batches.push(batch),
    screen: async (screen) => void sent.screens.push(screen),
  };
  const session = new PageSession(adapter, new URL(pageUrl));
  const page: ConsolePage = { adapter, document, lifetime, sink, memory: new TabMemory(), session: () => session };
  return { page, sent, send: captureSender(page), screen: screenReporter(page) };
}

// ---------------------------------------------------------------------------------------------
// The properties

/** `kind` says what went wrong without the values (one per distinct failure); `detail` with them. */
interface Violation {
  kind: string;
  detail: string;
}

const indexless = (text: string) => text.replace(/\[\d+\]/g, '[]').replace(/\.\d+(?=[.:\s]|$)/g, '.[]');

function preview(value: unknown): string {
  if (typeof value === 'string') return short(JSON.stringify(value), 60);
  if (typeof value === 'number') return String(value);
  return short(JSON.stringify(value) ?? String(value), 60);
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let here = record;
  for (const key of path) here = here !== null && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  return here;
}

/** Where in our code an error was thrown: the first frame under lib/. */
function thrownAt(error: unknown): string {
  const frame = error instanceof Error ? /\/(lib\/[^\s):]+:\d+)/.exec(error.stack ?? '')?.[1] : undefined;
  return frame ? ` at ${frame}` : '';
}

function errorText(error: unknown): string {
  return short(error instanceof Error ? `${error.name}: ${error.message}` : String(error), 200);
}

function violation(kind: string, detail = kind): Violation {
  return { kind: indexless(kind), detail };
}

function schemaViolations(schema: z.ZodType, schemaName: string, where: string, record: unknown, skip?: (path: readonly PropertyKey[]) => boolean): Violation[] {
  const parsed = schema.safeParse(record);
  if (parsed.success) return [];
  return parsed.error.issues
    .filter((issue) => !skip?.(issue.path))
    .slice(0, 3)
    .map((issue) => {
      const what = `${where} fails ${schemaName}: ${issue.path.map(String).join('.') || '(record)'}: ${issue.message}`;
      return violation(what, `${what} (got ${preview(valueAt(record, issue.path))})`);
    });
}

type Keys = Record<string, unknown>;

/** Property 3: the record's keys are the adapter's, its buyer and order keys in its shop. */
function keyViolations(adapter: Adapter, where: string, record: Keys, names: readonly string[]): Violation[] {
  const found: Violation[] = [];
  const shopKey = typeof record.shopKey === 'string' ? record.shopKey : undefined;
  for (const name of names) {
    const key = record[name];
    if (typeof key !== 'string') continue;
    if (!isOfAdapter(key, adapter.id)) found.push(violation(`${where}.${name} is not a key of adapter ${adapter.id}`, `${where}.${name} ${preview(key)} is not a key of adapter ${adapter.id}`));
    else if (name !== 'shopKey' && shopKey && !isInShop(key, shopKey)) found.push(violation(`${where}.${name} is not in the record's shop`, `${where}.${name} ${preview(key)} is not in shop ${preview(shopKey)}`));
  }
  if ('adapterId' in record && record.adapterId !== adapter.id) found.push(violation(`${where}.adapterId is not ${adapter.id}`, `${where}.adapterId is ${preview(record.adapterId)}`));
  return found;
}

/** Each record's identity: where it is bad (a key the mutation broke), the background skips the record with its reason, as it should. */
const IDENTITY: Readonly<Record<string, RegExp>> = {
  capturedOrderSchema: /^(orderKey|orderId|shopKey): /,
  capturedBuyerSchema: /^(buyerKey|shopKey|platformBuyerId): /,
  capturedShopSchema: /^(shopKey|adapterId): /,
};

/**
 * Property 2: every record reaches the store as the store's schema takes it. The background checks
 * each one (lib/db/capture-check.ts, salvage.ts): a bad field is cut or dropped; only a bad identity
 * costs the record.
 */
function storeViolations(schema: z.ZodType, schemaName: string, where: string, record: unknown): Violation[] {
  const { value, refused } = salvage(schema, record);
  if (value !== undefined) return schema.safeParse(value).success ? [] : [violation(`${where}: the repaired record fails ${schemaName}`)];
  if (refused !== undefined && IDENTITY[schemaName]?.test(refused)) return [];
  return [violation(`${where} is refused by ${schemaName}: ${refused?.split(':')[0] ?? 'invalid'}`, `${where} is refused by ${schemaName}: ${short(refused ?? '', 200)} (got ${preview(record)})`)];
}

function batchViolations(adapter: Adapter, batch: CaptureBatch, whoThrew: () => string): Violation[] {
  const found = schemaViolations(captureBatchSchema, 'captureBatchSchema', 'capture batch', batch, (path) => path[0] === 'problems' && path.length > 1);
  batch.orders.forEach((order, i) => {
    found.push(...storeViolations(capturedOrderSchema, 'capturedOrderSchema', `orders[${i}]`, order));
    found.push(...keyViolations(adapter, `orders[${i}]`, order as Keys, ['orderKey', 'shopKey', 'buyerKey']));
  });
  batch.buyers.forEach((buyer, i) => {
    found.push(...storeViolations(capturedBuyerSchema, 'capturedBuyerSchema', `buyers[${i}]`, buyer));
    found.push(...keyViolations(adapter, `buyers[${i}]`, buyer as Keys, ['buyerKey', 'shopKey']));
  });
  batch.shops.forEach((shop, i) => {
    found.push(...storeViolations(capturedShopSchema, 'capturedShopSchema', `shops[${i}]`, shop));
    found.push(...keyViolations(adapter, `shops[${i}]`, shop as Keys, ['shopKey']));
  });
  batch.problems.forEach((problem, i) => {
    found.push(...schemaViolations(captureProblemSchema, 'captureProblemSchema', `problems[${i}]`, problem));
    // Property 1: the runtime catches an adapter's exception, but the response's orders are lost with it.
    const reason = typeof problem.reason === 'string' ? problem.reason : '';
    if (reason.startsWith('adapter failed')) {
      const cause = reason.replace(/^adapter failed: /, '');
      found.push(violation(`the adapter threw ${cause.split(':')[0]}${whoThrew()}`, `the adapter threw (caught as problem "${short(reason, 200)}")${whoThrew()}`));
    }
  });
  return found;
}

function screenViolations(adapter: Adapter, screen: Screen | null): Violation[] {
  if (screen === null) return [];
  return [...schemaViolations(screenSchema, 'screenSchema', 'screen', screen), ...keyViolations(adapter, 'screen', screen as unknown as Keys, ['buyerKey', 'orderKey'])];
}

/** Where the adapter, run alone, throws. */
function whoThrew(rerun: () => void): string {
  try {
    rerun();
    return '';
  } catch (error) {
    return thrownAt(error);
  }
}

/** Everything wrong with one run: what escaped, and what was sent. `rerun` runs the adapter alone, to say where it throws. */
function violations(adapter: Adapter, sent: Sent, escaped: unknown, rerun: () => void): Violation[] {
  return [
    ...(escaped !== undefined ? [violation(`an exception escaped: ${errorText(escaped).split(':')[0]}${thrownAt(escaped)}`, `an exception escaped: ${errorText(escaped)}${thrownAt(escaped)}`)] : []),
    ...sent.batches.flatMap((batch) => batchViolations(adapter, batch, () => whoThrew(rerun))),
    ...sent.screens.flatMap((screen) => screenViolations(adapter, screen)),
  ];
}

// ---------------------------------------------------------------------------------------------
// Harnesses: a target's mutations, and one run of the runtime on one

interface Harness<T> {
  arbitrary: fc.Arbitrary<T>;
  unmutated: T;
  run(value: T): { violations: Violation[]; sent: Sent };
  describe(value: T): string;
  /** The value with one mutation less (or not cut short): what the greedy pass after shrinking tries. */
  simpler(value: T): T[];
}

const withoutEach = <M>(list: readonly M[]): M[][] => list.map((_, i) => list.filter((__, j) => j !== i));

function responseHarness(adapter: Adapter, target: ResponseTarget): Harness<JsonCase> {
  const body: unknown = JSON.parse(target.body);
  const pageUrl = new URL(target.pageUrl);
  const document = new JSDOM('<!doctype html><html><body></body></html>', { url: target.pageUrl }).window.document;
  return {
    arbitrary: jsonCaseArbitrary(body),
    unmutated: { mutations: [], truncate: null },
    describe: describeJsonCase,
    simpler: ({ mutations, truncate }) => [
      ...(truncate !== null ? [{ mutations, truncate: null }] : []),
      ...withoutEach(mutations).map((fewer) => ({ mutations: fewer, truncate })),
    ],
    run(testCase) {
      const text = jsonCaseText(body, testCase);
      const { page, sent, send, screen } = consolePage(adapter, document, target.pageUrl);
      const response: TapResponse = {
        type: 'response',
        nonce: 'n',
        url: target.url,
        method: target.method,
        status: 200,
        body: text,
        ...(target.requestBody !== undefined ? { requestBody: target.requestBody } : {}),
      };
      let escaped: unknown;
      try {
        atOnce(networkReader(page, send, screen)(response));
      } catch (error) {
        escaped = error;
      }
      const rerun = () => {
        const tapped = { url: new URL(target.url, pageUrl), body: JSON.parse(text) as unknown, ...(target.requestBody ? { requestBody: JSON.parse(target.requestBody) as unknown } : {}) };
        atOnce(adapter.fromResponse(tapped, pageUrl));
        adapter.chat?.conversationFrom(tapped, pageUrl);
      };
      const found = violations(adapter, sent, escaped, rerun);
      // readResponse takes any SyntaxError for a body that is not JSON: one the adapter threw on JSON is its failure.
      if (sent.batches.some((b) => b.problems.some((p) => p.reason === 'response is not JSON')) && parses(text)) {
        found.push(violation(`the adapter threw a SyntaxError on a JSON body (reported as "response is not JSON")${whoThrew(rerun)}`));
      }
      return { violations: found, sent };
    },
  };
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function pageHarness(adapter: Adapter, target: PageTarget): Harness<HtmlMutation[]> {
  // One document per fixture: each run puts a fresh copy of the page in it.
  const document = new JSDOM(target.html, { url: target.pageUrl }).window.document;
  const pristine = document.documentElement.cloneNode(true) as Element;
  const pristineBody = pristine.querySelector('body')!;
  const pageUrl = new URL(target.pageUrl);
  return {
    arbitrary: htmlCaseArbitrary(document.body, selectorsOf(adapter)),
    unmutated: [],
    describe: (mutations) => describeHtmlCase(pristineBody, mutations),
    simpler: withoutEach,
    run(mutations) {
      document.replaceChild(pristine.cloneNode(true), document.documentElement);
      applyHtmlCase(document.body, mutations);
      const { page, sent, send, screen } = consolePage(adapter, document, target.pageUrl);
      let escaped: unknown;
      try {
        atOnce(readDom(page, send, screen));
      } catch (error) {
        escaped = error;
      }
      const rerun = () => {
        atOnce(adapter.extract(document, pageUrl));
        adapter.activeBuyer({ document, url: pageUrl, orders: [], conversation: undefined });
      };
      return { violations: violations(adapter, sent, escaped, rerun), sent };
    },
  };
}

function harnessOf(adapter: Adapter, target: Target): Harness<JsonCase> | Harness<HtmlMutation[]> {
  return target.kind === 'page' ? pageHarness(adapter, target) : responseHarness(adapter, target);
}

/** A fixed seed per fixture (FUZZ_SEED overrides it): `npm test` is repeatable, and a failure replays. */
function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return SEED ?? hash | 0;
}

/**
 * The property, failing on any violation. Shrinking stops SHRINK_MS after the first failure: from
 * then on the remaining candidates pass unrun, and the smallest failure found so far is reported.
 */
function shrinkBounded<T>(harness: Harness<T>, fails: (value: T) => string | undefined): fc.IProperty<[T]> {
  let failedAt: number | undefined;
  return fc.property(harness.arbitrary, (value) => {
    if (failedAt !== undefined && performance.now() - failedAt > SHRINK_MS) return true;
    const failure = fails(value);
    if (failure === undefined) return true;
    failedAt ??= performance.now();
    throw new Error(`${failure}\nmutation: ${harness.describe(value)}`);
  });
}

/**
 * fast-check shrinks a list by dropping its first elements, so a failure that needs only the first
 * mutation keeps the others: this drops them one at a time while the value still fails.
 */
function minimized<T>(harness: Harness<T>, value: T, fails: (value: T) => string | undefined): T {
  let smallest = value;
  for (let changed = true; changed; ) {
    changed = false;
    for (const candidate of harness.simpler(smallest)) {
      if (fails(candidate) === undefined) continue;
      smallest = candidate;
      changed = true;
      break;
    }
  }
  return smallest;
}

function fuzz<T>(harness: Harness<T>, seed: number): void {
  const fails = (value: T) => {
    const found = harness.run(value).violations;
    return found.length > 0 ? [...new Set(found.map((v) => v.detail))].join('\n') : undefined;
  };
  const details = fc.check(shrinkBounded(harness, fails), { numRuns: RUNS, seed, examples: [[harness.unmutated]], includeErrorInReport: true });
  if (!details.failed) return;
  const counterexample = details.counterexample?.[0];
  const smallest = counterexample === null || counterexample === undefined ? undefined : minimized(harness, counterexample, fails);
  const minimal = smallest === undefined ? '' : `\n\nMinimal (mutations dropped one by one while it fails): ${harness.describe(smallest)}\n${fails(smallest) ?? ''}`;
  throw new Error(`${fc.defaultReportMessage(details)}${minimal}`);
}

/** What the background's check (salvage.ts) repairs or skips in a sent batch: not a failure, but an adapter field that was bad. */
function repairsOf(batch: CaptureBatch): string[] {
  const schemas = [
    ['orders', capturedOrderSchema, batch.orders],
    ['buyers', capturedBuyerSchema, batch.buyers],
    ['shops', capturedShopSchema, batch.shops],
  ] as const;
  return schemas.flatMap(([label, schema, records]) =>
    records.flatMap((record) => {
      const { repairs, refused } = salvage(schema, record);
      return [...repairs, ...(refused !== undefined ? [`skipped: ${refused}`] : [])].map((line) => `${label}: ${line}`);
    }),
  );
}

/**
 * FUZZ_COLLECT=1: every distinct failure (by kind) of the runs, each shrunk on its own; and, for
 * information, the distinct repairs the background's check makes to the adapter's records, with a first example.
 */
function collect<T>(harness: Harness<T>, seed: number): { failures: string[]; salvaged: string[] } {
  const kinds = new Set<string>();
  const salvaged = new Map<string, string>();
  const explored = fc.check(
    fc.property(harness.arbitrary, (value) => {
      const { violations: found, sent } = harness.run(value);
      for (const v of found) kinds.add(v.kind);
      for (const line of sent.batches.flatMap(repairsOf)) {
        const kind = indexless(line);
        if (!salvaged.has(kind)) salvaged.set(kind, harness.describe(value));
      }
      return true;
    }),
    { numRuns: RUNS, seed, endOnFailure: true },
  );
  // Only the harness itself can throw here (the runtime's exceptions are violations).
  if (explored.failed) throw new Error(fc.defaultReportMessage(explored));
  const failures = [...kinds].map((kind) => {
    const fails = (value: T) => harness.run(value).violations.find((v) => v.kind === kind)?.detail;
    const details = fc.check(shrinkBounded(harness, fails), { numRuns: RUNS, seed });
    const counterexample = details.counterexample?.[0];
    if (counterexample === null || counterexample === undefined) return `${kind}\n      (not found again)`;
    const smallest = minimized(harness, counterexample, fails);
    return `${kind}\n      ${fails(smallest) ?? ''}\n      mutation: ${harness.describe(smallest)}`;
  });
  return { failures, salvaged: [...salvaged].map(([kind, example]) => `${short(kind, 300)}\n      e.g. ${short(example, 300)}`) };
}

describe.each(adapters.map((adapter) => [adapter.id, adapter] as const))('adapter fuzz: %s', (id, adapter) => {
  const targets = targetsOf(adapter);

  it('has fixtures to fuzz', () => {
    expect(targets.length, `test/fixtures/${id}/: no page or JSON response to fuzz`).toBeGreaterThan(0);
  });

  it.each(targets.map((target) => [target.name, target] as const))(
    '%s: no exception, every record valid and keyed to the adapter',
    (name, target) => {
      if (target.kind === 'response') expect(readsUrl(adapter, new URL(target.url, target.pageUrl)), `${target.url} is a request the adapter reads`).toBe(true);
      const harness = harnessOf(adapter, target) as Harness<unknown>;
      // The fixture as saved: valid, and (where it has orders) read, so that the mutations reach the adapter.
      const unmutated = harness.run(harness.unmutated);
      expect(unmutated.violations.map((v) => v.detail)).toEqual([]);
      if (target.expected?.orders.length) expect(unmutated.sent.batches.flatMap((b) => b.orders).length, `${name} unmutated gives its orders`).toBeGreaterThan(0);

      const seed = seedOf(`${id}/${name}`);
      const start = performance.now();
      if (COLLECT) {
        const { failures, salvaged } = collect(harness, seed);
        const list = (lines: string[]) => lines.map((line) => `\n  - ${line}`).join('');
        console.log(
          `${id}/${name}: ${failures.length} distinct failure(s) in ${RUNS} runs (seed ${seed}, ${Math.round(performance.now() - start)} ms)${list(failures)}` +
            `\n  repaired by the runtime (information): ${salvaged.length}${list(salvaged)}`,
        );
        expect(failures).toEqual([]);
      } else {
        fuzz(harness, seed);
      }
    },
    TIMEOUT_MS,
  );
});
