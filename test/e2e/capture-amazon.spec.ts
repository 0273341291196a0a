import { DEMO_AMAZON } from '../../scripts/demo/serve';
import { waitForConsole } from '../../scripts/demo/seed';
import { amazonExpectation, busiestBuyer } from './expected';
import { expect, readTable, test } from './fixtures';

test('Amazon: Manage Orders then order details → the panel shows that buyer with their order count and total', async ({ extension, demo }, testInfo) => {
  const token = busiestBuyer(demo.amazon, (o) => o.buyerToken);
  const expected = amazonExpectation(demo, token);
  const page = await extension.context.newPage();
  await page.goto(`${DEMO_AMAZON}/orders-v3?page=1&page_size=100`);
  await waitForConsole(page);
  const panel = await extension.openPanel();
  // Manage Orders names no buyer: the orders are stored, waiting for their buyer.
  await expect
    .poll(async () => (await readTable<{ orderId: string; buyerKey?: string }>(panel, 'orders')).filter((o) => expected.orders.some((e) => e.orderId === o.orderId)).length)
    .toBe(expected.count);
  expect(await readTable(panel, 'buyers')).toEqual([]);

  // Each order detail (SPA navigation from the list) attaches its order to the buyer.
  for (const order of [...expected.orders].reverse()) {
    await page.goto(`${DEMO_AMAZON}/orders-v3?page=1&page_size=100`);
    await waitForConsole(page);
    await page.locator(`a[href="/orders-v3/order/${order.orderId}"]`).click();
    await expect(page.locator('[data-test-id="order-id-value"]')).toHaveText(order.orderId);
  }
  const newest = expected.orders[0]!;
  await expect(page).toHaveURL(`${DEMO_AMAZON}/orders-v3/order/${newest.orderId}`);
  await expect(panel.getByTestId('buyer-name')).toHaveText(newest.buyerName);
  const stats = panel.getByTestId('buyer-stats');
  await expect(stats.locator('.stat', { hasText: 'Orders' }).locator('dd')).toHaveText(String(expected.count));
  await expect(stats.locator('.stat', { hasText: 'Total spent' }).locator('dd')).toHaveText(expected.spentText);
  await expect(panel.getByTestId('order-row')).toHaveCount(expected.count);
  await expect(panel.getByTestId('order-row').first()).toContainText(newest.orderId);
  await panel.screenshot({ path: testInfo.outputPath('panel-amazon.png'), fullPage: true });
  expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);

  // The order JSON has no name (as the real one); the page showed it, and the buyer is found by it.
  const buyers = await extension.context.newPage();
  await buyers.goto(`chrome-extension://${extension.extensionId}/buyers.html`);
  await buyers.getByRole('searchbox', { name: 'Search name or buyer id' }).fill(newest.buyerName.split(/[^\p{L}]+/u).filter(Boolean).at(-1)!);
  await expect(buyers.getByTestId('buyer-row')).toHaveCount(1);
  await expect(buyers.getByTestId('buyer-row')).toContainText(newest.buyerName);
  await buyers.screenshot({ path: testInfo.outputPath('buyers-amazon-search.png') });
});
