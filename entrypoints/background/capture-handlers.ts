import { browser } from 'wxt/browser';
import type { Writer } from '@/lib/db/capture-check';
import type { CaptureBatch } from '@/lib/schema/capture';
import type { CaptureReply } from '@/lib/schema/messages';
import { applyCapture } from '@/lib/db/capture-repository';
import { db } from '@/lib/db/database';
import { onContentMessage, onPageMessage } from '@/lib/messaging/background';
import { CaptureQueue } from './capture-queue';
import type { RecipeRegistry } from './recipe-registry';
import { pageOfSender, trustOf, type Sender } from '@/lib/messaging/sender';
import { adapterIdSchema } from '@/lib/schema/common';
import { captureHealthItem, type CaptureHealth } from '@/lib/screen-state';
import { TabBudget } from '@/lib/tab-budget';

/** A batch whose envelope is not a capture at all: logged so the adapter can be fixed. */
async function logMalformed(data: unknown, reason: string): Promise<void> {
  const envelope = (data ?? {}) as { adapterId?: unknown; pageUrl?: unknown };
  const adapterId = adapterIdSchema.safeParse(envelope.adapterId);
  await db.captureLog.add({
    at: new Date().toISOString(),
    adapterId: adapterId.success ? adapterId.data : 'unknown',
    pageKind: 'other',
    pageUrl: typeof envelope.pageUrl === 'string' ? envelope.pageUrl.slice(0, 4000) : '',
    source: 'network',
    kind: 'problem',
    where: 'capture message',
    message: reason,
  });
}

/**
 * The marketplace and shops a sender may write, from where the message came from (never from what
 * it says): a content script writes its console's shops only; BuyerLens's own pages (the bench) any.
 */
async function writerOf(sender: Sender, recipes: RecipeRegistry): Promise<Writer | undefined | 'refused'> {
  if (trustOf(sender, browser.runtime.id, browser.runtime.getURL('/')) === 'page') return undefined;
  const page = pageOfSender(sender);
  return (page && (await recipes.ownerOf(page))) ?? 'refused';
}

/**
 * Stores checked captures, and keeps the ones the database refused (a full disk, a database being
 * upgraded) in the durable queue until it takes them: nothing captured is dropped in silence.
 */
function createStore(onStored: (shopKeys: string[]) => void) {
  // Whether this worker last told the panel captures are fine: then a capture that stores does not
  // write the same again (one storage write per capture otherwise).
  let saidHealthy = false;
  return async (batch: CaptureBatch, writer: Writer | undefined): Promise<CaptureReply> => {
    try {
      const result = await applyCapture(db, batch, writer);
      if (!saidHealthy) await captureHealthItem.setValue(null);
      saidHealthy = true;
      onStored(result.shopKeys);
      return { ok: true, result };
    } catch (error) {
      // Nothing of the batch was written (one transaction). Say so where the seller will see it.
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      saidHealthy = false;
      const health: CaptureHealth = { message, at: new Date().toISOString(), ...(/QuotaExceeded/.test(message) ? { full: true as const } : {}) };
      await captureHealthItem.setValue(health).catch(() => undefined);
      return { ok: false, error: message };
    }
  };
}

/** Registers the capture message; answers the durable queue, which wipe and forget hold still while they work. */
export function registerCaptureHandlers(recipes: RecipeRegistry, onStored: (shopKeys: string[]) => void): CaptureQueue {
  const budget = new TabBudget();
  browser.tabs.onRemoved.addListener((tabId) => budget.forget(tabId));
  const store = createStore(onStored);
  const queue = new CaptureQueue({
    store,
    writerOf: (pageUrl) => recipes.ownerOf(pageUrl),
    refused: (batch, reason) => logMalformed(batch, `queued capture: ${reason}`),
  });
  onContentMessage('capture', {
    async refuse({ kind, reason }, raw) {
      if (kind === 'sender') return { ok: false, error: 'not from BuyerLens' };
      await logMalformed(raw, `malformed capture: ${reason}`).catch(() => undefined);
      return { ok: false, error: reason };
    },
    async handle(batch, sender) {
      let writer = await writerOf(sender, recipes);
      if (writer === 'refused' || (writer && writer.adapterId !== batch.adapterId)) {
        const reason = `a capture for ${batch.adapterId} from a page of ${writer === 'refused' ? 'no console' : writer.adapterId}`;
        await logMalformed(batch, reason).catch(() => undefined);
        return { ok: false, error: reason };
      }
      if (writer && sender.tab?.id !== undefined) {
        const taken = budget.take(sender.tab.id, batch.orders.length + batch.buyers.length + batch.shops.length);
        if (!taken.ok) {
          if (taken.firstRefusal) await logMalformed(batch, taken.reason).catch(() => undefined);
          return { ok: false, error: taken.reason };
        }
        writer = { ...writer, maxLoggedProblems: taken.problems };
      }
      const reply = await store(batch, writer);
      if (reply.ok) {
        if (sender.tab?.id !== undefined) budget.logged(sender.tab.id, reply.result.rejected);
        // The database takes captures again: the ones that waited follow.
        queue.stored();
        return reply;
      }
      // A console page's capture waits for the database (a page of BuyerLens's own, the bench, is told).
      return writer && (await queue.add(batch, reply.error)) ? { ...reply, queued: true } : reply;
    },
  });
  onPageMessage('captures/retry', () => queue.retry());
  return queue;
}
