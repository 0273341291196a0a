import { z } from 'zod';
import { capturedOrderSchema, capturedShopSchema, orderItemSchema } from './capture';
import { segmentMapSchema, segmentSchema } from './rfm';
import {
  adapterIdSchema,
  buyerKeySchema,
  currencySchema,
  isoDateTimeSchema,
  minorUnitsSchema,
  orderKeySchema,
  orderStatusSchema,
  pageKindSchema,
  shopKeySchema,
  textSchema,
} from './common';

const count = z.number().int().nonnegative();
const score = z.number().int().min(1).max(5);
/** A point in time as milliseconds since the epoch (what Date.parse gives). */
const epochMsSchema = z.number().int();
const rfmValuesSchema = z.object({
  recencyDays: z.number().nonnegative(),
  frequency: z.number().nonnegative(),
  monetaryMinor: z.number().nonnegative(),
});

/**
 * How a shop's buyers were last scored (lib/rfm): what every buyer's tier in the shop shares, kept
 * once on the shop rather than on each tier.
 */
export const shopScoringSchema = z.object({
  map: segmentMapSchema,
  windowDays: z.number().int().positive(),
  method: z.enum(['quintiles', 'thresholds']),
  /** Buyers scored together (those with a purchase). */
  peers: z.number().int().positive(),
  currency: currencySchema.optional(),
  /** The 8-class map's reference values (high is at or better than these). */
  reference: rfmValuesSchema.optional(),
  scoredAt: isoDateTimeSchema,
  /** The shop overview (lib/rfm/overview.ts), its lists as buyer keys. */
  summary: z
    .object({
      scored: count,
      segments: z.array(z.object({ segment: segmentSchema, buyers: count, revenueMinor: z.number().nonnegative() })),
      grid: z.array(z.array(count)),
      top: z.array(buyerKeySchema),
      attention: z.array(buyerKeySchema),
    })
    .optional(),
});
export type ShopScoring = z.infer<typeof shopScoringSchema>;

export const shopRecordSchema = capturedShopSchema.extend({
  firstSeenAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** Written only by RFM scoring; captures never touch it. */
  scoring: shopScoringSchema.optional(),
  /** The shop's buyers with the latest orders, newest first, as of its last scoring (lib/buyers/recent.ts). */
  recent: z.array(buyerKeySchema).max(1000).optional(),
});
export type ShopRecord = z.infer<typeof shopRecordSchema>;

/**
 * A buyer's RFM tier as last scored. Only what changes when the scores change is stored: recency is
 * the days from `lastPurchaseAt` to the shop's `scoredAt`, so a new day rewrites no tier whose
 * scores stay the same.
 */
export const buyerTierSchema = z.object({
  segment: segmentSchema,
  r: score,
  f: score,
  m: score,
  lastPurchaseAt: isoDateTimeSchema,
  /** Purchases within the window, and their total in minor units of the shop's currency. */
  frequency: count,
  monetaryMinor: z.number().nonnegative(),
  highLow: z.object({ r: z.boolean(), f: z.boolean(), m: z.boolean() }).optional(),
});
export type BuyerTier = z.infer<typeof buyerTierSchema>;

/**
 * Per-buyer aggregates, kept in step with the buyer's orders in the same transaction
 * (lib/db/aggregates.ts) so that lists and RFM never scan orders.
 */
export const buyerStatsSchema = z.object({
  /** Every order of the buyer the store knows, whatever its status. */
  orderCount: count,
  /** Orders that are purchases: paid and not cancelled, refunded or returned. */
  paidOrderCount: count,
  /** Sum of the purchases' totals, in minor units of `currency`. */
  spentMinor: minorUnitsSchema.nonnegative(),
  /**
   * The currency of the buyer's latest purchase that names one (ties: the first code in A–Z order):
   * a shop that changed currency counts in its new one. Purchases in another currency count in the
   * order counts and the ledger (amount 0), never in the sum.
   */
  currency: currencySchema.optional(),
  /**
   * How many currencies the purchases are in (one without a currency counts as one more). Where it is
   * not 1 (or 0), or absent (stored before it), a change to a purchase recomputes the aggregates from
   * the buyer's orders, so the result never depends on the order the orders arrived in.
   */
  currencies: count.optional(),
  firstOrderAt: isoDateTimeSchema.optional(),
  lastOrderAt: isoDateTimeSchema.optional(),
  firstPaidAt: isoDateTimeSchema.optional(),
  lastPaidAt: isoDateTimeSchema.optional(),
  unpaidCount: count,
  cancelledCount: count,
  /** Refunded or returned. */
  refundedCount: count,
  /**
   * Every dated purchase as [placedAt in epoch ms, totalMinor], oldest first: what RFM needs for any
   * window without reading orders. Kept in step with the orders like the counts above. Numbers, not
   * order keys and ISO strings, because every capture writes the buyers it touches again (DB v5).
   */
  purchases: z.array(z.tuple([epochMsSchema, minorUnitsSchema])),
});
export type BuyerStats = z.infer<typeof buyerStatsSchema>;

