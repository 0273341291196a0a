import { memo, useState } from 'react';
import { ActionErrorText } from '@/components/ActionErrorText';
import { FileButton } from '@/components/files';
import { useAction } from '@/components/use-action';
import { previewTagImport, tagImportKeys, type TagImportPreview as Preview } from '@/lib/buyers/tag-import';
import { db } from '@/lib/db/database';
import { useI18n } from '@/lib/i18n/react';

/** The buyers a file of buyers and tags may name, read by their keys (never every buyer). */
async function previewFile(text: string, shopKeys: readonly string[], marketplaceNames: Readonly<Record<string, string>>): Promise<Preview | null> {
  const keys = tagImportKeys(text, marketplaceNames, shopKeys);
  if (!keys) return null;
  const rows = (await db.buyerList.bulkGet(keys)).filter((r) => r !== undefined);
  return previewTagImport(text, rows, marketplaceNames);
}

export const TagImport = memo(function TagImport({ shopKeys, marketplaceNames, onDone }: { shopKeys: readonly string[]; marketplaceNames: Readonly<Record<string, string>>; onDone: () => void }) {
  const { t } = useI18n();
  const { run, error } = useAction();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const read = async (file: File) => {
    setMessage(null);
    const result = await previewFile(await file.text(), shopKeys, marketplaceNames);
    if (!result) setMessage(t('import.noColumns'));
    setPreview(result);
  };
  const confirm = async () => {
    if (!preview) return;
    const done = await run('buyers/import-tags', { assignments: preview.assignments });
    if (done) {
      setMessage(t('import.done', { buyers: done.value.buyers, created: done.value.tagsCreated }));
      setPreview(null);
      onDone();
    }
  };
  return (
    <section className="panel-box" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="muted small">{t('import.hint')}</p>
      <FileButton accept=".csv,text/csv" testId="import-tags-file" onFile={(file) => void read(file)}>
        {t('import.choose')}
      </FileButton>
      {preview && (
        <div className="import-preview" data-testid="import-preview">
          <p>{t('import.preview', { matched: preview.assignments.length, tags: preview.tagCount, unmatched: preview.unmatched.length })}</p>
          {preview.unmatched.length > 0 && (
            <details>
              <summary>{t('import.unmatched')}</summary>
              <ul className="small">
                {preview.unmatched.slice(0, 200).map((u) => (
                  <li key={u.line}>
                    {u.line}: {u.text}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="form-actions">
            <button type="button" className="small-button primary" disabled={preview.assignments.length === 0} onClick={() => void confirm()}>
              {t('import.confirm')}
            </button>
            <button type="button" className="small-button" onClick={() => setPreview(null)}>
              {t('import.cancel')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
      <ActionErrorText error={error} />
    </section>
  );
});
