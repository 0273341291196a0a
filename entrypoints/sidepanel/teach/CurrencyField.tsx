import { useI18n } from '@/lib/i18n/react';

/** The currencies offered first when the seller confirms a page's currency (the one the page suggests is added). */
const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'BRL', 'MXN', 'CNY', 'TWD', 'JPY', 'KRW', 'IDR', 'VND', 'THB', 'MYR', 'PHP', 'SGD', 'INR', 'AUD', 'CAD', 'PLN', 'TRY'] as const;

/** "Currency of the amounts": what the seller confirms for a taught page or a built-in recipe. */
export function CurrencyField({ value, onChange, testId }: { value: string; onChange: (code: string) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <label className="field">
      {t('teach.currency')}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {[...new Set([value, ...COMMON_CURRENCIES])].map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </label>
  );
}
