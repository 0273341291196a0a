import type { output } from 'zod/v4/core';
import type { MessageReply } from './protocol';
import { messenger } from './send';
import { isAllowed, type Sender } from './sender';
import { backgroundToContentSchemas, type BackgroundToContent } from './to-content';

type ToContent = BackgroundToContent;

/**
 * The content script's end of the background → content direction: only the extension itself (never
 * another tab) may send, and the payload is parsed first. Returns the function that stops listening.
 */
export function onBackgroundMessage<K extends keyof ToContent>(
  type: K,
  handle: (data: output<ToContent[K]['data']>) => MessageReply<K>,
  refuse: (reason: string) => MessageReply<K>,
): () => void {
  const listener = ({ data, sender }: { data: unknown; sender: Sender }): MessageReply<K> => {
    if (!isAllowed('background', sender)) return refuse('not from BuyerLens');
    const parsed = backgroundToContentSchemas()[type].data.safeParse(data);
    return parsed.success ? handle(parsed.data as output<ToContent[K]['data']>) : refuse('malformed message');
  };
  return messenger.onMessage(type, listener as never);
}
