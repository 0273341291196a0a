import { browser } from 'wxt/browser';
import type { CaptureBatch } from './schema/capture';

/**
 * Captures BuyerLens could not store yet wait here, in extension storage (storage.local: only
 * BuyerLens's own contexts read or write it, and it outlives the service worker and the browser),
 * one key per capture so that no writer overwrites another's. A content script queues a capture the
 * background did not answer after its retries; the background queues one its database refused (a
 * full disk). Only the background takes them out, once stored (entrypoints/background/capture-queue.ts),
 * and it trusts a queued capture no more than a message: the console of its page URL decides what it
 * may write. The panel shows how many wait. Wipe removes them with everything else.
 */
export const QUEUED_PREFIX = 'queuedCapture:';
/** How many captures could not even be queued (storage full), for the panel to say so. */
export const NOT_KEPT_KEY = 'capturesNotKept';

export interface QueuedCapture {
  batch: CaptureBatch;
  queuedAt: string;
  /** Why it could not be stored when it was read. */
  reason: string;
}

export interface CapturesNotKept {
  count: number;
  at: string;
  reason: string;
}

/** What the queue needs of extension storage (browser.storage.local; a fake in tests). */
export interface StorageArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** Queues a capture; where even that fails, counts it as not kept (the panel says so). Answers whether it was queued. */
export async function queueCapture(batch: CaptureBatch, reason: string, area: StorageArea = browser.storage.local): Promise<boolean> {
  const entry: QueuedCapture = { batch, queuedAt: new Date().toISOString(), reason: reason.slice(0, 500) };
  try {
    await area.set({ [`${QUEUED_PREFIX}${crypto.randomUUID()}`]: entry });
    return true;
  } catch (error) {
    try {
      const before = (await area.get(NOT_KEPT_KEY))[NOT_KEPT_KEY] as CapturesNotKept | undefined;
      await area.set({ [NOT_KEPT_KEY]: { count: (before?.count ?? 0) + 1, at: entry.queuedAt, reason: message(error) } satisfies CapturesNotKept });
    } catch {
      // Extension storage refuses even a counter: the console's warning is all that is left.
    }
    return false;
  }
}

/** The queued captures among a storage area's items, oldest first (each as stored: the reader checks it). */
export function queuedEntries(items: Record<string, unknown>): [key: string, entry: unknown][] {
  const queuedAt = (entry: unknown) => String((entry as Partial<QueuedCapture> | null)?.queuedAt ?? '');
  return Object.entries(items)
    .filter(([key]) => key.startsWith(QUEUED_PREFIX))
    .sort(([, a], [, b]) => queuedAt(a).localeCompare(queuedAt(b)));
}

/** What the panel shows: how many captures wait, and how many could not be kept at all. */
export async function captureQueueState(area: StorageArea = browser.storage.local): Promise<{ waiting: number; notKept: CapturesNotKept | null }> {
  const items = await area.get(null);
  return { waiting: queuedEntries(items).length, notKept: (items[NOT_KEPT_KEY] as CapturesNotKept | undefined) ?? null };
}

/** Removes every queued capture and the not-kept count (a wipe). */
export async function clearCaptureQueue(area: StorageArea = browser.storage.local): Promise<void> {
  const items = await area.get(null);
  await area.remove([...queuedEntries(items).map(([key]) => key), NOT_KEPT_KEY]);
}

/**
 * Takes a forgotten buyer out of every waiting capture: their record and their orders (by key),
 * so storing what waited later does not bring them back.
 */
export async function forgetInQueue(buyerKey: string, orderKeys: readonly string[], area: StorageArea = browser.storage.local): Promise<void> {
  const orders = new Set(orderKeys);
  const named = (record: unknown) => {
    const r = (record ?? {}) as { buyerKey?: unknown; orderKey?: unknown };
    return r.buyerKey === buyerKey || (typeof r.orderKey === 'string' && orders.has(r.orderKey));
  };
  const changed: Record<string, QueuedCapture> = {};
  for (const [key, entry] of queuedEntries(await area.get(null))) {
    const queued = entry as QueuedCapture;
    if (!Array.isArray(queued?.batch?.buyers) || !Array.isArray(queued.batch.orders)) continue;
    if (!queued.batch.buyers.some(named) && !queued.batch.orders.some(named)) continue;
    changed[key] = { ...queued, batch: { ...queued.batch, buyers: queued.batch.buyers.filter((b) => !named(b)), orders: queued.batch.orders.filter((o) => !named(o)) } };
  }
  if (Object.keys(changed).length > 0) await area.set(changed);
}
