import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * One of the bench's in-browser entries as a single script (IIFE) to evaluate over CDP. Built in
 * memory at bench time with esbuild: nothing is written next to the extension in .output.
 */
export async function bundleEntry(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}
