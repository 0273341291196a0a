import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * What the extension's pages bundle: every module reachable from their entry scripts (imports, and
 * workers started with `new URL(…, import.meta.url)`), resolved as the build resolves them. A page
 * reads the adapter catalog, never an adapter's parsers, the registry, or the content runtime.
 */
const root = join(import.meta.dirname, '..', '..');
const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
const WORKER = /new URL\(\s*'([^']+)'\s*,\s*import\.meta\.url\s*\)/g;

function reachableFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [join(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
    for (const [, worker] of source.matchAll(WORKER)) queue.push(join(dirname(file), worker!));
    for (const specifier of specifiers) {
      const resolved = ts.resolveModuleName(specifier, file, config.options, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport && !resolved.resolvedFileName.endsWith('.d.ts')) queue.push(resolved.resolvedFileName);
    }
  }
  return new Set([...seen].map((file) => relative(root, file)));
}

const PARSERS = /^lib\/adapters\/(registry|extract-input)\.ts$|^lib\/adapters\/[^/]+\/(?!catalog\.ts$)|^lib\/content\//;

describe.each(['entrypoints/sidepanel/main.tsx', 'entrypoints/buyers/main.tsx', 'entrypoints/options/main.tsx'])('%s', (entry) => {
  const modules = reachableFrom(entry);

  it('bundles the adapter catalog and no adapter parser', () => {
    expect(modules.has('lib/adapters/catalog.ts'), 'the walk reaches the catalog the page reads').toBe(true);
    expect([...modules].filter((file) => PARSERS.test(file))).toEqual([]);
  });
});
