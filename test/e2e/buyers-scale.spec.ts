import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { emptyStats, type BuyerRecord, type ShopRecord } from '../../lib/schema/records';
import { expect, test, waitForStore } from './fixtures';

const BUYERS = 6000;
const AT = '2026-11-01T00:00:00.000Z';
const DAY = 86_400_000;

/** Buyer i of two Shopee shops: every seventh has no purchase yet (no last order, no tier). */
function buyer(i: number, now: number): BuyerRecord {
  const shopKey = i % 2 === 0 ? 'shopee:br' : 'shopee:my';
  const orders = i % 7 === 0 ? 0 : 1 + (i % 9);
  const last = new Date(now - ((i * 53) % 700) * DAY - i * 1000).toISOString();
  return {
    buyerKey: `${shopKey}:${80_000_000 + i}`,
    shopKey,
    adapterId: 'shopee',
    platformBuyerId: String(80_000_000 + i),
    displayName: `cliente.${i}`,
    tagIds: [],
    stats: {
      ...emptyStats(),
      orderCount: orders,
      paidOrderCount: orders,
      spentMinor: orders * (1000 + ((i * 7919) % 50_000)),
      ...(orders > 0 ? { currency: shopKey === 'shopee:br' ? 'BRL' : 'MYR', currencies: 1, firstOrderAt: AT, lastOrderAt: last, purchases: [[Date.parse(last), 1000]] } : {}),
    },
    firstSeenAt: AT,
    updatedAt: AT,
  } as BuyerRecord;
}

