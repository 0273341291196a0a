import { test as base, expect, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { launchWithExtension } from '../../scripts/browser';
import { generateDemo, type DemoData } from '../../scripts/demo/data';
import { routeDemoConsoles } from '../../scripts/demo/serve';

export interface Extension {
  context: BrowserContext;
  extensionId: string;
  panelUrl: string;
  /** The side panel, opened as a tab (a test cannot open the real panel without a user gesture). */
  openPanel(width?: number): Promise<Page>;
}

export const test = base.extend<{ demo: DemoData; extension: Extension }>({
  // Small, fixed demo data: every test computes what it expects from the same data.
  demo: async ({}, use) => {
    await use(generateDemo({ seed: 7, now: Date.now(), shopeeBuyers: 30, amazonBuyers: 20 }));
  },
  extension: async ({ demo }, use, testInfo) => {
    const { context, extensionId, panelUrl } = await launchWithExtension({ headless: true });
    await routeDemoConsoles(context, demo);
    const openPanel = async (width = 400) => {
      const panel = await context.newPage();
      await panel.setViewportSize({ width, height: 900 });
      await panel.goto(panelUrl);
      return panel;
    };
    await use({ context, extensionId, panelUrl, openPanel });
    for (const [index, page] of context.pages().entries()) {
      if (testInfo.status !== testInfo.expectedStatus && !page.isClosed()) {
        await page.screenshot({ path: testInfo.outputPath(`page-${index}.png`) }).catch(() => undefined);
      }
    }
    await context.close();
  },
});

export { expect };

/** Reads a whole table of the BuyerLens database from an extension page, with plain IndexedDB. */
export async function readTable<T = Record<string, unknown>>(extensionPage: Page, table: string): Promise<T[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('buyerlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Polls the database until `check` passes (captures are stored asynchronously by the background). */
export async function waitForStore(extensionPage: Page, table: string, check: (rows: Record<string, unknown>[]) => boolean, timeout = 15_000): Promise<void> {
  await expect.poll(async () => check(await readTable(extensionPage, table)), { timeout }).toBe(true);
}

/** Stops BuyerLens's service worker, as Chrome does when it is idle, and waits until it is stopped. */
export async function stopServiceWorker(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}
