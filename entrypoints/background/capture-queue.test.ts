import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { consoleOfPage } from '@/lib/adapters/catalog';
import { captureQueueState, clearCaptureQueue, forgetInQueue, queueCapture, queuedEntries, NOT_KEPT_KEY, type QueuedCapture, type StorageArea } from '@/lib/capture-queue';
import type { Writer } from '@/lib/db/capture-check';
import type { CaptureBatch } from '@/lib/schema/capture';
import type { CaptureReply } from '@/lib/schema/messages';
import { shopeeListBatch } from '../../test/capture-batch';
import { CaptureQueue } from './capture-queue';

const batch = (orderId: string, fields: Partial<CaptureBatch> = {}): CaptureBatch =>
  shopeeListBatch({ orders: [{ orderKey: `shopee:br:${orderId}`, orderId, shopKey: 'shopee:br' }], ...fields });

const ok: CaptureReply = { ok: true, result: { orders: 1, buyers: 0, shops: 0, rejected: 0, shopKeys: [] } };

/** A queue whose database takes captures while `full` is false; records what it stored and refused. */
function queueWithStore() {
  const stored: { orderId: string; writer: Writer }[] = [];
  const refused: string[] = [];
  const db = { full: false };
  const queue = new CaptureQueue({
    store: async (b, writer) => {
      if (db.full) return { ok: false, error: 'AbortError: QuotaExceededError' };
      stored.push({ orderId: (b.orders[0] as { orderId: string }).orderId, writer });
      return ok;
    },
    writerOf: (url) => consoleOfPage(url),
    refused: async (_b, reason) => void refused.push(reason),
  });
  return { queue, stored, refused, db };
}

