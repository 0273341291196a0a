import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Route } from '@playwright/test';
import { TAP_CONNECT, TAP_READY } from '../../lib/content/tap/tap-protocol';
import { DEMO_SHOPEE } from '../../scripts/demo/serve';
import { expect, readTable, test, waitForStore, type Extension } from './fixtures';

/**
 * The console page is untrusted (issue 15, item 1): a script in its main world — a compromised
 * third-party script, an XSS — tries to get forged orders into the store through the tap. Each
 * attack runs from the page's own inline script (after document_start, like any page script) on a
 * real Shopee URL, and carries a card list in the real shape with an order id no fixture has. Each
 * also makes a genuine request served at the console's origin: that one must still be captured, so
 * the test cannot pass by capturing nothing.
 */

const ATTACKER = 'https://cdn.attacker.example';
const CARD_LIST = '/api/v3/order/get_order_list_card_list';
const SPC = 'SPC_CDS=5c1d7e2a-8f31-4b0e-9a77-2e6b1f0c9d14&SPC_CDS_VER=2';
const API = `${DEMO_SHOPEE}${CARD_LIST}?${SPC}`;
/**
 * Event types the tap ↔ bridge handshake used or uses on `window` (window messages of type
 * buyerlens:tap-connect / -ready before issue 15; now TAP_CONNECT and TAP_READY events): the page
 * listens to all of them, and fakes them.
 */
const HANDSHAKE_EVENTS = ['message', ...new Set([TAP_CONNECT, TAP_READY, 'buyerlens:tap-connect', 'buyerlens:tap-ready'])];

/** One real card of the order list (test/fixtures/shopee/order-list.har) under another order id. */
function cardList(orderId: string): string {
  const har = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/shopee/order-list.har'), 'utf8')) as {
    log: { entries: { request: { url: string }; response: { content: { text: string } } }[] };
  };
  const entry = har.log.entries.find((e) => e.request.url.includes(CARD_LIST))!;
  const body = JSON.parse(entry.response.content.text) as { data: { card_list: Record<string, Record<string, Record<string, unknown>>>[] } };
  const card = body.data.card_list[0]!;
  const level = card.package_level_order_card!;
  level.card_header!.order_sn = `241105${orderId.slice(-8)}`;
  level.card_header!.buyer_info = { username: 'tap.security.buyer', portrait: '' };
  level.order_ext_info!.order_id = Number(orderId);
  level.order_ext_info!.buyer_user_id = 99990001;
  level.order_ext_info!.odp_url_path_query = `/portal/sale/order/${orderId}`;
  body.data.card_list = [card];
  return JSON.stringify(body);
}

interface Attack {
  /** What the page script does (a case of `attackPage`). */
  name: string;
  /** The order id the attack forges: it must never reach the store. */
  forged: string;
  /** The order id of the genuine response the page also fetches: it must be stored. */
  genuine: string;
}

let serial = 0;
const attack = (name: string): Attack => {
  serial += 1;
  return { name, forged: `99990000000${String(serial).padStart(4, '0')}`, genuine: `99980000000${String(serial).padStart(4, '0')}` };
};

interface PageConfig {
  attack: string;
  api: string;
  attacker: string;
  forgedBody: string;
  genuineUrl: string;
  events: string[];
}

