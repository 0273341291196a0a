import { useState } from 'react';
import { ActionErrorText } from '@/components/ActionErrorText';
import { useLiveQuery } from 'dexie-react-hooks';
import { shopLabel } from '@/lib/adapters/catalog';
import { useAction } from '@/components/use-action';
import { db } from '@/lib/db/database';
import { loadRfmSettings } from '@/lib/db/settings-queries';
import { monetaryCutoffs } from '@/lib/rfm/settings';
import { rfmSettingsSchema, type RfmSettings } from '@/lib/schema/rfm';
import { describeIssues } from '@/lib/schema/issues';
import type { ShopRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';

type Cutoffs = [number, number, number, number];

function CutoffInputs({ label, value, onChange }: { label: string; value: Cutoffs; onChange: (v: Cutoffs) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <span className="cutoffs">
        {value.map((v, i) => (
          <input
            key={i}
            type="number"
            min={0}
            step="any"
            aria-label={`${label} ${i + 1}`}
            value={Number.isFinite(v) ? v : ''}
            onChange={(e) => onChange(value.map((old, j) => (j === i ? e.target.valueAsNumber : old)) as Cutoffs)}
          />
        ))}
      </span>
    </label>
  );
}

function Cn8ReferenceField({ reference, onChange }: { reference: RfmSettings['cn8Reference']; onChange: (reference: RfmSettings['cn8Reference']) => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <span>{t('options.cn8Reference')}</span>
      <span className="radio-row">
        <label>
          <input type="radio" checked={reference.kind === 'average'} onChange={() => onChange({ kind: 'average' })} /> {t('options.cn8Average')}
        </label>
        <label>
          <input type="radio" checked={reference.kind === 'custom'} onChange={() => onChange({ kind: 'custom', recencyDays: 90, frequency: 2, monetaryMajor: 100 })} /> {t('options.cn8Custom')}
        </label>
      </span>
      {reference.kind === 'custom' && (
        <span className="cutoffs">
          {(
            [
              ['recencyDays', 'options.cn8Recency'],
              ['frequency', 'options.cn8Frequency'],
              ['monetaryMajor', 'options.cn8Monetary'],
            ] as const
          ).map(([key, label]) => (
            <label key={key} className="field">
              <span className="hint">{t(label)}</span>
              <input type="number" min={0} step="any" value={Number.isFinite(reference[key]) ? reference[key] : ''} onChange={(e) => onChange({ ...reference, [key]: e.target.valueAsNumber })} />
            </label>
          ))}
        </span>
      )}
    </div>
  );
}

function ThresholdFields({ draft, shops, onChange }: { draft: RfmSettings; shops: readonly ShopRecord[]; onChange: (thresholds: RfmSettings['thresholds']) => void }) {
  const { t, language } = useI18n();
  const thresholds = draft.thresholds;
  return (
    <>
      <CutoffInputs label={t('options.recencyCutoffs')} value={thresholds.recencyDays} onChange={(recencyDays) => onChange({ ...thresholds, recencyDays })} />
      <CutoffInputs label={t('options.frequencyCutoffs')} value={thresholds.frequency} onChange={(frequency) => onChange({ ...thresholds, frequency })} />
      {shops.map((shop) => (
        <CutoffInputs
          key={shop.shopKey}
          label={t('options.monetaryCutoffs', { shop: shopLabel(language, shop.shopKey, shop), currency: shop.currency ?? '—' })}
          value={monetaryCutoffs(draft, shop.shopKey, shop.currency)}
          onChange={(cut) => onChange({ ...thresholds, monetaryByShop: { ...thresholds.monetaryByShop, [shop.shopKey]: cut } })}
        />
      ))}
    </>
  );
}

/** RFM settings: window, segment map, thresholds (per shop for M), the 8-class reference. */
export function RfmSettingsForm() {
  const { t } = useI18n();
  const { run, error } = useAction();
  const stored = useLiveQuery(async () => ({ settings: await loadRfmSettings(db), shops: await db.shops.toArray() }));
  // The seller's edits, over the stored settings until the first edit.
  const [edited, setDraft] = useState<RfmSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const draft = edited ?? stored?.settings;
  if (!stored || !draft) return null;
  const shops: ShopRecord[] = stored.shops;
  const update = (change: Partial<RfmSettings>) => {
    setDraft({ ...draft, ...change });
    setSaved(false);
  };
  const save = async () => {
    // Every shop's M cut-offs are written out, so what the seller saw is what is used.
    const monetaryByShop = Object.fromEntries(shops.map((s) => [s.shopKey, monetaryCutoffs(draft, s.shopKey, s.currency)]));
    const parsed = rfmSettingsSchema.safeParse({ ...draft, thresholds: { ...draft.thresholds, monetaryByShop } });
    if (!parsed.success) {
      setProblem(describeIssues(parsed.error));
      return;
    }
    setProblem(null);
    if (await run('rfm/settings', parsed.data)) setSaved(true);
  };
  return (
    <section className="section" aria-labelledby="rfm-title" data-testid="rfm-settings">
      <h2 id="rfm-title">{t('options.rfm')}</h2>
      <p className="muted">{t('options.rfmHint')}</p>
      <label className="field">
        <span>{t('options.map')}</span>
        <select value={draft.map} onChange={(e) => update({ map: e.target.value as RfmSettings['map'] })}>
          <option value="rfm11">{t('options.map.rfm11')}</option>
          <option value="cn8">{t('options.map.cn8')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('options.window')}</span>
        <input type="number" min={7} max={3650} value={Number.isFinite(draft.windowDays) ? draft.windowDays : ''} onChange={(e) => update({ windowDays: e.target.valueAsNumber })} />
        <span className="hint">{t('options.windowHint')}</span>
      </label>
      <ThresholdFields draft={draft} shops={shops} onChange={(thresholds) => update({ thresholds })} />
      {draft.map === 'cn8' && <Cn8ReferenceField reference={draft.cn8Reference} onChange={(cn8Reference) => update({ cn8Reference })} />}
      <div className="form-actions">
        <button type="button" className="small-button primary" data-testid="rfm-save" onClick={() => void save()}>
          {t('options.save')}
        </button>
        {saved && <span className="saved">{t('options.saved')}</span>}
      </div>
      {problem && <p className="inline-error">{t('options.invalid', { message: problem })}</p>}
      <ActionErrorText error={error} />
    </section>
  );
}
