import { useI18n } from '@/lib/i18n/react';

/** Why a user action was not done, next to the control it came from. */
export function ActionErrorText({ error }: { error: string | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="inline-error" role="alert">
      {t('action.failed', { message: error })}
    </p>
  );
}