/** The attacking page's script (runs in the page's main world, from an inline script in <head>). */
function attackPage(config: PageConfig): void {
  const win = window as unknown as Record<string, unknown>;
  const stolen: { ports: MessagePort[]; nonces: (string | undefined)[] } = { ports: [], nonces: [undefined, 'n'] };
  /** Ports and nonces the page caught from the extension (not its own fakes). */
  win.__caught = 0;
  let dispatchingOwn = false;
  const steal = (event: Event) => {
    if (dispatchingOwn) return;
    const data = (event as MessageEvent).data as { nonce?: unknown } | null | undefined;
    const detail = (event as CustomEvent).detail as { nonce?: unknown; port?: unknown } | null | undefined;
    if ([data, detail].some((d) => d && typeof d === 'object' && d.nonce === 'page-nonce')) return;
    const caught = (n: number) => (win.__caught = (win.__caught as number) + n);
    if (data && typeof data === 'object' && typeof data.nonce === 'string') caught(stolen.nonces.push(data.nonce) && 1);
    if (detail && typeof detail === 'object' && typeof detail.nonce === 'string') caught(stolen.nonces.push(detail.nonce) && 1);
    if (detail && typeof detail === 'object' && detail.port instanceof MessagePort) caught(stolen.ports.push(detail.port) && 1);
    for (const port of (event as MessageEvent).ports ?? []) caught(stolen.ports.push(port) && 1);
  };
  // (a) Listen to every handshake the extension might use, before it could happen again.
  for (const type of config.events) {
    window.addEventListener(type, steal, true);
    document.addEventListener(type, steal, true);
  }
  const forgedResponse = () => ({ url: config.api, method: 'POST', status: 200, body: config.forgedBody, requestBody: '{}' });
  const useStolen = () => {
    for (const port of stolen.ports) {
      port.start?.();
      for (const nonce of stolen.nonces) {
        port.postMessage({ type: 'connected', nonce });
        port.postMessage({ type: 'response', nonce, ...forgedResponse() });
      }
    }
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const xhr = (method: string, url: string, prepare?: (request: XMLHttpRequest) => void, json = true) =>
    new Promise<void>((resolve) => {
      const request = new XMLHttpRequest();
      request.open(method, url);
      if (json) request.setRequestHeader('content-type', 'application/json;charset=UTF-8');
      request.addEventListener('loadend', () => resolve());
      prepare?.(request);
      request.send('{}');
    });
  const genuine = () => xhr('POST', config.genuineUrl);
  const define = (target: object, values: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(values)) Object.defineProperty(target, key, { get: () => value, configurable: true });
  };
  const forgedXhrState = (url: string) => ({ readyState: 4, status: 200, statusText: 'OK', responseText: config.forgedBody, response: config.forgedBody, responseURL: url, responseType: '' });

  const attacks: Record<string, () => Promise<void>> = {
    // (a) The port and nonce of the handshake, caught by a page listener, used to post forged responses.
    'port-leak': async () => {
      await sleep(1500);
      useStolen();
      await genuine();
    },
    // (d) A fake READY and CONNECT (old protocol on window messages, and events of the new one).
    'fake-handshake': async () => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => undefined;
      const page = { type: 'buyerlens:tap-connect', nonce: 'page-nonce', patterns: ['.*'] };
      for (let round = 0; round < 5; round++) {
        window.postMessage({ type: 'buyerlens:tap-ready' }, '*');
        window.postMessage(page, '*', round === 0 ? [channel.port2] : []);
        dispatchingOwn = true;
        for (const type of config.events.filter((t) => t !== 'message')) {
          const own = new MessageChannel();
          stolen.ports.push(own.port1);
          window.dispatchEvent(new MessageEvent(type, { data: page, ports: [own.port2], cancelable: true }));
          window.dispatchEvent(new CustomEvent(type, { detail: { ...page, port: own.port2 }, cancelable: true }));
          window.dispatchEvent(new Event(type, { cancelable: true }));
        }
        dispatchingOwn = false;
        await sleep(100);
      }
      stolen.ports.push(channel.port1);
      useStolen();
      await sleep(300);
      useStolen();
      await genuine();
    },
    // (b) Synthetic load and readystatechange events on an XHR whose state the page defined itself.
    'synthetic-xhr-load': async () => {
      await xhr('POST', config.genuineUrl, (request) => {
        define(request, forgedXhrState(config.api));
        const fire = () => {
          request.dispatchEvent(new Event('readystatechange'));
          request.dispatchEvent(new ProgressEvent('load'));
          request.dispatchEvent(new ProgressEvent('loadend'));
        };
        // After send (the tap listens from then on), before the genuine answer.
        queueMicrotask(fire);
      });
      // And the real XHR's own state, redefined once it loaded, with the events fired again.
      const request = new XMLHttpRequest();
      request.open('POST', config.api);
      request.send('{}');
      define(request, forgedXhrState(config.api));
      request.abort();
      request.dispatchEvent(new Event('readystatechange'));
      request.dispatchEvent(new ProgressEvent('load'));
    },
    // (b) An XHR to the API's path on the attacker's own server: responseURL elsewhere.
    'xhr-other-origin': async () => {
      await xhr('POST', `${config.attacker}/api/v3/order/get_order_list_card_list?SPC_CDS_VER=2`);
      await genuine();
    },
    // (b) The same, with responseURL patched (on the instance) to the console's own API URL.
    'xhr-patched-response-url': async () => {
      await xhr('POST', `${config.attacker}/api/v3/order/get_order_list_card_list?SPC_CDS_VER=2`, (request) => define(request, { responseURL: config.api }));
      await genuine();
    },
    // (b) fetch on the attacker's server, at the API's path.
    'fetch-other-origin': async () => {
      await fetch(`${config.attacker}/api/v3/order/get_order_list_card_list?SPC_CDS_VER=2`, { method: 'POST', body: '{}' }).then((r) => r.text());
      await genuine();
    },
    // (c) XMLHttpRequest.prototype's getters and open/send patched before a real-looking XHR.
    'patched-xhr-prototype': async () => {
      const proto = XMLHttpRequest.prototype;
      define(proto, forgedXhrState(config.api));
      const open = proto.open;
      proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
        return (open as (...a: unknown[]) => void).apply(this, args);
      } as typeof proto.open;
      await genuine();
    },
    // (c) Response.prototype.text/json/clone patched before a real fetch.
    'patched-response': async () => {
      const proto = Response.prototype;
      const forged = config.forgedBody;
      proto.text = function () {
        return Promise.resolve(forged);
      };
      proto.json = function () {
        return Promise.resolve(JSON.parse(forged));
      };
      proto.clone = function () {
        return new Response(forged, { status: 200 });
      };
      await fetch(config.genuineUrl, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    },
    // (c) MessagePort.prototype.postMessage patched to rewrite what the tap sends.
    'patched-port': async () => {
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: unknown[]) {
        if (message && typeof message === 'object' && 'body' in message) {
          (message as { body: unknown }).body = config.forgedBody;
          (message as unknown as { url: unknown }).url = config.api;
        }
        return (post as (...a: unknown[]) => void).call(this, message, ...rest);
      } as typeof post;
      await genuine();
      await sleep(500);
    },
    // (c) window.fetch replaced, and Promise.prototype.then patched to hand the tap a forged Response.
    'patched-fetch-and-then': async () => {
      const tapped = window.fetch;
      const forged = config.forgedBody;
      window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
        return tapped.call(window, input, init);
      };
      const then = Promise.prototype.then;
      const swap = (value: unknown) => (value instanceof Response && value.url.includes('get_order_list_card_list') ? new Response(forged, { status: 200 }) : value);
      Promise.prototype.then = function (this: Promise<unknown>, onFulfilled?: ((v: unknown) => unknown) | null, onRejected?: ((e: unknown) => unknown) | null) {
        return then.call(this, typeof onFulfilled === 'function' ? (v: unknown) => onFulfilled(swap(v)) : onFulfilled, onRejected);
      } as typeof then;
      await window.fetch(config.genuineUrl, { method: 'POST', body: '{}' });
      Promise.prototype.then = then;
    },
    // (c) EventTarget.prototype.addEventListener patched: the page keeps the tap's XHR listener and calls it itself.
    'patched-add-listener': async () => {
      const add = EventTarget.prototype.addEventListener;
      const caught: { target: EventTarget; listener: EventListenerOrEventListenerObject }[] = [];
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
        if (listener && this instanceof XMLHttpRequest && (type === 'load' || type === 'readystatechange' || type === 'loadend')) caught.push({ target: this, listener });
        return add.call(this, type, listener, options);
      };
      await genuine();
      for (const { target, listener } of caught) {
        define(target, forgedXhrState(config.api));
        const event = new ProgressEvent('load');
        if (typeof listener === 'function') listener.call(target, event);
        else listener.handleEvent(event);
      }
      EventTarget.prototype.addEventListener = add;
    },
  };
  const run = attacks[config.attack]!;
  run()
    .catch((error: unknown) => {
      win.__attackError = String(error);
    })
    .finally(() => {
      win.__attackDone = true;
    });
}

