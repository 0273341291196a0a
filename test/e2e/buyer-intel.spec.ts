import type { Page } from '@playwright/test';
import { createTranslator } from '../../lib/i18n/i18n';
import { scoreShop, type Purchase } from '../../lib/rfm/score';
import { defaultRfmSettings } from '../../lib/rfm/settings';
import { waitForConsole } from '../../scripts/demo/seed';
import { DEMO_SHOPEE } from '../../scripts/demo/serve';
import { busiestBuyer } from './expected';
import type { DemoData } from '../../scripts/demo/data';
import { expect, readTable, test, waitForStore, type Extension } from './fixtures';

const en = createTranslator('en');

interface StoredBuyer {
  buyerKey: string;
  tagIds: string[];
  stats: { purchases: Purchase[] };
  tier?: { segment: string; r: number; f: number; m: number };
}
interface StoredShop {
  shopKey: string;
  scoring?: { map: string; scoredAt: string };
}

const scoredBuyers = async (panel: Page) => (await readTable<StoredBuyer>(panel, 'buyers')).filter((b) => b.tier);

/** Opens the demo Shopee order list (every buyer of the demo) and waits until each buyer with a purchase has a tier. */
async function captureShopeeList(page: Page, panel: Page, buyersWithPurchases: number) {
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(page);
  await waitForStore(panel, 'buyers', (rows) => rows.filter((b) => b.tier).length === buyersWithPurchases);
}

function shopeeBuyersWithPurchases(demo: { shopee: { buyerUserId: string; status: string }[] }): number {
  return new Set(demo.shopee.filter((o) => ['toship', 'shipping', 'completed'].includes(o.status)).map((o) => o.buyerUserId)).size;
}

/** Captures the demo list, then opens an order of the buyer with most orders; the panel shows them. */
async function openBusiestBuyer(extension: Extension, demo: DemoData) {
  const panel = await extension.openPanel();
  const page = await extension.context.newPage();
  await captureShopeeList(page, panel, shopeeBuyersWithPurchases(demo));
  const buyerId = busiestBuyer(demo.shopee, (o) => o.buyerUserId);
  const order = demo.shopee.find((o) => o.buyerUserId === buyerId)!;
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order/${order.orderId}`);
  await waitForConsole(page);
  await expect(panel.getByTestId('buyer-name')).toHaveText(order.username);
  return { panel, page, buyerId, order };
}

test('RFM: the tier on the buyer card and the shop overview are the engine’s', async ({ extension, demo }) => {
  const panel = await extension.openPanel();
  const page = await extension.context.newPage();
  await captureShopeeList(page, panel, shopeeBuyersWithPurchases(demo));

  // The engine, run here on the stored aggregates at the moment the background scored them.
  const buyers = (await readTable<StoredBuyer>(panel, 'buyers')).filter((b) => b.buyerKey.startsWith('shopee:br:'));
  const stored = await scoredBuyers(panel);
  const shop = (await readTable<StoredShop>(panel, 'shops')).find((s) => s.shopKey === 'shopee:br')!;
  const now = Date.parse(shop.scoring!.scoredAt);
  const expected = new Map(
    scoreShop(
      buyers.map((b) => ({ buyerKey: b.buyerKey, purchases: b.stats.purchases })),
      { settings: defaultRfmSettings(), shopKey: 'shopee:br', currency: 'BRL', now },
    ).map((s) => [s.buyerKey, s]),
  );
  expect(expected.size).toBe(stored.length);
  for (const b of stored) {
    const e = expected.get(b.buyerKey)!;
    expect(b.tier, b.buyerKey).toMatchObject({ segment: e.segment, r: e.r, f: e.f, m: e.m });
  }
  // Each ledger holds exactly the buyer's purchases of the demo (paid, not cancelled or refunded).
  const buyerId = busiestBuyer(demo.shopee, (o) => o.buyerUserId);
  const purchases = demo.shopee.filter((o) => o.buyerUserId === buyerId && ['toship', 'shipping', 'completed'].includes(o.status));
  expect(buyers.find((b) => b.buyerKey === `shopee:br:${buyerId}`)!.stats.purchases).toHaveLength(purchases.length);

  const order = demo.shopee.find((o) => o.buyerUserId === buyerId)!;
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order/${order.orderId}`);
  await waitForConsole(page);
  const engine = expected.get(`shopee:br:${buyerId}`)!;
  await expect(panel.getByTestId('buyer-name')).toHaveText(order.username);
  await expect(panel.getByTestId('rfm-tier')).toHaveText(en.t(`segment.${engine.segment}`));
  await expect(panel.getByTestId('rfm-scores')).toContainText(`R ${engine.r} · F ${engine.f} · M ${engine.m}`);
  // Its explanation: the values behind the scores and the rule.
  await panel.getByTestId('rfm-tier').click();
  await expect(panel.getByTestId('rfm-scores')).toContainText(`${engine.values.frequency} purchases in 365 days`);
  await expect(panel.getByTestId('rfm-scores')).toContainText(`makes “${en.t(`segment.${engine.segment}`)}”`);

  // With nobody on screen, the shop overview counts the same segments.
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(page);
  const overview = panel.getByTestId('shop-overview');
  await expect(overview).toBeVisible();
  const counts = new Map<string, number>();
  for (const s of expected.values()) counts.set(s.segment, (counts.get(s.segment) ?? 0) + 1);
  for (const [segment, count] of counts) {
    await expect(panel.locator(`[data-testid="segment-table"] tr[data-segment="${segment}"]`)).toHaveAttribute('data-buyers', String(count));
  }
  await expect(overview.locator('.recharts-bar-rectangle')).not.toHaveCount(0);
});

