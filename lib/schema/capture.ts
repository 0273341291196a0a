import { z } from 'zod';
import {
  adapterIdSchema,
  amountMinorSchema,
  buyerKeySchema,
  currencySchema,
  isoDateTimeSchema,
  orderKeySchema,
  orderStatusSchema,
  pageKindSchema,
  shopKeySchema,
  textSchema,
} from './common';
import { isMasked, unmaskedName } from './masked';
import { LIMITS } from './limits';
import { cutText } from './salvage';

/** A name as the console shows it; masked values (`***`) become absent, never a name. */
const personNameSchema = z
  .string()
  .max(LIMITS.name)
  .transform((v) => unmaskedName(v))
  .optional();

/** An identity must be real: a masked id cannot key a buyer. */
const identitySchema = textSchema(200).refine((v) => !isMasked(v), 'masked value cannot identify a buyer');

export const orderItemSchema = z.object({
  title: textSchema(500),
  /** The variation the buyer chose (colour, size), as the console names it. */
  variant: textSchema(200).optional(),
  sku: textSchema(200).optional(),
  quantity: z.number().int().positive().max(1_000_000),
  unitPriceMinor: amountMinorSchema.optional(),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

/**
 * One order as a page showed it. Every field but the identity is optional: a capture says only what
 * it saw, and the store never erases a field a capture did not see.
 */
export const capturedOrderSchema = z.object({
  orderKey: orderKeySchema,
  orderId: textSchema(100),
  /** The number the console shows the seller when it differs from the id (Shopee order_sn). */
  orderNumber: textSchema(100).optional(),
  shopKey: shopKeySchema,
  buyerKey: buyerKeySchema.refine((v) => !isMasked(v), 'masked buyer id').optional(),
  /** The buyer's name as this page shows it, for pages that show a name but no buyer id. */
  buyerName: personNameSchema,
  placedAt: isoDateTimeSchema.optional(),
  /** 'day': placedAt was inferred from a date-only source (Shopee order_sn); exact times win. */
  placedAtPrecision: z.literal('day').optional(),
  paidAt: isoDateTimeSchema.optional(),
  shippedAt: isoDateTimeSchema.optional(),
  completedAt: isoDateTimeSchema.optional(),
  status: orderStatusSchema.optional(),
  statusText: textSchema(200).optional(),
  totalMinor: amountMinorSchema.optional(),
  currency: currencySchema.optional(),
  items: z.array(orderItemSchema).max(500).optional(),
  trackingNumber: textSchema(100).optional(),
  carrier: textSchema(100).optional(),
  /** Where the seller opens this order in the console. */
  consoleUrl: z.url({ protocol: /^https$/ }).optional(),
});
export type CapturedOrder = z.infer<typeof capturedOrderSchema>;

export const capturedBuyerSchema = z.object({
  buyerKey: buyerKeySchema.refine((v) => !isMasked(v), 'masked buyer id'),
  shopKey: shopKeySchema,
  platformBuyerId: identitySchema,
  displayName: personNameSchema,
});
export type CapturedBuyer = z.infer<typeof capturedBuyerSchema>;

export const capturedShopSchema = z.object({
  shopKey: shopKeySchema,
  adapterId: adapterIdSchema,
  name: textSchema(200).optional(),
  region: z.string().regex(/^[A-Z]{2}$/).optional(),
  currency: currencySchema.optional(),
  platformShopId: textSchema(100).optional(),
});
export type CapturedShop = z.infer<typeof capturedShopSchema>;

/** A problem's texts over their limits are cut, never refused: a problem must not cost the batch. */
export const captureProblemSchema = z.object({
  /** Which record or part of the page, e.g. `card_list[3]` or `[data-test-id=order-id-value]`. */
  where: z.string().transform((v) => cutText(v, LIMITS.problemWhere)),
  reason: z.string().transform((v) => cutText(v, LIMITS.problemReason)),
});
export type CaptureProblem = z.infer<typeof captureProblemSchema>;

/** What an adapter makes of one page or one response. */
export const extractionSchema = z.object({
  shops: z.array(capturedShopSchema),
  buyers: z.array(capturedBuyerSchema),
  orders: z.array(capturedOrderSchema),
  problems: z.array(captureProblemSchema),
});
export type Extraction = z.infer<typeof extractionSchema>;

/**
 * The `capture` message. Records are `unknown` here on purpose: the background validates each one on
 * its own so one bad record never costs the good ones.
 */
export const captureBatchSchema = z.object({
  adapterId: adapterIdSchema,
  pageKind: pageKindSchema,
  pageUrl: z.url().max(4000),
  source: z.enum(['network', 'dom']),
  /** What was captured (the API URL for network captures). */
  sourceUrl: z.url().max(4000).optional(),
  capturedAt: isoDateTimeSchema,
  shops: z.array(z.unknown()).max(1000),
  buyers: z.array(z.unknown()).max(5000),
  orders: z.array(z.unknown()).max(5000),
  problems: z.array(captureProblemSchema).max(LIMITS.problems),
});
export type CaptureBatch = z.infer<typeof captureBatchSchema>;

/** Which buyer (or order, whose buyer the store knows) the seller has on screen in a tab. */
export const screenSchema = z.object({
  adapterId: adapterIdSchema,
  pageKind: pageKindSchema,
  pageUrl: z.url().max(4000),
  buyerKey: buyerKeySchema.optional(),
  orderKey: orderKeySchema.optional(),
  buyerName: personNameSchema,
  /** On a chat or messaging page: whether it has a reply box to insert into, and the buyer's last words. */
  chat: z
    .object({
      replyBox: z.boolean(),
      lastBuyerMessage: z.string().max(2000).optional(),
    })
    .optional(),
});
export type Screen = z.infer<typeof screenSchema>;
