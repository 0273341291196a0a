import { sendMessage, type ProtocolMap } from './messaging';
import type { ActionReply } from './schema/messages';

/** Messages an extension page sends to change the user's own data. */
export type ActionType = Exclude<keyof ProtocolMap, 'capture' | 'screen' | 'chat/insert' | 'replies/pick' | 'replies/picked'>;
export type ActionData<K extends ActionType> = Parameters<ProtocolMap[K]>[0];
export type ActionValue<K extends ActionType> = ReturnType<ProtocolMap[K]> extends ActionReply<infer V> ? V : never;

export class ActionError extends Error {}

/**
 * Asks the background (the only writer) to do one user action; resolves with its value or rejects
 * with an ActionError whose message says why, in words the user can act on.
 */
export async function act<K extends ActionType>(type: K, data: ActionData<K>): Promise<ActionValue<K>> {
  let reply: ActionReply<ActionValue<K>>;
  try {
    // The protocol map ties each type to its data and reply; the generic K cannot be narrowed here.
    reply = (await (sendMessage as (t: K, d: ActionData<K>) => Promise<unknown>)(type, data)) as ActionReply<ActionValue<K>>;
  } catch (error) {
    throw new ActionError(error instanceof Error ? error.message : String(error));
  }
  if (!reply.ok) throw new ActionError(reply.error);
  return reply.value;
}
