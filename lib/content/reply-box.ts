import { insertIntoReplyBox } from './insert-text';
import type { ConsolePage } from './page';
import { installReplyPicker } from './reply-picker';

/** The page's reply box: only a chat page has one (a textarea elsewhere, an order note say, is not for replies). */
export function replyBoxOf({ adapter, document, session }: Pick<ConsolePage, 'adapter' | 'document' | 'session'>): Element | null {
  return adapter.chat && session().kind === 'chat' ? adapter.chat.replyBox(document) : null;
}

/**
 * Replies into the console's reply box: the side panel's Insert (through the background), and the "/"
 * picker typed in the box itself. Nothing is ever sent for the seller.
 */
export function installReplyBox(page: ConsolePage): void {
  const { sink, lifetime } = page;
  const stopInsert = sink.onInsert?.((text) => {
    const box = replyBoxOf(page);
    if (!box) return { ok: false, error: 'This page has no reply box.' };
    insertIntoReplyBox(box as HTMLElement, text);
    return { ok: true };
  });
  if (stopInsert) lifetime.onInvalidated(stopInsert);
  if (sink.replies) installReplyPicker(lifetime, page.document, () => replyBoxOf(page), sink.replies);
}
