import { defineExtensionMessaging } from '@webext-core/messaging';
import type { InsertResult } from './adapters/run-adapter';
import type { CaptureResult } from './db/capture-repository';
import type { PickedReply } from './replies/pick';
import type { ReplyTemplateFields, ReplyTemplateRecord } from './replies/template';
import type { RfmSettings } from './rfm/settings';
import type { CaptureBatch, Screen } from './schema/capture';
import type { ActionReply, BulkTag, BuyerLink, BuyerTag, ImportTags, NoteAdd, NoteUpdate, OrderFlag, SavedListMessage, TagCreate, TagUpdate } from './schema/messages';
import type { NoteRecord, TagRecord } from './schema/records';

export type CaptureReply = { ok: true; result: CaptureResult } | { ok: false; error: string };

/**
 * Every message between the extension's contexts. Payloads are z.infer types of lib/schema; the
 * background parses each one again before acting on it (content scripts carry page data, and a
 * message is only taken from this extension's own contexts).
 */
export interface ProtocolMap {
  /** Content script → background: what an adapter read from a page or a response. */
  capture(batch: CaptureBatch): CaptureReply;
  /** Content script → background: who is on screen in the sender's tab now (null: nobody). */
  screen(screen: Screen | null): void;

  // Extension pages → background: the user's own data. Captures never write these.
  'tags/create'(tag: TagCreate): ActionReply<TagRecord>;
  'tags/update'(tag: TagUpdate): ActionReply<TagRecord>;
  'tags/delete'(tag: { id: string }): ActionReply;
  'buyers/tag'(change: BuyerTag): ActionReply;
  'notes/add'(note: NoteAdd): ActionReply<NoteRecord>;
  'notes/update'(note: NoteUpdate): ActionReply<NoteRecord>;
  'notes/delete'(note: { id: string }): ActionReply;
  'orders/flag'(flag: OrderFlag): ActionReply;
  'buyers/link'(link: BuyerLink): ActionReply;
  'buyers/unlink'(buyer: { buyerKey: string }): ActionReply;
  'rfm/settings'(settings: RfmSettings): ActionReply;
  'buyers/bulk-tag'(change: BulkTag): ActionReply<number>;
  'buyers/import-tags'(tags: ImportTags): ActionReply<{ buyers: number; tagsCreated: number }>;
  'buyers/erase'(buyer: { buyerKey: string }): ActionReply;
  'lists/save'(list: SavedListMessage): ActionReply;
  'lists/delete'(list: { name: string }): ActionReply;
  'data/retention'(setting: { months: number | null }): ActionReply<{ orders: number }>;
  'data/wipe'(confirmation: { confirm: 'DELETE' }): ActionReply;
  'replies/save'(template: ReplyTemplateFields): ActionReply<ReplyTemplateRecord>;
  'replies/delete'(template: { id: string }): ActionReply;
  'replies/used'(template: { id: string }): ActionReply;
  'replies/import'(pack: unknown): ActionReply<{ added: number; updated: number }>;

  /** Content script → background: the "/" picker's replies for the buyer on screen in the sender's tab. */
  'replies/pick'(query: { query: string }): PickedReply[];
  /** Content script → background: the agent inserted this template from the picker. */
  'replies/picked'(template: { id: string }): void;

  /** Side panel → the content script of a console tab: put this reply into its reply box (never send). */
  'chat/insert'(reply: { text: string }): InsertResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: undefined });
