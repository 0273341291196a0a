import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CaptureBatch, CapturedOrder, Extraction, Screen } from '../schema/capture';
import { connectTap } from './tap-bridge';
import type { TapResponse } from './tap-protocol';
import { insertIntoReplyBox } from './insert-text';
import { installReplyPicker, type ReplySource } from './reply-picker';
import { sliceQueue, type Sliced } from './slices';
import type { Adapter, Conversation } from './types';

export type InsertResult = { ok: true } | { ok: false; error: string };

/** What the content script needs from the extension: the two messages it sends, and the one it answers. */
export interface CaptureSink {
  capture(batch: CaptureBatch): Promise<unknown>;
  screen(screen: Screen | null): Promise<void>;
  /** Registers the handler for "insert this reply" from the side panel. */
  onInsert?(handler: (text: string) => InsertResult): () => void;
  /** The "/" picker's source of replies, where the console has a reply box. */
  replies?: ReplySource;
}

const DOM_SETTLE_MS = 400;
const DOM_MAX_WAIT_MS = 2500;
const REMEMBERED_ORDERS = 1000;
const SEND_ATTEMPTS = 4;

async function withRetry(send: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      return;
    } catch (error) {
      // The service worker may be starting up; anything else is retried the same few times.
      if (attempt >= SEND_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

function fingerprint(extraction: Extraction): string {
  return JSON.stringify([extraction.orders, extraction.buyers, extraction.problems]);
}

/**
 * The adapter's runtime on a console page: reads tapped responses, reads the DOM once it settles
 * (and again after SPA navigation), and reports captures and the buyer on screen. No storage here:
 * everything goes to the background.
 */
export function runAdapter(ctx: ContentScriptContext, adapter: Adapter, sink: CaptureSink): void {
  let pageUrl = new URL(location.href);
  const orders: CapturedOrder[] = [];
  const fromNetwork = new Set<string>();
  let lastDom = '';
  let lastScreen = '';
  let conversation: Conversation | undefined;

  const remember = (captured: readonly CapturedOrder[]) => {
    orders.push(...captured);
    if (orders.length > REMEMBERED_ORDERS) orders.splice(0, orders.length - REMEMBERED_ORDERS);
  };

  const send = (source: CaptureBatch['source'], extraction: Extraction, page: URL, sourceUrl?: string) => {
    const batch: CaptureBatch = {
      adapterId: adapter.id,
      pageKind: adapter.detect(page) ?? 'other',
      pageUrl: page.href,
      source,
      capturedAt: new Date().toISOString(),
      shops: extraction.shops,
      buyers: extraction.buyers,
      orders: extraction.orders,
      problems: extraction.problems,
      ...(sourceUrl ? { sourceUrl } : {}),
    };
    return withRetry(() => sink.capture(batch)).catch((error: unknown) => {
      console.warn('[BuyerLens] capture not stored', error);
    });
  };

  const updateScreen = () => {
    if (!ctx.isValid) return;
    const kind = adapter.detect(pageUrl);
    const onPage = kind === 'chat' ? (conversation ?? adapter.chat?.conversationOnPage(document, pageUrl)) : undefined;
    const onScreen = kind ? adapter.activeBuyer({ document, url: pageUrl, orders, conversation: onPage }) : undefined;
    // Only a chat page's reply box is one: a textarea elsewhere (an order note, say) is not for replies.
    const chat =
      kind === 'chat' && adapter.chat
        ? { replyBox: adapter.chat.replyBox(document) !== null, ...(onPage?.lastBuyerMessage ? { lastBuyerMessage: onPage.lastBuyerMessage.slice(0, 2000) } : {}) }
        : undefined;
    const screen: Screen | null = onScreen ? { adapterId: adapter.id, pageKind: kind ?? 'other', pageUrl: pageUrl.href, ...onScreen, ...(chat ? { chat } : {}) } : null;
    const key = JSON.stringify(screen);
    if (key === lastScreen) return;
    lastScreen = key;
    void withRetry(() => sink.screen(screen)).catch(() => {
      lastScreen = '';
    });
  };

  // Reading responses and the DOM is work in slices, one job at a time in the order it came.
  const enqueue = sliceQueue(() => ctx.isValid);

  function* readResponse(response: TapResponse): Sliced<void> {
    let url: URL;
    try {
      url = new URL(response.url, location.href);
    } catch {
      return;
    }
    const page = pageUrl;
    let extraction: Extraction;
    try {
      const body = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
      let requestBody: unknown;
      try {
        requestBody = response.requestBody ? JSON.parse(response.requestBody) : undefined;
      } catch {
        requestBody = undefined; // form-encoded or empty: the adapters that need it send JSON
      }
      const tapped = { url, body, ...(requestBody !== undefined ? { requestBody } : {}) };
      yield; // parsing a long list is a step of its own
      extraction = adapter.inSlices ? yield* adapter.inSlices.fromResponse(tapped, page) : adapter.fromResponse(tapped, page);
      const opened = adapter.chat?.conversationFrom(tapped, page);
      if (opened) conversation = opened;
    } catch (error) {
      const reason = error instanceof SyntaxError ? 'response is not JSON' : `adapter failed: ${String(error)}`;
      extraction = { shops: [], buyers: [], orders: [], problems: [{ where: url.pathname, reason }] };
    }
    for (const order of extraction.orders) fromNetwork.add(order.orderKey);
    remember(extraction.orders);
    yield; // and so is sending it (the message is serialised here)
    void send('network', extraction, page, url.href);
    updateScreen();
  }

  // The DOM is read when it has been quiet for a moment; it only adds orders the JSON did not bring.
  let settleTimer: number | undefined;
  let firstChangeAt = 0;
  let domReadQueued = false;
  function* readDom(): Sliced<void> {
    domReadQueued = false;
    const page = pageUrl;
    if (!adapter.detect(page)) return;
    let extraction: Extraction;
    try {
      extraction = adapter.inSlices ? yield* adapter.inSlices.extract(document, page) : adapter.extract(document, page);
    } catch (error) {
      extraction = { shops: [], buyers: [], orders: [], problems: [{ where: page.pathname, reason: `adapter failed: ${String(error)}` }] };
    }
    yield; // comparing and sending is a step of its own
    extraction = { ...extraction, orders: extraction.orders.filter((o) => !fromNetwork.has(o.orderKey)) };
    const print = fingerprint(extraction);
    if (print !== lastDom && (extraction.orders.length > 0 || extraction.buyers.length > 0 || extraction.problems.length > 0)) {
      lastDom = print;
      remember(extraction.orders);
      void send('dom', extraction, page);
    }
    updateScreen();
  }
  const domQuiet = () => {
    settleTimer = undefined;
    firstChangeAt = 0;
    // One read waiting is enough: it will see every change made before it starts.
    if (!ctx.isValid || domReadQueued) return;
    domReadQueued = true;
    enqueue(readDom());
  };
  const scheduleDom = () => {
    const now = Date.now();
    if (!firstChangeAt) firstChangeAt = now;
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    const wait = now - firstChangeAt > DOM_MAX_WAIT_MS ? 0 : DOM_SETTLE_MS;
    settleTimer = ctx.setTimeout(domQuiet, wait);
  };

  connectTap(ctx, adapter.api, (response) => enqueue(readResponse(response)));
  const observer = new MutationObserver(scheduleDom);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  const replyBox = () => (adapter.chat && adapter.detect(pageUrl) === 'chat' ? adapter.chat.replyBox(document) : null);
  const stopInsert = sink.onInsert?.((text) => {
    const box = replyBox();
    if (!box) return { ok: false, error: 'This page has no reply box.' };
    insertIntoReplyBox(box as HTMLElement, text);
    return { ok: true };
  });
  if (stopInsert) ctx.onInvalidated(stopInsert);
  if (sink.replies) installReplyPicker(ctx, replyBox, sink.replies);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    pageUrl = new URL(event.newUrl.href);
    conversation = undefined;
    lastDom = '';
    updateScreen();
    scheduleDom();
  });
  ctx.addEventListener(document, 'visibilitychange', () => {
    // A tab coming back to the front is the one the panel should follow.
    if (document.visibilityState === 'visible') {
      lastScreen = '';
      updateScreen();
    }
  });
  scheduleDom();
}
