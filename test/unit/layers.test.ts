import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js (docs/architecture.md, "Layers") at work: each import below is
 * linted as if it were written in that file, and must fail, or pass, as its layer says.
 */
const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..') });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = [x];\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers', () => {
  it.each([
    ['lib/schema/new.ts', "import { x } from '../rfm/settings';", /bottom layer/],
    ['lib/schema/new.ts', "import { x } from '@/lib/buyers/list';", /bottom layer/],
    ['lib/rfm/new.ts', "import { x } from '../db/queries';", /domain/],
    ['lib/replies/new.ts', "import { x } from '@/lib/adapters/registry';", /domain/],
    ['lib/buyers/new.ts', "import { x } from 'dexie';", /Dexie/],
    ['lib/export/new.ts', "import { x } from 'wxt/browser';", /plain functions/],
    ['lib/db/migrations/v006-new.ts', "import { x } from '../../rfm/tier';", /frozen/],
    ['lib/db/migrations/v006-new.ts', "import { x } from './v005-compact-ledger';", /frozen/],
    ['lib/db/migrations/v006-new.ts', "import { x } from '../aggregates';", /frozen/],
    ['components/New.tsx', "import { x } from '@/lib/adapters/shopee/responses';", /catalog/],
    ['components/New.tsx', "import { x } from '@/lib/adapters/registry';", /catalog/],
    ['entrypoints/sidepanel/New.tsx', "import { x } from '@/lib/db/capture-repository';", /queries/],
    ['entrypoints/buyers/New.tsx', "import { x } from '@/lib/messaging/background';", /send messages/],
    ['lib/adapters/shopee/new.ts', "import { x } from '../amazon/urls';", /another adapter/],
    ['lib/adapters/shopee/new.ts', "import { x } from '../../db/database';", /Content scripts/],
    ['lib/content/new.ts', "import { x } from '../adapters/shopee';", /Adapter object/],
    ['entrypoints/new.content.ts', "import { x } from '@/lib/db/database';", /Content scripts/],
    ['lib/messaging/new.ts', "import { x } from '../db/database';", /protocol/],
    // Team sync writes the store: no page, content script or lower layer reaches a writer through it.
    ['entrypoints/options/New.tsx', "import { x } from '@/lib/sync/engine';", /Team sync/],
    ['components/New.tsx', "import { x } from '../lib/sync/seed';", /Team sync/],
    ['entrypoints/sidepanel/New.tsx', "import { x } from '@/lib/sync/invite';", /Team sync/],
    ['lib/content/new.ts', "import { x } from '../sync/engine';", /Team sync/],
    ['entrypoints/new.content.ts', "import { x } from '@/lib/sync/engine';", /Team sync/],
    ['lib/rfm/new.ts', "import { x } from '../sync/model';", /Team sync/],
    ['lib/sync/new.ts', "import { x } from '../db/buyers-repository';", /sync-store/],
    ['lib/sync/new.ts', "import { x } from '../messaging/actions';", /Team sync knows/],
    ['lib/db/new.ts', "import { x } from '../sync/engine';", /engine/],
    // The top-level helpers stay below the store and the consoles; money is plain functions.
    ['lib/new.ts', "import { x } from './db/queries';", /small helpers/],
    ['lib/new.ts', "import { x } from './sync/engine';", /small helpers/],
    ['lib/money.ts', "import { x } from 'wxt/browser';", /plain functions/],
    ['lib/buyers/new.ts', "import { x } from '../settings';", /browser storage/],
  ])('%s may not: %s', async (file, source, message) => {
    const errors = await importErrors(file, source);
    expect(errors, `${file}: ${source}`).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['lib/schema/new.ts', "import { x } from './common';"],
    ['lib/rfm/new.ts', "import { x } from '../schema/rfm';"],
    ['lib/db/migrations/v006-new.ts', "import { x } from './step';"],
    ['components/New.tsx', "import { x } from '@/lib/adapters/catalog';"],
    ['components/New.tsx', "import { x } from '@/lib/db/queries';"],
    ['entrypoints/buyers/New.tsx', "import { x } from '@/lib/db/backup';"],
    ['lib/adapters/shopee/new.ts', "import { x } from '../dom';"],
    ['lib/adapters/shopee/new.ts', "import { x } from '../../schema/capture';"],
    ['entrypoints/new.content.ts', "import { x } from '@/lib/adapters/shopee';"],
    ['entrypoints/background/new.ts', "import { x } from '@/lib/sync/engine';"],
    ['lib/sync/new.ts', "import { x } from '../db/sync-store';"],
    ['lib/db/new.ts', "import { x } from '../sync/model';"],
    ['lib/new.ts', "import { x } from './schema/capture';"],
    ['lib/rfm/new.ts', "import { x } from '../money';"],
  ])('%s may: %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
