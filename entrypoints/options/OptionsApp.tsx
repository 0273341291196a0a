import { LanguageSelect } from '@/components/LanguageSelect';
import { useTranslator } from '@/components/use-translator';
import { I18nProvider } from '@/lib/i18n/react';
import { RecipesSettings } from './RecipesSettings';
import { RepliesSettings } from './RepliesSettings';
import { RfmSettingsForm } from './RfmSettingsForm';
import { TagsSettings } from './TagsSettings';
import { TeamSettings } from './TeamSettings';

export function OptionsApp() {
  const { translator, setting, setSetting } = useTranslator();
  const { t } = translator;
  return (
    <I18nProvider translator={translator}>
      <div className="options">
        <header className="options-head">
          <img src="/icon/48.png" alt="" width={28} height={28} />
          <h1>{t('options.title')}</h1>
          <LanguageSelect setting={setting} onChange={setSetting} />
        </header>
        <RepliesSettings />
        <TagsSettings />
        <RfmSettingsForm />
        <RecipesSettings />
        <TeamSettings />
      </div>
    </I18nProvider>
  );
}
