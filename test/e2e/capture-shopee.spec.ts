import { DEMO_SHOPEE } from '../../scripts/demo/serve';
import { waitForConsole } from '../../scripts/demo/seed';
import { busiestBuyer, shopeeExpectation } from './expected';
import { expect, readTable, test } from './fixtures';

test('Shopee: order list then order detail → the panel shows that buyer with their order count and total', async ({ extension, demo }, testInfo) => {
  const buyerId = busiestBuyer(demo.shopee, (o) => o.buyerUserId);
  const expected = shopeeExpectation(demo, buyerId);
  const newest = expected.orders[0]!;

  // A buyers page open while the seller works lists the buyers as they are captured.
  const buyers = await extension.context.newPage();
  await buyers.goto(`chrome-extension://${extension.extensionId}/buyers.html`);
  await expect(buyers.getByTestId('buyers-count')).toHaveAttribute('data-count', '0');

  const page = await extension.context.newPage();
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(page);
  // From the list to the order, inside the single-page app (no page load), as sellers click.
  await page.locator(`a.order-card[href="/portal/sale/order/${newest.orderId}"]`).click();
  await expect(page).toHaveURL(`${DEMO_SHOPEE}/portal/sale/order/${newest.orderId}`);
  await waitForConsole(page);

  const panel = await extension.openPanel();
  await expect(panel.getByTestId('buyer-name')).toHaveText(newest.username);
  const stats = panel.getByTestId('buyer-stats');
  await expect(stats.locator('.stat', { hasText: 'Orders' }).locator('dd')).toHaveText(String(expected.count));
  await expect(stats.locator('.stat', { hasText: 'Total spent' }).locator('dd')).toHaveText(expected.spentText);
  const rows = panel.getByTestId('order-history').getByTestId('order-row');
  await expect(rows).toHaveCount(expected.count);
  // Newest first, and the one on screen has its exact time from the detail JSON.
  await expect(rows.first()).toContainText(newest.orderSn);
  await panel.screenshot({ path: testInfo.outputPath('panel-shopee.png'), fullPage: true });

  // The marketplace's origin holds no BuyerLens data: the store lives in the extension.
  expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
  const stored = await readTable<{ buyerKey: string; stats: { orderCount: number } }>(panel, 'buyers');
  expect(stored.find((b) => b.buyerKey === `shopee:br:${buyerId}`)?.stats.orderCount).toBe(expected.count);

  const listed = buyers.getByTestId('buyer-row').filter({ hasText: newest.username });
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(expected.spentText);
  await expect(buyers.getByTestId('buyers-count')).toHaveAttribute('data-count', String(new Set(stored.map((b) => b.buyerKey)).size));
});

test('Shopee: the panel follows the seller from one order to the next', async ({ extension, demo }) => {
  const [first, second] = [...new Set(demo.shopee.map((o) => o.buyerUserId))];
  const firstOrder = demo.shopee.find((o) => o.buyerUserId === first)!;
  const secondOrder = demo.shopee.find((o) => o.buyerUserId === second)!;
  const page = await extension.context.newPage();
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(page);
  await page.locator(`a.order-card[href="/portal/sale/order/${firstOrder.orderId}"]`).click();
  const panel = await extension.openPanel();
  await expect(panel.getByTestId('buyer-name')).toHaveText(firstOrder.username);

  await page.goBack();
  await waitForConsole(page);
  await page.locator(`a.order-card[href="/portal/sale/order/${secondOrder.orderId}"]`).click();
  await expect(panel.getByTestId('buyer-name')).toHaveText(secondOrder.username);

  // Back on the list, nobody is on screen: recent buyers and search.
  await page.goBack();
  await waitForConsole(page);
  await expect(panel.getByTestId('buyer-search')).toBeVisible();
  await expect(panel.getByTestId('buyer-list-item').first()).toBeVisible();
  await panel.getByTestId('buyer-search').fill(secondOrder.username.slice(0, 5));
  await expect(panel.getByTestId('buyer-list-item').filter({ hasText: secondOrder.username })).toBeVisible();
});
