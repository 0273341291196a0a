import { useState } from 'react';
import { ActionErrorText } from '@/components/ActionErrorText';
import { useAction } from '@/components/use-action';
import { useI18n } from '@/lib/i18n/react';
import type { MessageKey } from '@/lib/i18n/en';
import { orderNumberFrom, parseAmount, parseDate, statusFromText } from '@/lib/recipes/values';
import { CHAT_FIELDS, ORDER_FIELDS, REQUIRED_ORDER_FIELDS, type RecipeField, type RecipeKind, type TeachDraft } from '@/lib/schema/recipes';
import type { TeachSession } from '@/lib/teach-state';
import { useStoredRecipes } from '@/components/use-recipes';
import { CurrencyField } from './CurrencyField';


function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function fieldsOf(kind: RecipeKind): readonly RecipeField[] {
  return kind === 'chat' ? CHAT_FIELDS : ORDER_FIELDS;
}

function required(kind: RecipeKind, field: RecipeField): boolean {
  return kind === 'chat' ? field === 'chatBuyer' : (REQUIRED_ORDER_FIELDS as readonly string[]).includes(field);
}

/** One field to point at: armed by a click here, picked by the next click on the page. */
function FieldButton({ field, kind, draft, onPick }: { field: RecipeField; kind: RecipeKind; draft: TeachDraft | undefined; onPick: (field: RecipeField) => void }) {
  const { t } = useI18n();
  const picked = draft?.picks[field];
  const armed = draft?.picking === field;
  return (
    <li className={`teach-field-row${armed ? ' armed' : ''}`}>
      <button type="button" className="small-button" data-testid="teach-field" data-field={field} data-picked={picked ? 'true' : 'false'} aria-pressed={armed} onClick={() => onPick(field)}>
        {t(`teach.field.${field}` as MessageKey)}
        {required(kind, field) && <span aria-hidden="true"> *</span>}
      </button>
      <span className={picked ? 'teach-value' : 'muted'}>{armed ? t('teach.clickOnPage') : picked ? picked.text || picked.label : required(kind, field) ? t('teach.required') : t('teach.optional')}</span>
    </li>
  );
}

