import { TAP_CONNECT, TAP_READY, type TapConnect, type TapResponse } from './tap-protocol';

/** Bodies above this are not copied (no order page sends one; a file download might). */
const MAX_BODY_CHARS = 20_000_000;
/** Responses that finish before the isolated script connects (normally none) wait here. */
const MAX_PENDING = 20;

interface Copy {
  url: string;
  method: string;
  status: number;
  requestBody?: string;
  read: () => Promise<unknown>;
}

/** The tap's side of the channel: which requests the adapter wants, and where their copies go. */
interface Channel {
  /** Whether the adapter connected (before that, every response may be wanted). */
  connected(): boolean;
  wanted(url: string): boolean;
  deliver(copy: Copy): void;
}

/** Wraps fetch: the page gets its own response; a wanted one is cloned and its clone read. */
function tapFetch(win: Window & typeof globalThis, channel: Channel): void {
  const originalFetch = win.fetch;
  const tappedFetch = function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const response = originalFetch.call(win, input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (channel.connected() && !channel.wanted(url)) return response;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const requestBody = typeof init?.body === 'string' ? init.body : undefined;
    return response.then((res) => {
      if (!channel.connected() || channel.wanted(res.url || url)) {
        const clone = res.clone();
        channel.deliver({ url: res.url || url, method, status: res.status, read: () => clone.text(), ...(requestBody !== undefined ? { requestBody } : {}) });
      }
      return res;
    });
  };
  win.fetch = tappedFetch as typeof win.fetch;
}

/** Wraps XMLHttpRequest: a wanted request's text or JSON response is copied when it loads. */
function tapXhr(win: Window & typeof globalThis, channel: Channel): void {
  const xhr = win.XMLHttpRequest.prototype;
  const originalOpen = xhr.open;
  const originalSend = xhr.send;
  const requests = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
  xhr.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    requests.set(this, { method: String(method).toUpperCase(), url: String(url) });
    return (originalOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof xhr.open;
  xhr.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = requests.get(this);
    if (request && (!channel.connected() || channel.wanted(request.url))) {
      const requestBody = typeof body === 'string' ? body : undefined;
      this.addEventListener('load', () => {
        const type = this.responseType;
        if (type !== '' && type !== 'text' && type !== 'json') return;
        const value: unknown = type === 'json' ? this.response : this.responseText;
        channel.deliver({
          url: this.responseURL || request.url,
          method: request.method,
          status: this.status,
          read: () => Promise.resolve(value),
          ...(requestBody !== undefined ? { requestBody } : {}),
        });
      });
    }
    return originalSend.call(this, body);
  };
}

/**
 * The main-world network tap: wraps fetch and XMLHttpRequest at document_start and copies the JSON
 * bodies of the requests an adapter declared, nothing else. The page's own calls behave exactly as
 * before: same arguments, same `this`, same response objects, errors untouched.
 */
export function installTap(win: Window & typeof globalThis): void {
  let port: MessagePort | undefined;
  let nonce = '';
  let patterns: RegExp[] = [];
  const pending: Copy[] = [];

  const wanted = (url: string): boolean => {
    try {
      const u = new URL(url, win.location.href);
      return patterns.some((p) => p.test(u.pathname + u.search));
    } catch {
      return false;
    }
  };
  const deliver = async (copy: Copy): Promise<void> => {
    if (!port) {
      if (pending.length < MAX_PENDING) pending.push(copy);
      return;
    }
    if (copy.status < 200 || copy.status >= 300 || !wanted(copy.url)) return;
    try {
      const body = await copy.read();
      if (typeof body === 'string' && body.length > MAX_BODY_CHARS) return;
      const message: TapResponse = { type: 'response', nonce, url: copy.url, method: copy.method, status: copy.status, body };
      if (copy.requestBody !== undefined) message.requestBody = copy.requestBody;
      port.postMessage(message);
    } catch {
      // The body could not be read (aborted, opaque): there is nothing to copy.
    }
  };
  const channel: Channel = { connected: () => port !== undefined, wanted, deliver: (copy) => void deliver(copy) };
  tapFetch(win, channel);
  tapXhr(win, channel);

  const onConnect = (event: MessageEvent) => {
    if (port || event.source !== win) return;
    const data = event.data as Partial<TapConnect> | null;
    const offered = event.ports[0];
    if (data?.type !== TAP_CONNECT || typeof data.nonce !== 'string' || !Array.isArray(data.patterns) || !offered) return;
    event.stopImmediatePropagation();
    port = offered;
    nonce = data.nonce;
    patterns = data.patterns.map((source) => new RegExp(source));
    win.removeEventListener('message', onConnect, true);
    port.postMessage({ type: 'connected', nonce });
    for (const copy of pending.splice(0)) void deliver(copy);
  };
  win.addEventListener('message', onConnect, true);
  win.postMessage({ type: TAP_READY }, '*');
}
