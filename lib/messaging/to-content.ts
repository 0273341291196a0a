import * as z from 'zod/mini';
import type { InsertResult } from '../schema/messages';
import { RECIPE_FIELDS } from '../schema/recipe-fields';
import { replying, type MessageSpec } from './spec';

/**
 * Background → content script (the third direction of protocol.ts), in its own module with zod/mini:
 * the content script parses these without bundling full zod. Each schema is built on first use, not
 * at import: the content script starts on every console page (see lib/adapters/shopee/responses.ts).
 */
const insertSchema = () => z.object({ text: z.string().check(z.minLength(1), z.maxLength(10_000)) });
const pickSchema = () => z.object({ field: z.enum(RECIPE_FIELDS) });
const emptySchema = () => z.strictObject({});

let built:
  | {
      'reply-box/insert': MessageSpec<ReturnType<typeof insertSchema>, InsertResult>;
      'teach/arm': MessageSpec<ReturnType<typeof pickSchema>, InsertResult>;
      'site/refresh': MessageSpec<ReturnType<typeof emptySchema>, InsertResult>;
    }
  | undefined;

export const backgroundToContentSchemas = () =>
  (built ??= {
    /** Put this reply into the page's reply box, at the caret; never send it. */
    'reply-box/insert': replying<InsertResult>()(insertSchema()),
    /** Teaching: the next trusted click on the page picks this field (and never reaches the page). */
    'teach/arm': replying<InsertResult>()(pickSchema()),
    /** The site's recipes or the tab's teaching changed: ask again (site/hello). */
    'site/refresh': replying<InsertResult>()(emptySchema()),
  });

export type BackgroundToContent = ReturnType<typeof backgroundToContentSchemas>;
