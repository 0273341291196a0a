import { z } from 'zod';
import { segmentSchema } from './rfm';

const count = z.number().int().nonnegative();

/** A buyers-table filter (lib/buyers/list.ts applies it); saved filters are named lists of these. */
export const buyerFilterSchema = z.object({
  query: z.string().max(200).optional(),
  shopKeys: z.array(z.string()).max(200).optional(),
  tagIds: z.array(z.string()).max(200).optional(),
  tagMode: z.enum(['any', 'all', 'none']).default('any'),
  segments: z.array(segmentSchema).max(30).optional(),
  /** Total spent, in major units of each buyer's currency (R$50 → 50). */
  spentMin: z.number().nonnegative().optional(),
  spentMax: z.number().nonnegative().optional(),
  ordersMin: count.optional(),
  ordersMax: count.optional(),
  /** "Has not ordered in 60 days": last order more than N days ago. */
  lastOrderOlderThanDays: count.optional(),
  /** "Ordered in the last 30 days". */
  lastOrderWithinDays: count.optional(),
  hasNotes: z.boolean().optional(),
});
export type BuyerFilter = z.infer<typeof buyerFilterSchema>;

