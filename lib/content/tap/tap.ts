import { captureNatives, type Natives, type TapWindow } from './natives';
import { MAX_BODY_CHARS, TAP_CONNECT, TAP_READY, type TapConfig, type TapResponse } from './tap-protocol';
import { tapFetch, tapXhr, type Copy, type TapChannel } from './tap-requests';

/** Responses that finish before the bridge's config arrives (normally none) wait here. */
const MAX_PENDING = 20;

/** The combined pattern of the bridge's config (RegExp sources), built without any array method. */
function patternOf(n: Natives, sources: unknown): RegExp | undefined {
  if (typeof sources !== 'object' || sources === null) return undefined;
  const list = sources as Record<number, unknown> & { length: unknown };
  if (typeof list.length !== 'number') return undefined;
  let source = '(?!)';
  for (let i = 0; i < list.length; i++) {
    const one = list[i];
    if (typeof one !== 'string') return undefined;
    source = source + '|(?:' + one + ')';
  }
  try {
    return new n.RegExp(source);
  } catch {
    return undefined;
  }
}

/** The origins of the bridge's config, as a null-prototype set (no page setter or getter consulted). */
function originsOf(sources: unknown): Record<string, true> | undefined {
  const origins = Object.create(null) as Record<string, true>;
  if (sources === undefined) return origins;
  if (typeof sources !== 'object' || sources === null) return undefined;
  const list = sources as Record<number, unknown> & { length: unknown };
  if (typeof list.length !== 'number') return undefined;
  for (let i = 0; i < list.length; i++) {
    const one = list[i];
    if (typeof one !== 'string') return undefined;
    origins[one] = true;
  }
  return origins;
}

/** The channel to the bridge: the port the tap took, the bridge's config, and copies waiting for it. */
function createChannel(n: Natives): TapChannel & { connect(port: MessagePort): void } {
  let port: MessagePort | undefined;
  let config: { nonce: string; pattern: RegExp; origins: Record<string, true> } | undefined;
  // Null-prototype: adding a key consults no setter a page defined on Object.prototype.
  const pending = Object.create(null) as Record<number, Copy | undefined>;
  let waiting = 0;

  const wanted = (url: string): boolean => {
    if (!config) return true;
    try {
      const u = new n.URL(url);
      return n.regExpExec(config.pattern, n.urlPathname(u) + n.urlSearch(u)) !== null;
    } catch {
      return false;
    }
  };
  // The page's own origin always; another only where the config declares it (before it arrives, any may be).
  const originAllowed = (origin: string): boolean => origin === n.origin || !config || config.origins[origin] === true;
  const post = (copy: Copy): void => {
    if (!port || !config || !wanted(copy.url) || copy.body.length > MAX_BODY_CHARS) return;
    let origin: string;
    try {
      origin = n.urlOrigin(new n.URL(copy.url));
    } catch {
      return;
    }
    if (!originAllowed(origin)) return;
    // Every key in the literal: no property is added later, so no page setter is ever consulted.
    const message: TapResponse = { type: 'response', nonce: config.nonce, url: copy.url, method: copy.method, status: copy.status, body: copy.body, requestBody: copy.requestBody };
    n.postMessage(port, message);
  };
  const onMessage = (event: Event): void => {
    // Only the bridge holds the other end of this port.
    const data = n.messageData(event as MessageEvent) as Partial<TapConfig> | null;
    if (config || typeof data !== 'object' || data === null || data.type !== 'config' || typeof data.nonce !== 'string') return;
    const pattern = patternOf(n, data.patterns);
    const origins = originsOf(data.origins);
    if (!pattern || !origins) return;
    config = { nonce: data.nonce, pattern, origins };
    for (let i = 0; i < waiting; i++) {
      const copy = pending[i];
      pending[i] = undefined;
      if (copy) post(copy);
    }
    waiting = 0;
  };
  return {
    wanted,
    originAllowed,
    room: () => config !== undefined || waiting < MAX_PENDING,
    deliver(copy) {
      if (config) post(copy);
      else if (waiting < MAX_PENDING) pending[waiting++] = copy;
    },
    connect(taken) {
      port = taken;
      n.addEventListener(taken, 'message', onMessage, false);
      n.startPort(taken);
    },
  };
}

/**
 * Takes the bridge's port (tap-protocol.ts): the first TAP_CONNECT on `window`, in the capture
 * phase, with propagation stopped so that no listener a page script adds ever sees it; then says
 * READY in case the bridge ran first.
 */
function awaitBridge(win: TapWindow, n: Natives, connect: (port: MessagePort) => void): void {
  let taken = false;
  const onConnect = (event: Event): void => {
    n.stopImmediatePropagation(event);
    if (taken) return;
    let port: MessagePort | undefined;
    try {
      port = n.messagePorts(event as MessageEvent)[0];
    } catch {
      return; // not a MessageEvent
    }
    if (!port) return;
    taken = true;
    n.preventDefault(event);
    connect(port);
  };
  n.addEventListener(win, TAP_CONNECT, onConnect, true);
  n.dispatchEvent(win, new n.Event(TAP_READY));
}

/**
 * The main-world network tap: wraps fetch and XMLHttpRequest at document_start and copies the text
 * bodies of the requests an adapter declared (the page's origin, or an API origin it declared),
 * nothing else. The page's own calls behave
 * as before: same arguments, same `this`, same response objects, errors untouched. Must be called
 * at document_start, before any page script: it captures the natives it uses (natives.ts) then.
 */
export function installTap(win: TapWindow): void {
  const n = captureNatives(win);
  const channel = createChannel(n);
  tapFetch(win, n, channel);
  tapXhr(n, channel);
  awaitBridge(win, n, (port) => channel.connect(port));
}