/** What the recipe reads on the page now, one row per order, parsed as it will be stored. */
function TeachPreview({ draft, currency, locale, kind }: { draft: TeachDraft; currency: string; locale: string; kind: RecipeKind }) {
  const { t, money, date, dateTime, plural } = useI18n();
  if (kind === 'chat') {
    const buyer = draft.rows[0]?.chatBuyer?.[0];
    return <p data-testid="teach-preview" className="muted">{buyer ? t('teach.chatPreview', { buyer }) : t('teach.previewEmpty')}</p>;
  }
  return (
    <div className="teach-preview-block" data-testid="teach-preview" data-count={draft.rowCount}>
      <h3 className="section-title">{plural('teach.previewCount', draft.rowCount)}</h3>
      <p className="muted" data-testid="teach-source" data-source={draft.json ? 'json' : 'dom'}>
        {draft.json ? t('teach.source.json', { api: draft.json.api.path }) : t('teach.source.dom')}
      </p>
      <div className="teach-preview-scroll">
      <table className="teach-preview">
        <tbody>
          {draft.rows.map((row, index) => {
            const total = row.total?.[0] !== undefined ? parseAmount(row.total[0], currency, locale) : undefined;
            const placedAt = row.placedAt?.[0] !== undefined ? parseDate(row.placedAt[0], locale) : undefined;
            const status = row.status?.[0];
            return (
              <tr key={index} data-testid="teach-preview-row">
                <td className="nowrap">{orderNumberFrom(row.orderNumber?.[0] ?? '') ?? '—'}</td>
                <td>{row.buyer?.[0] ?? '—'}</td>
                <td title={placedAt ? dateTime(placedAt) : undefined}>{placedAt ? date(placedAt) : (row.placedAt?.[0] ?? '')}</td>
                <td className="num nowrap">{total !== undefined ? money(total, currency) : (row.total?.[0] ?? '—')}</td>
                <td>{status ? `${status}${statusFromText(status) ? '' : ' ?'}` : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </div>
  );
}

/** Teaching one tab: the kind of page, the fields to point at, the currency and language to confirm, the live preview, Save. */
export function TeachSessionView({ session, onDone }: { session: TeachSession; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const { draft, tabId, origin } = session;
  // Re-teaching starts from the recipe it replaces: its kind, name, currency and language.
  const replaced = useStoredRecipes().find((recipe) => recipe.id === session.replaces);
  const [kindChoice, setKind] = useState<RecipeKind | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);
  const [locale, setLocale] = useState<string | null>(null);
  const [nameChoice, setName] = useState<string | null>(null);
  const kind = kindChoice ?? replaced?.kind ?? 'order-list';
  const name = nameChoice ?? replaced?.name ?? `${t('teach.defaultName')} · ${new URL(origin).host}`;
  const { run, error, busy } = useAction();
  // Until the seller says otherwise: what the page's amounts and its declared language suggest.
  const chosenCurrency = currency ?? replaced?.currency ?? draft?.currencyHint ?? 'USD';
  const typedLocale = locale ?? replaced?.locale ?? draft?.pageLanguage ?? navigator.language;
  const chosenLocale = isLocale(typedLocale) ? typedLocale : navigator.language;
  const complete = fieldsOf(kind).every((field) => !required(kind, field) || draft?.picks[field]) && (draft?.rows.length ?? 0) > 0;
  const save = async () => {
    if (await run('teach/save', { tabId, name, kind, locale: chosenLocale, ...(kind !== 'chat' ? { currency: chosenCurrency } : {})})) onDone(true);
  };
  return (
    <div className="teach" data-testid="teach-session">
      <h2 className="section-title">{t('teach.title', { site: new URL(origin).host })}</h2>
      <p className="muted">{draft ? t('teach.howTo') : t('teach.loading')}</p>
      <label className="field">
        {t('teach.kind')}
        <select data-testid="teach-kind" value={kind} onChange={(e) => setKind(e.target.value as RecipeKind)}>
          <option value="order-list">{t('teach.kind.order-list')}</option>
          <option value="order-detail">{t('teach.kind.order-detail')}</option>
          <option value="chat">{t('teach.kind.chat')}</option>
        </select>
      </label>
      <ul className="plain-list teach-fields">
        {fieldsOf(kind).map((field) => (
          <FieldButton key={field} field={field} kind={kind} draft={draft} onPick={(f) => void run('teach/pick', { tabId, field: f })} />
        ))}
      </ul>
      {draft?.error && Object.keys(draft.picks).length > 0 && <p className="banner warn">{draft.error}</p>}
      {draft?.dom && kind === 'order-list' && draft.dom.rows === null && <p className="banner warn" data-testid="teach-layout">{t('teach.layout.one')}</p>}
      {draft?.dom && kind === 'order-detail' && draft.dom.rows !== null && <p className="banner warn" data-testid="teach-layout">{t('teach.layout.list')}</p>}
      {kind !== 'chat' && (
        <div className="teach-settings">
          <CurrencyField testId="teach-currency" value={chosenCurrency} onChange={setCurrency} />
          <label className="field">
            {t('teach.locale')}
            <input data-testid="teach-locale" value={typedLocale} maxLength={35} onChange={(e) => setLocale(e.target.value)} />
          </label>
        </div>
      )}
      {draft && <TeachPreview draft={draft} currency={chosenCurrency} locale={chosenLocale} kind={kind} />}
      <label className="field">
        {t('teach.name')}
        <input data-testid="teach-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </label>
      <ActionErrorText error={error} />
      <div className="teach-actions">
        <button type="button" className="small-button primary" data-testid="teach-save" disabled={!complete || busy} onClick={() => void save()}>
          {t('teach.save')}
        </button>
        <button type="button" className="small-button" data-testid="teach-cancel" onClick={() => void run('teach/cancel', { tabId }).then(() => onDone(false))}>
          {t('teach.cancel')}
        </button>
      </div>
    </div>
  );
}
