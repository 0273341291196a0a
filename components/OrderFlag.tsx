import { useState } from 'react';
import { ActionErrorText } from './ActionErrorText';
import { flagColorSchema, type FlagColor, type OrderFlagRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { useAction } from './use-action';

const COLORS = flagColorSchema.options;

function FlagIcon({ color }: { color: FlagColor | undefined }) {
  return (
    <svg className={`flag-icon ${color ? `flag-${color}` : 'flag-empty'}`} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M3 1.5v13" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <path d="M3.5 2h8.5l-2 3.25 2 3.25H3.5z" fill={color ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  );
}

/** The seller's flag (a colour) and memo on one order, set in place. Captures never change it. */
export function OrderFlag({ orderKey, flag }: { orderKey: string; flag: OrderFlagRecord | undefined }) {
  const { t } = useI18n();
  const { run, error } = useAction();
  const [editing, setEditing] = useState<{ color: FlagColor | undefined; memo: string } | null>(null);
  const label = flag?.color ? t(`flag.${flag.color}`) : t('flag.edit');

  if (!editing) {
    return (
      <>
        <button
          type="button"
          className="flag-button"
          data-testid="order-flag"
          data-flag={flag?.color ?? ''}
          aria-label={label}
          title={label}
          onClick={() => setEditing({ color: flag?.color, memo: flag?.memo ?? '' })}
        >
          <FlagIcon color={flag?.color} />
        </button>
        {flag?.memo && (
          <p className="order-memo" data-testid="order-memo">
            {flag.memo}
          </p>
        )}
      </>
    );
  }
  const save = async () => {
    if (await run('orders/flag', { orderKey, ...(editing.color ? { color: editing.color } : {}), memo: editing.memo })) setEditing(null);
  };
  return (
    <form
      className="flag-editor"
      aria-label={t('flag.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="flag-colors" role="radiogroup" aria-label={t('flag.title')}>
        {[undefined, ...COLORS].map((color) => (
          <button
            key={color ?? 'none'}
            type="button"
            role="radio"
            aria-checked={editing.color === color}
            aria-label={color ? t(`flag.${color}`) : t('flag.none')}
            title={color ? t(`flag.${color}`) : t('flag.none')}
            className="flag-choice"
            onClick={() => setEditing({ ...editing, color })}
          >
            <FlagIcon color={color} />
          </button>
        ))}
      </div>
      <input
        type="text"
        className="flag-memo-input"
        aria-label={t('flag.memo')}
        placeholder={t('flag.memoPlaceholder')}
        maxLength={500}
        value={editing.memo}
        autoFocus
        onChange={(e) => setEditing({ ...editing, memo: e.target.value })}
      />
      <span className="flag-editor-actions">
        <button type="submit" className="small-button primary">
          {t('flag.save')}
        </button>
        <button type="button" className="small-button" onClick={() => setEditing(null)}>
          {t('notes.cancel')}
        </button>
      </span>
      <ActionErrorText error={error} />
    </form>
  );
}
