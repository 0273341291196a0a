/**
 * npm run new:adapter <id>
 *
 * Scaffolds a marketplace adapter: its folder (lib/adapters/<id>/), its content script, its fixture
 * folder (with real-shapes/citations.ts: where the keys of its fixtures come from), and its lines in
 * lib/adapters/catalog.ts and registry.ts. Nothing else needs an edit. The
 * registry test (npx vitest run lib/adapters) then fails until the adapter is complete, each message
 * saying what to fill in. Exit 2 with the reason when the id is not a valid new adapter id.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ADAPTER_ID_PATTERN } from '../lib/schema/keys';

const root = join(import.meta.dirname, '..');

function fail(message: string): never {
  process.stderr.write(`new:adapter: ${message}\n`);
  process.exit(2);
}

const id = process.argv[2] ?? '';
if (!ADAPTER_ID_PATTERN.test(id) || process.argv.length !== 3) fail('give one adapter id of lowercase letters, digits and dashes: npm run new:adapter <id>');
if (existsSync(join(root, 'lib', 'adapters', id))) fail(`lib/adapters/${id} exists already`);
const name = id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const files: Record<string, string> = {
  [`lib/adapters/${id}/catalog.ts`]: `import type { AdapterCatalogEntry } from '../types';

/** What BuyerLens knows of the console without reading its pages (see lib/adapters/types.ts). */
export const ${name}Catalog: AdapterCatalogEntry = {
  id: '${id}',
  // TODO: the marketplace as sellers call it, in each UI language.
  names: { en: '', 'zh-CN': '' },
  // TODO: the seller console's own name, in each UI language.
  consoleNames: { en: '', 'zh-CN': '' },
  // TODO: the console's pages, e.g. 'https://seller.example.com/*'.
  matches: [],
  // TODO: the ISO 4217 currencies its shops sell in.
  currencies: [],
  // TODO: the language buyers of a shop expect replies in, where the shop key tells.
  replyLanguage: () => undefined,
  // The console's messaging rules (lib/adapters/reply-rules.ts), where it has a chat.
  replyRules: [],
  // TODO: the shops a console page at this URL may write or show (the background allows no others).
  shopsOfPage: () => () => false,
};
`,
  [`lib/adapters/${id}/urls.ts`]: `import type { PageKind } from '../../schema/common';

/** TODO: the request paths (path and query) whose JSON responses the adapter reads. */
export const api: RegExp[] = [];

/** The page kind of a console URL, or undefined for pages the adapter does not read. */
export function detect(_url: URL): PageKind | undefined {
  return undefined;
}

/** TODO: real console URLs (../shared/reference/EVIDENCE.md) and the kind detect must give each. */
export const exampleUrls: readonly { url: string; kind: PageKind | undefined }[] = [];
`,
  [`lib/adapters/${id}/selectors.ts`]: `/*
 * The console's DOM, newest variant first, each list commented with the real page it was written
 * against (../shared/reference/). selectors.test.ts counts every selector's matches on the fixtures.
 */
export const listSelectors = {} as const;

export const detailSelectors = {} as const;

/** Selectors no offline fixture matches: the real page variant each is for, and the date to drop it by. */
export const unverifiedSelectors: Readonly<Record<string, { variant: string; drop: string }>> = {};
`,
  [`lib/adapters/${id}/responses.ts`]: `import type { Extraction } from '../../schema/capture';
import type { Sliced } from '../slices';
import { emptyExtraction, type TappedResponse } from '../types';

/**
 * What a tapped response holds (field by field after a real sample in ../shared/reference/), a row
 * per slice step: \`yield\` between rows.
 */
// eslint-disable-next-line require-yield -- TODO: read the console's responses, yielding between rows
export function* fromResponse(response: TappedResponse, _pageUrl: URL): Sliced<Extraction> {
  return { ...emptyExtraction(), problems: [{ where: response.url.pathname, reason: 'no reader for this endpoint' }] };
}
`,
  [`lib/adapters/${id}/extract.ts`]: `import type { Extraction } from '../../schema/capture';
import type { Sliced } from '../slices';
import { emptyExtraction, type OnScreen, type PageState } from '../types';

/** What the page's DOM shows (selectors.ts), a row per slice step: the fallback where the JSON is missing. */
// eslint-disable-next-line require-yield -- TODO: read the console's pages, yielding between rows
export function* extract(_document: Document, _url: URL): Sliced<Extraction> {
  return emptyExtraction();
}

/** Which buyer the page puts on screen (an order detail, an open chat). */
export function activeBuyer(_page: PageState): OnScreen | undefined {
  return undefined;
}
`,
  [`lib/adapters/${id}/index.ts`]: `import type { Adapter } from '../types';
