import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TapWindow } from './natives';
import { installTap } from './tap';
import { acceptedResponse, connectTap } from './tap-bridge';
import { TAP_CONNECT, TAP_READY, type TapResponse } from './tap-protocol';

/**
 * The tap and its bridge on a stand-in `window` (Node's EventTarget, MessageChannel, fetch), with
 * "page scripts" that listen and fake events after the tap was installed, as on a console page.
 * (The real thing, across Chromium's worlds, with XHR: test/e2e/tap-security.spec.ts.)
 */

// Node's MessageEvent ignores `cancelable`; in browsers it is an EventInit like any other.
const PREVENTED = Symbol('prevented');
class TestEvent extends Event {
  override preventDefault(): void {
    (this as unknown as Record<symbol, boolean>)[PREVENTED] = true;
    super.preventDefault();
  }
}
class TestMessageEvent extends MessageEvent<unknown> {
  override get defaultPrevented(): boolean {
    return (this as unknown as Record<symbol, boolean>)[PREVENTED] === true || super.defaultPrevented;
  }
}

let console1: Server;
let elsewhere: Server;
let origin = '';
let otherOrigin = '';

function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const status = request.url?.startsWith('/api/orders/missing') ? 404 : 200;
      response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(JSON.stringify({ path: request.url, got: body }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  console1 = await serve();
  elsewhere = await serve();
  origin = `http://127.0.0.1:${(console1.address() as AddressInfo).port}`;
  otherOrigin = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(() => {
  console1.close();
  elsewhere.close();
});

const invalidations: (() => void)[] = [];
afterEach(() => invalidations.splice(0).forEach((invalidate) => invalidate()));

/**
 * The browser's own events are trusted; in a browser `isTrusted` is an own, unforgeable property of
 * each event, in Node a getter a subclass can stand in for. Only the stand-in network uses this.
 */
class NetworkEvent extends Event {
  override get isTrusted(): boolean {
    return true;
  }
}

/**
 * A stand-in XMLHttpRequest (state behind its prototype's getters, like the real one): its network
 * answers a URL of the console's origin with that URL, and `?redirect` from another origin.
 */
function fakeXhrClass() {
  return class FakeXhr extends EventTarget {
    #url = '';
    #readyState = 0;
    #status = 0;
    #responseURL = '';
    #text = '';
    #type = '';
    get readyState() {
      return this.#readyState;
    }
    get status() {
      return this.#status;
    }
    get responseType() {
      return this.#type;
    }
    set responseType(type: string) {
      this.#type = type;
    }
    get responseURL() {
      return this.#responseURL;
    }
    get responseText() {
      if (this.#type !== '' && this.#type !== 'text') throw new Error('InvalidStateError');
      return this.#text;
    }
    open(_method: string, url: string | URL) {
      this.#url = new URL(String(url), `${origin}/portal/sale/order`).href;
      this.#readyState = 1;
    }
    send(body?: unknown) {
      const url = this.#url;
      setTimeout(() => {
        const redirected = url.includes('redirect');
        this.#readyState = 4;
        this.#status = 200;
        this.#responseURL = redirected ? `${otherOrigin}/api/orders` : url;
        this.#text = JSON.stringify(redirected ? { forged: true } : { path: new URL(url).pathname + new URL(url).search, got: body ?? '' });
        this.dispatchEvent(new NetworkEvent('load'));
      }, 5);
    }
  };
}

class FakeNode {
  get baseURI() {
    return `${origin}/portal/sale/order`;
  }
}

function fakeWindow(): TapWindow {
  const win = new EventTarget();
  Object.assign(win, {
    location: { origin, href: `${origin}/portal/sale/order` },
    XMLHttpRequest: fakeXhrClass(),
    Node: FakeNode,
    document: new FakeNode(),
    EventTarget,
    Event: TestEvent,
    MessageEvent: TestMessageEvent,
    MessageChannel,
    MessagePort,
    URL,
    fetch,
    Request,
    Response,
  });
  return win as unknown as TapWindow;
}

function bridge(win: TapWindow, origins: readonly string[] = []): TapResponse[] {
  const received: TapResponse[] = [];
  const ctx = { isValid: true, onInvalidated: (cb: () => void) => invalidations.push(cb) } as unknown as ContentScriptContext;
  connectTap(ctx, { patterns: [/^\/api\/orders(?:\?|\/|$)/], origins }, (response) => received.push(response), win);
  return received;
}

/** A page script: listens to everything the handshake uses (and fakes it), recording what it catches. */
function pageScript(win: TapWindow) {
  const caught: { type: string; ports: number }[] = [];
  for (const type of [TAP_CONNECT, TAP_READY, 'message']) {
    win.addEventListener(type, (event) => caught.push({ type, ports: (event as MessageEvent).ports?.length ?? 0 }), true);
  }
  const own = new MessageChannel();
  const heard: unknown[] = [];
  own.port1.onmessage = (event) => heard.push(event.data);
  invalidations.push(() => own.port1.close());
  return {
    caught,
    heard,
    fake() {
      win.dispatchEvent(new TestEvent(TAP_READY));
      win.dispatchEvent(new TestMessageEvent(TAP_CONNECT, { ports: [own.port2] }));
    },
  };
}

const fetchText = async (win: TapWindow, url: string, init?: RequestInit) => (await win.fetch(url, init)).text();

/** A page whose bridge is listening, then whose tap is installed (the usual order); `origins`: the API origins the adapter declares. */
function tappedWindow(origins: readonly string[] = []) {
  const win = fakeWindow();
  const received = bridge(win, origins);
  installTap(win);
  return { win, received };
}

describe('the tap ↔ bridge handshake', () => {
  it('bridge first: the tap takes the port when it says READY; a later page script sees no port, and its fakes get nothing', async () => {
    const { win, received } = tappedWindow();
    const page = pageScript(win);
    page.fake();
    // The page's own reading is untouched.
    expect(JSON.parse(await fetchText(win, `${origin}/api/orders?page=1`))).toEqual({ path: '/api/orders?page=1', got: '' });
    await vi.waitFor(() => expect(received.map((r) => r.url)).toEqual([`${origin}/api/orders?page=1`]));
    // Its fake CONNECT was swallowed by the tap, and its READY brought no offer it could see.
    expect(page.caught.filter((c) => c.type !== TAP_READY)).toEqual([]);
    expect(page.caught.every((c) => c.ports === 0)).toBe(true);
    expect(page.heard).toEqual([]);
  });

  it('tap first, bridge after the page scripts: the offer never reaches a page listener', async () => {
    const win = fakeWindow();
    installTap(win);
    const page = pageScript(win);
    const received = bridge(win);
    page.fake();
    await fetchText(win, `${origin}/api/orders?page=2`);
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(page.caught.filter((c) => c.type !== TAP_READY)).toEqual([]);
    expect(page.heard).toEqual([]);
  });
});

describe('what the tap copies', () => {
  it('only 2xx responses of the page’s origin on a wanted path, with the request body that was sent', async () => {
    const { win, received } = tappedWindow();
    await fetchText(win, `${otherOrigin}/api/orders?elsewhere=1`);
    await fetchText(win, `${origin}/api/other`);
    await fetchText(win, `${origin}/api/orders/missing`);
    await fetchText(win, `${origin}/api/orders?post=1`, { method: 'POST', body: '{"page":1}' });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({ url: `${origin}/api/orders?post=1`, method: 'POST', status: 200, requestBody: '{"page":1}' });
    expect(JSON.parse(received[0]!.body as string)).toEqual({ path: '/api/orders?post=1', got: '{"page":1}' });
  });

  it('responses of an API origin the adapter declared (Lazada’s gateway), by fetch and XHR; never one that came from elsewhere than it was asked', async () => {
    const { win, received } = tappedWindow([otherOrigin]);
    await fetchText(win, `${otherOrigin}/api/orders?gateway=1`);
    await xhr(win, `${otherOrigin}/api/orders?gateway=2`);
    // Asked of the page's origin, answered from the declared one: not the response that was asked for.
    await xhr(win, '/api/orders?redirect=1');
    await fetchText(win, `${origin}/api/orders?page=1`);
    await vi.waitFor(() => expect(received).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(received.map((r) => r.url).sort()).toEqual([`${origin}/api/orders?page=1`, `${otherOrigin}/api/orders?gateway=1`, `${otherOrigin}/api/orders?gateway=2`].sort());
  });

  it('Response and Request prototypes patched after the tap was installed change nothing it copies', async () => {
    const { win, received } = tappedWindow();
    const saved = { text: Response.prototype.text, clone: Response.prototype.clone, requestText: Request.prototype.text };
    const forged = () => Promise.resolve('{"forged":true}');
    try {
      Response.prototype.text = forged;
      Response.prototype.clone = () => new Response('{"forged":true}');
      Request.prototype.text = forged;
      await win.fetch(`${origin}/api/orders?patched=1`, { method: 'POST', body: 'sent' });
      await vi.waitFor(() => expect(received).toHaveLength(1));
    } finally {
      Object.assign(Response.prototype, { text: saved.text, clone: saved.clone });
      Request.prototype.text = saved.requestText;
    }
    expect(JSON.parse(received[0]!.body as string)).toEqual({ path: '/api/orders?patched=1', got: 'sent' });
    expect(received[0]!.requestBody).toBe('sent');
  });
});

/** An XHR as a page makes it; resolves on its load. */
function xhr(win: TapWindow, url: string, options: { body?: string; prepare?: (request: XMLHttpRequest) => void } = {}): Promise<XMLHttpRequest> {
  const request = new win.XMLHttpRequest();
  request.open('POST', url);
  options.prepare?.(request);
  const loaded = new Promise<XMLHttpRequest>((resolve) => request.addEventListener('load', () => resolve(request)));
  request.send(options.body ?? null);
  return loaded;
}

const define = (target: object, values: Record<string, unknown>) => {
  for (const [key, value] of Object.entries(values)) Object.defineProperty(target, key, { get: () => value, configurable: true });
};
const forgedState = { readyState: 4, status: 200, responseText: '{"forged":true}', responseURL: '', responseType: '' };

describe('what the tap copies of an XHR', () => {
  it('a trusted load of a wanted URL of the page’s origin, with its request body; nothing from another origin, even by redirect', async () => {
    const { win, received } = tappedWindow();
    await xhr(win, `${otherOrigin}/api/orders?elsewhere=1`);
    await xhr(win, '/api/orders?redirect=1');
    const json = await xhr(win, '/api/orders?json=1', { prepare: (request) => (request.responseType = 'json') });
    expect(json.readyState).toBe(4);
    await xhr(win, '/api/orders?page=1', { body: '{"page":1}' });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({ url: `${origin}/api/orders?page=1`, method: 'POST', requestBody: '{"page":1}' });
  });

  it('synthetic events and state a page script defines on the XHR are ignored; the real load is copied once', async () => {
    const { win, received } = tappedWindow();
    const request = await xhr(win, '/api/orders?page=2', {
      prepare: (r) => {
        define(r, { ...forgedState, responseURL: `${origin}/api/orders?page=2` });
        queueMicrotask(() => ['readystatechange', 'load', 'loadend'].forEach((type) => r.dispatchEvent(new Event(type))));
      },
    });
    request.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(JSON.parse(received[0]!.body as string)).toEqual({ path: '/api/orders?page=2', got: '' });
  });

  it('XMLHttpRequest.prototype getters patched after the tap was installed change nothing it copies', async () => {
    const { win, received } = tappedWindow();
    define(win.XMLHttpRequest.prototype, { ...forgedState, responseURL: `${origin}/api/orders?page=3` });
    await xhr(win, '/api/orders?page=3');
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(JSON.parse(received[0]!.body as string)).toEqual({ path: '/api/orders?page=3', got: '' });
  });
});

describe('acceptedResponse (the bridge’s check of every message)', () => {
  const expected = { nonce: 'n1', origins: ['https://seller.shopee.com.br', 'https://acs-m.lazada.com.ph'], patterns: [/^\/api\/v3\/order\/get_one_order(?:\?|$)/] };
  const good = { type: 'response', nonce: 'n1', url: 'https://seller.shopee.com.br/api/v3/order/get_one_order?order_id=1', method: 'get', status: 200, body: '{}', requestBody: undefined };

  it('takes a response of this channel, from the page’s origin or a declared API origin, on a wanted path', () => {
    expect(acceptedResponse(good, expected)).toEqual({ type: 'response', nonce: 'n1', url: good.url, method: 'GET', status: 200, body: '{}' });
    const gateway = 'https://acs-m.lazada.com.ph/api/v3/order/get_one_order?order_id=1';
    expect(acceptedResponse({ ...good, url: gateway }, expected)?.url).toBe(gateway);
  });

  it.each([
    ['another nonce', { nonce: 'n2' }],
    ['another origin', { url: 'https://cdn.attacker.example/api/v3/order/get_one_order?order_id=1' }],
    ['a path the adapter does not read', { url: 'https://seller.shopee.com.br/api/v3/order/other' }],
    ['a status that is not 2xx', { status: 500 }],
    ['a body that is not text', { body: { data: {} } }],
    ['a request body that is not text', { requestBody: { a: 1 } }],
    ['an odd method', { method: 'GET /x' }],
    ['a URL that is not one', { url: '::' }],
    ['another type', { type: 'connected' }],
  ])('refuses %s', (_, change) => {
    expect(acceptedResponse({ ...good, ...change }, expected)).toBeUndefined();
  });

  it('refuses what is not a message object', () => {
    expect(acceptedResponse(null, expected)).toBeUndefined();
    expect(acceptedResponse('response', expected)).toBeUndefined();
  });
});
