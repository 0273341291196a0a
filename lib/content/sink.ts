import type { CaptureBatch, Extraction, Screen } from '../schema/capture';
import type { InsertResult, PickedReply } from '../schema/messages';
import type { HealthReport } from '../schema/recipes';
import type { ConsolePage, PageSession } from './page';

/** What the content script needs from the extension: the messages it sends, and the one it answers. */
export interface CaptureSink {
  capture(batch: CaptureBatch): Promise<unknown>;
  screen(screen: Screen | null): Promise<void>;
  /** Registers the handler for "insert this reply" from the side panel; returns how to stop. */
  onInsert?(handler: (text: string) => InsertResult): () => void;
  /** The "/" picker's source of replies, where the console has a reply box. */
  replies?: ReplySource;
  /** Capture health: what the reader found on the page just read (lib/schema/recipes.ts HealthReport). */
  health?(report: HealthReport): Promise<void>;
  /** Keeps a capture the background did not take after the retries, for it to store later (lib/capture-queue.ts); answers whether it was kept. */
  queue?(batch: CaptureBatch, reason: string): Promise<boolean>;
}

export interface ReplySource {
  pick(query: string): Promise<PickedReply[]>;
  picked(id: string): void;
}

const SEND_ATTEMPTS = 4;

/** Sends, retrying a few times with backoff: the service worker may be starting up. */
export async function withRetry(send: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      return;
    } catch (error) {
      if (attempt >= SEND_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

/** Sends what was read on a page (the session it was read in says which page, and its kind). */
export type SendCapture = (source: CaptureBatch['source'], extraction: Extraction, session: PageSession, sourceUrl?: string) => void;

/**
 * Sends one reading of a page or response as a capture batch. A batch the background does not
 * answer after the retries (its service worker gone for longer) waits in the durable queue; one
 * that cannot even be queued is counted for the panel and logged, never thrown.
 */
export function captureSender({ adapter, sink }: Pick<ConsolePage, 'adapter' | 'sink'>): SendCapture {
  return (source, extraction, session, sourceUrl) => {
    const batch: CaptureBatch = {
      adapterId: adapter.id,
      pageKind: session.kind ?? 'other',
      pageUrl: session.url.href,
      source,
      capturedAt: new Date().toISOString(),
      shops: extraction.shops,
      buyers: extraction.buyers,
      orders: extraction.orders,
      problems: extraction.problems,
      ...(sourceUrl ? { sourceUrl } : {}),
    };
    void withRetry(() => sink.capture(batch))
      .catch(async (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        if (!(await sink.queue?.(batch, reason))) console.warn('[BuyerLens] capture not stored', error);
      })
      .catch((error: unknown) => console.warn('[BuyerLens] capture not stored', error));
  };
}
