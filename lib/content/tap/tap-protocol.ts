/**
 * How the main-world tap hands copied responses to the adapter's isolated content script.
 *
 * The isolated script posts CONNECT on `window` with a fresh per-load nonce, the API URL patterns
 * it reads, and a MessagePort. The tap takes the first CONNECT only (both run at document_start,
 * before any page script can post one), answers on the port, and from then on sends every copied
 * body through that port with the nonce; the isolated side drops anything without it. Page scripts
 * never see the port. If the tap loads second it posts READY, and the isolated side connects again.
 */
export const TAP_CONNECT = 'buyerlens:tap-connect';
export const TAP_READY = 'buyerlens:tap-ready';

export interface TapConnect {
  type: typeof TAP_CONNECT;
  nonce: string;
  /** RegExp sources matched against the request's path and query. */
  patterns: string[];
}

export interface TapResponse {
  type: 'response';
  nonce: string;
  url: string;
  method: string;
  status: number;
  /** JSON text, or the value when the page asked XHR for `responseType = 'json'`. */
  body: unknown;
  requestBody?: string;
}

export interface TapConnected {
  type: 'connected';
  nonce: string;
}

export type TapPortMessage = TapResponse | TapConnected;
