import type { Screen } from '../schema/capture';
import { LIMITS } from '../schema/limits';
import { cutText } from '../schema/salvage';
import type { ConsolePage } from './page';
import { withRetry } from './sink';

const LAST_MESSAGE_CHARS = 2000;

/** Who is on screen in this page now, as the background keeps it per tab (null: nobody). */
function screenOf({ adapter, document, memory, session }: ConsolePage): Screen | null {
  const { url, kind, conversation } = session();
  if (!kind) return null;
  const onPage = kind === 'chat' ? (conversation ?? adapter.chat?.conversationOnPage(document, url)) : undefined;
  const onScreen = adapter.activeBuyer({ document, url, orders: memory.orders, conversation: onPage });
  if (!onScreen) return null;
  // Only a chat page's reply box is one: a textarea elsewhere (an order note, say) is not for replies.
  const chat =
    kind === 'chat' && adapter.chat
      ? { replyBox: adapter.chat.replyBox(document) !== null, ...(onPage?.lastBuyerMessage ? { lastBuyerMessage: cutText(onPage.lastBuyerMessage, LAST_MESSAGE_CHARS) } : {}) }
      : undefined;
  // An over-long name is cut, so the background's schema takes the report (it costs that field, not who is on screen).
  const buyerName = onScreen.buyerName !== undefined ? cutText(onScreen.buyerName.trim(), LIMITS.name) : undefined;
  return { adapterId: adapter.id, pageKind: kind, pageUrl: url.href, ...onScreen, ...(buyerName ? { buyerName } : {}), ...(chat ? { chat } : {}) };
}

export interface ScreenReporter {
  /** Reports who is on screen, where that changed since the last report. */
  update(): void;
  /** Reports it even if unchanged: the tab came back to the front, and the panel should follow it. */
  again(): void;
}

export function screenReporter(page: ConsolePage): ScreenReporter {
  let last = '';
  const update = () => {
    if (!page.lifetime.isValid) return;
    const screen = screenOf(page);
    const key = JSON.stringify(screen);
    if (key === last) return;
    last = key;
    void withRetry(() => page.sink.screen(screen)).catch(() => {
      last = '';
    });
  };
  return {
    update,
    again() {
      last = '';
      update();
    },
  };
}
