import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ActionErrorText } from '@/components/ActionErrorText';
import { useAction } from '@/components/use-action';
import { captureQueueState, NOT_KEPT_KEY, QUEUED_PREFIX, type CapturesNotKept } from '@/lib/capture-queue';
import { useI18n } from '@/lib/i18n/react';

/** How many captures wait in the durable queue, and how many could not be kept; follows every change. */
function useCaptureQueue(): { waiting: number; notKept: CapturesNotKept | null } {
  const [state, setState] = useState<{ waiting: number; notKept: CapturesNotKept | null }>({ waiting: 0, notKept: null });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => void captureQueueState().then((s) => live && setState(s));
    // A queue being stored changes many keys in a row: one read after the burst.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !Object.keys(changes).some((key) => key.startsWith(QUEUED_PREFIX) || key === NOT_KEPT_KEY)) return;
      clearTimeout(timer);
      timer = setTimeout(read, 250);
    };
    read();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}

/** Captures BuyerLens has not stored yet: the agent sees they wait (and can try now), and which were lost. */
export function CaptureQueueBanner() {
  const { t, plural } = useI18n();
  const { waiting, notKept } = useCaptureQueue();
  const { run, error, busy } = useAction();
  return (
    <>
      {waiting > 0 && (
        <div className="banner warn" role="status" data-testid="captures-waiting" data-count={waiting}>
          {plural('panel.capturesWaiting', waiting)}{' '}
          <button type="button" className="small-button" data-testid="captures-retry" disabled={busy} onClick={() => void run('captures/retry', {})}>
            {t('panel.capturesRetry')}
          </button>
          <ActionErrorText error={error} />
        </div>
      )}
      {notKept && (
        <div className="banner error" role="alert" data-testid="captures-not-kept">
          {plural('panel.capturesNotKept', notKept.count)}{' '}
          <button type="button" className="small-button" onClick={() => void browser.storage.local.remove(NOT_KEPT_KEY)}>
            {t('panel.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