export const buyerRecordSchema = z.object({
  buyerKey: buyerKeySchema,
  shopKey: shopKeySchema,
  adapterId: adapterIdSchema,
  platformBuyerId: textSchema(200),
  displayName: textSchema(200).optional(),
  /** Written only by the user (tags); captures never touch it. */
  tagIds: z.array(z.string()),
  /** Written only by the user: buyer records of one person across shops share it (linked). */
  personId: z.string().min(1).optional(),
  stats: buyerStatsSchema,
  /** Written only by RFM scoring (lib/db/rfm-repository.ts), from `stats`; none without a purchase. */
  tier: buyerTierSchema.optional(),
  firstSeenAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type BuyerRecord = z.infer<typeof buyerRecordSchema>;

/**
 * An item as stored: amounts and quantities as the capture bounds allowed when it was stored (before
 * MAX_AMOUNT_MINOR, any safe integer), so a backup of any state the app reached restores.
 */
const storedItemSchema = orderItemSchema.extend({
  quantity: z.number().int().positive(),
  unitPriceMinor: minorUnitsSchema.nonnegative().optional(),
});

export const orderRecordSchema = capturedOrderSchema.extend({
  totalMinor: minorUnitsSchema.nonnegative().optional(),
  items: z.array(storedItemSchema).max(500).optional(),
  adapterId: adapterIdSchema,
  /** 'unknown' until a capture shows a status BuyerLens understands. */
  status: orderStatusSchema,
  /** placedAt, or when BuyerLens first saw the order where the console never showed its date. */
  sortAt: isoDateTimeSchema,
  firstSeenAt: isoDateTimeSchema,
  /** capturedAt of the newest reading that set the stored values; a reading that only filled gaps leaves it (lib/db/merge.ts). */
  updatedAt: isoDateTimeSchema,
  /** How exact the readings that set the values were (lib/db/merge.ts readingWeight); absent on orders stored before it. */
  weight: z.number().int().min(0).max(3).optional(),
});
export type OrderRecord = z.infer<typeof orderRecordSchema>;

/**
 * A buyer's search row, keyed like the buyer: the words of their name (and their platform id where
 * the key does not end with it), lower-cased, for prefix search (lib/db/merge.ts searchWordsOf). Kept
 * apart from the buyer record, which every capture rewrites: this one is written only when the name
 * changes, so the words' index entries are not written again with every order.
 */
export const buyerSearchRecordSchema = z.object({
  buyerKey: buyerKeySchema,
  words: z.array(z.string()),
});
export type BuyerSearchRecord = z.infer<typeof buyerSearchRecordSchema>;

export const tagRecordSchema = z.object({
  id: z.string().min(1),
  name: textSchema(60),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  createdAt: isoDateTimeSchema,
});
export type TagRecord = z.infer<typeof tagRecordSchema>;

export const noteRecordSchema = z.object({
  id: z.string().min(1),
  buyerKey: buyerKeySchema,
  text: textSchema(5000),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type NoteRecord = z.infer<typeof noteRecordSchema>;

export const captureLogRecordSchema = z.object({
  id: z.number().int().optional(),
  at: isoDateTimeSchema,
  adapterId: adapterIdSchema,
  pageKind: pageKindSchema,
  pageUrl: z.string(),
  source: z.enum(['network', 'dom']),
  sourceUrl: z.string().optional(),
  /** 'batch': one line per capture; 'problem': one per record or part that could not be read. */
  kind: z.enum(['batch', 'problem']),
  message: z.string(),
  where: z.string().optional(),
  counts: z
    .object({ orders: count, buyers: count, shops: count, rejected: count })
    .optional(),
});
export type CaptureLogRecord = z.infer<typeof captureLogRecordSchema>;

export const emptyStats = (): BuyerStats => ({
  orderCount: 0,
  paidOrderCount: 0,
  spentMinor: 0,
  currencies: 0,
  unpaidCount: 0,
  cancelledCount: 0,
  refundedCount: 0,
  purchases: [],
});

export const flagColorSchema = z.enum(['red', 'yellow', 'green', 'blue', 'purple']);
export type FlagColor = z.infer<typeof flagColorSchema>;

/** The seller's flag and memo on one order (as Qianniu sellers use them). Captures never touch it. */
export const orderFlagRecordSchema = z.object({
  orderKey: orderKeySchema,
  color: flagColorSchema.optional(),
  memo: z.string().trim().max(500).optional(),
  updatedAt: isoDateTimeSchema,
});
export type OrderFlagRecord = z.infer<typeof orderFlagRecordSchema>;

/**
 * A buyer's RFM tier as the panel, lists and replies read it: the buyer's tier with their shop's
 * scoring (lib/rfm/tier.ts builds it). Not stored as such.
 */
export interface RfmTier extends Omit<BuyerTier, 'lastPurchaseAt' | 'frequency' | 'monetaryMinor'>, Omit<ShopScoring, 'summary'> {
  buyerKey: string;
  shopKey: string;
  /** At the shop's scoredAt: what the scores were given for. */
  values: z.infer<typeof rfmValuesSchema>;
}

/** Settings that belong with the data (and so with its backups), one record per key. */
export const settingRecordSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type SettingRecord = z.infer<typeof settingRecordSchema>;
