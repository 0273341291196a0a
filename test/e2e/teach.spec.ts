import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_SHOP_ADMIN, SHOP_ADMIN_PER_PAGE, shopAdminOrders } from '../../scripts/demo/shop-admin';
import { expect, readTable, test, waitForStore } from './fixtures';

/**
 * Teaching BuyerLens a console it has no adapter for, clicking exactly as a seller does: the panel's
 * "Teach BuyerLens this page", the tab, the fields, one click on each in one order of the page; the
 * preview finds every order of the page; Save; paging the list fills the buyers page; and a change
 * of the page's markup raises capture health. The demo shop admin (scripts/demo/shop-admin.ts) is a
 * generic SPA with its own markup and JSON, served at http://127.0.0.1:3000, which the test build is
 * granted at install (BUYERLENS_TEST_ORIGINS, scripts/test.ts), so the browser grants it without a prompt.
 */

const LIST = `${DEMO_SHOP_ADMIN}/admin/orders`;

async function pick(panel: Page, shop: Page, field: string, selector: string): Promise<void> {
  await panel.locator(`[data-testid="teach-field"][data-field="${field}"]`).click();
  await expect(panel.locator(`[data-testid="teach-field"][data-field="${field}"]`)).toHaveAttribute('aria-pressed', 'true');
  await shop.locator(selector).first().click();
  await expect(panel.locator(`[data-testid="teach-field"][data-field="${field}"]`)).toHaveAttribute('data-picked', 'true');
}

