import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TAP_CONNECT, TAP_READY, type TapConnect, type TapPortMessage, type TapResponse } from './tap-protocol';

/**
 * The isolated-world end of the tap (see tap-protocol.ts): connects with a per-load nonce and
 * passes on the responses that carry it.
 */
export function connectTap(ctx: ContentScriptContext, patterns: readonly RegExp[], onResponse: (response: TapResponse) => void): void {
  const nonce = crypto.randomUUID();
  let connected = false;
  const ports: MessagePort[] = [];

  const connect = () => {
    const channel = new MessageChannel();
    ports.push(channel.port1);
    channel.port1.onmessage = (event: MessageEvent<TapPortMessage>) => {
      const message = event.data;
      if (!ctx.isValid || message?.nonce !== nonce) return;
      if (message.type === 'connected') connected = true;
      else if (message.type === 'response') onResponse(message);
    };
    const hello: TapConnect = { type: TAP_CONNECT, nonce, patterns: patterns.map((p) => p.source) };
    window.postMessage(hello, '*', [channel.port2]);
  };

  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (!connected && event.source === window && (event.data as { type?: unknown } | null)?.type === TAP_READY) connect();
  });
  ctx.onInvalidated(() => ports.forEach((p) => p.close()));
  connect();
}
