import type { BrowserContext, Page } from 'playwright-core';
import type { DemoData } from './data';
import { DEMO_AMAZON, DEMO_SHOPEE } from './serve';
import { DEMO_TIKTOK, tiktokOrders } from './tiktok';
import { DEMO_LAZADA, lazadaOrders } from './lazada';

/** Waits until the page's console has rendered its order list or order (the demo shells say "Loading…" until then). */
export async function waitForConsole(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.getElementById('page') ?? document.getElementById('MYO-app');
    return !!root && !/^(Carregando…|Loading…)$/.test(root.textContent?.trim() ?? '');
  });
}

/** Browses pages of an order list the way a seller pages through it. */
async function browseList(page: Page, url: string, pages: number): Promise<void> {
  await page.goto(url);
  await waitForConsole(page);
  for (let n = 1; n < pages; n++) {
    const next = page.locator('[data-demo="next-page"]');
    if ((await next.count()) === 0) break;
    await next.click();
    await waitForConsole(page);
  }
}

/** Opens order details in the SPA, one after another, as an agent working through orders would. */
async function openAmazonDetails(page: Page, orderIds: readonly string[]): Promise<void> {
  for (const id of orderIds) {
    const loaded = page.waitForResponse((r) => r.url().endsWith(`/orders-api/order/${id}`));
    await page.evaluate((orderId) => {
      history.pushState(null, '', `/orders-v3/order/${orderId}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, id);
    await loaded;
    await waitForConsole(page);
    // The buyer's name is only on the page (not in the order JSON): stay while BuyerLens reads the
    // page once it has settled (lib/content/dom-reader.ts, 400 ms), as an agent reading it would.
    await page.waitForTimeout(600);
  }
}

/** A new tab for the next console, once the last captures of this one reached the background. */
async function nextTab(context: BrowserContext, page: Page): Promise<Page> {
  await page.waitForTimeout(500);
  await page.close();
  return context.newPage();
}

export interface SeedOptions {
  /** Amazon lists carry no buyer: details of this many recent orders attach them to their buyers. */
  amazonDetails?: number;
  /** TikTok Shop orders name no buyer: the chats of this many buyers attach theirs. */
  tiktokChats?: number;
  /** Lazada lists name their buyers: the pages of this many recent orders add their Grand Totals (vouchers). */
  lazadaDetails?: number;
}

/** Pages through Lazada's order list, in the page, to its last page (the demo marks each page rendered on its body). */
export async function browseLazada(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('body[data-demo-ready="true"][data-demo-page="1"]').waitFor();
  for (let n = 2; (await page.locator('[data-demo="next-page"]').count()) > 0; n++) {
    await page.locator('[data-demo="next-page"]').click();
    await page.locator(`body[data-demo-ready="true"][data-demo-page="${n}"]`).waitFor();
  }
}

/**
 * Fills BuyerLens the way a seller does: by opening the demo consoles' order lists page by page (and,
 * on Amazon and Lazada, order details; on TikTok Shop, chats). Everything goes through the content
 * scripts and the background.
 */
export async function seedDemo(context: BrowserContext, data: DemoData, options: SeedOptions = {}): Promise<void> {
  // One tab per console, as sellers work: BuyerLens takes at most 120 captures a minute from one tab
  // (lib/tab-budget.ts), which a robot browsing every console in one tab would exceed.
  let page = await context.newPage();
  const pageSize = 100;
  await browseList(page, `${DEMO_SHOPEE}/portal/sale/order?page_size=${pageSize}`, Math.ceil(data.shopee.length / pageSize));
  await browseList(page, `${DEMO_AMAZON}/orders-v3?page=1&page_size=${pageSize}`, Math.ceil(data.amazon.length / pageSize));
  const recentBuyers = [...new Set(data.amazon.map((o) => o.buyerToken))].slice(0, options.amazonDetails ?? 40);
  const detailIds = data.amazon.filter((o) => recentBuyers.includes(o.buyerToken)).map((o) => o.orderId);
  await openAmazonDetails(page, detailIds);
  // TikTok Shop: the order list, then the chats of a few buyers (the chat is where a buyer is named).
  page = await nextTab(context, page);
  await page.goto(`${DEMO_TIKTOK}/order?selected_sort=6&tab=all&page_size=50`);
  await page.locator('body[data-demo-ready="true"]').waitFor();
  for (const buyerId of [...new Set(tiktokOrders(data).map((o) => o.buyerId))].slice(0, options.tiktokChats ?? 10)) {
    await page.goto(`${DEMO_TIKTOK}/chat?shop_region=BR&conversation=76${buyerId}`);
    await page.locator('body[data-demo-ready="true"]').waitFor();
  }
  // Lazada PH: the order list, every page, then a few orders' own pages.
  page = await nextTab(context, page);
  await browseLazada(page, `${DEMO_LAZADA}/apps/order/list?pageSize=100`);
  for (const order of lazadaOrders(data).slice(0, options.lazadaDetails ?? 5)) {
    await page.goto(`${DEMO_LAZADA}/apps/order/detail?tradeOrderId=${order.orderNumber}`);
    await page.locator('body[data-demo-ready="true"]').waitFor();
    // As an agent reading the order would: the capture reaches the background before the next page.
    await page.waitForTimeout(300);
  }
  // Let the last captures reach the background before the page goes.
  await page.waitForTimeout(1000);
  await page.close();
}
