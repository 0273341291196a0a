import { browser } from 'wxt/browser';
import { z } from 'zod';
import { queueCapture, queuedEntries, QUEUED_PREFIX, type StorageArea } from '@/lib/capture-queue';
import type { Writer } from '@/lib/db/capture-check';
import { captureBatchSchema, type CaptureBatch } from '@/lib/schema/capture';
import { describeIssues } from '@/lib/schema/issues';
import type { CaptureReply } from '@/lib/schema/messages';

const ALARM = 'capture-queue';
/** After the database refused a queued capture, the next try is this far off (or at the next capture that stores). */
const RETRY_MINUTES = 1;

const queuedSchema = z.object({ batch: captureBatchSchema, queuedAt: z.string(), reason: z.string() });

export interface CaptureQueueDeps {
  /** Stores one checked batch as a live capture is stored (its reply says whether the database took it). */
  store: (batch: CaptureBatch, writer: Writer) => Promise<CaptureReply>;
  /** What a page at this URL may write: the same rule as for a message from it (lib/adapters/catalog.ts consoleOfPage). */
  writerOf: (pageUrl: URL) => Writer | undefined;
  /** A queued entry that is not a capture its page may write: logged, then removed. */
  refused: (batch: unknown, reason: string) => Promise<void>;
  area?: StorageArea;
}

/**
 * The background's side of the durable capture queue (lib/capture-queue.ts): captures wait there
 * when the database refused them or the background did not answer, and are stored, oldest first,
 * when the worker starts, when one is queued, when a live capture stores again, on a retry alarm,
 * and when the panel asks. Each is checked as a message is: by schema, and by what its page may write.
 */
export class CaptureQueue {
  private running: Promise<number> | undefined;
  private again = false;
  /** When the database last refused a capture: a capture queued right after does not retry at once. */
  private refusedAt = 0;
  /** Whether captures may be waiting (unknown when the worker starts). */
  private maybeWaiting = true;
  /** Counts captures queued: a pass that empties the queue says nothing waits only if none came meanwhile. */
  private queued = 0;
  private readonly area: StorageArea;

  constructor(private readonly deps: CaptureQueueDeps) {
    this.area = deps.area ?? browser.storage.local;
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === ALARM) this.drainLogged();
    });
    browser.storage.onChanged.addListener((changes, areaName) => {
      if (areaName !== 'local' || Date.now() - this.refusedAt < RETRY_MINUTES * 60_000) return;
      if (Object.entries(changes).some(([key, change]) => key.startsWith(QUEUED_PREFIX) && change.newValue !== undefined)) {
        this.queued += 1;
        this.maybeWaiting = true;
        this.drainLogged();
      }
    });
    this.drainLogged();
  }

  /** Queues a capture the database refused; answers whether it was kept. */
  async add(batch: CaptureBatch, reason: string): Promise<boolean> {
    this.refusedAt = Date.now();
    this.queued += 1;
    this.maybeWaiting = true;
    const kept = await queueCapture(batch, reason, this.area);
    if (kept) await browser.alarms.create(ALARM, { delayInMinutes: RETRY_MINUTES });
    return kept;
  }

  /** A live capture was stored: the database takes captures again, so what waits follows. */
  stored(): void {
    if (this.maybeWaiting) {
      this.refusedAt = 0;
      this.drainLogged();
    }
  }

  /** Tries now (the panel's "Try now"); answers how many still wait. */
  async retry(): Promise<{ waiting: number }> {
    this.refusedAt = 0;
    return { waiting: await this.drain() };
  }

  private drainLogged(): void {
    this.drain().catch((error: unknown) => console.error('[BuyerLens] queued captures not stored', error));
  }

  private drain(): Promise<number> {
    if (this.running) {
      // Captures queued while a pass runs are taken by one more pass.
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let waiting: number;
      do {
        this.again = false;
        waiting = await this.storeWaiting();
      } while (this.again && waiting === 0);
      return waiting;
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async takeOut(key: string, raw: unknown, reason: string): Promise<void> {
    await this.deps.refused((raw as { batch?: unknown } | null)?.batch ?? raw, reason).catch(() => undefined);
    await this.area.remove(key);
  }

  /** Stores what waits, oldest first; stops at the first the database refuses. Answers how many still wait. */
  private async storeWaiting(): Promise<number> {
    const queuedBefore = this.queued;
    const entries = queuedEntries((await this.area.get(null)) as Record<string, unknown>);
    for (const [i, [key, raw]] of entries.entries()) {
      const parsed = queuedSchema.safeParse(raw);
      if (!parsed.success) {
        await this.takeOut(key, raw, describeIssues(parsed.error));
        continue;
      }
      const { batch } = parsed.data;
      const writer = this.deps.writerOf(new URL(batch.pageUrl));
      if (!writer || writer.adapterId !== batch.adapterId) {
        await this.takeOut(key, raw, `a capture for ${batch.adapterId} from a page of ${writer?.adapterId ?? 'no console'}`);
        continue;
      }
      const reply = await this.deps.store(batch, writer);
      if (!reply.ok) {
        this.refusedAt = Date.now();
        await browser.alarms.create(ALARM, { delayInMinutes: RETRY_MINUTES });
        return entries.length - i;
      }
      await this.area.remove(key);
    }
    if (this.queued === queuedBefore) this.maybeWaiting = false;
    await browser.alarms.clear(ALARM);
    return 0;
  }
}
