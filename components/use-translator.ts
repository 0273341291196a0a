import { useEffect, useMemo, useState } from 'react';
import { createTranslator, resolveLanguage, type LanguageSetting, type Translator } from '@/lib/i18n/i18n';
import { languageSettingItem } from '@/lib/settings';

export function useTranslator(): { translator: Translator; setting: LanguageSetting; setSetting: (s: LanguageSetting) => void } {
  const [setting, setSettingState] = useState<LanguageSetting>('auto');
  useEffect(() => {
    void languageSettingItem.getValue().then(setSettingState);
    return languageSettingItem.watch((value) => setSettingState(value));
  }, []);
  const translator = useMemo(() => createTranslator(resolveLanguage(setting, navigator.languages)), [setting]);
  useEffect(() => {
    document.documentElement.lang = translator.language;
  }, [translator]);
  return { translator, setting, setSetting: (s) => void languageSettingItem.setValue(s) };
}
