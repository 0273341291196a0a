import { z } from 'zod';
import type { input, output } from 'zod/v4/core';
import { captureBatchSchema, screenSchema } from '../schema/capture';
import {
  bulkTagSchema,
  buyerLinkSchema,
  buyerTagSchema,
  byBuyerSchema,
  byIdSchema,
  chatInsertSchema,
  importTagsSchema,
  listDeleteSchema,
  noteAddSchema,
  noteUpdateSchema,
  orderFlagSchema,
  pickQuerySchema,
  retentionSchema,
  savedListSchema,
  shopReplyLanguageSchema,
  tagCreateSchema,
  tagUpdateSchema,
  wipeSchema,
  type ActionReply,
  type CaptureReply,
  type PickedReply,
} from '../schema/messages';
import type { NoteRecord, TagRecord } from '../schema/records';
import { replyTemplateFieldsSchema, type ReplyTemplateRecord } from '../schema/replies';
import { rfmSettingsSchema } from '../schema/rfm';
import { healthReportSchema, recipeFieldSchema, recipeKindSchema, type Recipe } from '../schema/recipes';
import { currencySchema } from '../schema/common';
import type { TeamStatus } from '../schema/team';
import { replying } from './spec';
import type { BackgroundToContent } from './to-content';

/**
 * Every message between BuyerLens's contexts, by direction. The payload types, the receiver's
 * parsing and its handler registration all derive from these maps (lib/messaging/background.ts,
 * content.ts, send.ts); who may send in each direction is checked in one place (sender.ts).
 */

/** A user action: answered with its value, or why it was not done. */
const action = <V = void>() => replying<ActionReply<V>>();

/** Content script → background: what a console page shows, and the "/" picker in its reply box. */
export const contentToBackground = {
  /** What an adapter read from a page or a response. */
  capture: replying<CaptureReply>()(captureBatchSchema),
  /** Who is on screen in the sender's tab now (null: nobody). */
  screen: replying<void>()(screenSchema.nullable()),
  /** The "/" picker's replies for the buyer on screen in the sender's tab. */
  'replies/pick': replying<PickedReply[]>()(pickQuerySchema),
  /** The agent inserted this template from the picker. */
  'replies/picked': replying<void>()(byIdSchema),
  /** A taught site's content script starting: the recipes of its page's site, and whether the seller is teaching in its tab. */
  'site/hello': replying<{ recipes: Recipe[]; teaching: boolean }>()(z.object({}).strict()),
  /** The teaching page's picks, inferred recipe and preview (checked with its schema in the handler: page data). */
  'teach/draft': replying<void>()(z.unknown()),
  /** What the page's recipe or adapter found on the page just read. */
  health: replying<void>()(healthReportSchema),
};

const tabSchema = z.object({ tabId: z.number().int().nonnegative() });

/** Extension page (side panel, buyers page, settings) → background: the user's own data. Captures never write these. */
export const pageToBackground = {
  'tags/create': action<TagRecord>()(tagCreateSchema),
  'tags/update': action<TagRecord>()(tagUpdateSchema),
  'tags/delete': action()(byIdSchema),
  'buyers/tag': action()(buyerTagSchema),
  'notes/add': action<NoteRecord>()(noteAddSchema),
  'notes/update': action<NoteRecord>()(noteUpdateSchema),
  'notes/delete': action()(byIdSchema),
  'orders/flag': action()(orderFlagSchema),
  'buyers/link': action()(buyerLinkSchema),
  'buyers/unlink': action()(byBuyerSchema),
  'rfm/settings': action()(rfmSettingsSchema),
  'buyers/bulk-tag': action<number>()(bulkTagSchema),
  'buyers/import-tags': action<{ buyers: number; tagsCreated: number }>()(importTagsSchema),
  'buyers/erase': action()(byBuyerSchema),
  'lists/save': action()(savedListSchema),
  'lists/delete': action()(listDeleteSchema),
  'data/retention': action<{ orders: number }>()(retentionSchema),
  'data/wipe': action()(wipeSchema),
  'replies/save': action<ReplyTemplateRecord>()(replyTemplateFieldsSchema),
  'replies/delete': action()(byIdSchema),
  'replies/used': action()(byIdSchema),
  /** The pack is checked by its importer, which says what is wrong with a damaged one. */
  'replies/import': action<{ added: number; updated: number }>()(z.unknown()),
  /** The language a shop's buyers are answered in (null: the market's). */
  'shops/reply-language': action()(shopReplyLanguageSchema),
  /** Put a reply into a console tab's reply box (the background passes it to that tab's content script). */
  'chat/insert': action()(chatInsertSchema),
  /** Make the buyers table's rows of buyers captures changed now (the page reads them next). */
  'buyers/list-refresh': action<number>()(z.object({}).strict()),
  /** Join a team's sync server with an invite code (settings); leave it. */
  'team/join': action<TeamStatus>()(z.object({ code: z.string().trim().min(1).max(10_000) })),
  'team/leave': action()(z.object({}).strict()),
  /** The team connection now (the settings ask when they open: a worker Chrome stopped starts again and connects). */
  'team/status': action<TeamStatus>()(z.object({}).strict()),
  /** Try the captures waiting in the durable queue now; answers how many still wait. */
  'captures/retry': action<{ waiting: number }>()(z.object({}).strict()),
  /** Start teaching on a tab whose site the seller has just granted: BuyerLens's scripts go there, and the page reloads so they see what it loads. */
  'teach/begin': action<{ origin: string }>()(tabSchema.extend({ replaces: z.string().max(64).optional() })),
  /** The next click on the teaching page picks this field. */
  'teach/pick': action()(tabSchema.extend({ field: recipeFieldSchema })),
  /** Keep the recipe taught on the tab (the draft the page reported, with what the seller confirmed). */
  'teach/save': action<Recipe>()(
    tabSchema.extend({ name: z.string().trim().min(1).max(80), kind: recipeKindSchema, currency: currencySchema.optional(), locale: z.string().min(2).max(35), replaces: z.string().max(64).optional() }),
  ),
  'teach/cancel': action()(tabSchema),
  'recipes/update': action<Recipe>()(z.object({ id: z.string().max(64), name: z.string().trim().min(1).max(80).optional(), currency: currencySchema.optional(), locale: z.string().min(2).max(35).optional() })),
  'recipes/delete': action()(z.object({ id: z.string().max(64) })),
  /** A recipes file: checked by its importer, all or nothing. */
  'recipes/import': action<{ added: number; updated: number }>()(z.unknown()),
  /** Apply a built-in recipe to the (granted) site of a tab. */
  'recipes/use-built-in': action<Recipe>()(tabSchema.extend({ id: z.string().max(64), currency: currencySchema, locale: z.string().min(2).max(35) })),
};

export type ContentToBackground = typeof contentToBackground;
export type PageToBackground = typeof pageToBackground;
export type { BackgroundToContent };
type AllMessages = ContentToBackground & PageToBackground & BackgroundToContent;
export type MessageType = keyof AllMessages;

/** What a message's sender passes (before parsing), and what its receiver gets (parsed). */
export type MessageData<K extends MessageType> = input<AllMessages[K]['data']>;
export type ParsedData<K extends MessageType> = output<AllMessages[K]['data']>;
export type MessageReply<K extends MessageType> = AllMessages[K]['reply'];

/** The map @webext-core/messaging types its sendMessage and onMessage with. */
export type ProtocolMap = { [K in MessageType]: (data: MessageData<K>) => MessageReply<K> };
