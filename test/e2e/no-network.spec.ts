import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Request, Worker } from '@playwright/test';
import { seedDemo } from '../../scripts/demo/seed';
import { DEMO_AMAZON, DEMO_SHOPEE } from '../../scripts/demo/serve';
import { DEMO_LAZADA, DEMO_LAZADA_GATEWAY } from '../../scripts/demo/lazada';
import { DEMO_TIKTOK } from '../../scripts/demo/tiktok';
import { shopeeConversations } from '../../scripts/demo/responses';
import { expect, readTable, test, type Extension } from './fixtures';

/**
 * "Nothing leaves your computer" (README, privacy; issue 15, item 7), checked over a whole session:
 * capture on every demo console, the side panel with a buyer on screen, a reply inserted into the
 * chat, a tag made in the settings, the buyers page, CSV and Excel exports (the export worker) and a
 * backup. Every request of the browser context is recorded, and every attempt the extension pages'
 * CSP (wxt.config.ts) blocked; the extension's contexts (its service worker, its pages, their workers)
 * may reach their own files only, a console page only the (routed) demo marketplace origins.
 */

const CONSOLE_ORIGINS = [DEMO_SHOPEE, DEMO_AMAZON, DEMO_TIKTOK, DEMO_LAZADA, DEMO_LAZADA_GATEWAY];
/** Where the control attempts at the end go; routed, so even the one the CSP lets through stays here. */
const CONTROL = 'https://example.com/buyerlens-control';
/** How a CSP violation seen inside the extension is reported to the test (console, from any context). */
const VIOLATION = 'buyerlens-test:csp-violation ';

interface Outside {
  url: string;
  /** Who asked: `service worker`, `extension page <path>`, `page <url>`. */
  from: string;
  /** `network`: the request was made; `blocked by CSP (<directive>)`: the policy stopped it. */
  how: string;
}

interface Violation {
  blockedURI: string;
  directive: string;
  source: string;
}

/** Runs in every extension page (init script) and is evaluated in its workers: reports CSP violations. */
function reportCspViolations(prefix: string): void {
  const scope = globalThis as unknown as { __buyerlensCspReporter?: true } & EventTarget;
  // The init script runs in every page of the context: the consoles' pages are not the extension's.
  if (location.protocol !== 'chrome-extension:' || scope.__buyerlensCspReporter) return;
  scope.__buyerlensCspReporter = true;
  scope.addEventListener('securitypolicyviolation', (event) => {
    const e = event as SecurityPolicyViolationEvent;
    console.error(prefix + JSON.stringify({ blockedURI: e.blockedURI, directive: e.effectiveDirective, source: e.sourceFile }));
  });
}

/**
 * Records, for the whole browser context:
 * - every request the browser made (context 'request': pages, the workers they start, and — for a
 *   persistent Chromium context — the extension's service worker, whose requests carry
 *   `request.serviceWorker()`); an extension context's request to anything but its own
 *   chrome-extension:// files, or a console page's to anything but its marketplace origin, is outside;
 * - every attempt the CSP blocked before it became a request (a blocked fetch or beacon never reaches
 *   the network, so no 'request' event shows it): the `securitypolicyviolation` events of the
 *   extension pages (an init script), of the service worker and of the pages' workers (evaluated in
 *   them as they start), with the URL they tried. Other violations (an inline style the policy
 *   refused…) are kept apart: the pages must work under the policy too.
 */
class NetworkRecorder {
  readonly outside: Outside[] = [];
  readonly policyViolations: Violation[] = [];
  /** Requests of the extension's own files, to show that the recorder sees the extension's contexts at all. */
  readonly ownRequests: string[] = [];
  /** The extension's workers seen start (`<label> <url>`): their requests are in 'request'. */
  readonly workers: string[] = [];

  private constructor(private readonly base: string) {}

