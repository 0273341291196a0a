import { amazonOrder, shopeeCards } from '../../scripts/demo/responses';
import { DEMO_AMAZON, DEMO_SHOPEE } from '../../scripts/demo/serve';
import { waitForConsole } from '../../scripts/demo/seed';
import { busiestBuyer, shopeeExpectation } from './expected';
import { expect, readTable, stopServiceWorker, test, waitForStore } from './fixtures';

interface LogEntry {
  kind: string;
  where?: string;
  message: string;
  adapterId: string;
}


test('a malformed response gives a capture-log entry, keeps the good records, and nothing crashes', async ({ extension, demo }) => {
  const good = demo.shopee.slice(0, 3);
  // The card list answers with one card that changed shape, then with something that is not JSON.
  let calls = 0;
  await extension.context.route(`${DEMO_SHOPEE}/api/v3/order/get_order_list_card_list**`, async (route) => {
    calls += 1;
    if (calls === 1) {
      const body = shopeeCards(demo, route.request().postDataJSON()) as unknown as { data: { card_list: Record<string, { order_ext_info?: unknown }>[] } };
      const broken = body.data.card_list[1]!;
      delete (broken.package_level_order_card ?? broken.order_card)!.order_ext_info;
      return route.fulfill({ json: body });
    }
    return route.fulfill({ status: 200, contentType: 'application/json', body: '<html><body>Faça login novamente</body></html>' });
  });

  const page = await extension.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // (The demo console itself cannot render the broken card; BuyerLens must still read the rest.)
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=3`);
  const panel = await extension.openPanel();

  await waitForStore(panel, 'captureLog', (rows) => rows.some((r) => (r as unknown as LogEntry).where === 'card_list[1]'));
  const log = await readTable<LogEntry>(panel, 'captureLog');
  expect(log.find((e) => e.where === 'card_list[1]')?.message).toMatch(/order_ext_info/);
  // The other cards of that response were stored.
  const orders = await readTable<{ orderId: string }>(panel, 'orders');
  expect(orders.map((o) => o.orderId).sort()).toEqual([good[0]!.orderId, good[2]!.orderId].sort());

  // A body that is not JSON: logged with its reason; the tap and the page go on.
  await page.reload();
  await waitForStore(panel, 'captureLog', (rows) => rows.some((r) => /not JSON/.test((r as unknown as LogEntry).message)));
  // Only the demo console's own parsing failed on the page; nothing of BuyerLens threw there.
  expect(errors.filter((e) => !/order_id|JSON/.test(e))).toEqual([]);

  // And the next good response is captured as usual.
  await extension.context.unroute(`${DEMO_SHOPEE}/api/v3/order/get_order_list_card_list**`);
  await page.reload();
  await waitForConsole(page);
  await waitForStore(panel, 'orders', (rows) => rows.length === 3);
});

test('a service worker stopped mid-session loses nothing', async ({ extension, demo }) => {
  const buyerId = busiestBuyer(demo.shopee, (o) => o.buyerUserId);
  const expected = shopeeExpectation(demo, buyerId);
  const page = await extension.context.newPage();
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(page);
  const panel = await extension.openPanel();
  await waitForStore(panel, 'orders', (rows) => rows.length === demo.shopee.length);

  // Chrome stops idle extension workers; here it is stopped on purpose.
  await stopServiceWorker(await extension.context.newCDPSession(panel));

  // The seller goes on: the next capture wakes the worker, and the store has everything.
  const newest = expected.orders[0]!;
  await page.locator(`a.order-card[href="/portal/sale/order/${newest.orderId}"]`).click();
  await waitForConsole(page);
  await expect(panel.getByTestId('buyer-name')).toHaveText(newest.username);
  await expect(panel.getByTestId('buyer-stats').locator('.stat', { hasText: 'Orders' }).locator('dd')).toHaveText(String(expected.count));
  await waitForStore(panel, 'orders', (rows) => rows.length === demo.shopee.length);
  const detail = (await readTable<{ orderId: string; placedAtPrecision?: string }>(panel, 'orders')).find((o) => o.orderId === newest.orderId);
  // The detail JSON, captured after the restart, gave the exact order time.
  expect(detail?.placedAtPrecision).toBeUndefined();
});

test('a console page writes only its own marketplaces: an order JSON on the North America console claiming Amazon.de stores nothing', async ({ extension, demo }) => {
  const genuine = demo.amazon[0]!;
  const forged = demo.amazon[1]!;
  // The page (or a script in it) answers the order JSON with a sales channel of another region.
  await extension.context.route(`${DEMO_AMAZON}/orders-api/order/${forged.orderId}`, (route) => {
    const body = amazonOrder(demo, forged.orderId) as { order: { salesChannel: string } };
    body.order.salesChannel = 'Amazon.de';
    return route.fulfill({ json: body });
  });
  const page = await extension.context.newPage();
  const panel = await extension.openPanel();
  await page.goto(`${DEMO_AMAZON}/orders-v3/order/${forged.orderId}`);
  await waitForStore(panel, 'captureLog', (rows) => rows.some((r) => /amazon:amazon\.de is not one this page may write/.test((r as unknown as LogEntry).message)));
  // The control: a genuine order of the same console is stored.
  await page.goto(`${DEMO_AMAZON}/orders-v3/order/${genuine.orderId}`);
  await waitForStore(panel, 'orders', (rows) => rows.some((r) => r.orderKey === `amazon:amazon.com:${genuine.orderId}`));
  const orders = await readTable<{ orderKey: string }>(panel, 'orders');
  expect(orders.filter((o) => o.orderKey.startsWith('amazon:amazon.de:'))).toEqual([]);
  expect((await readTable<{ shopKey: string }>(panel, 'shops')).map((s) => s.shopKey)).not.toContain('amazon:amazon.de');
});


test('a full disk loses nothing: captures the database refuses wait, the panel says so, and they are saved when space is back', async ({ extension, demo }, testInfo) => {
  const panel = await extension.openPanel();
  await expect(panel.getByTestId('captures-waiting')).toHaveCount(0);
  // The extension's storage quota is cut to what it uses now: IndexedDB refuses every write, as on a full disk.
  const origin = `chrome-extension://${extension.extensionId}`;
  const cdp = await extension.context.newCDPSession(panel);
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage });
  // Chromium applies a quota when the origin's database files are opened: every connection closes
  // (the worker stops, the panel leaves), and after a grace period the next connection has the quota.
  await stopServiceWorker(cdp);
  await panel.goto('about:blank');
  await panel.waitForTimeout(2500); // Chromium keeps an origin's database files open 2 s after the last connection closes.

  const page = await extension.context.newPage();
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(page);
  await panel.goto(extension.panelUrl);
  await expect(panel.getByTestId('captures-waiting')).toBeVisible();
  await expect(panel.getByRole('alert').first()).toHaveText('The browser has no room left for BuyerLens’s data (the disk is full). Captures wait until there is space again.');
  await panel.screenshot({ path: testInfo.outputPath('captures-waiting.png') });
  expect(await readTable(panel, 'orders')).toEqual([]);

  // Space is back: "Try now" saves what waited, and the banner goes.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await panel.getByTestId('captures-retry').click();
  await expect(panel.getByTestId('captures-waiting')).toHaveCount(0);
  await waitForStore(panel, 'orders', (rows) => rows.length === demo.shopee.length);
  await expect(panel.getByRole('alert')).toHaveCount(0);
});
