import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { ExtensionBench } from './extension-entry';

/** Where the bench entry runs: an extension page or the service worker. */
export type Target = Page | Worker;
export type Result<K extends keyof ExtensionBench> = Awaited<ReturnType<ExtensionBench[K]>>;

/** Calls into the bench entry (extension-entry.ts, bundled) evaluated in extension pages and the service worker. */
export interface Driver {
  /** Calls the bench entry evaluated in an extension page or the service worker. */
  call<K extends keyof ExtensionBench>(target: Target, method: K, ...args: Parameters<ExtensionBench[K]>): Promise<Result<K>>;
  /** Evaluates the bench entry in the target, once. */
  inject(target: Target): Promise<void>;
  /** The extension's service worker (a new one if Chromium restarted it), with the bench entry in it. */
  serviceWorker(context: BrowserContext, extensionId: string): Promise<Worker>;
}

export function createDriver(bundle: string): Driver {
  const evaluateOn = (target: Target) => target.evaluate.bind(target) as Page['evaluate'];
  const driver: Driver = {
    async call(target, method, ...args) {
      const result = await evaluateOn(target)(
        ([name, params]) => {
          const bench = (globalThis as unknown as { __buyerlensBench: Record<string, (...a: unknown[]) => unknown> }).__buyerlensBench;
          return bench[name]!(...params);
        },
        [method, args as unknown[]] as [string, unknown[]],
      );
      return result as never;
    },
    async inject(target) {
      const present = await evaluateOn(target)(() => '__buyerlensBench' in globalThis);
      if (!present) await evaluateOn(target)(bundle);
    },
    async serviceWorker(context, extensionId) {
      const worker =
        context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ??
        (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
      await driver.inject(worker);
      return worker;
    },
  };
  return driver;
}

/** A page's used JS heap after a full garbage collection, MB. */
export async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return heap.usedSize / 2 ** 20;
}

export async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** An error's first line, for the report. */
export const firstLine = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));
