import { z } from 'zod';
import { replyLanguageSchema } from './replies';
import { buyerKeySchema, orderKeySchema, textSchema } from './common';
import { buyerFilterSchema } from './lists';
import { flagColorSchema } from './records';

/**
 * Payloads of the messages between BuyerLens's contexts (lib/messaging/protocol.ts maps each
 * message to its schema here), and the types of their replies. The receiver parses every payload.
 */

const color = z.string().regex(/^#[0-9a-f]{6}$/i);

export const tagCreateSchema = z.object({ name: textSchema(60), color: color.optional() });
export const tagUpdateSchema = z.object({ id: z.string().min(1), name: textSchema(60).optional(), color: color.optional() });
/** Messages that name one record by id (a tag, a note, a reply template). */
export const byIdSchema = z.object({ id: z.string().min(1).max(120) });
/** Messages that name one buyer. */
export const byBuyerSchema = z.object({ buyerKey: buyerKeySchema });
export const buyerTagSchema = z.object({ buyerKey: buyerKeySchema, tagId: z.string().min(1), on: z.boolean() });
export const noteAddSchema = z.object({ buyerKey: buyerKeySchema, text: textSchema(5000) });
export const noteUpdateSchema = z.object({ id: z.string().min(1), text: textSchema(5000) });
export const orderFlagSchema = z.object({ orderKey: orderKeySchema, color: flagColorSchema.optional(), memo: z.string().max(500).optional() });
export const buyerLinkSchema = z.object({ buyerKey: buyerKeySchema, otherKey: buyerKeySchema });
/** Adds or removes a tag on every buyer a buyers-table filter lists, "has not ordered in N days" counted from `now`. */
export const bulkTagSchema = z.object({ filter: buyerFilterSchema, now: z.number().int().nonnegative(), tagId: z.string().min(1), on: z.boolean() });
export const importTagsSchema = z.object({
  assignments: z.array(z.object({ buyerKey: buyerKeySchema, tagNames: z.array(textSchema(60)).min(1).max(50) })).max(500_000),
});
export const savedListSchema = z.object({ name: textSchema(80), filter: buyerFilterSchema });
export const listDeleteSchema = z.object({ name: textSchema(80) });
export const retentionSchema = z.object({ months: z.number().int().min(1).max(240).nullable() });
/** Wiping everything needs the word the user typed to confirm it. */
export const wipeSchema = z.object({ confirm: z.literal('DELETE') });
/** A shop's reply language (null: its market's again). */
export const shopReplyLanguageSchema = z.object({ shopKey: z.string().min(1).max(200), language: replyLanguageSchema.nullable() });
/** The "/" picker's query: what the agent typed after "/". */
export const pickQuerySchema = z.object({ query: z.string().max(40) });
/** The side panel asks the background to put a reply into a console tab's reply box. */
export const chatInsertSchema = z.object({ tabId: z.number().int().nonnegative(), text: z.string().min(1).max(10_000) });

export type BulkTag = z.infer<typeof bulkTagSchema>;
export type ImportTags = z.infer<typeof importTagsSchema>;
export type SavedListMessage = z.infer<typeof savedListSchema>;
export type TagCreate = z.infer<typeof tagCreateSchema>;
export type TagUpdate = z.infer<typeof tagUpdateSchema>;
export type BuyerTag = z.infer<typeof buyerTagSchema>;
export type NoteAdd = z.infer<typeof noteAddSchema>;
export type NoteUpdate = z.infer<typeof noteUpdateSchema>;
export type OrderFlag = z.infer<typeof orderFlagSchema>;
export type BuyerLink = z.infer<typeof buyerLinkSchema>;

/** What a user action answers: done, or why not, in words the user can act on. */
export type ActionReply<T = void> = { ok: true; value: T } | { ok: false; error: string };

/** What storing one capture batch did (lib/db/capture-repository.ts). */
export interface CaptureResult {
  orders: number;
  buyers: number;
  shops: number;
  rejected: number;
  /** Shops whose buyers changed: their RFM needs re-scoring. */
  shopKeys: string[];
}
/** `queued`: not stored yet, but kept in the durable queue until the database takes it (lib/capture-queue.ts). */
export type CaptureReply = { ok: true; result: CaptureResult } | { ok: false; error: string; queued?: true };

/** One entry of the "/" picker in a console's reply box: ready to insert. */
export interface PickedReply {
  id: string;
  title: string;
  category: string;
  shortcut?: string;
  /** Filled in; each fill-in prompt left as [label] for the agent to type over. */
  text: string;
}

/** What the content script answers to "insert this reply". */
export type InsertResult = { ok: true } | { ok: false; error: string };
