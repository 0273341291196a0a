import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test, expect } from '@playwright/test';
import { adapters } from '../../lib/adapters/registry';
import { EXTENSION_DIR } from '../../scripts/browser';

/** The built pages' scripts: each page's entry chunk, every chunk it imports, and the workers it starts. */
function pageScripts(page: string): string {
  const html = readFileSync(join(EXTENSION_DIR, page), 'utf8');
  const queue = [...html.matchAll(/<script[^>]*src="\/([^"]+)"/g)].map((m) => join(EXTENSION_DIR, m[1]!));
  const seen = new Set<string>();
  let text = '';
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    text += source;
    for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?"(\.{1,2}\/[^"]+\.js)"/g)) queue.push(join(dirname(file), spec!));
    for (const [, asset] of source.matchAll(/"\/?(assets\/[^"]+\.js)"/g)) queue.push(join(EXTENSION_DIR, asset!));
  }
  return text;
}

// The request patterns an adapter reads come with any of its modules but its catalog entry.
const markers = adapters.flatMap((adapter) => adapter.api.map((pattern) => ({ id: adapter.id, source: pattern.source })));

test('the side panel, buyers and settings pages bundle no adapter parser; the content scripts do', () => {
  for (const page of ['sidepanel.html', 'buyers.html', 'options.html']) {
    const scripts = pageScripts(page);
    expect(scripts.length, page).toBeGreaterThan(10_000);
    expect(markers.filter((m) => scripts.includes(m.source)).map((m) => `${m.id}: ${m.source}`), page).toEqual([]);
  }
  for (const adapter of adapters) {
    const script = readFileSync(join(EXTENSION_DIR, 'content-scripts', `${adapter.id}.js`), 'utf8');
    expect(markers.filter((m) => m.id === adapter.id && script.includes(m.source)).length, `${adapter.id}.js reads its API`).toBeGreaterThan(0);
  }
});

test('the Shopee content script bundles no full zod: records are checked in the background, and the script starts on every console page', () => {
  // `superRefine` is a method of full zod's schemas only; zod/mini (what the script parses with) has none.
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'shopee.js'), 'utf8');
  expect(script.includes('superRefine')).toBe(false);
  expect(script.includes('ZodMini')).toBe(true);
});
