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

/** A database error after which no other capture would store either: the pass stops and retries later. */
function refusesEverything(error: string): boolean {
  return /Quota|DatabaseClosed|OpenFailed|UnknownError|AbortError|InvalidState|VersionError|TimeoutError/.test(error);
}

const queuedSchema = z.object({ batch: captureBatchSchema, queuedAt: z.string(), reason: z.string() });

export interface CaptureQueueDeps {
  /** Stores one checked batch as a live capture is stored (its reply says whether the database took it). */
  store: (batch: CaptureBatch, writer: Writer) => Promise<CaptureReply>;
  /** What a page at this URL may write: the same rule as for a message from it (lib/adapters/catalog.ts consoleOfPage). */
  writerOf: (pageUrl: URL) => Writer | undefined | Promise<Writer | undefined>;
  /** A queued entry that is not a capture its page may write: logged, then removed. */
  refused: (batch: unknown, reason: string) => Promise<void>;
  area?: StorageArea;
}

/**
 * The background's side of the durable capture queue (lib/capture-queue.ts): captures wait there
 * when the database refused them or the background did not answer, and are stored, oldest first,
 * when the worker starts, when one is queued, when a live capture stores again, on a retry alarm,
 * and when the panel asks. Each is checked by schema and by what the console of its page URL may
 * write. (That URL is the batch's own word, where a message's is the browser's: only BuyerLens's
 * content scripts can write extension storage, so a page can forge it only from a compromised
 * renderer.) A capture the database refuses for a reason of its own does not hold up the rest; when
 * the database refuses everything (a full disk, a closed database) the pass stops and retries later.
 */
export class CaptureQueue {
  private running: Promise<number> | undefined;
  private again = false;
  /** Counts the times the database was said to take captures again (a live capture stored, "Try now"). */
  private nudges = 0;
  /** When the database last refused a capture: a capture queued right after does not retry at once. */
  private refusedAt = 0;
  /** Whether captures may be waiting (unknown when the worker starts). */
  private maybeWaiting = true;
  /** Counts captures queued: a pass that empties the queue says nothing waits only if none came meanwhile. */
  private queued = 0;
  /** Work that must not interleave with a pass (wipe, forget): passes wait for it. */
  private paused: Promise<unknown> | undefined;
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
      this.nudges += 1;
      this.drainLogged();
    }
  }

  /** Tries now (the panel's "Try now"); answers how many still wait. */
  async retry(): Promise<{ waiting: number }> {
    this.refusedAt = 0;
    this.nudges += 1;
    return { waiting: await this.drain() };
  }

  /**
   * Runs `work` with no pass running or starting meanwhile: what a wipe or a forget removes from the
   * database and the queue cannot come back from a pass that read the queue before.
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const done = (async () => {
      while (this.running) await this.running.catch(() => undefined);
      return work();
    })();
    this.paused = done;
    try {
      return await done;
    } finally {
      if (this.paused === done) this.paused = undefined;
    }
  }

  private drainLogged(): void {
    this.drain().catch((error: unknown) => console.error('[BuyerLens] queued captures not stored', error));
  }

  private drain(): Promise<number> {
    // A capture queued while a pass runs is taken by one more pass of the same run.
    this.again = true;
    return (this.running ??= this.passes());
  }

  private async passes(): Promise<number> {
    await Promise.resolve(); // `running` holds this run before it goes on
    try {
      while (this.paused) await this.paused.catch(() => undefined);
      let waiting = 0;
      while (this.again) {
        this.again = false;
        const nudges = this.nudges;
        waiting = await this.storeWaiting();
        // What still waits waits for the alarm, unless the database was said to take captures again meanwhile.
        if (waiting > 0 && this.nudges === nudges) break;
      }
      return waiting;
    } finally {
      // In the same step as the last check of `again`: no request to drain falls between the two.
      this.running = undefined;
    }
  }

  private async takeOut(key: string, raw: unknown, reason: string): Promise<void> {
    await this.deps.refused((raw as { batch?: unknown } | null)?.batch ?? raw, reason).catch(() => undefined);
    await this.area.remove(key);
  }

  /** Stores what waits, oldest first; stops where the database refuses everything. Answers how many still wait. */
  private async storeWaiting(): Promise<number> {
    const queuedBefore = this.queued;
    const entries = queuedEntries(await this.area.get(null));
    let left = 0;
    for (const [i, [key]] of entries.entries()) {
      // As it is now: a forget may have changed it, another pass stored it.
      const raw = (await this.area.get(key))[key];
      if (raw === undefined) continue;
      const parsed = queuedSchema.safeParse(raw);
      if (!parsed.success) {
        await this.takeOut(key, raw, describeIssues(parsed.error));
        continue;
      }
      const { batch } = parsed.data;
      const writer = await this.deps.writerOf(new URL(batch.pageUrl));
      if (!writer || writer.adapterId !== batch.adapterId) {
        await this.takeOut(key, raw, `a capture for ${batch.adapterId} from a page of ${writer?.adapterId ?? 'no console'}`);
        continue;
      }
      const reply = await this.deps.store(batch, writer);
      if (reply.ok) {
        await this.area.remove(key);
        continue;
      }
      if (refusesEverything(reply.error)) {
        this.refusedAt = Date.now();
        await browser.alarms.create(ALARM, { delayInMinutes: RETRY_MINUTES });
        return entries.length - i + left;
      }
      // This capture's own failure: it stays for a later pass, and the rest go on.
      left += 1;
    }
    if (left > 0) await browser.alarms.create(ALARM, { delayInMinutes: RETRY_MINUTES });
    else if (this.queued === queuedBefore) {
      this.maybeWaiting = false;
      await browser.alarms.clear(ALARM);
    }
    return left;
  }
}
