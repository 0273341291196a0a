import { z } from 'zod';
import { segmentSchema } from './rfm';
import { adapterIdSchema, isoDateTimeSchema, orderStatusSchema, textSchema } from './common';

/** The after-sale flow of an online shop, in the order a buyer meets it. */
export const REPLY_CATEGORIES = [
  'greeting',
  'payment-reminder',
  'order-confirmation',
  'shipping-notice',
  'delay-apology',
  'delivery-followup',
  'review-request',
  'after-sales',
  'complaint',
  'vip-thanks',
  'win-back',
  'other',
] as const;
export const replyCategorySchema = z.enum(REPLY_CATEGORIES);
export type ReplyCategory = z.infer<typeof replyCategorySchema>;

/** What a buyer is to the shop, for choosing a reply: several can hold at once. */
export const BUYER_KINDS = ['new', 'returning', 'vip', 'at-risk'] as const;
export const buyerKindSchema = z.enum(BUYER_KINDS);
export type BuyerKind = z.infer<typeof buyerKindSchema>;

/** An order's status, plus "late": paid but not shipped after a few days, or long in transit. */
export const replyOrderStateSchema = z.union([orderStatusSchema, z.literal('late')]);
export type ReplyOrderState = z.infer<typeof replyOrderStateSchema>;

/**
 * The languages BuyerLens has reply packs in (BCP 47): a shop's buyers are answered in its market's
 * (Shopee BR → pt-BR, Lazada TH → th, TikTok VN → vi …; lib/adapters/catalog.ts), the agent may change it per shop.
 */
export const REPLY_LANGUAGES = ['en', 'zh-CN', 'pt-BR', 'es-419', 'id', 'vi', 'th', 'ms', 'zh-TW'] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];
export const replyLanguageSchema = z.enum(REPLY_LANGUAGES);

/** The reply language the agent chose for a shop, by shop key, where it is not the market's. */
export const shopReplyLanguagesSchema = z
  .record(z.string().min(1).max(200), replyLanguageSchema)
  .refine((r) => Object.keys(r).length <= 1000, 'at most 1,000 shops');

const list = <T extends z.ZodType>(item: T) => z.array(item).max(50).optional();

/**
 * When a template fits. Each condition given must hold (any of its values); a template with none
 * fits every buyer and order, and ranks below those that fit on purpose.
 */
export const replyConditionsSchema = z.object({
  orderStates: list(replyOrderStateSchema),
  buyerKinds: list(buyerKindSchema),
  segments: list(segmentSchema),
  /** Tag names rather than ids, so a shared pack means the same in every team's library. */
  tagNames: list(textSchema(60)),
  marketplaces: list(adapterIdSchema),
  /** Words in the buyer's last message (case-insensitive), in any language the shop serves. */
  keywords: list(textSchema(60)),
});
export type ReplyConditions = z.infer<typeof replyConditionsSchema>;

/** A template as it travels in a pack file: no usage, no timestamps. */
export const replyTemplateFieldsSchema = z.object({
  id: z.string().min(1).max(120),
  title: textSchema(120),
  body: textSchema(5000),
  language: replyLanguageSchema,
  category: replyCategorySchema,
  conditions: replyConditionsSchema,
  /** Typed after "/" in a console's reply box to pick this template. */
  shortcut: z
    .string()
    .regex(/^[\p{L}\p{N}_-]{1,30}$/u, 'a shortcut is one word of letters, digits, - or _')
    .optional(),
});
export type ReplyTemplateFields = z.infer<typeof replyTemplateFieldsSchema>;

export const replyTemplateRecordSchema = replyTemplateFieldsSchema.extend({
  useCount: z.number().int().nonnegative(),
  lastUsedAt: isoDateTimeSchema.optional(),
  /** The default pack it came from, if any (kept when the user edits it). */
  pack: z.string().optional(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type ReplyTemplateRecord = z.infer<typeof replyTemplateRecordSchema>;

export const REPLY_PACK_FORMAT = 'buyerlens-reply-pack';

/** A shared library: what export writes and import reads. */
export const replyPackSchema = z.object({
  format: z.literal(REPLY_PACK_FORMAT),
  version: z.literal(1),
  exportedAt: isoDateTimeSchema.optional(),
  templates: z.array(replyTemplateFieldsSchema).min(1).max(2000),
});
export type ReplyPack = z.infer<typeof replyPackSchema>;
