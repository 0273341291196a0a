import type { Language } from '../i18n/i18n';
import type { CapturedOrder, Extraction } from '../schema/capture';
import type { AdapterId, PageKind } from '../schema/common';
import type { Sliced } from './slices';

/**
 * What BuyerLens knows of a marketplace console without reading any of its pages: its names, where
 * it runs, its currencies, and its messaging rules. The UI, the main-world tap, shop labels, lists,
 * settings and the reply check read this (lib/adapters/catalog.ts), never an adapter's parsers, so a
 * page bundles no response parser and names a marketplace one way.
 */
export interface AdapterCatalogEntry {
  id: AdapterId;
  /** The marketplace's name in each UI language ("Shopee", "亚马逊"): shop labels, lists, exports, settings. */
  names: Readonly<Record<Language, string>>;
  /** The console's name as sellers know it, in each UI language ("Shopee Seller Centre", "Shopee 卖家中心"). */
  consoleNames: Readonly<Record<Language, string>>;
  /** Content-script match patterns: the console's pages (the main-world tap runs on them too). */
  matches: readonly string[];
  /** ISO 4217 currencies its shops sell in (the registry test checks money and the RFM defaults know each). */
  currencies: readonly string[];
  /** The language buyers of a shop expect replies in (BCP 47, with the region where it matters: `pt-BR`, `es-MX`, `zh-TW`), if known. */
  replyLanguage(shopKey: string): string | undefined;
  /** The console's messaging rules a reply may break; checked before insert. */
  replyRules: readonly ReplyRule[];
  /**
   * The shops a console page at this URL may write or show: the background decides them from where a
   * message came from, never from what it says (a page of Shopee Brazil writes only `shopee:br`).
   */
  shopsOfPage(url: URL): (shopKey: string) => boolean;
}

/** A messaging rule of the marketplace that a reply may break; checked before insert. */
export interface ReplyRule {
  /** i18n key `lint.<id>` says what is wrong, in the agent's language. */
  id: string;
  /** True where the text breaks the rule. */
  breaks(text: string, context: { replyLanguage: string | undefined }): boolean;
}

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
  /** Orders captured in this tab (network and DOM), newest last. */
  orders: readonly CapturedOrder[];
  /** The open conversation, where the page is a chat and its responses said who with. */
  conversation?: Conversation | undefined;
}

/** A console's chat or messaging page: who the conversation is with, and where replies go. */
export interface AdapterChat {
  /** The conversation a chat-API response (one the adapter's `api` matched) is about, if any. */
  conversationFrom(response: TappedResponse, pageUrl: URL): Conversation | undefined;
  /** The conversation the page itself shows (the DOM fallback). */
  conversationOnPage(document: Document, url: URL): Conversation | undefined;
  /** The reply box on the page, or null where this page has none. */
  replyBox(document: Document): HTMLTextAreaElement | HTMLInputElement | HTMLElement | null;
}

/**
 * An adapter's selectors (selectors.ts), by group, and the ones no offline fixture matches: each says
 * which real page variant it serves and the date to drop it by if no fixture of that variant comes
 * (selectors.test.ts counts every selector's matches on the fixtures).
 */
export interface AdapterSelectors {
  groups: Readonly<Record<string, Readonly<Record<string, readonly string[] | string | RegExp>>>>;
  unverified: Readonly<Record<string, { variant: string; drop: string }>>;
}

/**
 * One marketplace console: its catalog entry and how its pages are read. Adapter modules have no
 * side effects at import: WXT imports the entrypoints in Node to build the manifest, and the extract
 * CLI runs them in Node.
 *
 * Every reading is a sliced generator (slices.ts): the content script runs it ~10 ms at a time so
 * the seller's page is never held for long; the CLI, the tests and the bench run it with `atOnce`.
 */
export interface Adapter extends AdapterCatalogEntry {
  /** The page kind of a console URL, or undefined for pages the adapter does not read. */
  detect(url: URL): PageKind | undefined;
  /** Real console URLs and the kind `detect` must give each (checked by the registry test). */
  exampleUrls: readonly { url: string; kind: PageKind | undefined }[];
  /** Request URLs (path and query) whose JSON responses the adapter reads. */
  api: readonly RegExp[];
  /**
   * Origins other than the page's own that the console's API answers from, for a page at `pageUrl`
   * (Lazada's mtop gateway `https://acs-m.lazada.com.ph`, TikTok's global seller API host). The
   * main-world tap copies responses from these too; none by default.
   */
  apiOrigins?(pageUrl: URL): readonly string[];
  /** What a tapped response holds. */
  fromResponse(response: TappedResponse, pageUrl: URL): Sliced<Extraction>;
  /** What the page's DOM shows: the fallback where the network shape is missing or unknown. */
  extract(document: Document, url: URL): Sliced<Extraction>;
  /** Which buyer the page puts on screen (order detail, open chat). */
  activeBuyer(page: PageState): OnScreen | undefined;
  /** Where the console has a chat or messaging page with a reply box. */
  chat?: AdapterChat;
  /**
   * What the page's reading found, for capture health, where the adapter knows better than the count
   * of orders its DOM reading gave (a recipe: its rows, and the required fields no row has).
   */
  health?(document: Document, url: URL): HealthReading | undefined;
  selectors: AdapterSelectors;
}

/** What one reading of a page found: which reader (`site:<recipe id>`, `<adapter id>:<page kind>`), how many orders, which needed fields no order had. */
export interface HealthReading {
  reader: string;
  found: number;
  missing: string[];
}

export const emptyExtraction = (): Extraction => ({ shops: [], buyers: [], orders: [], problems: [] });
