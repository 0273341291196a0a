/**
 * How the main-world tap hands copied responses to the adapter's isolated content script (the
 * bridge), with the console page treated as untrusted: no page script may obtain the channel, and
 * nothing a page script sends is taken for a response.
 *
 * The isolated world and the page's main world share the DOM, not JavaScript objects, and every
 * event on `window` reaches the page's listeners too. So the channel's port never travels where a
 * page listener could be reached:
 *
 * - The bridge creates a MessageChannel, keeps port1, and dispatches a cancelable MessageEvent of
 *   type TAP_CONNECT on `window` carrying port2, synchronously (dispatchEvent, not postMessage).
 * - The tap, installed at document_start in the main world before any page script, listens for
 *   TAP_CONNECT on `window` in the capture phase: it is the first listener there, so it runs before
 *   any listener a page script adds later. It stops the event's propagation (no page listener ever
 *   sees it or its port), takes the port, and cancels the event; the bridge's dispatchEvent
 *   returning false is how it knows the tap took it. The tap takes one port only, ever.
 * - If the bridge runs first, nobody is listening yet (the tap has not run, and page scripts run
 *   after both) and the offer is dropped; the tap then dispatches TAP_READY, synchronously, while
 *   still at document_start, and the bridge offers again (which the tap takes). A READY a page
 *   script fakes later only makes the bridge offer a port the tap swallows as above.
 * - Over the port the bridge sends the config (a per-load nonce, the API URL patterns it reads,
 *   and the origins other than the page's its console's API answers from, such as Lazada's mtop
 *   gateway); the tap sends responses with the nonce. The bridge checks every response anyway
 *   (the page's origin or a declared one, a wanted path, a 2xx status, a text body of bounded size).
 *
 * The tap keeps its own references to every native it uses (fetch, Request, Response,
 * XMLHttpRequest, EventTarget, MessagePort, Promise, URL, RegExp; natives.ts), captured at
 * document_start, so prototypes a page patches later change nothing it reads or sends.
 */
export const TAP_CONNECT = 'buyerlens:tap-connect';
export const TAP_READY = 'buyerlens:tap-ready';

/** Bodies above this are not copied (no order page sends one; a file download might). */
export const MAX_BODY_CHARS = 20_000_000;

/** The bridge's first message on the port. */
export interface TapConfig {
  type: 'config';
  nonce: string;
  /** RegExp sources matched against the request's path and query. */
  patterns: string[];
  /** Origins other than the page's whose responses are wanted too (the adapter's `apiOrigins`). */
  origins: string[];
}

export interface TapResponse {
  type: 'response';
  nonce: string;
  /** The URL the response came from (same origin as the request that was made, and the page's or a declared one). */
  url: string;
  method: string;
  status: number;
  /** The response's text (the tap copies text responses only). */
  body: string;
  requestBody?: string;
}
