/**
 * The Shopee adapter's extraction, bundled by scripts/bench.ts and evaluated in the demo console
 * page's main world. The content script runs the same functions in its isolated world, on the same
 * DOM and the same engine; Playwright cannot evaluate in that world, so the bench times them here.
 */
import { extract } from '../../lib/adapters/shopee/extract';
import { fromResponse } from '../../lib/adapters/shopee/responses';
import { atOnce } from '../../lib/adapters/slices';

/** The floor: every row's link and the texts the adapter reads, with plain querySelector + textContent. */
function bareDom(document: Document): number {
  let chars = 0;
  for (const row of document.querySelectorAll('a.order-card')) {
    chars += row.getAttribute('href')?.length ?? 0;
    for (const selector of ['.buyer-username', '.order-sn', '.total-price', '.status', '.fulfilment-channel-name']) {
      chars += row.querySelector(selector)?.textContent?.length ?? 0;
    }
    for (const el of row.querySelectorAll('.item-name, .item-description, .item-amount')) chars += el.textContent?.length ?? 0;
  }
  return chars;
}

function time<T>(work: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = work();
  return { ms: performance.now() - t0, value };
}

export const consoleBench = {
  rows: () => document.querySelectorAll('a.order-card').length,

  /**
   * Times DOM extraction, the bare DOM read and the JSON path (JSON.parse of the tapped body and
   * fromResponse) `iterations` times each, interleaved. The first DOM extraction is reported apart
   * (cold: the code's first run on this page).
   */
  run(iterations: number, cards: { url: string; body: string; requestBody: string }) {
    const url = new URL(location.href);
    const cold = time(() => atOnce(extract(document, url)));
    const extractMs: number[] = [];
    const bareMs: number[] = [];
    const jsonMs: number[] = [];
    let orders = cold.value.orders.length;
    let problems = cold.value.problems.length;
    let jsonOrders = 0;
    for (let i = 0; i < iterations; i++) {
      const dom = time(() => atOnce(extract(document, url)));
      extractMs.push(dom.ms);
      orders = dom.value.orders.length;
      problems = dom.value.problems.length;
      bareMs.push(time(() => bareDom(document)).ms);
      const json = time(() => atOnce(fromResponse({ url: new URL(cards.url), body: JSON.parse(cards.body), requestBody: JSON.parse(cards.requestBody) }, url)));
      jsonMs.push(json.ms);
      jsonOrders = json.value.orders.length;
    }
    return { coldMs: cold.ms, extractMs, bareMs, jsonMs, orders, problems, jsonOrders };
  },
};

export type ConsoleBench = typeof consoleBench;

(globalThis as unknown as { __buyerlensConsoleBench: ConsoleBench }).__buyerlensConsoleBench = consoleBench;
