import type { CapturedOrder, Extraction } from '../schema/capture';
import type { AdapterId, PageKind } from '../schema/common';
import type { Sliced } from './slices';

/** A JSON response the main-world tap copied for an adapter. */
export interface TappedResponse {
  url: URL;
  /** The parsed JSON body. */
  body: unknown;
  /** The parsed JSON request body, where the request sent one (Shopee lists send the order ids). */
  requestBody?: unknown;
}

/** Which buyer the seller has on screen: a buyer key, or an order whose buyer the store knows. */
export interface OnScreen {
  buyerKey?: string;
  orderKey?: string;
  buyerName?: string;
}

/** The chat open on a console's messaging page: who with, and what they wrote last. */
export interface Conversation {
  buyerKey?: string;
  buyerName?: string;
  orderKey?: string;
  lastBuyerMessage?: string;
}

export interface PageState {
  document: Document;
  url: URL;
  /** Orders captured on this page since it was loaded or navigated to (network and DOM). */
  orders: readonly CapturedOrder[];
  /** The open conversation, where the page is a chat and its responses said who with. */
  conversation?: Conversation | undefined;
}

/** A messaging rule of the marketplace that a reply may break; checked before insert. */
export interface ReplyRule {
  /** i18n key `lint.<id>` says what is wrong, in the agent's language. */
  id: string;
  /** True where the text breaks the rule. */
  breaks(text: string, context: { replyLanguage: string | undefined }): boolean;
}

/** A console's chat or messaging page: where replies go and what they must not say. */
export interface AdapterChat {
  /** The conversation a chat-API response (one the adapter's `api` matched) is about, if any. */
  conversationFrom(response: TappedResponse, pageUrl: URL): Conversation | undefined;
  /** The conversation the page itself shows (the DOM fallback). */
  conversationOnPage(document: Document, url: URL): Conversation | undefined;
  /** The reply box on the page, or null where this page has none. */
  replyBox(document: Document): HTMLTextAreaElement | HTMLInputElement | HTMLElement | null;
  /** The language buyers of this shop expect replies in (BCP 47 primary tag), if known. */
  replyLanguage(shopKey: string): string | undefined;
  rules: readonly ReplyRule[];
}

/**
 * One marketplace console. Adapter modules have no side effects at import: WXT imports the
 * entrypoints in Node to build the manifest, and the extract CLI runs them in Node.
 */
export interface Adapter {
  id: AdapterId;
  /** The console's name as sellers know it. */
  name: string;
  /** Content-script match patterns. */
  matches: string[];
  /** The page kind of a console URL, or undefined for pages the adapter does not read. */
  detect(url: URL): PageKind | undefined;
  /** Real console URLs and the kind `detect` must give each (checked by the registry test). */
  exampleUrls: readonly { url: string; kind: PageKind | undefined }[];
  /** Request URLs (path and query) whose JSON responses the adapter reads. */
  api: RegExp[];
  fromResponse(response: TappedResponse, pageUrl: URL): Extraction;
  /** What the page's DOM shows: the fallback where the network shape is missing or unknown. */
  extract(document: Document, url: URL): Extraction;
  /**
   * Where a page or response can hold hundreds of orders: the same readings as `fromResponse` and
   * `extract`, as work the content script runs in slices (slices.ts) so that the seller's page is
   * never held for long. `fromResponse` and `extract` are these run straight through.
   */
  inSlices?: {
    fromResponse(response: TappedResponse, pageUrl: URL): Sliced<Extraction>;
    extract(document: Document, url: URL): Sliced<Extraction>;
  };
  activeBuyer(page: PageState): OnScreen | undefined;
  /** Where the console has a chat or messaging page with a reply box. */
  chat?: AdapterChat;
}

export const emptyExtraction = (): Extraction => ({ shops: [], buyers: [], orders: [], problems: [] });