  static async start({ context, extensionId }: Extension): Promise<NetworkRecorder> {
    const recorder = new NetworkRecorder(`chrome-extension://${extensionId}/`);
    context.on('request', (request) => recorder.onRequest(request));
    await context.addInitScript(reportCspViolations, VIOLATION);
    context.on('console', (message) => {
      if (!message.worker()) recorder.onConsole(message.text(), recorder.pageLabel(message.page()?.url() ?? ''));
    });
    context.on('page', (page) => page.on('worker', (worker) => void recorder.watchWorker(worker, `worker of ${page.url()}`)));
    // The service worker started with the context; a new one (Chromium stops an idle worker) is watched too.
    for (const worker of context.serviceWorkers()) await recorder.watchWorker(worker, 'service worker');
    context.on('serviceworker', (worker) => void recorder.watchWorker(worker, 'service worker'));
    return recorder;
  }

  private async watchWorker(worker: Worker, from: string): Promise<void> {
    if (!worker.url().startsWith(this.base)) return;
    this.workers.push(`${from} ${worker.url()}`);
    worker.on('console', (message) => this.onConsole(message.text(), from));
    // A short-lived worker (an export of a few buyers) may be done before this runs in it: what it
    // requested is in 'request' all the same; only an attempt its CSP blocked before this could go unseen.
    await worker.evaluate(reportCspViolations, VIOLATION).catch(() => undefined);
  }

  private onConsole(text: string, from: string): void {
    if (!text.startsWith(VIOLATION)) return;
    const violation = JSON.parse(text.slice(VIOLATION.length)) as Violation;
    // zod probes once whether it may compile validators (`new Function('')`, caught): not a request.
    if (violation.blockedURI === 'eval') return;
    if (/^(https?|wss?|ftp):/.test(violation.blockedURI)) this.outside.push({ url: violation.blockedURI, from, how: `blocked by CSP (${violation.directive})` });
    else this.policyViolations.push(violation);
  }

  private onRequest(request: Request): void {
    const url = request.url();
    const from = this.requester(request);
    const extension = from === 'service worker' || from.startsWith('extension page');
    if (url.startsWith(this.base) || url.startsWith(`blob:${this.base}`) || url.startsWith('data:')) {
      if (extension) this.ownRequests.push(url);
      return;
    }
    // The console pages' own requests (served by the demo routes) are the marketplace's, not BuyerLens's.
    if (!extension && CONSOLE_ORIGINS.includes(new URL(url).origin)) return;
    this.outside.push({ url, from, how: 'network' });
  }

  private requester(request: Request): string {
    if (request.serviceWorker()) return request.serviceWorker()!.url().startsWith(this.base) ? 'service worker' : `service worker ${request.serviceWorker()!.url()}`;
    let frameUrl = '';
    try {
      frameUrl = request.frame().url();
    } catch {
      return 'unknown';
    }
    return this.pageLabel(frameUrl);
  }

  pageLabel(url: string): string {
    return url.startsWith(this.base) ? `extension page ${url.slice(this.base.length - 1)}` : `page ${url}`;
  }
}

function serviceWorker(context: BrowserContext, extensionId: string): Worker {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('The extension’s service worker is not running.');
  return worker;
}

/** The panel shows the buyer of a Shopee chat; their first suggested reply goes into the chat box. */
async function insertReply(extension: Extension, demo: Parameters<typeof shopeeConversations>[0]): Promise<Page> {
  const panel = await extension.openPanel();
  const conversation = shopeeConversations(demo)[0]!;
  const chat = await extension.context.newPage();
  await chat.goto(`${DEMO_SHOPEE}/webchat/conversations/${conversation.id}`);
  await expect(chat.locator('.chat-input textarea')).toBeVisible();
  await expect(panel.getByTestId('buyer-name')).toHaveText(conversation.to_name);
  // The first reply that needs no fill-in (one with a prompt waits for it, disabled).
  await panel.getByTestId('reply-suggestions').locator('[data-testid="reply-insert"]:enabled').first().click();
  await expect(chat.locator('.chat-input textarea')).not.toHaveValue('');
  await chat.close();
  return panel;
}