/** Lets the worker's first pass (at start) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const waiting = async () => (await captureQueueState()).waiting;

describe('the durable capture queue', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores what waited when the worker starts, oldest first, each with its page’s writer, and empties the queue', async () => {
    await queueCapture(batch('1'), 'no answer');
    await queueCapture(batch('2'), 'no answer');
    const { stored } = queueWithStore();
    await vi.waitFor(async () => expect(await waiting()).toBe(0));
    expect(stored.map((s) => s.orderId)).toEqual(['1', '2']);
    expect(stored[0]!.writer.allowsShop('shopee:br')).toBe(true);
    expect(stored[0]!.writer.allowsShop('shopee:id')).toBe(false);
  });

  it('keeps what the database refuses, with a retry alarm, and stores it when asked again', async () => {
    const { queue, stored, db } = queueWithStore();
    db.full = true;
    await settle();
    expect(await queue.add(batch('1'), 'AbortError: QuotaExceededError')).toBe(true);
    await queueCapture(batch('2'), 'no answer');
    expect(await queue.retry()).toEqual({ waiting: 2 });
    expect(await fakeBrowser.alarms.get('capture-queue')).toBeDefined();
    expect(stored).toEqual([]);
    db.full = false;
    expect(await queue.retry()).toEqual({ waiting: 0 });
    expect(stored.map((s) => s.orderId)).toEqual(['1', '2']);
    expect(await fakeBrowser.alarms.get('capture-queue')).toBeUndefined();
  });

  it('trusts a queued capture no more than a message: one not from a console of its marketplace, or not a capture, is logged and removed', async () => {
    await queueCapture(batch('1', { pageUrl: 'https://evil.example/portal/sale/order' }), 'no answer');
    await queueCapture(batch('2', { adapterId: 'amazon' }), 'no answer');
    await fakeBrowser.storage.local.set({ 'queuedCapture:x': { batch: { adapterId: 'shopee' }, queuedAt: '2026-11-01', reason: '' } });
    const { stored, refused } = queueWithStore();
    await vi.waitFor(async () => expect(await waiting()).toBe(0));
    expect(stored).toEqual([]);
    expect(refused).toHaveLength(3);
    expect(refused).toContain('a capture for shopee from a page of no console');
    expect(refused).toContain('a capture for amazon from a page of shopee');
  });

  it('stores a capture queued while the worker runs, and the ones left after a live capture stores again', async () => {
    const { queue, stored, db } = queueWithStore();
    await settle();
    await queueCapture(batch('1'), 'no answer');
    await vi.waitFor(() => expect(stored.map((s) => s.orderId)).toEqual(['1']));
    db.full = true;
    await queue.add(batch('2'), 'AbortError: QuotaExceededError');
    db.full = false;
    queue.stored();
    await vi.waitFor(() => expect(stored.map((s) => s.orderId)).toEqual(['1', '2']));
  });
});

describe('queueing a capture', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts a capture that cannot even be queued (storage full) for the panel, and a wipe clears both', async () => {
    const full: StorageArea = {
      get: (keys) => fakeBrowser.storage.local.get(keys),
      remove: (keys) => fakeBrowser.storage.local.remove(keys),
      set: (items) => (Object.keys(items).some((k) => k.startsWith('queuedCapture:')) ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : fakeBrowser.storage.local.set(items)),
    };
    expect(await queueCapture(batch('1'), 'no answer', full)).toBe(false);
    expect(await queueCapture(batch('2'), 'no answer', full)).toBe(false);
    expect(await queueCapture(batch('3'), 'no answer')).toBe(true);
    expect(await captureQueueState()).toMatchObject({ waiting: 1, notKept: { count: 2, reason: 'QUOTA_BYTES quota exceeded' } });
    await fakeBrowser.storage.local.set({ language: 'en' });
    await clearCaptureQueue();
    expect(await captureQueueState()).toEqual({ waiting: 0, notKept: null });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ language: 'en' });
    expect(NOT_KEPT_KEY).toBe('capturesNotKept');
  });

  it('lets a capture that fails for a reason of its own wait without holding up the others', async () => {
    await queueCapture(batch('1'), 'no answer');
    await queueCapture(batch('2'), 'no answer');
    const stored: string[] = [];
    const queue = new CaptureQueue({
      store: async (b) => {
        const id = (b.orders[0] as { orderId: string }).orderId;
        if (id === '1') return { ok: false, error: 'TypeError: a bug' };
        stored.push(id);
        return ok;
      },
      writerOf: (url) => consoleOfPage(url),
      refused: async () => undefined,
    });
    await vi.waitFor(() => expect(stored).toEqual(['2']));
    expect(await queue.retry()).toEqual({ waiting: 1 });
    expect(await fakeBrowser.alarms.get('capture-queue')).toBeDefined();
  });

  it('holds passes still while a forget runs: a capture read before the forget cannot bring the buyer back', async () => {
    const buyer = { buyerKey: 'shopee:br:7', shopKey: 'shopee:br', platformBuyerId: '7' };
    await queueCapture(batch('1', { buyers: [buyer] }), 'no answer');
    await queueCapture(batch('2', { buyers: [buyer] }), 'no answer');
    const database = new Set<string>();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = new CaptureQueue({
      store: async (b) => {
        await gate;
        for (const x of b.buyers) database.add((x as { buyerKey: string }).buyerKey);
        return ok;
      },
      writerOf: (url) => consoleOfPage(url),
      refused: async () => undefined,
    });
    await settle();
    // The pass is storing the first capture when the seller forgets buyer 7.
    const forgotten = queue.exclusive(async () => {
      database.delete('shopee:br:7');
      await forgetInQueue('shopee:br:7', []);
    });
    release();
    await forgotten;
    await queue.retry();
    expect(database.has('shopee:br:7')).toBe(false);
  });

  it('forgets an erased buyer in every waiting capture: their record and their orders, nobody else’s', async () => {
    await queueCapture(
      batch('1', {
        buyers: [{ buyerKey: 'shopee:br:7', shopKey: 'shopee:br', platformBuyerId: '7' }, { buyerKey: 'shopee:br:8', shopKey: 'shopee:br', platformBuyerId: '8' }],
        orders: [
          { orderKey: 'shopee:br:1', orderId: '1', shopKey: 'shopee:br', buyerKey: 'shopee:br:7' },
          { orderKey: 'shopee:br:2', orderId: '2', shopKey: 'shopee:br', buyerKey: 'shopee:br:8' },
          { orderKey: 'shopee:br:3', orderId: '3', shopKey: 'shopee:br' },
        ],
      }),
      'no answer',
    );
    await forgetInQueue('shopee:br:7', ['shopee:br:3']);
    const entries = queuedEntries(await fakeBrowser.storage.local.get(null));
    expect(entries).toHaveLength(1);
    const entry = entries[0]![1] as QueuedCapture;
    expect(entry.batch.buyers).toEqual([{ buyerKey: 'shopee:br:8', shopKey: 'shopee:br', platformBuyerId: '8' }]);
    expect(entry.batch.orders.map((o: unknown) => (o as { orderKey: string }).orderKey)).toEqual(['shopee:br:2']);
  });
});