test('the buyers page lists thousands of buyers a screen at a time: sorts, counts, scrolls to the end, tags and exports every match', async ({ extension }, testInfo) => {
  test.setTimeout(240_000);
  const base = `chrome-extension://${extension.extensionId}`;
  const options = await extension.context.newPage();
  await options.goto(`${base}/options.html`);
  // The background has opened (and created) the store once its default replies are in.
  await waitForStore(options, 'replyTemplates', (rows) => rows.length > 0);

  // Buyers written straight into the store, as an older version or a restore leaves them, with the
  // mark that says every row of the buyers table is to be made again.
  const now = Date.now();
  const buyers = Array.from({ length: BUYERS }, (_, i) => buyer(i, now));
  const shops: ShopRecord[] = [
    { shopKey: 'shopee:br', adapterId: 'shopee', region: 'BR', currency: 'BRL', firstSeenAt: AT, updatedAt: AT } as ShopRecord,
    { shopKey: 'shopee:my', adapterId: 'shopee', region: 'MY', currency: 'MYR', firstSeenAt: AT, updatedAt: AT } as ShopRecord,
  ];
  await options.evaluate(
    ({ buyers, shops }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('buyerlens');
        open.onsuccess = () => {
          const tx = open.result.transaction(['buyers', 'shops', 'buyerListDirty'], 'readwrite');
          for (const b of buyers) tx.objectStore('buyers').put(b);
          for (const s of shops) tx.objectStore('shops').put(s);
          tx.objectStore('buyerListDirty').add({ all: true });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { buyers, shops },
  );
  // Any action the user takes leaves the rows made before it answers: here, making a tag.
  await options.getByRole('textbox', { name: 'New tag' }).fill('Winback');
  await options.getByRole('textbox', { name: 'New tag' }).press('Enter');
  await expect(options.getByTestId('tag-row')).toHaveCount(1);
  await waitForStore(options, 'buyerList', (rows) => rows.length === BUYERS, 60_000);

  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${base}/buyers.html`);
  const table = page.getByTestId('buyers-table');
  const count = page.getByTestId('buyers-count');
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await expect(count).toHaveAttribute('data-count', String(BUYERS));
  // A screen of rows is in the page, not six thousand.
  const shown = await page.getByTestId('buyer-row').count();
  expect(shown).toBeGreaterThan(5);
  expect(shown).toBeLessThan(80);
  const byLast = [...buyers].filter((b) => b.stats.lastOrderAt).sort((a, b) => b.stats.lastOrderAt!.localeCompare(a.stats.lastOrderAt!));
  await expect(page.getByTestId('buyer-row').first()).toHaveAttribute('data-buyer-key', byLast[0]!.buyerKey);

  // Most orders first: the buyer with the most orders, ties by key, newest key first.
  await page.getByRole('columnheader', { name: 'Orders' }).getByRole('button').click();
  const byOrders = [...buyers].sort((a, b) => b.stats.orderCount - a.stats.orderCount || (a.buyerKey < b.buyerKey ? 1 : -1));
  await expect(page.getByTestId('buyer-row').first()).toHaveAttribute('data-buyer-key', byOrders[0]!.buyerKey);
  await expect(table).toHaveAttribute('aria-busy', 'false');
  // Each row shows its own buyer's name and orders (a sort fills the rows already on screen with other buyers).
  const rows = page.getByTestId('buyer-row');
  for (let i = 0; i < 8; i++) {
    await expect(rows.nth(i)).toHaveAttribute('data-buyer-key', byOrders[i]!.buyerKey);
    await expect(rows.nth(i).getByRole('cell').first()).toContainText(byOrders[i]!.displayName!);
    await expect(rows.nth(i).getByRole('cell').nth(4)).toHaveText(String(byOrders[i]!.stats.orderCount));
  }

  // "Forget?" asked for one buyer stays with that buyer when a new sort puts others in its row.
  const asked = byOrders[1]!;
  await rows.nth(1).getByRole('button', { name: 'Forget' }).click();
  await expect(rows.nth(1).getByRole('alertdialog')).toContainText(asked.displayName!);
  await page.getByRole('columnheader', { name: 'Orders' }).getByRole('button').click();
  await expect(rows.first()).not.toHaveAttribute('data-buyer-key', byOrders[0]!.buyerKey);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.getByRole('columnheader', { name: 'Orders' }).getByRole('button').click();
  await expect(rows.nth(1)).toHaveAttribute('data-buyer-key', asked.buyerKey);
  await expect(rows.nth(1).getByRole('alertdialog')).toContainText(asked.displayName!);
  await page.screenshot({ path: testInfo.outputPath('buyers-forget.png') });
  await rows.nth(1).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  // Scrolled to the very end, the last buyer of that order is read and shown.
  await table.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator(`[data-testid="buyer-row"][data-buyer-key="${byOrders.at(-1)!.buyerKey}"]`)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('buyers-scrolled.png') });
  await table.evaluate((el) => el.scrollTo(0, 0));

  // One shop, those who have not ordered in 90 days: counted over every buyer, tagged all at once.
  await page.getByRole('combobox', { name: 'Shop' }).selectOption('shopee:my');
  await page.getByRole('spinbutton', { name: 'Last order more than … days ago' }).fill('90');
  const lapsed = buyers.filter((b) => b.shopKey === 'shopee:my' && b.stats.lastOrderAt && now - Date.parse(b.stats.lastOrderAt) > 90 * DAY);
  await expect(count).toHaveAttribute('data-count', String(lapsed.length), { timeout: 30_000 });
  const bulk = page.getByTestId('bulk-tag');
  await bulk.getByRole('combobox').selectOption({ label: 'Winback' });
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  await expect(bulk.getByRole('status')).toHaveText(`${lapsed.length.toLocaleString('en-US')} buyers changed.`, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByTestId('filter-tag').selectOption({ label: 'Winback' });
  await expect(count).toHaveAttribute('data-count', String(lapsed.length));

  // The export holds every tagged buyer, in the table's order, read by the worker from the store.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const path = testInfo.outputPath('winback.csv');
  await (await download).saveAs(path);
  const csv = Papa.parse<string[]>(readFileSync(path, 'utf8').slice(1), { skipEmptyLines: true }).data.slice(1);
  expect(csv).toHaveLength(lapsed.length);
  expect(new Set(csv.map((r) => r[3])).size).toBe(lapsed.length);
  expect(csv.map((r) => r[3])).toEqual(
    [...lapsed].sort((a, b) => b.stats.orderCount - a.stats.orderCount || (a.buyerKey < b.buyerKey ? 1 : -1)).map((b) => b.platformBuyerId),
  );
  await expect(page.getByTestId('export-result')).toHaveText(`Exported ${lapsed.length.toLocaleString('en-US')} buyers.`);
  await page.screenshot({ path: testInfo.outputPath('buyers-winback.png') });
});
