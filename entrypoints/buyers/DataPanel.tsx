import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActionErrorText } from '@/components/ActionErrorText';
import { useAction } from '@/components/use-action';
import { BackupError, createBackup, readBackup, restoreBackup, type Backup } from '@/lib/db/backup';
import { loadRetention } from '@/lib/db/settings-queries';
import { db } from '@/lib/db/database';
import { useI18n } from '@/lib/i18n/react';
import { download, FileButton } from '@/components/files';

const RETENTION_CHOICES = [6, 12, 24, 36];

/**
 * Backup, restore and privacy. Backup and restore run here, in the extension page, because a whole
 * database is too large for a runtime message; restore is one transaction (lib/db/backup.ts).
 */
export function DataPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const { run, error } = useAction();
  const [pending, setPending] = useState<Backup | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [wipeWord, setWipeWord] = useState('');
  const retention = useLiveQuery(() => loadRetention(db));

  const backup = async () => {
    setMessage(null);
    const file = await createBackup(db, (done, total) => setBusy(t('backup.progress', { done, total })));
    setBusy(null);
    download(file, `buyerlens-backup-${new Date().toISOString().slice(0, 10)}.json`);
  };
  const choose = async (file: File) => {
    setMessage(null);
    setPending(null);
    try {
      setPending(readBackup(await file.text()));
    } catch (e) {
      setMessage({ text: t('backup.refused', { message: e instanceof BackupError ? e.message : String(e) }), error: true });
    }
  };
  const restore = async () => {
    if (!pending) return;
    try {
      await restoreBackup(db, pending);
      setMessage({ text: t('backup.restored', { buyers: pending.counts.buyers ?? 0, orders: pending.counts.orders ?? 0, notes: pending.counts.notes ?? 0 }) });
      onChanged();
    } catch (e) {
      setMessage({ text: t('backup.refused', { message: e instanceof Error ? e.message : String(e) }), error: true });
    }
    setPending(null);
  };

  return (
    <section className="panel-box" aria-labelledby="data-title">
      <h2 id="data-title">{t('backup.title')}</h2>
      <p className="muted small">{t('backup.hint')}</p>
      <div className="form-actions">
        <button type="button" className="small-button primary" data-testid="backup-download" onClick={() => void backup()}>
          {t('backup.download')}
        </button>
        <FileButton accept="application/json,.json" testId="backup-restore" onFile={(file) => void choose(file)}>
          {t('backup.restore')}
        </FileButton>
      </div>
      {busy && <p className="small">{busy}</p>}
      {pending && (
        <div className="confirm-box" role="alertdialog">
          <p>{t('backup.restoreConfirm', { buyers: pending.counts.buyers ?? 0, orders: pending.counts.orders ?? 0, notes: pending.counts.notes ?? 0 })}</p>
          <div className="form-actions">
            <button type="button" className="small-button danger" onClick={() => void restore()}>
              {t('backup.restore').replace('…', '')}
            </button>
            <button type="button" className="small-button" onClick={() => setPending(null)}>
              {t('notes.cancel')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p className={message.error ? 'inline-error' : 'small'} role={message.error ? 'alert' : 'status'} data-testid="backup-message">
          {message.text}
        </p>
      )}

      <h2>{t('privacy.title')}</h2>
      <label className="field">
        <span>{t('privacy.retention')}</span>
        <select
          value={retention ?? ''}
          onChange={async (e) => {
            const months = e.target.value ? Number(e.target.value) : null;
            const done = await run('data/retention', { months });
            if (done) {
              setMessage({ text: t('privacy.retentionDone', { count: done.value.orders }) });
              onChanged();
            }
          }}
        >
          <option value="">{t('privacy.retentionOff')}</option>
          {RETENTION_CHOICES.map((m) => (
            <option key={m} value={m}>
              {t('privacy.retentionMonths', { count: m })}
            </option>
          ))}
        </select>
      </label>
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
              if (await run('data/wipe', { confirm: 'DELETE' })) {
                setWipeWord('');
                setMessage({ text: t('privacy.wipeDone') });
                onChanged();
              }
            }}
          >
            {t('privacy.wipe')}
          </button>
        </span>
      </div>
      <ActionErrorText error={error} />
    </section>
  );
}
