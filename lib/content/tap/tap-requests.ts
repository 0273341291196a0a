import type { Natives, TapWindow } from './natives';

/** A response the tap copied: everything read with the natives captured at document_start. */
export interface Copy {
  url: string;
  method: string;
  status: number;
  body: string;
  requestBody: string | undefined;
}

/** The tap's side of the channel: which requests the adapter wants, and where their copies go. */
export interface TapChannel {
  /** Whether a response from this URL may be wanted (before the bridge's config arrives, any may be). */
  wanted(url: string): boolean;
  /** Whether responses from this origin are copied: the page's, or one the config declares (before it arrives, any may be). */
  originAllowed(origin: string): boolean;
  /** Whether a copy made now could be kept (before the config arrives, only a few wait). */
  room(): boolean;
  deliver(copy: Copy): void;
}

const ignore = (): void => undefined;

/** Runs `fn`, ignoring what it throws: a copy that cannot be made is simply not made, and the page never sees an error of the tap. */
function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // Nothing to copy (a body not readable, a Promise species a page broke).
  }
}

/** The origin of `href` (resolved against `base`), or undefined when it is not a URL. */
function originOf(n: Natives, href: string, base?: string): string | undefined {
  try {
    return n.urlOrigin(base === undefined ? new n.URL(href) : new n.URL(href, base));
  } catch {
    return undefined;
  }
}

/** The absolute URL of `href` against `base`, or undefined. */
function resolve(n: Natives, href: string, base: string): string | undefined {
  try {
    return n.urlHref(new n.URL(href, base));
  } catch {
    return undefined;
  }
}

/**
 * All of one origin, and that the page's or one the adapter declared (Lazada's mtop gateway): the
 * only responses the tap copies. A response whose URL is not of the origin of the request made is never copied.
 */
function allowedOrigin(n: Natives, channel: TapChannel, ...urls: string[]): boolean {
  const origin = originOf(n, urls[0]!);
  if (origin === undefined || !channel.originAllowed(origin)) return false;
  for (let i = 1; i < urls.length; i++) if (originOf(n, urls[i]!) !== origin) return false;
  return true;
}

interface FetchRequest {
  url: string;
  method: string;
  requestBody: Promise<string> | undefined;
}

/** A fetched response, copied if it came from where it was asked (an allowed origin) with a 2xx status. */
function copyFetch(n: Natives, channel: TapChannel, request: FetchRequest, response: Response): void {
  const f = n.fetch!;
  const status = f.responseStatus(response);
  const url = f.responseUrl(response);
  if (status < 200 || status > 299 || !allowedOrigin(n, channel, url, request.url) || !channel.wanted(url)) return;
  // The tap's reaction runs before any the page adds: the body is still unread.
  const clone = f.responseClone(response);
  const send = (body: string, requestBody: string | undefined) => channel.deliver({ url, method: request.method, status, body, requestBody });
  n.then(
    f.responseText(clone),
    (body) =>
      quietly(() => {
        if (request.requestBody === undefined) return send(body, undefined);
        n.then(request.requestBody, (requestBody) => quietly(() => send(body, requestBody)), () => quietly(() => send(body, undefined)));
      }),
    ignore,
  );
}

/**
 * Wraps fetch: the page gets the very promise the native fetch returned. The request is built once
 * with the native Request constructor (what fetch does itself), so the URL, method and body the tap
 * records are those sent, whatever the page's arguments do when read twice.
 */
export function tapFetch(win: TapWindow, n: Natives, channel: TapChannel): void {
  const f = n.fetch;
  if (!f) return;
  const tappedFetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let request: Request;
    try {
      request = new f.Request(input, init);
    } catch {
      return n.apply(f.fetch, win, [input, init]); // fetch rejects with the same error
    }
    const url = f.requestUrl(request);
    const method = f.requestMethod(request);
    const watched = allowedOrigin(n, channel, url) && channel.wanted(url) && channel.room();
    let requestBody: Promise<string> | undefined;
    if (watched && method !== 'GET' && method !== 'HEAD') {
      quietly(() => {
        requestBody = f.requestText(f.requestClone(request));
        n.then(requestBody, ignore, ignore); // read or not, it never rejects unhandled
      });
    }
    const response: Promise<Response> = n.apply(f.fetch, win, [request]);
    // The tap's reaction is the first on this promise: it clones the response before the page reads it.
    if (watched) quietly(() => n.then(response, (res) => quietly(() => copyFetch(n, channel, { url, method, requestBody }, res)), ignore));
    return response;
  };
  win.fetch = tappedFetch as typeof win.fetch;
}

/** What the tap recorded of an XHR at open() and send(). */
interface Opened {
  method: string;
  /** Absolute, and only when of an allowed origin (otherwise the XHR is not watched). */
  url: string | undefined;
  body: string | undefined;
  /** Sent and not yet copied: one copy per send. */
  sent: boolean;
}

/**
 * Wraps XMLHttpRequest: a wanted request's text response is copied when it loads, with a trusted
 * load event (never one a script dispatched), read with the native getters (never ones a page
 * defined on the prototype or the instance), and only when its responseURL is same-origin with the
 * URL that was opened, which is the page's origin or one the adapter declared.
 */
export function tapXhr(n: Natives, channel: TapChannel): void {
  const x = n.xhr;
  if (!x) return;
  const opened = new WeakMap<XMLHttpRequest, Opened>();
  const listening = new WeakMap<XMLHttpRequest, boolean>();

  const copy = (xhr: XMLHttpRequest, event: Event): void => {
    const request = n.weakGet(opened, xhr);
    // isTrusted is an own, unforgeable property of every event: a script's events say false.
    if (event.isTrusted !== true || !request || !request.sent || request.url === undefined) return;
    request.sent = false;
    if (x.readyState(xhr) !== 4) return;
    const status = x.status(xhr);
    const type = x.responseType(xhr);
    // (A 'json' response is an object the page's own listeners may have changed first: not copied.)
    if (status < 200 || status > 299 || (type !== '' && type !== 'text')) return;
    const url = x.responseURL(xhr);
    if (!allowedOrigin(n, channel, url, request.url) || !channel.wanted(url)) return;
    channel.deliver({ url, method: request.method, status, body: x.responseText(xhr), requestBody: request.body });
  };
  const onLoad = function (this: EventTarget, event: Event): void {
    quietly(() => copy(this as XMLHttpRequest, event));
  };

  x.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL) {
    // eslint-disable-next-line prefer-rest-params -- the very arguments, however many the page passed
    n.apply(x.open, this, arguments);
    // The check that counts is on the load: responseURL (native) against this URL and the page.
    const href = resolve(n, n.String(url), n.documentBase());
    n.weakSet(opened, this, { method: n.String(method), url: href !== undefined && allowedOrigin(n, channel, href) ? href : undefined, body: undefined, sent: false });
  } as typeof x.prototype.open;

  x.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = n.weakGet(opened, this);
    const watched = request !== undefined && request.url !== undefined && channel.wanted(request.url) && channel.room();
    if (watched) {
      request.body = typeof body === 'string' ? body : undefined;
      request.sent = true;
      if (!n.weakGet(listening, this)) {
        n.weakSet(listening, this, true);
        n.addEventListener(this, 'load', onLoad, false);
      }
    }
    try {
      // eslint-disable-next-line prefer-rest-params -- the very arguments, however many the page passed
      return n.apply(x.send, this, arguments);
    } catch (error) {
      if (watched) request.sent = false;
      throw error;
    }
  };
}
