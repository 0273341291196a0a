import type { CapturedBuyer, CapturedOrder, CaptureProblem, Extraction } from '../schema/capture';
import type { PageKind } from '../schema/common';
import { consoleNameList } from './catalog';
import { adapterForUrl } from './registry';
import { atOnce } from './slices';
import type { Adapter } from './types';

/** What `npm run extract` prints: the normalized reading of a saved page, response or HAR. */
export interface ExtractOutput {
  adapter: string;
  pageKind: PageKind | null;
  orders: ExtractedOrder[];
  buyers: CapturedBuyer[];
  problems: CaptureProblem[];
}

/** The order contract of the CLI: the fields a page did not show are null, never guessed. */
export type ExtractedOrder = Omit<CapturedOrder, 'buyerKey' | 'placedAt' | 'statusText' | 'totalMinor' | 'currency' | 'status' | 'items'> & {
  buyerKey: string | null;
  placedAt: string | null;
  status: NonNullable<CapturedOrder['status']>;
  statusText: string | null;
  totalMinor: number | null;
  currency: string | null;
  items: NonNullable<CapturedOrder['items']>;
};

export class ExtractInputError extends Error {}

export type InputKind = 'html' | 'json' | 'har';

export interface ExtractRequest {
  /** The page the file was saved from (for a HAR: optional, else the HAR's first page). */
  url?: string;
  /** The request URL of a saved JSON response body. */
  responseUrl?: string;
  kind: InputKind;
  text: string;
  parseHtml: (html: string, url: string) => Document;
}

const harSchema = {
  parse(text: string) {
    const har = JSON.parse(text) as {
      log?: {
        pages?: { title?: string }[];
        entries?: {
          request?: { url?: string; postData?: { text?: string } };
          response?: { status?: number; content?: { text?: string; encoding?: string } };
        }[];
      };
    };
    if (!har.log || !Array.isArray(har.log.entries)) throw new ExtractInputError('not a HAR file: no log.entries');
    return har.log;
  },
};

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ExtractInputError(`${what} is not JSON: ${(error as Error).message}`);
  }
}

function toUrl(value: string, what: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new ExtractInputError(`${what} is not a URL: ${value}`);
  }
}

function merge(into: Extraction, more: Extraction): void {
  into.problems.push(...more.problems);
  for (const shop of more.shops) if (!into.shops.some((s) => s.shopKey === shop.shopKey)) into.shops.push(shop);
  for (const buyer of more.buyers) {
    const at = into.buyers.findIndex((b) => b.buyerKey === buyer.buyerKey);
    if (at < 0) into.buyers.push(buyer);
    else into.buyers[at] = { ...into.buyers[at]!, ...buyer };
  }
  for (const order of more.orders) {
    const at = into.orders.findIndex((o) => o.orderKey === order.orderKey);
    if (at < 0) into.orders.push(order);
    else into.orders[at] = { ...into.orders[at]!, ...order };
  }
}

/** The contract fields first, in a fixed order, then whatever else the page showed. */
function normalize(order: CapturedOrder): ExtractedOrder {
  const { orderKey, orderId, orderNumber, shopKey, buyerKey, buyerName, placedAt, placedAtPrecision, status, statusText, totalMinor, currency, items, ...rest } =
    order;
  return {
    orderKey,
    orderId,
    ...(orderNumber !== undefined ? { orderNumber } : {}),
    shopKey,
    buyerKey: buyerKey ?? null,
    ...(buyerName !== undefined ? { buyerName } : {}),
    placedAt: placedAt ?? null,
    ...(placedAtPrecision !== undefined ? { placedAtPrecision } : {}),
    status: status ?? 'unknown',
    statusText: statusText ?? null,
    totalMinor: totalMinor ?? null,
    currency: currency ?? null,
    items: items ?? [],
    ...rest,
  };
}

function requireAdapter(url: URL): Adapter {
  const adapter = adapterForUrl(url);
  if (!adapter) throw new ExtractInputError(`no adapter reads ${url.origin} (BuyerLens knows ${consoleNameList('en', 'conjunction')})`);
  return adapter;
}

/** Runs the adapters exactly as the extension does, on a saved page, JSON body or HAR. */
export function extractInput(request: ExtractRequest): ExtractOutput {
  const extraction: Extraction = { shops: [], buyers: [], orders: [], problems: [] };
  let pageUrl: URL;
  let adapter: Adapter;

  if (request.kind === 'har') {
    const log = harSchema.parse(request.text);
    const pageTitle = log.pages?.[0]?.title;
    pageUrl = toUrl(request.url ?? pageTitle ?? '', '--url (or the HAR page title)');
    adapter = requireAdapter(pageUrl);
    for (const entry of log.entries ?? []) {
      const url = entry.request?.url;
      const status = entry.response?.status ?? 0;
      const content = entry.response?.content;
      if (!url || status < 200 || status >= 300 || content?.text === undefined) continue;
      const requestUrl = toUrl(url, 'HAR entry URL');
      if (!adapter.api.some((p) => p.test(requestUrl.pathname + requestUrl.search))) continue;
      const bodyText = content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
      const body = parseJson(bodyText, `response of ${requestUrl.pathname}`);
      let requestBody: unknown;
      try {
        requestBody = entry.request?.postData?.text ? JSON.parse(entry.request.postData.text) : undefined;
      } catch {
        requestBody = undefined;
      }
      merge(extraction, atOnce(adapter.fromResponse({ url: requestUrl, body, ...(requestBody !== undefined ? { requestBody } : {}) }, pageUrl)));
    }
  } else if (request.kind === 'json') {
    if (!request.responseUrl) throw new ExtractInputError('a saved JSON response needs --response-url <the request URL>');
    const responseUrl = toUrl(request.responseUrl, '--response-url');
    pageUrl = toUrl(request.url ?? request.responseUrl, '--url');
    adapter = requireAdapter(pageUrl);
    if (!adapter.api.some((p) => p.test(responseUrl.pathname + responseUrl.search))) {
      extraction.problems.push({ where: responseUrl.pathname, reason: `${adapter.consoleNames.en} does not read this endpoint` });
    } else {
      merge(extraction, atOnce(adapter.fromResponse({ url: responseUrl, body: parseJson(request.text, 'the file') }, pageUrl)));
    }
  } else {
    if (!request.url) throw new ExtractInputError('a saved page needs --url <the page URL>');
    pageUrl = toUrl(request.url, '--url');
    adapter = requireAdapter(pageUrl);
    merge(extraction, atOnce(adapter.extract(request.parseHtml(request.text, pageUrl.href), pageUrl)));
  }

  return {
    adapter: adapter.id,
    pageKind: adapter.detect(pageUrl) ?? null,
    orders: extraction.orders.map(normalize),
    buyers: extraction.buyers,
    problems: extraction.problems,
  };
}

export function inputKindOf(path: string, text: string): InputKind {
  if (/\.har$/i.test(path)) return 'har';
  if (/\.html?$/i.test(path)) return 'html';
  if (/\.json$/i.test(path)) return /^\s*\{\s*"log"\s*:/.test(text) ? 'har' : 'json';
  return /^\s*</.test(text) ? 'html' : 'json';
}
