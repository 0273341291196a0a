/**
 * npm start [-- --headless] [-- --no-build]
 *
 * Builds BuyerLens, opens Chromium with it on the demo consoles (Shopee Seller Centre, Amazon Seller
 * Central, TikTok Shop Seller Center and Lazada Seller Center, served at their real URLs with
 * generated demo data), browses the order lists (and a few TikTok chats and Lazada orders) so
 * BuyerLens learns the buyers, then opens an order whose buyer the side panel shows.
 * --headless: for machines without a display; writes screenshots to artifacts/start/ and exits.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchWithExtension, NO_CHROMIUM, findChromium } from './browser';
import { generateDemo } from './demo/data';
import { seedDemo, waitForConsole } from './demo/seed';
import { DEMO_SHOP_ADMIN, DEMO_SHOPEE, routeDemoConsoles } from './demo/serve';
import { lazadaOrders } from './demo/lazada';
import { tiktokOrders } from './demo/tiktok';

const { values } = parseArgs({ options: { headless: { type: 'boolean' }, 'no-build': { type: 'boolean' } } });
const root = resolve(import.meta.dirname, '..');

if (!findChromium()) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
if (!values['no-build']) {
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
}

const data = generateDemo();
console.log(`Demo data: ${data.shopee.length} Shopee orders, ${data.amazon.length} Amazon orders, ${tiktokOrders(data).length} TikTok Shop orders, ${lazadaOrders(data).length} Lazada orders.`);
const headless = values.headless === true;
const { context, panelUrl, extensionId } = await launchWithExtension({ headless, viewport: headless ? { width: 1280, height: 800 } : null });
await routeDemoConsoles(context, data);

console.log('Browsing the demo order lists so BuyerLens learns the buyers…');
await seedDemo(context, data);

// A regular buyer with an order to look at: the one with most orders.
const counts = new Map<string, number>();
for (const o of data.shopee) counts.set(o.buyerUserId, (counts.get(o.buyerUserId) ?? 0) + 1);
const regular = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
const order = data.shopee.find((o) => o.buyerUserId === regular)!;

const consolePage = context.pages()[0] ?? (await context.newPage());
await consolePage.goto(`${DEMO_SHOPEE}/portal/sale/order/${order.orderId}`);
await waitForConsole(consolePage);
console.log(`On screen: order ${order.orderSn} of ${order.username}.`);

/** What a seller's team would have written about a regular: a tag and a note, through the panel. */
async function annotate(panel: Page): Promise<void> {
  await panel.getByTestId('buyer-card').waitFor();
  // Tiers follow a capture burst by a moment (the background re-scores a shop once it settles).
  await panel.locator('[data-testid="rfm-tier"][data-segment]').waitFor({ timeout: 15_000 }).catch(() => undefined);
  if ((await panel.getByTestId('tag-chip').count()) > 0) return;
  await panel.getByTestId('tag-input').fill('VIP');
  await panel.getByTestId('tag-input').press('Enter');
  await panel.getByTestId('note-input').fill('Prefers delivery after 6 pm. Asked for gift wrap last time.');
  await panel.getByTestId('note-input').press('Control+Enter');
  await panel.getByTestId('note-list').getByText('gift wrap').waitFor();
}

if (headless) {
  const out = join(root, 'artifacts', 'start');
  mkdirSync(out, { recursive: true });
  await consolePage.screenshot({ path: join(out, 'console.png') });
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(panelUrl);
  // (A string: tsx would wrap a function's inner helpers in its own __name, which the page lacks.)
  const stored = (await panel.evaluate(`new Promise((done) => {
    const open = indexedDB.open('buyerlens');
    open.onsuccess = () => {
      const tx = open.result.transaction(['buyers', 'orders']);
      const buyers = tx.objectStore('buyers').count();
      const orders = tx.objectStore('orders').count();
      tx.oncomplete = () => { open.result.close(); done({ buyers: buyers.result, orders: orders.result }); };
    };
  })`)) as { buyers: number; orders: number };
  console.log(`BuyerLens stored ${stored.buyers} buyers and ${stored.orders} orders.`);
  await annotate(panel);
  await panel.screenshot({ path: join(out, 'panel.png'), fullPage: true });
  // The two as a seller sees them: the console with the panel beside it.
  const both = await context.newPage();
  await both.setViewportSize({ width: 1280 + 400, height: 800 });
  const image = (name: string) => `data:image/png;base64,${readFileSync(join(out, name)).toString('base64')}`;
  await both.setContent(
    `<body style="margin:0;display:flex;background:#ddd"><img src="${image('console.png')}" width="1280" height="800">` +
      `<div style="width:400px;height:800px;overflow:hidden;border-left:1px solid #bbb"><img src="${image('panel.png')}" width="400"></div></body>`,
  );
  await both.screenshot({ path: join(out, 'side-by-side.png') });
  for (const [name, path] of [
    ['buyers.png', '/buyers.html'],
    ['options.png', '/options.html'],
  ] as const) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`chrome-extension://${extensionId}${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, name), fullPage: name === 'options.png' });
  }
  console.log(`Screenshots in ${out}: console.png, panel.png, side-by-side.png, buyers.png, options.png`);
  await context.close();
} else {
  // The real side panel opens only from a click on the toolbar button; until then the panel sits in
  // a narrow window beside the console.
  const [worker] = context.serviceWorkers();
  const panelOpened = context.waitForEvent('page', { predicate: (p) => p.url() === panelUrl });
  await worker?.evaluate((url) => {
    const { chrome } = globalThis as unknown as { chrome: { windows: { create(options: object): Promise<unknown> } } };
    return chrome.windows.create({ url, type: 'popup', width: 420, height: 860, left: 1290, top: 0 });
  }, panelUrl);
  await annotate(await panelOpened);
  // A shop admin BuyerLens has no adapter for, in a tab of its own: to try "Teach BuyerLens this page".
  const shopAdmin = await context.newPage();
  await shopAdmin.goto(`${DEMO_SHOP_ADMIN}/admin/orders`);
  await consolePage.bringToFront();
  console.log(`BuyerLens (${extensionId}) is open beside the demo console. Click its toolbar button for the side panel.`);
  console.log(`Another tab holds a shop admin BuyerLens has no adapter for (${DEMO_SHOP_ADMIN}/admin/orders): teach it from the panel.`);
  console.log('Close the browser window to finish.');
  await new Promise<void>((done) => context.on('close', () => done()));
}
