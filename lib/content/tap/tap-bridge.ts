import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_BODY_CHARS, TAP_CONNECT, TAP_READY, type TapConfig, type TapResponse } from './tap-protocol';

export interface TapExpectation {
  nonce: string;
  /** The page's origin, and the origins its console's API answers from: nothing else is taken. */
  origins: readonly string[];
  patterns: readonly RegExp[];
}

/**
 * A message from the tap, checked here in the isolated world whatever the tap checked: the nonce of
 * this channel, a URL of the page's origin (or one the adapter declared) on a path the adapter
 * reads, a 2xx status, a text body of bounded size. Returns a fresh object, or undefined.
 */
export function acceptedResponse(data: unknown, expected: TapExpectation): TapResponse | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, nonce, url, method, status, body, requestBody } = data as Record<string, unknown>;
  if (type !== 'response' || nonce !== expected.nonce) return undefined;
  if (typeof url !== 'string' || typeof method !== 'string' || !/^[A-Za-z]{1,16}$/.test(method)) return undefined;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 299) return undefined;
  if (typeof body !== 'string' || body.length > MAX_BODY_CHARS) return undefined;
  if (requestBody !== undefined && (typeof requestBody !== 'string' || requestBody.length > MAX_BODY_CHARS)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const path = parsed.pathname + parsed.search;
  if (!expected.origins.includes(parsed.origin) || !expected.patterns.some((p) => p.test(path))) return undefined;
  return { type: 'response', nonce: expected.nonce, url: parsed.href, method: method.toUpperCase(), status, body, ...(requestBody !== undefined ? { requestBody } : {}) };
}

/**
 * The isolated-world end of the tap (see tap-protocol.ts): offers a port on `window` with a
 * synchronous, cancelable TAP_CONNECT until the tap takes it (the event comes back cancelled), then
 * sends the config over it and passes on the responses that pass `acceptedResponse`.
 */
export function connectTap(
  ctx: ContentScriptContext,
  api: { patterns: readonly RegExp[]; origins?: readonly string[] },
  onResponse: (response: TapResponse) => void,
  win: Window & typeof globalThis = window,
): void {
  const { patterns } = api;
  // Origins only (scheme, host, port): nothing that would widen a check by a path or a typo.
  const apiOrigins = (api.origins ?? []).filter((o) => URL.canParse(o) && new URL(o).origin === o);
  const expected: TapExpectation = { nonce: crypto.randomUUID(), origins: [win.location.origin, ...apiOrigins], patterns };
  let port: MessagePort | undefined;

  const offer = (): void => {
    if (port || !ctx.isValid) return;
    const channel = new win.MessageChannel();
    const taken = !win.dispatchEvent(new win.MessageEvent(TAP_CONNECT, { ports: [channel.port2], cancelable: true }));
    if (!taken) {
      // Nobody listened: the tap has not run yet, and says READY when it does.
      channel.port1.close();
      channel.port2.close();
      return;
    }
    port = channel.port1;
    win.removeEventListener(TAP_READY, offer, true);
    port.onmessage = (event: MessageEvent) => {
      const response = acceptedResponse(event.data, expected);
      if (response && ctx.isValid) onResponse(response);
    };
    const config: TapConfig = { type: 'config', nonce: expected.nonce, patterns: patterns.map((p) => p.source), origins: apiOrigins };
    port.postMessage(config);
  };

  win.addEventListener(TAP_READY, offer, true);
  ctx.onInvalidated(() => {
    win.removeEventListener(TAP_READY, offer, true);
    port?.close();
  });
  offer();
}
