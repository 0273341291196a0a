import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { extractInput, inputKindOf, type ExtractOutput } from '../lib/adapters/extract-input';

export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures');

/** `<name>.expected.json`: the page it was saved from and what the CLI must print for it. */
export interface ExpectedFile {
  input: { url: string; responseUrl?: string };
  output: ExtractOutput;
}

export interface FixtureCase {
  name: string;
  file: string;
  expectedFile: string;
}

export function fixtureCases(adapterId: string): FixtureCase[] {
  const dir = join(FIXTURES_DIR, adapterId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(html|json|har)$/.test(f) && !f.endsWith('.expected.json'))
    .map((f) => ({
      name: f,
      file: join(dir, f),
      expectedFile: join(dir, f.replace(/\.(html|json|har)$/, '.expected.json')),
    }));
}

export function runFixture(fixture: FixtureCase, input: ExpectedFile['input']): ExtractOutput {
  const text = readFileSync(fixture.file, 'utf8');
  return extractInput({
    kind: inputKindOf(fixture.file, text),
    text,
    url: input.url,
    ...(input.responseUrl ? { responseUrl: input.responseUrl } : {}),
    parseHtml: (html, url) => new JSDOM(html, { url }).window.document,
  });
}

export function readExpected(fixture: FixtureCase): ExpectedFile {
  return JSON.parse(readFileSync(fixture.expectedFile, 'utf8')) as ExpectedFile;
}
