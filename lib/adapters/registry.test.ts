import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, FIXTURES_DIR } from '../../test/fixture-cases';
import { consoleMatches } from './console-matches';
import { adapterForUrl, adapters } from './registry';

const root = join(import.meta.dirname, '..', '..');

describe('adapter registry', () => {
  it('has unique adapter ids', () => {
    expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
  });

  it('lists every adapter folder', () => {
    const folders = readdirSync(join(root, 'lib', 'adapters'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(adapters.map((a) => a.id).sort());
  });

  it('gives the main-world tap exactly the adapters’ pages', () => {
    expect([...consoleMatches].sort()).toEqual(adapters.flatMap((a) => a.matches).sort());
  });

  describe.each(adapters.map((a) => [a.id, a] as const))('%s', (id, adapter) => {
    it('has a content script that runs it', () => {
      const entry = join(root, 'entrypoints', `${id}.content.ts`);
      expect(existsSync(entry), `entrypoints/${id}.content.ts`).toBe(true);
      const source = readFileSync(entry, 'utf8');
      expect(source).toMatch(/runAdapter\(/);
      expect(source).toContain(`lib/adapters/${id}`);
    });

    it('has network and DOM fixtures, each with its expected output', () => {
      const cases = fixtureCases(id);
      expect(cases.some((c) => c.name.endsWith('.html')), 'an HTML fixture').toBe(true);
      expect(cases.some((c) => /\.(json|har)$/.test(c.name)), 'a JSON or HAR fixture').toBe(true);
      for (const c of cases) expect(existsSync(c.expectedFile), c.expectedFile).toBe(true);
      expect(new Set(cases.map((c) => c.expectedFile)).size, 'one expected file per fixture').toBe(cases.length);
      const orphans = readdirSync(join(FIXTURES_DIR, id)).filter(
        (f) => f.endsWith('.expected.json') && !cases.some((c) => c.expectedFile.endsWith(`/${f}`)),
      );
      expect(orphans).toEqual([]);
    });

    it('detects its real URLs', () => {
      expect(adapter.exampleUrls.length).toBeGreaterThan(3);
      for (const { url, kind } of adapter.exampleUrls) {
        expect(adapter.detect(new URL(url)), url).toBe(kind);
        expect(adapterForUrl(new URL(url))?.id, url).toBe(id);
      }
    });

    it('declares matches and API patterns', () => {
      expect(adapter.matches.length).toBeGreaterThan(0);
      expect(adapter.api.length).toBeGreaterThan(0);
    });
  });

  it('matches no adapter on other sites', () => {
    expect(adapterForUrl(new URL('https://shopee.com.br/product/1/2'))).toBeUndefined();
    expect(adapterForUrl(new URL('https://www.amazon.com/gp/product/B0C7KQ4M2Z'))).toBeUndefined();
  });
});
