import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { generateDemo, type DemoData } from '../demo/data';
import { shopeeCards } from '../demo/responses';
import { waitForConsole } from '../demo/seed';
import { DEMO_SHOPEE } from '../demo/serve';
import type { ConsoleBench } from './console-entry';

export const CAPTURE_ROWS = 500;
const SHOP_ID = 412095871;
const PAGES = join(import.meta.dirname, '..', 'demo', 'pages');
const CARDS_URL = `${DEMO_SHOPEE}/api/v3/order/get_order_list_card_list?SPC_CDS=bench&SPC_CDS_VER=2`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/** Events that run script, and the script they run (where the trace names it). */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.callFunction', 'TimerFire', 'EventDispatch', 'RunMicrotasks']);

export interface TaskFigures {
  /** Per main-thread task in which BuyerLens's scripts ran: the time they took in it, ms. */
  buyerLens: number[];
  /** The console page's longest task, whoever ran in it, ms (for context). */
  longestTaskMs: number;
  /** What BuyerLens ran in its tasks over 50 ms: "event script ms". */
  slow: string[];
}

/**
 * From a Chromium trace of the page's load: the page's main-thread tasks, and in each the time
 * spent in BuyerLens's content scripts (events whose script is a chrome-extension:// URL, outermost
 * only). The content scripts run in an isolated world on the page's main thread, so their tasks are
 * the page's tasks: a PerformanceObserver cannot tell them apart, the trace can.
 */
function tasksOf(events: TraceEvent[], consoleScript: string): TaskFigures {
  const owner = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.includes(consoleScript));
  if (!owner) throw new Error('no trace of the console page’s script');
  const thread = events.filter((e) => e.pid === owner.pid && e.tid === owner.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = thread.filter((e) => e.name === 'RunTask');
  const ours = thread
    .filter((e) => SCRIPT_EVENTS.has(e.name) && e.args?.data?.url?.startsWith('chrome-extension://'))
    .sort((a, b) => a.ts - b.ts);
  const buyerLens: number[] = [];
  const slow: string[] = [];
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    let spent = 0;
    let coveredUntil = -Infinity;
    const parts: string[] = [];
    for (const e of ours) {
      if (e.ts < task.ts || e.ts >= end || e.ts < coveredUntil) continue;
      spent += e.dur!;
      coveredUntil = e.ts + e.dur!;
      parts.push(`${e.name} ${e.args?.data?.url?.split('/').pop() ?? ''} ${(e.dur! / 1000).toFixed(1)}`);
    }
    if (spent > 0) buyerLens.push(spent / 1000);
    if (spent > 50_000) slow.push(parts.join(' + '));
  }
  return { buyerLens, longestTaskMs: Math.max(0, ...tasks.map((t) => t.dur! / 1000)), slow };
}

function indexOf(data: DemoData) {
  return data.shopee.slice(0, CAPTURE_ROWS).map((o) => ({ order_id: Number(o.orderId), shop_id: SHOP_ID, region_id: 'BR' }));
}

/** The demo Shopee console at its real URL, with an order list of CAPTURE_ROWS rows on one page. */
async function routeConsole(context: BrowserContext, data: DemoData): Promise<void> {
  const json = (route: Route, body: unknown) => route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
  await context.route(`${DEMO_SHOPEE}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/__demo__/shopee-console.js') {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(join(PAGES, 'shopee-console.js'), 'utf8') });
    }
    if (url.pathname === '/api/v3/order/search_order_list_index') {
      // The demo's own index answers at most 200 rows a page, as Shopee does; the bench wants 500.
      return json(route, { code: 0, data: { index_list: indexOf(data), pagination: { total: CAPTURE_ROWS, page_number: 1, page_size: CAPTURE_ROWS } } });
    }
    if (url.pathname === '/api/v3/order/get_order_list_card_list') {
      return json(route, shopeeCards(data, (route.request().postDataJSON() ?? {}) as Parameters<typeof shopeeCards>[1]));
    }
    if (url.pathname.startsWith('/portal/sale/order')) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(PAGES, 'shopee-console.html'), 'utf8') });
    }
    return route.fulfill({ status: 404, body: 'not part of the bench' });
  });
}

export interface CaptureFigures {
  rows: number;
  orders: number;
  problems: number;
  jsonOrders: number;
  coldMs: number;
  extractMs: number[];
  bareMs: number[];
  jsonMs: number[];
  tasks: TaskFigures;
}

/**
 * `settle` waits for the background to finish what the page's own capture set off (storing it,
 * re-scoring its shop, the buyers table's rows: seconds at --scale 1m): it runs on the same two
 * cores, and it is not the adapter's work.
 */
export async function captureBench(context: BrowserContext, bundle: string, iterations: number, settle: () => Promise<void>): Promise<CaptureFigures> {
  const data = generateDemo({ seed: 4242, shopeeBuyers: 220, amazonBuyers: 0 });
  if (data.shopee.length < CAPTURE_ROWS) throw new Error(`demo data has only ${data.shopee.length} Shopee orders`);
  await routeConsole(context, data);
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReturnAsStream' });
    await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=${CAPTURE_ROWS}`);
    await waitForConsole(page);
    // The content script reads the tapped JSON at once and the DOM once it has been quiet for 400 ms.
    await page.waitForTimeout(3000);
    const trace = new Promise<string>((resolve, reject) => {
      cdp.once('Tracing.tracingComplete', ({ stream }) => {
        if (!stream) return reject(new Error('no trace stream'));
        void (async () => {
          let text = '';
          for (;;) {
            const chunk = await cdp.send('IO.read', { handle: stream });
            text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
            if (chunk.eof) break;
          }
          await cdp.send('IO.close', { handle: stream });
          resolve(text);
        })().catch(reject);
      });
    });
    await cdp.send('Tracing.end');
    const parsed = JSON.parse(await trace) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const tasks = tasksOf(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []), 'shopee-console.js');
    await cdp.detach();

    const requestBody = JSON.stringify({ order_list_tab: 100, need_count_down_desc: true, order_param_list: indexOf(data) });
    const body = JSON.stringify(shopeeCards(data, { order_param_list: indexOf(data) }));
    await settle();
    await page.evaluate(bundle);
    const rows = await page.evaluate(() => (globalThis as unknown as { __buyerlensConsoleBench: ConsoleBench }).__buyerlensConsoleBench.rows());
    const run = await page.evaluate(
      ([n, cards]) => (globalThis as unknown as { __buyerlensConsoleBench: ConsoleBench }).__buyerlensConsoleBench.run(n, cards),
      [iterations, { url: CARDS_URL, body, requestBody }] as const,
    );
    return { rows, ...run, tasks };
  } finally {
    await page.close();
  }
}
