import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, FIXTURES_DIR, readExpected, runFixture } from '../../test/fixture-cases';
import { citationsFile, keyPathsFile, REAL_SHAPES } from '../../test/real-shapes';
import { LANGUAGES } from '../i18n/i18n';
import { DOLLAR_SCALE } from '../rfm/settings';
import { catalog, consoleMatches, pageMayName } from './catalog';
import { adapterForUrl, adapters } from './registry';

/**
 * Every adapter is wired, named, tested on its fixtures and kept in its own folder. A new adapter
 * (`npm run new:adapter <id>`) fails here until it is complete; each message says what to fill in.
 */

const root = join(import.meta.dirname, '..', '..');

/** Source files that ship in the extension (tests and fixtures aside). */
function shippedSources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Source text without its comments (examples of keys in a doc comment are not code). */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');

describe('adapter registry', () => {
  it('has unique adapter ids, the same in the catalog and the registry', () => {
    expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
    expect(catalog.map((c) => c.id), 'lib/adapters/catalog.ts and registry.ts list the same adapters, in the same order').toEqual(adapters.map((a) => a.id));
  });

  it('lists every adapter folder', () => {
    const folders = readdirSync(join(root, 'lib', 'adapters'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders, 'each folder of lib/adapters is an adapter in registry.ts').toEqual(adapters.map((a) => a.id).sort());
  });

  it('gives the main-world tap exactly the adapters’ pages', () => {
    expect([...consoleMatches].sort()).toEqual(adapters.flatMap((a) => a.matches).sort());
    expect(readFileSync(join(root, 'entrypoints', 'tap.content.ts'), 'utf8')).toMatch(/matches: \[\.\.\.consoleMatches\]/);
  });

  describe.each(adapters.map((a) => [a.id, a] as const))('%s', (id, adapter) => {
    const folder = `lib/adapters/${id}`;

    it('is its catalog entry, with its parsers', () => {
      const entry = catalog.find((c) => c.id === id)!;
      for (const key of Object.keys(entry) as (keyof typeof entry)[]) expect(adapter[key], `${folder}/index.ts spreads its catalog entry (${key})`).toBe(entry[key]);
    });

    it('has a content script that runs it', () => {
      const entry = join(root, 'entrypoints', `${id}.content.ts`);
      expect(existsSync(entry), `entrypoints/${id}.content.ts`).toBe(true);
      const source = readFileSync(entry, 'utf8');
      expect(source).toMatch(/runAdapter\(/);
      expect(source).toContain(`lib/adapters/${id}`);
    });

    it('names the marketplace and its console in every UI language', () => {
      for (const language of LANGUAGES) {
        expect(adapter.names[language]?.trim(), `${folder}/catalog.ts: names['${language}'] — the marketplace as sellers call it`).toBeTruthy();
        expect(adapter.consoleNames[language]?.trim(), `${folder}/catalog.ts: consoleNames['${language}'] — the seller console's own name`).toBeTruthy();
      }
    });

    it('declares its pages, the API it reads, and its currencies', () => {
      expect(adapter.matches.length, `${folder}/catalog.ts: matches — the console's pages, e.g. https://seller.example.com/*`).toBeGreaterThan(0);
      for (const pattern of adapter.matches) expect(pattern, `${folder}/catalog.ts: matches`).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/.*\*$/);
      expect(adapter.api.length, `${folder}/urls.ts: api — the request paths whose JSON the adapter reads`).toBeGreaterThan(0);
      expect(adapter.currencies.length, `${folder}/catalog.ts: currencies — the ISO 4217 codes its shops sell in`).toBeGreaterThan(0);
      for (const currency of adapter.currencies) {
        expect(Intl.supportedValuesOf('currency'), `${folder}/catalog.ts: ${currency} is an ISO 4217 code`).toContain(currency);
        expect(DOLLAR_SCALE, `lib/rfm/settings.ts DOLLAR_SCALE: what a US dollar is in ${currency}, for the default RFM monetary cut-offs`).toHaveProperty(currency);
      }
    });

    it('detects its real URLs', () => {
      expect(adapter.exampleUrls.length, `${folder}/urls.ts: exampleUrls — at least 4 real console URLs and the page kind of each`).toBeGreaterThan(3);
      for (const { url, kind } of adapter.exampleUrls) {
        expect(adapter.detect(new URL(url)), url).toBe(kind);
        if (kind) expect(adapterForUrl(new URL(url))?.id, `${url} is covered by ${folder}/catalog.ts matches`).toBe(id);
      }
    });

    it('has network and DOM fixtures, each with its expected output', () => {
      const cases = fixtureCases(id);
      const hint = `test/fixtures/${id}/ (see its README.md): written field by field after a real sample in ../shared/reference/`;
      expect(cases.some((c) => c.name.endsWith('.html')), `an HTML fixture of a real page in ${hint}`).toBe(true);
      expect(cases.some((c) => /\.(json|har)$/.test(c.name)), `a JSON or HAR fixture of a real response in ${hint}`).toBe(true);
      for (const c of cases) expect(existsSync(c.expectedFile), `${c.expectedFile}: what npm run extract must print for ${c.name}`).toBe(true);
      expect(new Set(cases.map((c) => c.expectedFile)).size, 'one expected file per fixture').toBe(cases.length);
      const orphans = existsSync(join(FIXTURES_DIR, id))
        ? readdirSync(join(FIXTURES_DIR, id)).filter((f) => f.endsWith('.expected.json') && !cases.some((c) => c.expectedFile.endsWith(`/${f}`)))
        : [];
      expect(orphans, 'expected files without their fixture').toEqual([]);
    });

    it('says where the keys of its fixtures come from: its real samples, and a cited source for each key they lack', () => {
      const file = citationsFile(id);
      const shapes = REAL_SHAPES[id];
      expect(shapes, `${file}: realShapes — its real samples and the sources of the keys they lack (npm run new:adapter writes it)`).toBeDefined();
      expect(shapes?.samples, `${file}: samples — its folder in ../shared/reference/samples, or null where no real sample is saved (then allowed cites every key its fixtures use)`).not.toBe('');
      if (shapes?.samples) {
        expect(existsSync(keyPathsFile(id)), `test/fixtures/${id}/real-shapes/key-paths.json: the key paths of ../shared/reference/samples/${shapes.samples}, which npx vitest run test/unit/real-shapes.test.ts writes where ../shared is checked out`).toBe(true);
      }
    });

    it.each(fixtureCases(id).map((c) => [c.name, c] as const))('reads fixture %s as its .expected.json says', (_name, fixture) => {
      const expected = readExpected(fixture);
      expect(runFixture(fixture, expected.input)).toEqual(expected.output);
    });

    it('is named only in its own folder, content script, fixtures and tests', () => {
      const literal = new RegExp(`(['"\`])${id}(?:\\1|:)`);
      const own = [`${folder}/`, `entrypoints/${id}.content.ts`];
      const offenders = ['lib', 'entrypoints', 'components']
        .flatMap(shippedSources)
        .filter((file) => !own.some((prefix) => file.startsWith(prefix)))
        .filter((file) => literal.test(withoutComments(readFileSync(join(root, file), 'utf8'))));
      expect(offenders, `the marketplace id '${id}' is hard-coded outside ${folder}/: read it from the catalog instead`).toEqual([]);
    });
  });

  it('lets a console page name records of its own marketplace’s shops only (captures, who is on screen)', () => {
    for (const adapter of adapters) {
      for (const fixture of fixtureCases(adapter.id)) {
        const { input, output } = readExpected(fixture);
        const page = new URL(input.url);
        // Every order each fixture page reads is one that page may write…
        for (const order of output.orders) expect(pageMayName(page, adapter.id, [order.orderKey, order.buyerKey ?? undefined]), `${fixture.name}: ${order.orderKey}`).toBe(true);
        // …and no other marketplace's, no other shop's, and nothing from a page of no console.
        expect(pageMayName(page, `${adapter.id}x`, []), fixture.name).toBe(false);
        expect(pageMayName(page, adapter.id, [`${adapter.id}:elsewhere:1`]), fixture.name).toBe(false);
        expect(pageMayName(new URL('https://example.com/orders'), adapter.id, []), fixture.name).toBe(false);
      }
    }
  });

  it('matches no adapter on other sites', () => {
    expect(adapterForUrl(new URL('https://shopee.com.br/product/1/2'))).toBeUndefined();
    expect(adapterForUrl(new URL('https://www.amazon.com/gp/product/B0C7KQ4M2Z'))).toBeUndefined();
  });
});