import { ${name}Catalog } from './catalog';
import { activeBuyer, extract } from './extract';
import { fromResponse } from './responses';
import { detailSelectors, listSelectors, unverifiedSelectors } from './selectors';
import { api, detect, exampleUrls } from './urls';

export const ${name}Adapter: Adapter = {
  ...${name}Catalog,
  detect,
  exampleUrls,
  api,
  fromResponse,
  extract,
  activeBuyer,
  selectors: { groups: { listSelectors, detailSelectors }, unverified: unverifiedSelectors },
};
`,
  [`entrypoints/${id}.content.ts`]: `import { ${name}Adapter } from '@/lib/adapters/${id}';
import { messagingSink } from '@/lib/content/messaging-sink';
import { runAdapter } from '@/lib/content/run-adapter';

export default defineContentScript({
  matches: [...${name}Adapter.matches],
  runAt: 'document_start',
  main(ctx) {
    runAdapter(ctx, ${name}Adapter, messagingSink);
  },
});
`,
  [`test/fixtures/${id}/README.md`]: `# ${id} fixtures

Pages and responses of the console, written by us field by field after the real samples and
evidence in \`../shared/reference/\` (no field, key or markup the real console does not send), each
with a \`<name>.expected.json\` of what \`npm run extract\` prints for it:

- \`order-list.json\` (or \`.har\`): a real-shaped order list response; \`order-detail.json\` likewise;
- \`order-list-dom.html\`, \`order-detail-dom.html\`: the pages as the console renders them.

\`<name>.expected.json\` is \`{ "input": { "url": <page URL>, "responseUrl"?: <request URL> }, "output": … }\`;
write the output by hand from the sample, then check it with
\`npm run extract -- --url <page URL> [--response-url <request URL>] test/fixtures/${id}/<file>\`.

\`real-shapes/citations.ts\` names the folder of the console's real samples in
\`../shared/reference/samples\` (\`test/unit/real-shapes.test.ts\` then writes their key paths to
\`real-shapes/key-paths.json\`), and cites the public source of every key a fixture or the demo console
uses that no real sample has.
`,
  [`test/fixtures/${id}/real-shapes/citations.ts`]: `import type { RealShapes } from '../../../real-shapes';

/**
 * Where the keys of the ${id} fixtures and demo console come from (test/unit/real-shapes.test.ts): its
 * real samples, and the public source of each key they lack.
 */
export const realShapes: RealShapes = {
  // TODO: its folder in ../shared/reference/samples (npx vitest run test/unit/real-shapes.test.ts then
  // writes their key paths to key-paths.json beside this file), or null where no real sample is saved.
  samples: '',
  // By endpoint (the request path, ids as {placeholders}): the keys its fixtures use that no real
  // sample has, each with the public source that documents them.
  allowed: {},
};
`,
};

/** Adds the adapter's import and its entry to one of the two lists (catalog.ts, registry.ts). */
function addLine(file: string, importLine: string, listPattern: RegExp, entry: string): void {
  const path = join(root, file);
  let source = readFileSync(path, 'utf8');
  const list = listPattern.exec(source);
  if (!list) fail(`${file}: its list of adapters is not where new:adapter expects it`);
  source = source.replace(list[0], list[0].replace(/\]\s*;$/, `, ${entry}];`));
  const imports = [...source.matchAll(/^import .*;$/gm)];
  const last = imports.at(-1)!;
  source = source.slice(0, last.index + last[0].length) + `\n${importLine}` + source.slice(last.index + last[0].length);
  writeFileSync(path, source);
}

for (const [file, text] of Object.entries(files)) {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
}
addLine('lib/adapters/catalog.ts', `import { ${name}Catalog } from './${id}/catalog';`, /export const catalog: readonly AdapterCatalogEntry\[\] = \[[^\]]*\];/, `${name}Catalog`);
addLine('lib/adapters/registry.ts', `import { ${name}Adapter } from './${id}';`, /export const adapters: readonly Adapter\[\] = \[[^\]]*\];/, `${name}Adapter`);

process.stdout.write(
  [
    `Scaffolded the ${id} adapter:`,
    ...Object.keys(files).map((file) => `  ${relative(root, join(root, file))}`),
    '  lib/adapters/catalog.ts and lib/adapters/registry.ts: its lines',
    '',
    'Next: npx vitest run lib/adapters test/unit/real-shapes.test.ts — each failing check says what to fill in. Then list the console in',
    'the README ("What it reads today") and add its demo console and end-to-end test (test/e2e).',
    '',
  ].join('\n'),
);
