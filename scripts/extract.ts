/**
 * npm run extract -- --url <page URL> [--response-url <request URL>] <file>
 *
 * What BuyerLens makes of a saved page (HTML), a saved JSON response body (with --response-url) or a
 * HAR file, using the same adapter code as the extension. Prints one JSON object
 * {"adapter","pageKind","orders","buyers","problems"}. Exit 0 when the input was understood (also
 * with zero orders); exit 2 with the reason on stderr when no adapter matches or the file cannot be
 * read.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { ExtractInputError, extractInput, inputKindOf } from '../lib/adapters/extract-input';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}

let args: ReturnType<typeof parseArgs<{ options: { url: { type: 'string' }; 'response-url': { type: 'string' }; help: { type: 'boolean' } }; allowPositionals: true }>>;
try {
  args = parseArgs({
    options: { url: { type: 'string' }, 'response-url': { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
} catch (error) {
  fail((error as Error).message);
}
if (args.values.help) {
  process.stdout.write('usage: npm run extract -- --url <page URL> [--response-url <request URL>] <file.html|file.json|file.har>\n');
  process.exit(0);
}
const [file, ...extra] = args.positionals;
if (!file || extra.length > 0) fail('give exactly one file: npm run extract -- --url <page URL> [--response-url <request URL>] <file>');

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

try {
  const output = extractInput({
    kind: inputKindOf(file, text),
    text,
    ...(args.values.url ? { url: args.values.url } : {}),
    ...(args.values['response-url'] ? { responseUrl: args.values['response-url'] } : {}),
    parseHtml: (html, url) => new JSDOM(html, { url }).window.document,
  });
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
} catch (error) {
  if (error instanceof ExtractInputError) fail(error.message);
  throw error;
}
