import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackgroundToContent, ContentToBackground, MessageData, MessageReply, PageToBackground, ProtocolMap } from './protocol';

/**
 * Sending and receiving, typed by the protocol map. Only types come from protocol.ts: content
 * scripts import this module and must not bundle the schemas (full zod) the background parses with.
 */
export const messenger = defineExtensionMessaging<ProtocolMap>({ logger: undefined });

type ToBackground = keyof ContentToBackground | keyof PageToBackground;

/** A content script's or an extension page's message to the background. */
export function sendToBackground<K extends ToBackground>(type: K, data: MessageData<K>): Promise<MessageReply<K>> {
  // The protocol map ties each type to its data and reply; the generic K cannot be narrowed here.
  return (messenger.sendMessage as (type: K, data: MessageData<K>) => Promise<MessageReply<K>>)(type, data);
}

/** The background's message to the content script of one tab's top frame. */
export function sendToTab<K extends keyof BackgroundToContent>(tabId: number, type: K, data: MessageData<K>): Promise<MessageReply<K>> {
  return (messenger.sendMessage as (type: K, data: MessageData<K>, to: { tabId: number; frameId: number }) => Promise<MessageReply<K>>)(type, data, {
    tabId,
    frameId: 0,
  });
}