function attackHtml(config: PageConfig): string {
  return `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><script>(${attackPage.toString()})(${JSON.stringify(config)});</script><title>Pedidos</title></head><body><div id="page">Pedidos</div></body></html>`;
}

const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' };

/** The console's origin answers the card list genuinely (one order per tag); the attacker's server answers forged cards with CORS. */
async function serve(context: BrowserContext, attacks: readonly Attack[]): Promise<void> {
  const byTag = new Map(attacks.map((a) => [a.name, a]));
  let current: Attack | undefined;
  await context.route(`${DEMO_SHOPEE}${CARD_LIST}**`, async (route: Route) => {
    const url = new URL(route.request().url());
    const tag = url.searchParams.get('tag') ?? '';
    const genuine = byTag.get(tag);
    if (!genuine) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: cardList(genuine.genuine) });
  });
  await context.route(`${ATTACKER}/**`, async (route: Route) => {
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    return route.fulfill({ status: 200, headers: cors, contentType: 'application/json; charset=utf-8', body: current ? cardList(current.forged) : '{}' });
  });
  await context.route(`${DEMO_SHOPEE}/portal/sale/order?attack=*`, async (route: Route) => {
    const name = new URL(route.request().url()).searchParams.get('attack')!;
    current = byTag.get(name)!;
    const config: PageConfig = {
      attack: name,
      api: API,
      attacker: ATTACKER,
      forgedBody: cardList(current.forged),
      genuineUrl: `${API}&tag=${encodeURIComponent(name)}`,
      events: HANDSHAKE_EVENTS,
    };
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: attackHtml(config) });
  });
}