test('a seller teaches a shop admin by pointing at one order, and BuyerLens reads every page of it', async ({ extension, demo }) => {
  const orders = shopAdminOrders(demo);
  const shop = await extension.context.newPage();
  await shop.goto(LIST);
  await expect(shop.locator('.order-feed article')).toHaveCount(SHOP_ADMIN_PER_PAGE);

  const panel = await extension.openPanel(460);
  await panel.getByTestId('teach-start').click();
  const option = panel.getByTestId('teach-tab-option').filter({ hasText: LIST });
  await expect(option).toHaveCount(1);
  await expect(option).toContainText('Orders · Aurora Home Goods admin');
  await panel.screenshot({ path: test.info().outputPath('teach-tabs.png') });
  await option.click();
  await expect(panel.getByTestId('teach-session')).toBeVisible();
  // Teaching reloads the page so BuyerLens sees the JSON it loads.
  await expect(shop.locator('.order-feed article')).toHaveCount(SHOP_ADMIN_PER_PAGE);

  await pick(panel, shop, 'orderNumber', '.order-feed article .ref');
  // The click that picked the order number's link never reached the page: no navigation.
  await expect(shop).toHaveURL(LIST);
  await pick(panel, shop, 'buyer', '.order-feed article .who');
  // Clicks while no field is armed are the page's own: paging there and back re-renders the list,
  // and the picks are found again where they were.
  await shop.getByRole('button', { name: 'Next ›' }).click();
  await expect(shop.locator('.page-of')).toHaveText(/^Page 2 of/);
  await shop.getByRole('button', { name: '‹ Previous' }).click();
  await expect(shop.locator('.page-of')).toHaveText(/^Page 1 of/);
  await pick(panel, shop, 'placedAt', '.order-feed article time');
  await pick(panel, shop, 'total', '.order-feed article .amount');
  await pick(panel, shop, 'status', '.order-feed article .pill');
  await pick(panel, shop, 'items', '.order-feed article .lines li');

  const preview = panel.getByTestId('teach-preview');
  await expect(panel.getByTestId('teach-preview-row')).toHaveCount(SHOP_ADMIN_PER_PAGE);
  await expect(panel.getByTestId('teach-source')).toHaveAttribute('data-source', 'json');
  await expect(panel.getByTestId('teach-currency')).toHaveValue('USD');
  const first = orders[0]!;
  await expect(panel.getByTestId('teach-preview-row').first()).toContainText(first.reference);
  await expect(panel.getByTestId('teach-preview-row').first()).toContainText(first.customer.display_name);
  await expect(panel.getByTestId('teach-preview-row').first()).toContainText(`$${Number(first.total).toFixed(2)}`);
  await preview.screenshot({ path: test.info().outputPath('teach-preview.png') });
  await panel.screenshot({ path: test.info().outputPath('teach-panel.png'), fullPage: true });

  await panel.getByTestId('teach-save').click();
  await expect(panel.getByTestId('teach-session')).toHaveCount(0);

  // Page 1 (already loaded) is read from what the tap saw; pages 2 and 3 as the seller pages on.
  const pages = Math.ceil(orders.length / SHOP_ADMIN_PER_PAGE);
  for (let page = 2; page <= pages; page++) {
    await shop.getByRole('button', { name: 'Next ›' }).click();
    await expect(shop.locator('.page-of')).toHaveText(`Page ${page} of ${pages}`);
  }
  await waitForStore(panel, 'orders', (rows) => rows.filter((row) => String(row.orderKey).startsWith('site:127.0.0.1_3000:')).length === orders.length);

  // The buyers page: every buyer of the shop admin, with their order count and total.
  const byBuyer = new Map<string, { count: number; cents: number }>();
  for (const order of orders) {
    const known = byBuyer.get(order.customer.display_name) ?? { count: 0, cents: 0 };
    // Purchases are what a buyer spent: paid and fulfilled orders (not pending, cancelled or refunded ones).
    const counted = order.state === 'paid' || order.state === 'fulfilled';
    byBuyer.set(order.customer.display_name, { count: known.count + 1, cents: known.cents + (counted ? Math.round(Number(order.total) * 100) : 0) });
  }
  const buyers = (await readTable(panel, 'buyers')).filter((buyer) => String(buyer.buyerKey).startsWith('site:127.0.0.1_3000:'));
  expect(buyers.map((buyer) => buyer.displayName).sort()).toEqual([...byBuyer.keys()].sort());
  const buyersPage = await extension.context.newPage();
  await buyersPage.goto(`chrome-extension://${extension.extensionId}/buyers.html`);
  for (const [name] of byBuyer) await expect(buyersPage.getByTestId('buyer-row').filter({ hasText: name })).toHaveCount(1);
  await buyersPage.screenshot({ path: test.info().outputPath('teach-buyers.png'), fullPage: true });
  for (const buyer of buyers) {
    const expected = byBuyer.get(String(buyer.displayName))!;
    const stats = buyer.stats as { orderCount: number; spentMinor: number; currency?: string };
    expect(stats.orderCount, String(buyer.displayName)).toBe(expected.count);
    expect(stats.spentMinor, String(buyer.displayName)).toBe(expected.cents);
    if (expected.cents > 0) expect(stats.currency).toBe('USD');
  }

  // The recipe is listed in the settings.
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(options.getByTestId('recipe-item')).toHaveCount(1);
  await expect(options.getByTestId('recipe-item')).toContainText('127.0.0.1:3000');

  // The shop admin changes its markup: the buyer's name moves to another element. Within this page
  // view, the panel says BuyerLens no longer finds it, and offers to re-teach.
  await shop.bringToFront();
  await shop.evaluate(() => {
    for (const who of document.querySelectorAll('.order-feed .who')) {
      const renamed = document.createElement('span');
      renamed.className = 'customer-name';
      renamed.textContent = who.textContent;
      who.replaceWith(renamed);
    }
  });
  // The seller is on the shop's tab when its reading fails (the panel follows the tab in front).
  await expect
    .poll(() =>
      panel.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } };
        return Object.entries(await chrome.storage.session.get(null)).some(([key, value]) => key.startsWith('health:') && (value as { broken?: boolean }).broken === true);
      }),
    )
    .toBe(true);
  await panel.bringToFront();
  await expect(panel.getByTestId('capture-health')).toBeVisible();
  await expect(panel.getByTestId('capture-health')).toContainText('Buyer');
  await expect(panel.getByTestId('capture-health-reteach')).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath('teach-health.png') });
});

