import { useState } from 'react';
import Papa from 'papaparse';
import { ActionErrorText } from '@/components/ActionErrorText';
import { useAction } from '@/components/use-action';
import type { BuyerRow } from '@/lib/buyers/list';
import { useI18n } from '@/lib/i18n/react';

interface Preview {
  assignments: { buyerKey: string; tagNames: string[] }[];
  unmatched: { line: number; text: string }[];
  tagCount: number;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/**
 * Reads a CSV of buyers and tags, matches every row to a buyer (by buyer key, or by marketplace and
 * the marketplace's buyer id), and shows what it would do. Nothing changes until the user confirms.
 */
export function previewTagImport(text: string, rows: readonly BuyerRow[], marketplaceNames: Readonly<Record<string, string>>): Preview | null {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = (parsed.meta.fields ?? []).map((f) => [norm(f), f] as const);
  const column = (...names: string[]) => fields.find(([n]) => names.includes(n))?.[1];
  const tagsColumn = column('tags', 'tag', '标签');
  const keyColumn = column('buyer key', 'buyerkey');
  const marketplaceColumn = column('marketplace', 'platform', '平台');
  const idColumn = column('buyer id', 'platform buyer id', 'buyerid', '买家 id', '买家id');
  if (!tagsColumn || (!keyColumn && !(marketplaceColumn && idColumn))) return null;

  const byKey = new Map(rows.map((r) => [r.buyerKey, r]));
  const adapterOf = new Map<string, string>();
  for (const [id, name] of Object.entries(marketplaceNames)) {
    adapterOf.set(norm(id), id);
    adapterOf.set(norm(name), id);
  }
  const byPlatformId = new Map<string, BuyerRow[]>();
  for (const r of rows) {
    const k = `${r.adapterId}|${r.platformBuyerId}`;
    byPlatformId.set(k, [...(byPlatformId.get(k) ?? []), r]);
  }
  const assignments = new Map<string, Set<string>>();
  const unmatched: Preview['unmatched'] = [];
  parsed.data.forEach((record, i) => {
    const tagNames = (record[tagsColumn] ?? '').split(/[;,，；]/).map((s) => s.trim()).filter(Boolean);
    let matches: BuyerRow[] = [];
    const key = keyColumn ? record[keyColumn]?.trim() : undefined;
    if (key && byKey.has(key)) matches = [byKey.get(key)!];
    else if (marketplaceColumn && idColumn) {
      const adapter = adapterOf.get(norm(record[marketplaceColumn] ?? ''));
      matches = adapter ? (byPlatformId.get(`${adapter}|${record[idColumn]?.trim()}`) ?? []) : [];
    }
    if (matches.length === 0 || tagNames.length === 0) {
      unmatched.push({ line: i + 2, text: Object.values(record).join(', ') });
      return;
    }
    for (const m of matches) {
      const set = assignments.get(m.buyerKey) ?? new Set<string>();
      tagNames.forEach((n) => set.add(n.slice(0, 60)));
      assignments.set(m.buyerKey, set);
    }
  });
  const list = [...assignments].map(([buyerKey, names]) => ({ buyerKey, tagNames: [...names] }));
  return { assignments: list, unmatched, tagCount: list.reduce((n, a) => n + a.tagNames.length, 0) };
}

export function TagImport({ rows, marketplaceNames, onDone }: { rows: readonly BuyerRow[]; marketplaceNames: Readonly<Record<string, string>>; onDone: () => void }) {
  const { t } = useI18n();
  const { run, error } = useAction();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const read = async (file: File) => {
    setMessage(null);
    const result = previewTagImport(await file.text(), rows, marketplaceNames);
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
      <input
        type="file"
        accept=".csv,text/csv"
        data-testid="import-tags-file"
        aria-label={t('import.title')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void read(file);
        }}
      />
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
}
