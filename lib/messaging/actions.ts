import type { ActionReply } from '../schema/messages';
import type { MessageData, MessageReply, PageToBackground } from './protocol';
import { sendToBackground } from './send';

/** Messages an extension page sends to change the user's own data (protocol.ts, page → background). */
export type ActionType = keyof PageToBackground;
export type ActionData<K extends ActionType> = MessageData<K>;
export type ActionValue<K extends ActionType> = MessageReply<K> extends ActionReply<infer V> ? V : never;

export class ActionError extends Error {}

/**
 * Asks the background (the only writer) to do one user action; resolves with its value or rejects
 * with an ActionError whose message says why, in words the user can act on.
 */
export async function act<K extends ActionType>(type: K, data: ActionData<K>): Promise<ActionValue<K>> {
  let reply: ActionReply<ActionValue<K>>;
  try {
    reply = (await sendToBackground(type, data)) as ActionReply<ActionValue<K>>;
  } catch (error) {
    throw new ActionError(error instanceof Error ? error.message : String(error));
  }
  if (!reply.ok) throw new ActionError(reply.error);
  return reply.value;
}
