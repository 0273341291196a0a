import { memo, useEffect, useRef, useState } from 'react';
import { download } from '@/components/files';
import type { ListQuery } from '@/lib/db/buyer-list';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, type ExportColumn, type ExportLookups } from '@/lib/export/columns';
import { useI18n } from '@/lib/i18n/react';
import type { ExportMessage, ExportRequest } from './export-worker';

/** The export runs in a worker that reads the listed buyers from the store: the page sends the query, never the rows. */
function useExport(query: ListQuery, total: number | null, lookups: Omit<ExportLookups, 'notes'>, columns: ExportColumn[]) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);
  // A worker started ahead, its code loaded and the store open, so an export starts at once.
  const ready = useRef<Worker | null>(null);
  const spawn = () => new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  useEffect(() => {
    ready.current = spawn();
    return () => {
      ready.current?.terminate();
      worker.current?.terminate();
    };
  }, []);

  const cancel = () => {
    worker.current?.terminate();
    worker.current = null;
    setProgress(null);
  };

  const start = (format: 'csv' | 'xlsx') => {
    cancel();
    setMessage(null);
    setProgress({ done: 0, total });
    const w = ready.current ?? spawn();
    ready.current = spawn();
    worker.current = w;
    w.addEventListener('message', (event: MessageEvent<ExportMessage>) => {
      const m = event.data;
      if (m.kind === 'progress') setProgress({ done: m.done, total: m.total });
      else {
        w.terminate();
        worker.current = null;
        setProgress(null);
        if (m.kind === 'failed') setMessage(t('export.failed', { message: m.error }));
        else {
          download(m.file, `buyerlens-buyers-${new Date().toISOString().slice(0, 10)}.${format}`);
          setMessage(t('export.done', { count: m.rows }));
        }
      }
    });
    const request: ExportRequest = { format, columns, headers: columns.map((c) => t(`export.col.${c}`)), query, lookups, total };
    w.postMessage(request);
  };
  return { progress, message, start, cancel };
}

const ColumnChoice = memo(function ColumnChoice({ columns, onChange }: { columns: readonly ExportColumn[]; onChange: (columns: ExportColumn[]) => void }) {
  const { t } = useI18n();
  return (
    <details>
      <summary>{t('export.columns')}</summary>
      <div className="checks">
        {EXPORT_COLUMNS.map((c) => (
          <label key={c}>
            <input type="checkbox" checked={columns.includes(c)} onChange={(e) => onChange(EXPORT_COLUMNS.filter((x) => (x === c ? e.target.checked : columns.includes(x))))} />{' '}
            {t(`export.col.${c}`)}
          </label>
        ))}
      </div>
      <p className="muted small">{t('export.noContact')}</p>
    </details>
  );
});

/** Export of the current list to CSV or Excel, built in a worker with progress and cancel. */
export const ExportPanel = memo(function ExportPanel({ query, total, lookups }: { query: ListQuery; total: number | null; lookups: Omit<ExportLookups, 'notes'> }) {
  const { t } = useI18n();
  const [columns, setColumns] = useState<ExportColumn[]>([...DEFAULT_EXPORT_COLUMNS]);
  const { progress, message, start, cancel } = useExport(query, total, lookups, columns);

  return (
    <section className="panel-box" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <ColumnChoice columns={columns} onChange={setColumns} />
      <div className="form-actions">
        <button type="button" className="small-button primary" data-testid="export-csv" disabled={progress !== null || columns.length === 0} onClick={() => start('csv')}>
          {t('export.csv')}
        </button>
        <button type="button" className="small-button primary" data-testid="export-xlsx" disabled={progress !== null || columns.length === 0} onClick={() => start('xlsx')}>
          {t('export.xlsx')}
        </button>
      </div>
      {progress && (
        <div className="export-progress" role="status">
          <progress data-testid="export-progress" value={progress.done} max={Math.max(1, progress.total ?? progress.done)} />
          <span className="small">{t('export.progress', { done: progress.done, total: progress.total ?? '…' })}</span>
          <button type="button" className="small-button" onClick={cancel}>
            {t('export.cancel')}
          </button>
        </div>
      )}
      {message && (
        <p className="small" role="status" data-testid="export-result">
          {message}
        </p>
      )}
    </section>
  );
});
