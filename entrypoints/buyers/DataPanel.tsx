import { memo, useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActionErrorText } from '@/components/ActionErrorText';
import { useAction } from '@/components/use-action';
import { createBackup } from '@/lib/db/backup';
import { loadRetention } from '@/lib/db/settings-queries';
import { db } from '@/lib/db/database';
import { useI18n } from '@/lib/i18n/react';
import { download, FileButton } from '@/components/files';
import type { RestoreMessage, RestoreRequest } from './restore-worker';
import { act } from '@/lib/messaging/actions';

const RETENTION_CHOICES = [6, 12, 24, 36];

type PanelMessage = { text: string; error?: boolean };

type Counts = Record<string, number>;

/**
 * Backup to a file, and restore from one after the seller has seen what it holds. The file is read,
 * checked and written by a worker (restore-worker.ts), so the page never waits on it.
 */
function useBackup(onChanged: () => void, setMessage: (message: PanelMessage | null) => void) {
  const { t } = useI18n();
  const [pending, setPending] = useState<Counts | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // From the seller's "Restore" until the worker answers: nothing may stop or start another restore.
  const [writing, setWriting] = useState(false);
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
    setBusy(null);
    setPending(null);
    setWriting(false);
  };
  const backup = async () => {
    setMessage(null);
    const file = await createBackup(db, (done, total) => setBusy(t('backup.progress', { done, total })));
    setBusy(null);
    download(file, `buyerlens-backup-${new Date().toISOString().slice(0, 10)}.json`);
  };
  const onMessage = (m: RestoreMessage) => {
    if (m.kind === 'progress') {
      // Reading counts the file's bytes, shown in MB; checking and writing count rows.
      const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
      setBusy(m.step === 'reading' ? t('backup.reading', { done: mb(m.done), total: mb(m.total) }) : t(m.step === 'checking' ? 'backup.checking' : 'backup.writing', { done: m.done, total: m.total }));
      return;
    }
    setBusy(null);
    if (m.kind === 'checked') {
      setPending(m.counts);
      return;
    }
    stop();
    if (m.kind === 'restored') {
      setMessage({ text: t('backup.restored', { buyers: m.counts.buyers ?? 0, orders: m.counts.orders ?? 0, notes: m.counts.notes ?? 0 }) });
      onChanged();
    } else {
      setMessage({ text: t('backup.refused', { message: m.error }), error: true });
    }
  };
  const choose = (file: File) => {
    stop();
    setMessage(null);
    const w = new Worker(new URL('./restore-worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.addEventListener('message', (event: MessageEvent<RestoreMessage>) => onMessage(event.data));
    w.addEventListener('error', (event) => {
      stop();
      setMessage({ text: t('backup.refused', { message: event.message || t('backup.workerFailed') }), error: true });
    });
    w.postMessage({ kind: 'read', file } satisfies RestoreRequest);
  };
  const restore = async () => {
    if (!pending) return;
    setPending(null);
    setWriting(true);
    // Writing starts by clearing the tables: say so at once, and lock the buttons until it is done.
    setBusy(t('backup.writing', { done: 0, total: Object.values(pending).reduce((a, b) => a + b, 0) }));
    // The restored tables are not what the team's documents were written into: the browser leaves
    // the team first (the agent joins again with their invite).
    await act('team/leave', {}).catch((error: unknown) => console.error('[BuyerLens] team not left before the restore', error));
    worker.current?.postMessage({ kind: 'restore' } satisfies RestoreRequest);
  };
  return { pending, busy, writing, backup, choose, restore, cancel: stop };
}

function RestoreConfirm({ pending, onRestore, onCancel }: { pending: Counts; onRestore: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="confirm-box" role="alertdialog">
      <p>{t('backup.restoreConfirm', { buyers: pending.buyers ?? 0, orders: pending.orders ?? 0, notes: pending.notes ?? 0 })}</p>
      <div className="form-actions">
        <button type="button" className="small-button danger" onClick={onRestore}>
          {t('backup.restore').replace('…', '')}
        </button>
        <button type="button" className="small-button" onClick={onCancel}>
          {t('notes.cancel')}
        </button>
      </div>
    </div>
  );
}

function RetentionField({ onMonths }: { onMonths: (months: number | null) => void }) {
  const { t } = useI18n();
  const retention = useLiveQuery(() => loadRetention(db));
  return (
    <label className="field">
      <span>{t('privacy.retention')}</span>
      <select value={retention ?? ''} onChange={(e) => onMonths(e.target.value ? Number(e.target.value) : null)}>
        <option value="">{t('privacy.retentionOff')}</option>
        {RETENTION_CHOICES.map((m) => (
          <option key={m} value={m}>
            {t('privacy.retentionMonths', { count: m })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Wiping needs the word DELETE typed first; `onWipe` answers whether it was done. */
function WipeField({ onWipe }: { onWipe: () => Promise<boolean> }) {
  const { t } = useI18n();
  const [wipeWord, setWipeWord] = useState('');
  return (
    <div className="field">
      <span>{t('privacy.wipe')}</span>
      <span className="hint">{t('privacy.wipeHint')}</span>
      <span className="form-actions">
        <input type="text" aria-label={t('privacy.wipeHint')} value={wipeWord} onChange={(e) => setWipeWord(e.target.value)} />
        <button
          type="button"
          className="small-button danger"
          data-testid="wipe-everything"
          disabled={wipeWord !== 'DELETE'}
          onClick={async () => {
            if (await onWipe()) setWipeWord('');
          }}
        >
          {t('privacy.wipe')}
        </button>
      </span>
    </div>
  );
}

/**
 * Backup, restore and privacy. Backup and restore run in the extension page and its worker, not the
 * background, because a whole database is too large for a runtime message; restore is one
 * transaction (lib/db/backup.ts).
 */
export const DataPanel = memo(function DataPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const { run, error } = useAction();
  const [message, setMessage] = useState<PanelMessage | null>(null);
  const { pending, busy, writing, backup, choose, restore, cancel } = useBackup(onChanged, setMessage);

  const keepMonths = async (months: number | null) => {
    const done = await run('data/retention', { months });
    if (done) {
      setMessage({ text: t('privacy.retentionDone', { count: done.value.orders }) });
      onChanged();
    }
  };
  const wipe = async () => {
    if (!(await run('data/wipe', { confirm: 'DELETE' }))) return false;
    setMessage({ text: t('privacy.wipeDone') });
    onChanged();
    return true;
  };

  return (
    <section className="panel-box" aria-labelledby="data-title">
      <h2 id="data-title">{t('backup.title')}</h2>
      <p className="muted small">{t('backup.hint')}</p>
      <div className="form-actions">
        <button type="button" className="small-button primary" data-testid="backup-download" disabled={busy !== null} onClick={() => void backup()}>
          {t('backup.download')}
        </button>
        <FileButton accept="application/json,.json" testId="backup-restore" disabled={writing} onFile={choose}>
          {t('backup.restore')}
        </FileButton>
      </div>
      {busy && (
        <p className="small" role="status" data-testid="backup-progress">
          {busy}
        </p>
      )}
      {pending && <RestoreConfirm pending={pending} onRestore={() => void restore()} onCancel={cancel} />}
      {message && (
        <p className={message.error ? 'inline-error' : 'small'} role={message.error ? 'alert' : 'status'} data-testid="backup-message">
          {message.text}
        </p>
      )}

      <h2>{t('privacy.title')}</h2>
      <RetentionField onMonths={(months) => void keepMonths(months)} />
      <WipeField onWipe={wipe} />
      <ActionErrorText error={error} />
    </section>
  );
});