test('Tags, notes and an order flag survive capturing the same pages again', async ({ extension, demo }) => {
  const { panel, page, buyerId, order } = await openBusiestBuyer(extension, demo);
  await expect(panel.getByTestId('buyer-name')).toHaveText(order.username);

  // A new tag, typed and Enter; then an existing one by type-ahead.
  const input = panel.getByTestId('tag-input');
  await input.fill('VIP');
  await input.press('Enter');
  await expect(panel.getByTestId('tag-list').getByTestId('tag-chip')).toHaveText(['VIP×']);
  await input.fill('Wholesale');
  await input.press('Enter');
  const chips = panel.getByTestId('tag-list').getByTestId('tag-chip');
  await expect(chips).toHaveCount(2);
  // Off in one click, back on by type-ahead: the existing tag is offered first, no duplicate is made.
  await chips.filter({ hasText: 'Wholesale' }).getByRole('button').click();
  await expect(chips).toHaveCount(1);
  await input.fill('who');
  await expect(panel.getByRole('listbox').getByRole('option').first()).toHaveText('Wholesale');
  await input.press('Enter');
  await expect(chips).toHaveCount(2);
  expect(await readTable(panel, 'tags')).toHaveLength(2);

  const note = 'Prefers delivery after 6 pm — call before shipping';
  await panel.getByTestId('note-input').fill(note);
  await panel.getByTestId('note-input').press('Control+Enter');
  await expect(panel.getByTestId('note-list')).toContainText(note);

  const firstRow = panel.getByTestId('order-row').first();
  await firstRow.getByTestId('order-flag').click();
  await firstRow.getByRole('radio', { name: 'Red' }).click();
  await firstRow.getByRole('textbox', { name: 'Memo' }).fill('Gift wrap, no invoice in box');
  await firstRow.getByRole('button', { name: 'Save' }).click();
  await expect(firstRow.getByTestId('order-memo')).toHaveText('Gift wrap, no invoice in box');
  await expect(firstRow.getByTestId('order-flag')).toHaveAttribute('data-flag', 'red');

  // The same pages again: captures update orders and aggregates, never the user's own data.
  const logBefore = (await readTable(panel, 'captureLog')).length;
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(page);
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order/${order.orderId}`);
  await waitForConsole(page);
  await waitForStore(panel, 'captureLog', (rows) => rows.filter((r) => r.kind === 'batch').length >= logBefore + 2);
  await panel.reload();
  await expect(panel.getByTestId('buyer-name')).toHaveText(order.username);
  await expect(panel.getByTestId('tag-list').getByTestId('tag-chip')).toHaveText(['VIP×', 'Wholesale×']);
  await expect(panel.getByTestId('note-list')).toContainText(note);
  await expect(panel.getByTestId('order-row').first().getByTestId('order-memo')).toHaveText('Gift wrap, no invoice in box');
  const buyer = (await readTable<StoredBuyer>(panel, 'buyers')).find((b) => b.buyerKey === `shopee:br:${buyerId}`)!;
  expect(buyer.tagIds).toHaveLength(2);
  expect(await readTable(panel, 'notes')).toHaveLength(1);
});

test('Panel screenshots: 360 and 480 px, light and dark, English and Chinese', async ({ extension, demo }, testInfo) => {
  const { panel, page } = await openBusiestBuyer(extension, demo);
  await panel.getByTestId('tag-input').fill('VIP');
  await panel.getByTestId('tag-input').press('Enter');
  await panel.getByTestId('note-input').fill('Asked for an invoice with CNPJ on every order.');
  await panel.getByTestId('note-input').press('Control+Enter');
  await expect(panel.getByTestId('note-list')).toContainText('CNPJ');

  const shoot = async (name: string) => {
    await panel.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  };
  for (const language of ['en', 'zh-CN'] as const) {
    await panel.locator('.app-header .language select').selectOption(language);
    await expect(panel.locator('html')).toHaveAttribute('lang', language);
    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme });
      for (const width of [360, 480]) {
        await panel.setViewportSize({ width, height: 900 });
        await panel.getByTestId('rfm-tier').click();
        await expect(panel.getByTestId('rfm-scores').locator('.tier-explain')).toBeVisible();
        await shoot(`buyer-${language}-${colorScheme}-${width}`);
        await panel.getByTestId('rfm-tier').click();
      }
    }
  }
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(page);
  await expect(panel.getByTestId('shop-overview')).toBeVisible();
  for (const language of ['en', 'zh-CN'] as const) {
    await panel.locator('.app-header .language select').selectOption(language);
    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme });
      for (const width of [360, 480]) {
        await panel.setViewportSize({ width, height: 900 });
        await expect(panel.getByTestId('rf-grid').locator('.recharts-scatter-symbol').first()).toBeVisible();
        await shoot(`overview-${language}-${colorScheme}-${width}`);
      }
    }
  }
});

test('Settings: renaming a tag shows everywhere; the 8-class map re-scores every buyer', async ({ extension, demo }) => {
  const { panel, buyerId } = await openBusiestBuyer(extension, demo);
  await panel.getByTestId('tag-input').fill('VIP');
  await panel.getByTestId('tag-input').press('Enter');
  await expect(panel.getByTestId('tag-chip')).toHaveText(['VIP×']);

  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const row = options.getByTestId('tag-row');
  await expect(row).toContainText('1 buyers');
  await row.getByRole('textbox', { name: 'Tag name' }).fill('VIP gold');
  await row.getByRole('textbox', { name: 'Tag name' }).press('Enter');
  await expect(panel.getByTestId('tag-chip')).toHaveText(['VIP gold×']);

  const settings = options.getByTestId('rfm-settings');
  await settings.getByRole('combobox').first().selectOption('cn8');
  await settings.getByTestId('rfm-save').click();
  await expect(settings).toContainText('Saved');
  await waitForStore(panel, 'shops', (rows) => (rows as unknown as StoredShop[]).some((s) => s.shopKey === 'shopee:br' && s.scoring?.map === 'cn8'));
  const tier = (await scoredBuyers(panel)).find((b) => b.buyerKey === `shopee:br:${buyerId}`)!.tier!;
  await expect(panel.getByTestId('rfm-tier')).toHaveText(en.t(`segment.${tier.segment}` as Parameters<typeof en.t>[0]));
  expect(tier.segment).toMatch(/^(important|general)-/);
});