test('a chat page is taught the same way: the panel follows the chat’s buyer and Insert fills its reply box', async ({ extension, demo }) => {
  const orders = shopAdminOrders(demo);
  const buyer = orders[0]!.customer.display_name;
  const shop = await extension.context.newPage();
  const panel = await extension.openPanel(460);

  // The list first (so BuyerLens knows the buyer and their orders), then the inbox.
  await shop.goto(LIST);
  await panel.getByTestId('teach-start').click();
  await panel.getByTestId('teach-tab-option').filter({ hasText: LIST }).click();
  await expect(panel.getByTestId('teach-session')).toBeVisible();
  for (const [field, selector] of [['orderNumber', '.ref'], ['buyer', '.who'], ['total', '.amount']] as const) await pick(panel, shop, field, `.order-feed article ${selector}`);
  await expect(panel.getByTestId('teach-preview-row')).toHaveCount(SHOP_ADMIN_PER_PAGE);
  await panel.getByTestId('teach-save').click();
  await waitForStore(panel, 'buyers', (rows) => rows.some((row) => row.displayName === buyer));

  await shop.goto(`${DEMO_SHOP_ADMIN}/admin/inbox`);
  await panel.getByTestId('teach-start').click();
  await panel.getByTestId('teach-tab-option').filter({ hasText: '/admin/inbox' }).click();
  await expect(panel.getByTestId('teach-session')).toBeVisible();
  await panel.getByTestId('teach-kind').selectOption('chat');
  await pick(panel, shop, 'chatBuyer', '.thread-head .thread-with');
  await pick(panel, shop, 'replyBox', 'textarea.composer-input');
  await expect(panel.getByTestId('teach-preview')).toContainText(buyer);
  await panel.getByTestId('teach-name').fill('Aurora inbox');
  await panel.getByTestId('teach-save').click();
  await expect(panel.getByTestId('teach-session')).toHaveCount(0);

  // The panel follows the chat's buyer: their card, their orders, and replies for them.
  await shop.bringToFront();
  await shop.reload();
  await panel.bringToFront();
  await expect(panel.getByTestId('buyer-card')).toContainText(buyer);
  const insert = panel.getByTestId('reply-suggestions').getByTestId('reply-item').first().getByTestId('reply-insert');
  await insert.click();
  await expect(shop.locator('textarea.composer-input')).not.toHaveValue('');
  await panel.screenshot({ path: test.info().outputPath('teach-chat-panel.png') });
});

test('a WooCommerce orders page is offered the built-in recipe; recipes export, delete (taking the site’s script and access with them) and import', async ({ extension }) => {
  const fixtures = join(import.meta.dirname, '..', 'fixtures', 'woocommerce');
  const expected = JSON.parse(readFileSync(join(fixtures, 'orders-hpos.expected.json'), 'utf8')) as { orders: { orderId: string; buyerName?: string; totalMinor: number }[] };
  // WooCommerce's HPOS order list (markup from its ListTable.php), on the granted test site.
  await extension.context.route(`${DEMO_SHOP_ADMIN}/wp-admin/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(fixtures, 'orders-hpos.html'), 'utf8') }));
  const shop = await extension.context.newPage();
  await shop.goto(`${DEMO_SHOP_ADMIN}/wp-admin/admin.php?page=wc-orders`);

  const panel = await extension.openPanel(460);
  await panel.getByTestId('teach-start').click();
  await panel.getByTestId('teach-tab-option').filter({ hasText: '/wp-admin/admin.php?page=wc-orders' }).click();
  await expect(panel.getByTestId('teach-built-in')).toHaveAttribute('data-recipe-id', 'woocommerce-orders-hpos');
  await panel.getByTestId('teach-built-in').screenshot({ path: test.info().outputPath('teach-built-in.png') });
  await panel.getByTestId('teach-built-in-currency').selectOption('USD');
  await panel.getByTestId('teach-built-in-use').click();
  await waitForStore(panel, 'orders', (rows) => rows.filter((row) => String(row.orderKey).startsWith('site:127.0.0.1_3000:')).length === expected.orders.length);
  const orders = (await readTable(panel, 'orders')).filter((row) => String(row.orderKey).startsWith('site:127.0.0.1_3000:'));
  for (const want of expected.orders) {
    expect(orders.find((order) => order.orderId === want.orderId), want.orderId).toMatchObject({ totalMinor: want.totalMinor, currency: 'USD' });
  }

  const worker = extension.context.serviceWorkers()[0]!;
  // (The service worker's own chrome.scripting: which scripts BuyerLens has registered for taught sites.)
  const registered = () =>
    worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } };
      return (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id);
    });
  expect(await registered()).toEqual(expect.arrayContaining([expect.stringMatching(/^site-tap-/), expect.stringMatching(/^site-run-/)]));

  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(options.getByTestId('recipe-item')).toHaveCount(1);
  const download = options.waitForEvent('download');
  await options.getByTestId('recipes-export').click();
  const file = await (await download).path();
  options.once('dialog', (dialog) => void dialog.accept());
  await options.getByTestId('recipe-delete').click();
  await expect(options.getByTestId('recipe-item')).toHaveCount(0);
  await expect.poll(registered).toEqual([]);

  await options.getByTestId('recipes-import').setInputFiles(file);
  await expect(options.getByTestId('recipes-import-result')).toHaveText('Recipes imported: 1 new, 0 updated.');
  await expect(options.getByTestId('recipe-item').getByRole('textbox')).toHaveValue('WooCommerce orders');
  await expect(options.getByTestId('recipe-item')).toContainText('http://127.0.0.1:3000 · A list of orders');
  await expect.poll(async () => (await registered()).length).toBe(2);
  await options.getByTestId('recipes-settings').screenshot({ path: test.info().outputPath('recipes-settings.png') });
});