/** Runs each attack on its own page load; then no forged order is stored, and every genuine one is. */
async function runAttacks(extension: Extension, attacks: readonly Attack[]): Promise<void> {
  await serve(extension.context, attacks);
  const page: Page = await extension.context.newPage();
  const panel = await extension.openPanel();
  const caught = new Map<string, number>();
  for (const a of attacks) {
    await page.goto(`${DEMO_SHOPEE}/portal/sale/order?attack=${a.name}`);
    await page.waitForFunction(() => (window as unknown as { __attackDone?: boolean }).__attackDone === true);
    expect(await page.evaluate(() => (window as unknown as { __attackError?: string }).__attackError), `${a.name}: the page script ran`).toBeUndefined();
    caught.set(a.name, await page.evaluate(() => (window as unknown as { __caught: number }).__caught));
    // The control: a genuine response is still captured (waiting for it also lets the forged ones arrive first).
    await waitForStore(panel, 'orders', (rows) => rows.some((r) => r.orderId === a.genuine)).catch(() => undefined);
  }
  // Anything still in flight has time to land.
  await page.waitForTimeout(1500);
  const stored = new Set((await readTable<{ orderId: string }>(panel, 'orders')).map((o) => o.orderId));
  for (const a of attacks) {
    expect.soft(caught.get(a.name), `${a.name}: the page caught the channel's port or nonce`).toBe(0);
    expect.soft(stored.has(a.forged), `${a.name}: a forged order reached the store`).toBe(false);
    expect.soft(stored.has(a.genuine), `${a.name}: the genuine response was not captured`).toBe(true);
  }
}

test('(a) a page script cannot catch the tap ↔ bridge port or nonce and post forged responses through it', async ({ extension }) => {
  await runAttacks(extension, [attack('port-leak')]);
});

test('(d) a fake READY or CONNECT from the page gets it no channel, and the tap still captures', async ({ extension }) => {
  await runAttacks(extension, [attack('fake-handshake')]);
});

test('(b) synthetic XHR events and responses from elsewhere than the opened URL are ignored', async ({ extension }) => {
  await runAttacks(extension, [attack('synthetic-xhr-load'), attack('xhr-other-origin'), attack('xhr-patched-response-url'), attack('fetch-other-origin')]);
});

test('(c) patched XMLHttpRequest, fetch, Response, Promise, EventTarget and MessagePort prototypes do not change what the tap copies', async ({ extension }) => {
  await runAttacks(extension, [attack('patched-xhr-prototype'), attack('patched-response'), attack('patched-port'), attack('patched-fetch-and-then'), attack('patched-add-listener')]);
});
