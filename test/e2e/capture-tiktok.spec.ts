import { DEMO_TIKTOK, tiktokOrders } from '../../scripts/demo/tiktok';
import { busiestBuyer, tiktokExpectation } from './expected';
import { expect, readTable, test, waitForStore } from './fixtures';

test('TikTok Shop: the order list stores orders without inventing buyers; the chat names its buyer, and the panel follows them with their order count and total, replies in Portuguese', async ({ extension, demo }, testInfo) => {
  const all = tiktokOrders(demo);
  const buyerId = busiestBuyer(all, (o) => o.buyerId);
  const expected = tiktokExpectation(demo, buyerId);
  const panel = await extension.openPanel();

  const page = await extension.context.newPage();
  await page.goto(`${DEMO_TIKTOK}/order?selected_sort=6&tab=all&page_size=50`);
  await expect(page.locator('body[data-demo-ready="true"]')).toHaveCount(1);
  await waitForStore(panel, 'orders', (rows) => rows.length === Math.min(50, all.length));
  // The list shows masked nicknames only: no buyer is made of them.
  expect((await readTable<{ buyerKey?: string }>(panel, 'orders')).every((o) => o.buyerKey === undefined)).toBe(true);
  expect(await readTable(panel, 'buyers')).toEqual([]);

  // The seller opens the chat with that buyer, by the order's chat link.
  const link = (await page.locator('[data-demo="chat"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).find((href) => href?.endsWith(`conversation=76${buyerId}`));
  await page.goto(`${DEMO_TIKTOK}${link ?? `/chat?shop_region=BR&conversation=76${buyerId}`}`);
  await expect(page.locator('body[data-demo-ready="true"]')).toHaveCount(1);

  const stats = panel.getByTestId('buyer-stats');
  await expect(stats.locator('.stat', { hasText: 'Orders' }).locator('dd')).toHaveText(String(expected.count));
  await expect(stats.locator('.stat', { hasText: 'Total spent' }).locator('dd')).toHaveText(expected.spentText);
  await expect(panel.getByTestId('order-history').getByTestId('order-row')).toHaveCount(expected.count);
  const first = panel.getByTestId('reply-suggestions').getByTestId('reply-item').first();
  await expect(first).toHaveAttribute('data-lang', 'pt-BR');
  await panel.screenshot({ path: testInfo.outputPath('panel-tiktok.png'), fullPage: true });

  // Insert puts the reply in the chat's box, and sends nothing.
  await first.getByTestId('reply-insert').click();
  await expect(page.locator('textarea')).toHaveValue(/Olá/);
  expect(await page.evaluate(() => (window as unknown as { __demoChat: { draft: string } }).__demoChat.draft)).toMatch(/Olá/);
  const stored = await readTable<{ buyerKey: string; stats: { orderCount: number } }>(panel, 'buyers');
  expect(stored.find((b) => b.buyerKey === `tiktok:br:${buyerId}`)?.stats.orderCount).toBe(expected.count);
});
