import type { $ZodType } from 'zod/v4/core';
import { describeIssues } from '../schema/issues';
import type { ActionReply } from '../schema/messages';
import { contentToBackground, pageToBackground, type ContentToBackground, type MessageReply, type PageToBackground, type ParsedData } from './protocol';
import { messenger } from './send';
import { isAllowed, type Sender } from './sender';

/** The background's end of the protocol: each handler gets its message parsed, from a sender allowed to send it. */

type Received = { data: unknown; sender: Sender };
type Parser = { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: Parameters<typeof describeIssues>[0] } };

/** Why a message was not handled: who sent it, or what it carried. */
export type Refusal = { kind: 'sender' | 'payload'; reason: string };

function checked(direction: 'content' | 'page', schema: $ZodType, { data, sender }: Received, describe: (error: Parameters<typeof describeIssues>[0]) => string): { ok: true; data: unknown } | { ok: false; refusal: Refusal } {
  if (!isAllowed(direction, sender)) return { ok: false, refusal: { kind: 'sender', reason: 'Not allowed from this page.' } };
  const parsed = (schema as unknown as Parser).safeParse(data);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, refusal: { kind: 'payload', reason: describe(parsed.error) } };
}

export interface ContentHandler<K extends keyof ContentToBackground> {
  handle(data: ParsedData<K>, sender: Sender): Promise<MessageReply<K>> | MessageReply<K>;
  /** The answer to a sender that may not send this, or to a payload that does not parse. */
  refuse(refusal: Refusal, raw: unknown): Promise<MessageReply<K>> | MessageReply<K>;
}

/** Content script → background (pages may send these too). */
export function onContentMessage<K extends keyof ContentToBackground>(type: K, handler: ContentHandler<K>): void {
  const listener = async (message: Received): Promise<MessageReply<K>> => {
    const input = checked('content', contentToBackground[type].data, message, (error) => describeIssues(error, 5, '(message)'));
    if (!input.ok) return handler.refuse(input.refusal, message.data);
    return handler.handle(input.data as ParsedData<K>, message.sender);
  };
  // The protocol map types each reply; `listener` is checked against MessageReply<K> above.
  messenger.onMessage(type, listener as never);
}

type ActionValue<K extends keyof PageToBackground> = MessageReply<K> extends ActionReply<infer V> ? V : never;

/**
 * Extension page → background: one user action, parsed, then done (in the repositories'
 * transactions). Answers its value, or why not in words the user can act on.
 */
let afterAction: () => Promise<unknown> = () => Promise.resolve();

/**
 * Work that must be done after any page action before it answers (the buyers table's rows of the
 * buyers it changed, so the page that asked reads them as they are now).
 */
export function afterEveryPageAction(hook: () => Promise<unknown>): void {
  afterAction = hook;
}

export function onPageMessage<K extends keyof PageToBackground>(type: K, act: (data: ParsedData<K>) => Promise<ActionValue<K>>): void {
  const listener = async (message: Received): Promise<ActionReply<ActionValue<K>>> => {
    const input = checked('page', pageToBackground[type].data, message, (error) => describeIssues(error));
    if (!input.ok) return { ok: false, error: input.refusal.reason };
    try {
      const value = await act(input.data as ParsedData<K>);
      await afterAction();
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
  messenger.onMessage(type, listener as never);
}
