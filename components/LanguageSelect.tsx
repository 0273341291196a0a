import { memo } from 'react';
import type { LanguageSetting } from '@/lib/i18n/i18n';
import { useI18n } from '@/lib/i18n/react';

/** The interface's language (memoised: a page's renders do not set its select again). */
export const LanguageSelect = memo(function LanguageSelect({ setting, onChange }: { setting: LanguageSetting; onChange: (s: LanguageSetting) => void }) {
  const { t } = useI18n();
  return (
    <label className="language">
      <span className="visually-hidden">{t('settings.language')}</span>
      <select value={setting} onChange={(e) => onChange(e.target.value as LanguageSetting)} aria-label={t('settings.language')}>
        <option value="auto">{t('settings.language.auto')}</option>
        <option value="en">English</option>
        <option value="zh-CN">中文</option>
      </select>
    </label>
  );
});
