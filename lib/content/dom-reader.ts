import type { Sliced } from '../adapters/slices';
import { emptyExtraction } from '../adapters/types';
import type { Extraction } from '../schema/capture';
import { boundedProblems } from '../schema/limits';
import type { ConsolePage } from './page';
import type { ScreenReporter } from './screen-reporter';
import { withRetry, type SendCapture } from './sink';

/** The DOM is read once it has been quiet this long… */
const DOM_SETTLE_MS = 400;
/** …or, on a page that keeps changing, this long after its first change. */
const DOM_MAX_WAIT_MS = 2500;

function fingerprint(extraction: Extraction): string {
  return JSON.stringify([extraction.orders, extraction.buyers, extraction.problems]);
}

/** What the page shows, read in slices, and sent when the reading differs from the last one sent for this page. */
export function* readDom(page: ConsolePage, send: SendCapture, screen: ScreenReporter): Sliced<void> {
  const session = page.session();
  if (!session.kind) return;
  let extraction: Extraction;
  try {
    extraction = yield* page.adapter.extract(page.document, session.url);
  } catch (error) {
    extraction = { ...emptyExtraction(), problems: [{ where: session.url.pathname, reason: `adapter failed: ${String(error)}` }] };
  }
  yield; // comparing and sending is a step of its own
  // Every order the page shows is sent, also those the JSON brought: the store joins the two
  // readings field by field (lib/db/merge.ts), so what only the page shows (Amazon's buyer name) is kept.
  extraction = { ...extraction, problems: boundedProblems(extraction.problems) };
  const print = fingerprint(extraction);
  if (print !== session.lastDom && (extraction.orders.length > 0 || extraction.buyers.length > 0 || extraction.problems.length > 0)) {
    session.lastDom = print;
    page.memory.remember(extraction.orders);
    send('dom', extraction, session);
  }
  reportHealth(page, extraction);
  screen.update();
}

/**
 * Capture health of the page just read: the adapter's own reading where it has one (a recipe), else
 * how many orders the page's reading found on a console's order page, said only where it found some
 * or where the console's JSON brought orders for this page: an empty list (a filter with no match, a
 * page still loading) is not a failure. The background judges it against what this reader found
 * before (entrypoints/background/health-handlers.ts).
 */
function reportHealth(page: ConsolePage, extraction: Extraction): void {
  const session = page.session();
  const orderPage = session.kind === 'order-list' || session.kind === 'order-detail';
  const found = extraction.orders.length;
  const reading =
    page.adapter.health?.(page.document, session.url) ??
    (orderPage && (found > 0 || session.networkOrders > 0) ? { reader: `${page.adapter.id}:${session.kind}`, found, missing: [] } : undefined);
  if (!reading || !page.sink.health) return;
  const print = JSON.stringify(reading);
  if (print === session.lastHealth) return;
  session.lastHealth = print;
  void withRetry(() => page.sink.health!({ ...reading, pageUrl: session.url.href, pageKind: session.kind ?? 'other' })).catch(() => {
    session.lastHealth = '';
  });
}

export interface DomReader {
  /** The page changed: read it once it settles. */
  schedule(): void;
  /** Reads the page whenever it changes (a MutationObserver), until the extension goes. */
  watch(): void;
}

export function domReader(page: ConsolePage, send: SendCapture, screen: ScreenReporter, enqueue: (job: Sliced<void>) => void): DomReader {
  const { lifetime } = page;
  let settleTimer: number | undefined;
  let firstChangeAt = 0;
  let queued = false;
  const quiet = () => {
    settleTimer = undefined;
    firstChangeAt = 0;
    // One read waiting is enough: it will see every change made before it starts.
    if (!lifetime.isValid || queued) return;
    queued = true;
    enqueue(
      (function* () {
        queued = false;
        yield* readDom(page, send, screen);
      })(),
    );
  };
  const schedule = () => {
    const now = Date.now();
    if (!firstChangeAt) firstChangeAt = now;
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    settleTimer = lifetime.setTimeout(quiet, now - firstChangeAt > DOM_MAX_WAIT_MS ? 0 : DOM_SETTLE_MS);
  };
  return {
    schedule,
    watch() {
      const observer = new MutationObserver(schedule);
      observer.observe(page.document, { childList: true, subtree: true, characterData: true });
      lifetime.onInvalidated(() => observer.disconnect());
      schedule();
    },
  };
}