/** The buyers page, opened from the panel's button; CSV and Excel exports and a backup, downloaded. */
async function exportAndBackUp(extension: Extension, panel: Page, outputPath: (name: string) => string): Promise<Page> {
  const opened = extension.context.waitForEvent('page', (p) => p.url().endsWith('/buyers.html'));
  await panel.getByTestId('open-buyers').click();
  const buyers = await opened;
  await buyers.setViewportSize({ width: 1400, height: 900 });
  await expect(buyers.getByTestId('buyers-page')).toBeVisible();
  const total = (await readTable(buyers, 'buyers')).length;
  await expect(buyers.getByTestId('buyers-count')).toHaveAttribute('data-count', String(total));
  for (const [button, name] of [['export-csv', 'buyers.csv'], ['export-xlsx', 'buyers.xlsx'], ['backup-download', 'backup.json']] as const) {
    const download = buyers.waitForEvent('download');
    await buyers.getByTestId(button).click();
    await (await download).saveAs(outputPath(name));
  }
  await expect(buyers.getByTestId('export-result')).toHaveText(`Exported ${total} buyers.`);
  // The CSV has every buyer (a header line and a BOM besides).
  expect(readFileSync(outputPath('buyers.csv'), 'utf8').trim().split('\n').length).toBeGreaterThan(total);
  return buyers;
}

test('a whole session (capture, panel, reply, settings, buyers page, exports, backup) requests nothing outside the extension; an attempt would be seen', async ({ extension, demo }, testInfo) => {
  test.setTimeout(240_000);
  const { context, extensionId } = extension;
  const recorder = await NetworkRecorder.start(extension);

  // Capture: both consoles' order lists, page by page, and Amazon order details.
  await seedDemo(context, demo, { amazonDetails: 10 });
  const panel = await insertReply(extension, demo);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('textbox', { name: 'New tag' }).fill('Campaign');
  await options.getByRole('textbox', { name: 'New tag' }).press('Enter');
  await expect(options.getByTestId('tag-row')).toHaveCount(1);

  const buyers = await exportAndBackUp(extension, panel, (name) => testInfo.outputPath(name));
  // Debounced work (RFM re-scoring) and anything else the background does after the last action.
  await buyers.waitForTimeout(2000);

  // The recorder saw the pages load their own files, the service worker and the export workers.
  expect(recorder.ownRequests.some((url) => url.includes('/chunks/sidepanel-'))).toBe(true);
  expect(recorder.workers.filter((w) => w.startsWith('service worker'))).not.toEqual([]);
  // Both exports ran in workers the recorder watched (the page also keeps one started ahead for the next).
  expect(recorder.workers.filter((w) => w.includes('/assets/export-worker-')).length).toBeGreaterThanOrEqual(3);
  expect(recorder.outside).toEqual([]);
  expect(recorder.policyViolations).toEqual([]);

  // Controls: what a leak would look like. From the panel and from the service worker, a fetch to
  // the outside is blocked by the CSP and recorded; a navigation (which no CSP directive covers) is a
  // request, recorded too (routed here, so it goes nowhere).
  await context.route(`${CONTROL}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'control' }));
  const tryFetch = (url: string) => fetch(url).then((r) => `answered ${r.status}`, (e: unknown) => `refused: ${String(e)}`);
  expect(await panel.evaluate(tryFetch, `${CONTROL}/panel-fetch`)).toMatch(/^refused/);
  expect(await serviceWorker(context, extensionId).evaluate(tryFetch, `${CONTROL}/service-worker-fetch`)).toMatch(/^refused/);
  await options.evaluate((u) => location.assign(u), `${CONTROL}/navigation`);
  await expect
    .poll(() => recorder.outside.map(({ url, from, how }) => `${url} ← ${from}: ${how}`).sort())
    .toEqual([
      `${CONTROL}/navigation ← extension page /options.html: network`,
      `${CONTROL}/panel-fetch ← extension page /sidepanel.html: blocked by CSP (connect-src)`,
      `${CONTROL}/service-worker-fetch ← service worker: blocked by CSP (connect-src)`,
    ]);
});
