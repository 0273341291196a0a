import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sliceQueue } from '../adapters/slices';
import type { Adapter } from '../adapters/types';
import { domReader } from './dom-reader';
import { networkReader } from './network-reader';
import { PageSession, TabMemory, type ConsolePage } from './page';
import { installReplyBox } from './reply-box';
import { screenReporter } from './screen-reporter';
import { captureSender, type CaptureSink } from './sink';
import { connectTap } from './tap/tap-bridge';
import type { TapResponse } from './tap/tap-protocol';

/**
 * The adapter's runtime on a console page: reads tapped responses, reads the DOM once it settles
 * (and again after SPA navigation, on a new page session), and reports captures and the buyer on
 * screen. No storage here: everything goes to the background.
 */
export interface RunOptions {
  /**
   * Where tapped responses come from, where the caller connected the tap itself (a taught site's
   * script connects it at document_start, before it knows its recipes). By default the runtime
   * connects it for the adapter's API.
   */
  responses?: (deliver: (response: TapResponse) => void) => void;
}

export function runAdapter(ctx: ContentScriptContext, adapter: Adapter, sink: CaptureSink, options: RunOptions = {}): void {
  let session = new PageSession(adapter, new URL(location.href));
  const page: ConsolePage = { adapter, document, lifetime: ctx, sink, memory: new TabMemory(), session: () => session };
  const send = captureSender(page);
  const screen = screenReporter(page);
  // Reading responses and the DOM is work in slices, one job at a time in the order it came.
  const enqueue = sliceQueue(() => ctx.isValid);
  const dom = domReader(page, send, screen, enqueue);
  const readResponse = networkReader(page, send, screen);

  // Only on a page still loading (document_start, before its scripts): a content script injected
  // into a running page (Firefox does so on install and update) would offer the tap's port where a
  // page listener may already wait for it. The DOM is still read there.
  if (options.responses) options.responses((response) => enqueue(readResponse(response)));
  else if (document.readyState === 'loading') connectTap(ctx, { patterns: adapter.api, origins: adapter.apiOrigins?.(new URL(location.href)) ?? [] }, (response) => enqueue(readResponse(response)));
  installReplyBox(page);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    session = new PageSession(adapter, new URL(event.newUrl.href));
    screen.update();
    dom.schedule();
  });
  ctx.addEventListener(document, 'visibilitychange', () => {
    // A tab coming back to the front is the one the panel should follow.
    if (document.visibilityState === 'visible') screen.again();
  });
  dom.watch();
}
