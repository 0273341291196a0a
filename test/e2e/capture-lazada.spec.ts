import { DEMO_LAZADA, DEMO_LAZADA_GATEWAY, grandTotalMinor, lazadaOrders } from '../../scripts/demo/lazada';
import { browseLazada } from '../../scripts/demo/seed';
import { busiestBuyer, lazadaExpectation } from './expected';
import { expect, readTable, test, waitForStore } from './fixtures';

const LIST_API = `${DEMO_LAZADA_GATEWAY}/h5/mtop.lazada.seller.order.query.list/1.0/`;
const DETAIL_API = `${DEMO_LAZADA_GATEWAY}/h5/mtop.lazada.seller.order.main.detail/1.0/`;

test('Lazada PH: the order list from the mtop gateway (another origin) names each buyer; the order page → the panel shows that buyer with their order count and total (the Grand Total of the order opened), replies in English', async ({ extension, demo }, testInfo) => {
  const all = lazadaOrders(demo);
  const named = all.filter((o) => !o.masked);
  const buyerId = busiestBuyer(named, (o) => o.buyerId);
  const theirs = named.filter((o) => o.buyerId === buyerId);
  // The order to open: one whose seller voucher only its page shows, if the buyer has one they paid for.
  const opened = theirs.find((o) => o.sellerDiscountMinor > 0 && !['unpaid', 'canceled', 'returned'].includes(o.status.item)) ?? theirs[0]!;
  const expected = lazadaExpectation(demo, buyerId, [opened.orderNumber]);
  const panel = await extension.openPanel();

  const page = await extension.context.newPage();
  // The page's JSON comes from acs-m.lazada.com.ph: a credentialed GET that only the gateway's CORS headers let the page read.
  const listAnswer = page.waitForResponse((r) => r.url().startsWith(LIST_API));
  // The seller pages through the list, 20 orders a page (the seeding's helper: npm start browses so).
  await browseLazada(page, `${DEMO_LAZADA}/apps/order/list`);
  const answer = await listAnswer;
  expect(answer.request().method()).toBe('GET');
  expect(JSON.parse(new URL(answer.url()).searchParams.get('data') ?? '{}')).toMatchObject({ page: 1, pageSize: 20, tab: 'all' });
  expect(await answer.headerValue('access-control-allow-origin')).toBe(DEMO_LAZADA);
  expect(await answer.headerValue('access-control-allow-credentials')).toBe('true');
  expect(await page.locator('body').getAttribute('data-demo-page')).toBe(String(Math.ceil(all.length / 20)));

  // The rows name their buyers (by id, with the name where it is not masked): every order and buyer is stored.
  await waitForStore(panel, 'orders', (rows) => rows.length === all.length);
  const orders = await readTable<{ orderId: string; buyerKey?: string; totalMinor?: number }>(panel, 'orders');
  expect(orders.every((o) => o.buyerKey === `lazada:ph:${all.find((x) => x.orderNumber === o.orderId)?.buyerId}`)).toBe(true);
  await waitForStore(panel, 'buyers', (rows) => rows.length === new Set(all.map((o) => o.buyerId)).size);
  const buyers = await readTable<{ buyerKey: string; displayName?: string }>(panel, 'buyers');
  for (const o of all) expect(buyers.find((b) => b.buyerKey === `lazada:ph:${o.buyerId}`)?.displayName).toBe(o.masked ? undefined : o.buyerName);

  // The seller goes back to the order's page of the list and opens it from its row: the order page loads its modules from the gateway.
  const link = page.locator(`.order-field-value a[href="/apps/order/detail?tradeOrderId=${opened.orderNumber}"]`);
  for (let n = Number(await page.locator('body').getAttribute('data-demo-page')); (await link.count()) === 0 && n > 1; n--) {
    await page.locator('[data-demo="prev-page"]').click();
    await page.locator(`body[data-demo-ready="true"][data-demo-page="${n - 1}"]`).waitFor();
  }
  const detailAnswer = page.waitForResponse((r) => r.url().startsWith(DETAIL_API));
  await link.click();
  await expect(page).toHaveURL(`${DEMO_LAZADA}/apps/order/detail?tradeOrderId=${opened.orderNumber}`);
  expect(JSON.parse(new URL((await detailAnswer).url()).searchParams.get('data') ?? '{}')).toEqual({ tradeOrderId: opened.orderNumber });
  await expect(page.locator('body[data-demo-ready="true"]')).toHaveCount(1);
  await expect(page.locator('.order-field-order-number')).toHaveText(`Order ${opened.orderNumber}`);

  await expect(panel.getByTestId('buyer-name')).toHaveText(opened.buyerName);
  const stats = panel.getByTestId('buyer-stats');
  await expect(stats.locator('.stat', { hasText: 'Orders' }).locator('dd')).toHaveText(String(expected.count));
  await expect(stats.locator('.stat', { hasText: 'Total spent' }).locator('dd')).toHaveText(expected.spentText);
  await expect(panel.getByTestId('order-history').getByTestId('order-row')).toHaveCount(expected.count);
  // Lazada PH buyers are answered in English (the catalog's en-PH, which the English pack answers).
  await expect(panel.getByTestId('reply-suggestions').getByTestId('reply-item').first()).toHaveAttribute('data-lang', 'en');
  await panel.screenshot({ path: testInfo.outputPath('panel-lazada.png'), fullPage: true });

  // The order page's Grand Total (voucher and all) replaced the list's items + shipping for that order.
  const stored = await readTable<{ orderId: string; totalMinor?: number }>(panel, 'orders');
  expect(stored.find((o) => o.orderId === opened.orderNumber)?.totalMinor).toBe(grandTotalMinor(opened));
  const buyer = (await readTable<{ buyerKey: string; stats: { orderCount: number } }>(panel, 'buyers')).find((b) => b.buyerKey === `lazada:ph:${buyerId}`);
  expect(buyer?.stats.orderCount).toBe(expected.count);
});
