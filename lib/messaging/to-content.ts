import * as z from 'zod/mini';
import type { InsertResult } from '../schema/messages';
import { replying } from './spec';

/**
 * Background → content script (the third direction of protocol.ts), in its own module with zod/mini:
 * the content script parses these without bundling full zod, which it otherwise does not need.
 */
export const backgroundToContent = {
  /** Put this reply into the page's reply box, at the caret; never send it. */
  'reply-box/insert': replying<InsertResult>()(z.object({ text: z.string().check(z.minLength(1), z.maxLength(10_000)) })),
};
