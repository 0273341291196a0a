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
};

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
  /** Try the captures waiting in the durable queue now; answers how many still wait. */
  'captures/retry': action<{ waiting: number }>()(z.object({}).strict()),
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
