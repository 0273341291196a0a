import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './fixture-cases';

/**
 * What each adapter's fixtures and demo console may carry (test/unit/real-shapes.test.ts): the keys of
 * its real samples, and the keys they lack with the public source of each. Both live in the adapter's
 * fixture folder, `test/fixtures/<id>/real-shapes/` (`citations.ts`, written by npm run new:adapter,
 * and `key-paths.json`, written by the test), so a new adapter edits no shared file for them.
 */

/** Keys no real sample has, with the public source that documents them. */
export interface Citation {
  /** Where the keys are documented: an EVIDENCE.md section, or a public file (repository, path, commit). */
  source: string;
  /** Key paths (`data.order_items[].item_model.sku`), as real-shapes.test.ts writes them. */
  paths: readonly string[];
  /** The paths are a whole shape the source documents (derived from a real sample), not each key a body uses. */
  shape?: true;
}

/** An adapter's `test/fixtures/<id>/real-shapes/citations.ts`. */
export interface RealShapes {
  /**
   * Its folder of real samples in ../shared/reference/samples, whose key paths key-paths.json beside
   * citations.ts keeps; null where none is saved (then every key its fixtures and demo use is cited).
   */
  samples: string | null;
  /** Samples that are a bare response body: the endpoint each answered (its SOURCES.md says which). */
  bareSamples?: readonly (readonly [RegExp, string])[];
  /** Answers keyed by an id, by endpoint: the id keys are written as this placeholder. */
  keyedBy?: Readonly<Record<string, { key: RegExp; as: string }>>;
  /** By endpoint (the request path, ids as {placeholders}): the keys no real sample has, each with its source. */
  allowed: Readonly<Record<string, readonly Citation[]>>;
}

/** The key paths of an adapter's real samples, by endpoint. */
export type AdapterKeyPaths = Readonly<Record<string, { samples: string[]; paths: string[] }>>;

export const realShapesDir = (adapter: string) => join(FIXTURES_DIR, adapter, 'real-shapes');
export const citationsFile = (adapter: string) => `test/fixtures/${adapter}/real-shapes/citations.ts`;
export const keyPathsFile = (adapter: string) => join(realShapesDir(adapter), 'key-paths.json');

/** Every fixture folder's real-shapes/citations.ts, by adapter id. */
export const REAL_SHAPES: Readonly<Record<string, RealShapes>> = Object.fromEntries(
  await Promise.all(
    readdirSync(FIXTURES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(realShapesDir(d.name), 'citations.ts')))
      .map(async (d) => [d.name, ((await import(join(realShapesDir(d.name), 'citations.ts'))) as { realShapes: RealShapes }).realShapes] as const),
  ),
);

/** Every adapter's citations, by adapter, then by endpoint. */
export const ALLOWED: Readonly<Record<string, Readonly<Record<string, readonly Citation[]>>>> = Object.fromEntries(Object.entries(REAL_SHAPES).map(([id, s]) => [id, s.allowed]));

/** Answers keyed by an id, by endpoint (every adapter's). */
export const KEYED_BY: Readonly<Record<string, { key: RegExp; as: string }>> = Object.assign({}, ...Object.values(REAL_SHAPES).map((s) => s.keyedBy ?? {}));

/** The committed key paths of an adapter's real samples (key-paths.json), or undefined where it has none. */
export function committedKeyPathsOf(adapter: string): AdapterKeyPaths | undefined {
  if (!existsSync(keyPathsFile(adapter))) return undefined;
  const { about: _about, ...byEndpoint } = JSON.parse(readFileSync(keyPathsFile(adapter), 'utf8')) as Record<string, unknown>;
  return byEndpoint as AdapterKeyPaths;
}
