import { applyCapture } from '@/lib/db/capture-repository';
import { db } from '@/lib/db/database';
import { onContentMessage } from '@/lib/messaging/background';
import { adapterIdSchema } from '@/lib/schema/common';
import { captureHealthItem } from '@/lib/screen-state';

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

export function registerCaptureHandlers(onStored: (shopKeys: string[]) => void): void {
  // Whether this worker last told the panel captures are fine: then a capture that stores does not
  // write the same again (one storage write per capture otherwise).
  let saidHealthy = false;
  onContentMessage('capture', {
    async refuse({ kind, reason }, raw) {
      if (kind === 'sender') return { ok: false, error: 'not from BuyerLens' };
      await logMalformed(raw, `malformed capture: ${reason}`).catch(() => undefined);
      return { ok: false, error: reason };
    },
    async handle(batch) {
      try {
        const result = await applyCapture(db, batch);
        if (!saidHealthy) await captureHealthItem.setValue(null);
        saidHealthy = true;
        onStored(result.shopKeys);
        return { ok: true, result };
      } catch (error) {
        // Nothing of the batch was written (one transaction). Say so where the seller will see it.
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        saidHealthy = false;
        await captureHealthItem.setValue({ message, at: new Date().toISOString() }).catch(() => undefined);
        return { ok: false, error: message };
      }
    },
  });
}
