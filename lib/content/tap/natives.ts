/**
 * The natives the main-world tap uses, captured when it is installed (document_start, before any
 * page script runs). Each method is "uncurried": `natives.responseText(response)` calls the
 * original `Response.prototype.text` on `response` through a bound `Function.prototype.call`, so
 * nothing a page script later patches — a prototype's method or getter, `Function.prototype.call`,
 * `Promise.prototype.then`, a global constructor — is looked up when the tap runs.
 *
 * Rules for code that uses them (tap.ts, tap-requests.ts): call no method through a prototype at
 * run time; read only own properties of objects the tap made or of values natives returned; write
 * only to objects the tap made (null-prototype where keys are added later).
 */

type Uncurried<F> = F extends (this: infer T, ...args: infer A) => infer R ? (self: T, ...args: A) => R : never;
type Method = (this: never, ...args: never[]) => unknown;

/** Captured once, when this module is evaluated (with the tap, at document_start). */
const bindCall: <F extends Method>(fn: F) => Uncurried<F> = Function.prototype.bind.bind(Function.prototype.call) as never;
const uncurry = <F extends Method>(fn: F): Uncurried<F> => bindCall(fn);
const describe = Object.getOwnPropertyDescriptor;
const prototypeOf = Object.getPrototypeOf;

/** The getter of `key` on `proto` or the nearest prototype above it that has one. */
function getter<T, K extends string>(proto: T, key: K): (self: T) => unknown {
  for (let on: unknown = proto; on; on = prototypeOf(on)) {
    const get = describe(on, key)?.get;
    if (get) return uncurry(get as (this: T) => unknown);
  }
  throw new TypeError(`no native getter ${key}`);
}

function method<F extends Method>(fn: F | undefined, name: string): Uncurried<F> {
  if (typeof fn !== 'function') throw new TypeError(`no native ${name}`);
  return uncurry(fn);
}

export type TapWindow = Window & typeof globalThis;

function fetchNatives(win: TapWindow) {
  if (typeof win.fetch !== 'function' || typeof win.Request !== 'function' || typeof win.Response !== 'function') return undefined;
  const request = win.Request.prototype;
  const response = win.Response.prototype;
  return {
    fetch: win.fetch,
    Request: win.Request,
    requestUrl: getter(request, 'url') as (r: Request) => string,
    requestMethod: getter(request, 'method') as (r: Request) => string,
    requestClone: method(request.clone, 'Request.clone'),
    requestText: method(request.text, 'Request.text'),
    responseUrl: getter(response, 'url') as (r: Response) => string,
    responseStatus: getter(response, 'status') as (r: Response) => number,
    responseClone: method(response.clone, 'Response.clone'),
    responseText: method(response.text, 'Response.text'),
  };
}

function xhrNatives(win: TapWindow) {
  if (typeof win.XMLHttpRequest !== 'function') return undefined;
  const xhr = win.XMLHttpRequest.prototype;
  return {
    prototype: xhr,
    open: xhr.open as (this: XMLHttpRequest, ...args: unknown[]) => void,
    send: xhr.send as (this: XMLHttpRequest, ...args: unknown[]) => void,
    readyState: getter(xhr, 'readyState') as (x: XMLHttpRequest) => number,
    status: getter(xhr, 'status') as (x: XMLHttpRequest) => number,
    responseType: getter(xhr, 'responseType') as (x: XMLHttpRequest) => string,
    responseURL: getter(xhr, 'responseURL') as (x: XMLHttpRequest) => string,
    responseText: getter(xhr, 'responseText') as (x: XMLHttpRequest) => string,
  };
}

/** Captures every native the tap uses, from `win` (the page's main world), once. */
export function captureNatives(win: TapWindow) {
  const weakMap = WeakMap.prototype;
  const events = win.EventTarget.prototype;
  const event = win.Event.prototype;
  const port = win.MessagePort.prototype;
  const url = win.URL.prototype;
  const baseURI = win.XMLHttpRequest ? getter(win.Node.prototype, 'baseURI') : undefined;
  const document = win.document;
  const xhr = xhrNatives(win);
  return {
    /** The page's origin, as it was when the tap was installed (a document cannot change it). */
    origin: win.location.origin,
    apply: Reflect.apply,
    String,
    URL: win.URL,
    RegExp,
    Event: win.Event,
    weakGet: method(weakMap.get, 'WeakMap.get') as <K extends object, V>(map: WeakMap<K, V>, key: K) => V | undefined,
    weakSet: method(weakMap.set, 'WeakMap.set') as <K extends object, V>(map: WeakMap<K, V>, key: K, value: V) => WeakMap<K, V>,
    regExpExec: method(RegExp.prototype.exec, 'RegExp.exec'),
    then: method(Promise.prototype.then, 'Promise.then') as <T>(promise: Promise<T>, onFulfilled: (value: T) => void, onRejected: (reason: unknown) => void) => Promise<void>,
    urlOrigin: getter(url, 'origin') as (u: URL) => string,
    urlHref: getter(url, 'href') as (u: URL) => string,
    urlPathname: getter(url, 'pathname') as (u: URL) => string,
    urlSearch: getter(url, 'search') as (u: URL) => string,
    addEventListener: method(events.addEventListener, 'addEventListener') as (target: EventTarget, type: string, listener: (this: EventTarget, event: Event) => void, capture: boolean) => void,
    dispatchEvent: method(events.dispatchEvent, 'dispatchEvent'),
    stopImmediatePropagation: method(event.stopImmediatePropagation, 'stopImmediatePropagation'),
    preventDefault: method(event.preventDefault, 'preventDefault'),
    messageData: getter(win.MessageEvent.prototype, 'data') as (e: MessageEvent) => unknown,
    messagePorts: getter(win.MessageEvent.prototype, 'ports') as (e: MessageEvent) => readonly MessagePort[],
    postMessage: method(port.postMessage as (this: MessagePort, message: unknown) => void, 'MessagePort.postMessage'),
    startPort: method(port.start, 'MessagePort.start'),
    /** The document's base URL, which XHR's open() resolves a relative URL against. */
    documentBase: () => (baseURI ? (baseURI(document) as string) : win.location.href),
    fetch: fetchNatives(win),
    xhr,
  };
}

export type Natives = ReturnType<typeof captureNatives>;
