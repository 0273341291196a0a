import { z } from 'zod';
import { MAX_AMOUNT_MINOR } from './amount-limit';
import { ADAPTER_ID_PATTERN, RECORD_KEY_PATTERN, SHOP_KEY_PATTERN } from './keys';

/** The closed set every console's own status is mapped onto (ARCHITECTURE.md). */
export const orderStatusSchema = z.enum([
  'unpaid',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
  'returned',
  'unknown',
]);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const adapterIdSchema = z.string().regex(ADAPTER_ID_PATTERN, 'adapter id: lowercase letters, digits, dashes');
export type AdapterId = z.infer<typeof adapterIdSchema>;

/** `<adapter-id>:<shop>` (keys.ts) */
export const shopKeySchema = z.string().regex(SHOP_KEY_PATTERN, 'shop key: <adapter>:<shop>');
/** `<adapter-id>:<shop>:<platform buyer id>` */
export const buyerKeySchema = z.string().regex(RECORD_KEY_PATTERN, 'buyer key: <adapter>:<shop>:<buyer id>');
/** `<adapter-id>:<shop>:<order id>` */
export const orderKeySchema = z.string().regex(RECORD_KEY_PATTERN, 'order key: <adapter>:<shop>:<order id>');

/** ISO-8601 UTC timestamp as produced by `Date#toISOString`. */
export const isoDateTimeSchema = z.iso.datetime();
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code');
export const minorUnitsSchema = z.number().int();

/** The largest amount one order or item may carry, in minor units (amount-limit.ts). */
export { MAX_AMOUNT_MINOR };
export const amountMinorSchema = minorUnitsSchema.nonnegative().max(MAX_AMOUNT_MINOR);

export const pageKindSchema = z.enum(['order-list', 'order-detail', 'customer', 'chat', 'other']);
export type PageKind = z.infer<typeof pageKindSchema>;

/** A non-empty, trimmed, bounded string: page text is untrusted. */
export const textSchema = (max = 500) => z.string().trim().min(1).max(max);
