import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { seedDemo } from '../../scripts/demo/seed';
import { expect, readTable, test } from './fixtures';

const CHINESE = '王小明';
const FORMULA = '=HYPERLINK("https://example.com","Ana Lima")';

async function tableCounts(page: Page) {
  const names = ['shops', 'buyers', 'orders', 'tags', 'notes', 'replyTemplates', 'orderFlags'];
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await readTable(page, n)).length] as const)));
}

test('Buyer lists: tag by search, filter by tag, export CSV and Excel; backup, wipe, restore; a truncated backup is refused', async ({ extension, demo }, testInfo) => {
  test.setTimeout(240_000);
  await seedDemo(extension.context, demo, { amazonDetails: 20 });
  const base = `chrome-extension://${extension.extensionId}`;

  // A tag for the campaign, made in the settings.
  const options = await extension.context.newPage();
  await options.goto(`${base}/options.html`);
  await options.getByRole('textbox', { name: 'New tag' }).fill('Campaign');
  await options.getByRole('textbox', { name: 'New tag' }).press('Enter');
  await expect(options.getByTestId('tag-row')).toHaveCount(1);

  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${base}/buyers.html`);
  await expect(page.getByTestId('buyers-page')).toBeVisible();
  const count = page.getByTestId('buyers-count');
  const total = (await readTable(page, 'buyers')).length;
  await expect(count).toHaveAttribute('data-count', String(total));

  // Bulk-tag the buyers a search finds: one Chinese name, one that starts with "=".
  const search = page.getByRole('searchbox', { name: 'Search name or buyer id' });
  const bulk = page.getByTestId('bulk-tag');
  for (const query of [CHINESE, '=hyperlink']) {
    await search.fill(query);
    await expect(count).toHaveAttribute('data-count', '1');
    await bulk.getByRole('combobox').selectOption({ label: 'Campaign' });
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await expect(bulk.getByRole('status')).toHaveText('1 buyers changed.');
  }
  await search.fill('');
  await expect(count).toHaveAttribute('data-count', String(total));
  await page.getByTestId('filter-tag').selectOption({ label: 'Campaign' });
  await expect(count).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('buyer-row')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('buyers-page.png') });

  // CSV: BOM, RFC 4180, exactly the filtered buyers, the formula neutralised.
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csvPath = testInfo.outputPath('buyers.csv');
  await (await csvDownload).saveAs(csvPath);
  const csvText = readFileSync(csvPath, 'utf8');
  expect(csvText.startsWith('\uFEFF')).toBe(true);
  const csv = Papa.parse<Record<string, string>>(csvText.slice(1), { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  expect(csv.data.map((r) => r['Buyer name']).sort()).toEqual([`'${FORMULA}`, CHINESE].sort());
  expect(csv.data.every((r) => r.Tags === 'Campaign' && r.Marketplace === 'Amazon')).toBe(true);
  await expect(page.getByTestId('export-result')).toHaveText('Exported 2 buyers.');

  // Excel: a real reader sees the same rows, the "=" name as text, not a formula.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const xlsxPath = testInfo.outputPath('buyers.xlsx');
  await (await xlsxDownload).saveAs(xlsxPath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('Buyer name');
  const names = [2, 3].map((i) => sheet.getRow(i).getCell(1).value);
  expect(names.sort()).toEqual([FORMULA, CHINESE].sort());
  expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
  expect(sheet.rowCount).toBe(3);

  // A note, so the backup has one.
  const panel = await extension.openPanel();
  await panel.getByTestId('buyer-search').fill(CHINESE);
  await panel.getByTestId('buyer-list-item').first().click();
  await panel.getByTestId('note-input').fill('VIP de Black Friday — enviar cupom');
  await panel.getByTestId('note-input').press('Control+Enter');
  await expect(panel.getByTestId('note-list')).toContainText('Black Friday');
  await panel.close();

  // Backup → wipe → restore: the same counts, tags and notes.
  const before = await tableCounts(page);
  const tagsBefore = (await readTable<{ buyerKey: string; tagIds: string[] }>(page, 'buyers')).filter((b) => b.tagIds.length).map((b) => b.buyerKey).sort();
  const notesBefore = await readTable(page, 'notes');
  const backupDownload = page.waitForEvent('download');
  await page.getByTestId('backup-download').click();
  const backupPath = testInfo.outputPath('backup.json');
  await (await backupDownload).saveAs(backupPath);

  await page.getByRole('textbox', { name: /Type DELETE/ }).fill('DELETE');
  await page.getByTestId('wipe-everything').click();
  await expect(page.getByTestId('backup-message')).toHaveText('Everything was deleted.');
  await expect(count).toHaveAttribute('data-count', '0');
  expect((await tableCounts(page)).buyers).toBe(0);

  // The file is read, checked and written by a worker: the page itself never parses it.
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.getByTestId('backup-restore').setInputFiles(backupPath);
  await expect(page.getByRole('alertdialog')).toContainText(`(${before.buyers} buyers, ${before.orders} orders, ${before.notes} notes)`);
  expect(workers.filter((url) => /restore-worker/.test(url))).toHaveLength(1);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Restore from a backup' }).click();
  await expect(page.getByTestId('backup-message')).toContainText('Restored:');
  expect(await tableCounts(page)).toEqual(before);
  expect((await readTable<{ buyerKey: string; tagIds: string[] }>(page, 'buyers')).filter((b) => b.tagIds.length).map((b) => b.buyerKey).sort()).toEqual(tagsBefore);
  expect(await readTable(page, 'notes')).toEqual(notesBefore);
  // The page shows the restored buyers, still through the Campaign filter.
  await expect(count).toHaveText(`2 of ${total} buyers`);

  // A truncated backup: refused with a clear message; nothing changes.
  const truncatedPath = testInfo.outputPath('truncated.json');
  const full = readFileSync(backupPath, 'utf8');
  writeFileSync(truncatedPath, full.slice(0, Math.floor(full.length * 0.6)));
  await page.getByTestId('backup-restore').setInputFiles(truncatedPath);
  await expect(page.getByTestId('backup-message')).toHaveText('Not restored, nothing changed: The backup file is incomplete or damaged: it is not complete JSON.');
  expect(await tableCounts(page)).toEqual(before);
});
