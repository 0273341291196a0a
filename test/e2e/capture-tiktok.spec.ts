import type { Page } from '@playwright/test';
import { conversationOf, DEMO_TIKTOK, tiktokOrders } from '../../scripts/demo/tiktok';
import { busiestBuyer, tiktokExpectation } from './expected';
import { expect, readTable, test, waitForStore } from './fixtures';

/** The panel shows this TikTok buyer: their card, order count, total spent and order history. */
async function expectPanelBuyer(panel: Page, buyerId: string, expected: { count: number; spentText: string }) {
  await expect(panel.getByTestId('buyer-card')).toHaveAttribute('data-buyer-key', `tiktok:br:${buyerId}`);
  const stats = panel.getByTestId('buyer-stats');
  await expect(stats.locator('.stat', { hasText: 'Orders' }).locator('dd')).toHaveText(String(expected.count));
  await expect(stats.locator('.stat', { hasText: 'Total spent' }).locator('dd')).toHaveText(expected.spentText);
  await expect(panel.getByTestId('order-history').getByTestId('order-row')).toHaveCount(expected.count);
}

const detailUrl = (orderId: string) => `${DEMO_TIKTOK}/order/detail?order_no=${orderId}&shop_region=BR`;

test('TikTok Shop: the order list stores orders without inventing buyers; an order’s detail, then its chat names the buyer, and the panel follows them (order count, total, Portuguese replies) back to their other orders’ details', async ({ extension, demo }, testInfo) => {
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

  // The seller opens one of that buyer's orders from its row (or at its URL, where it is on a later page of the list).
  const [first, second] = expected.orders;
  const row = page.locator(`a[href^="/order/detail?order_no=${first!.mainOrderId}&"]`);
  if ((await row.count()) > 0) await row.click();
  else await page.goto(detailUrl(first!.mainOrderId));
  await expect(page).toHaveURL(detailUrl(first!.mainOrderId));
  await expect(page.locator('body[data-demo-ready="true"]')).toHaveCount(1);
  await expect(page.locator('[data-demo="order-no"]')).toHaveText(first!.mainOrderId);
  // order/get names no buyer (a masked nickname): the panel says whose order it cannot tell yet.
  await expect(panel.getByText(`placed order ${first!.mainOrderId}`)).toBeVisible();
  await expect(panel.getByTestId('buyer-card')).toHaveCount(0);
  await waitForStore(panel, 'orders', (rows) => rows.some((o) => o.orderId === first!.mainOrderId && o.weight === 3));

  // The seller opens the chat with that buyer from the order's chat link.
  await page.locator('[data-demo="chat"]').click();
  await expect(page).toHaveURL(`${DEMO_TIKTOK}/chat?shop_region=BR&conversation=${conversationOf(buyerId)}`);
  await expect(page.locator('body[data-demo-ready="true"]')).toHaveCount(1);

  await expectPanelBuyer(panel, buyerId, expected);
  const reply = panel.getByTestId('reply-suggestions').getByTestId('reply-item').first();
  await expect(reply).toHaveAttribute('data-lang', 'pt-BR');
  await panel.screenshot({ path: testInfo.outputPath('panel-tiktok.png'), fullPage: true });

  // Insert puts the reply in the chat's box, and sends nothing.
  await reply.getByTestId('reply-insert').click();
  await expect(page.locator('textarea')).toHaveValue(/Olá/);
  expect(await page.evaluate(() => (window as unknown as { __demoChat: { draft: string } }).__demoChat.draft)).toMatch(/Olá/);
  const stored = await readTable<{ buyerKey: string; stats: { orderCount: number } }>(panel, 'buyers');
  expect(stored.find((b) => b.buyerKey === `tiktok:br:${buyerId}`)?.stats.orderCount).toBe(expected.count);

  // Now the buyer is known: the detail of another of their orders (and of the first again) shows them in the panel.
  for (const order of [second ?? first!, first!]) {
    // In between, the list: no buyer on screen there.
    await page.goto(`${DEMO_TIKTOK}/order?selected_sort=6&tab=all&page_size=50`);
    await expect(page.locator('body[data-demo-ready="true"]')).toHaveCount(1);
    await expect(panel.getByTestId('buyer-card')).toHaveCount(0);
    await page.goto(detailUrl(order.mainOrderId));
    await expect(page.locator('[data-demo="order-no"]')).toHaveText(order.mainOrderId);
    await expectPanelBuyer(panel, buyerId, expected);
  }
});

test('TikTok Shop chat: choosing another conversation makes the panel follow its buyer, and back', async ({ extension, demo }) => {
  const all = tiktokOrders(demo);
  const buyerId = busiestBuyer(all, (o) => o.buyerId);
  const expected = tiktokExpectation(demo, buyerId);
  const panel = await extension.openPanel();

  const page = await extension.context.newPage();
  await page.goto(`${DEMO_TIKTOK}/chat?shop_region=BR&conversation=${conversationOf(buyerId)}`);
  await expect(page.locator('body[data-demo-ready="true"]')).toHaveCount(1);
  await expectPanelBuyer(panel, buyerId, expected);

  // Another conversation of the list, with a buyer whose figures differ, so the panel cannot look right by chance.
  const listed = await page.locator('[data-demo="conversation"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-conversation') ?? ''));
  const otherId = listed
    .map((c) => c.slice(conversationOf('').length))
    .find((id) => id !== buyerId && tiktokExpectation(demo, id).spentText !== expected.spentText);
  expect(otherId, `a second conversation in ${listed.join(', ')}`).toBeDefined();
  await page.locator(`[data-conversation="${conversationOf(otherId!)}"]`).click();
  await expect(page.locator('body[data-demo-ready="true"]')).toHaveCount(1);
  await expectPanelBuyer(panel, otherId!, tiktokExpectation(demo, otherId!));
  // Replies now insert into this conversation's box.
  await panel.getByTestId('reply-suggestions').getByTestId('reply-item').first().getByTestId('reply-insert').click();
  await expect(page.locator('textarea')).not.toHaveValue('');

  await page.locator(`[data-conversation="${conversationOf(buyerId)}"]`).click();
  await expect(page.locator('body[data-demo-ready="true"]')).toHaveCount(1);
  await expectPanelBuyer(panel, buyerId, expected);
  const buyers = await readTable<{ buyerKey: string }>(panel, 'buyers');
  expect(buyers.map((b) => b.buyerKey).sort()).toEqual([`tiktok:br:${buyerId}`, `tiktok:br:${otherId}`].sort());
});
