import type { Adapter, Conversation } from '../adapters/types';
import type { CapturedOrder } from '../schema/capture';
import type { PageKind } from '../schema/common';
import type { CaptureSink } from './sink';

/**
 * The part of WXT's ContentScriptContext the runtime uses: whether the extension is still loaded,
 * timers and listeners that stop when it is not. Tests pass a fake.
 */
export interface Lifetime {
  readonly isValid: boolean;
  setTimeout(handler: () => void, timeout?: number): number;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  onInvalidated(callback: () => void): void;
}

/** How many of the orders read in a tab are kept for working out the buyer on screen. */
const REMEMBERED_ORDERS = 1000;

/** What a tab's content script remembers across its pages (SPA navigation keeps the tab's script). */
export class TabMemory {
  private readonly byKey = new Map<string, CapturedOrder>();

  /** Orders read in this tab, one per order (its readings joined: the JSON's buyer, the page's name), newest last. */
  get orders(): CapturedOrder[] {
    return [...this.byKey.values()];
  }

  remember(captured: readonly CapturedOrder[]): void {
    for (const order of captured) {
      const known = this.byKey.get(order.orderKey);
      this.byKey.delete(order.orderKey);
      const seen = Object.fromEntries(Object.entries(order).filter(([, value]) => value !== undefined));
      this.byKey.set(order.orderKey, known ? { ...known, ...seen } : order);
    }
    for (const key of this.byKey.keys()) {
      if (this.byKey.size <= REMEMBERED_ORDERS) break;
      this.byKey.delete(key);
    }
  }
}

/** One page of the console: replaced, not reset, when the seller navigates (the SPA's location changes). */
export class PageSession {
  readonly kind: PageKind | undefined;
  /** The open conversation, once a chat response said who with. */
  conversation: Conversation | undefined;
  /** What the last DOM capture of this page sent: the same reading is not sent twice. */
  lastDom = '';
  /** What the last health report of this page said: the same is not sent twice. */
  lastHealth = '';
  /** Orders the console's JSON brought on this page: a page reading that finds none of them is failing, not empty. */
  networkOrders = 0;

  constructor(
    adapter: Adapter,
    readonly url: URL,
  ) {
    this.kind = adapter.detect(url);
  }
}

/** What the runtime's parts share: the adapter, the page's document and lifetime, the sink, and the session of the page now shown. */
export interface ConsolePage {
  adapter: Adapter;
  document: Document;
  lifetime: Lifetime;
  sink: CaptureSink;
  memory: TabMemory;
  session(): PageSession;
}
