import { ActionErrorText } from '@/components/ActionErrorText';
import { useAction } from '@/components/use-action';
import { useI18n } from '@/lib/i18n/react';
import type { MessageKey } from '@/lib/i18n/en';
import type { TabHealth } from '@/lib/teach-state';

/**
 * Capture health of the followed tab: its recipe (or console reading) used to find orders on such
 * pages and now finds none, or misses a field it needs. A recipe can be re-taught on the spot.
 */
export function HealthBanner({ health, onReteach }: { health: TabHealth; onReteach: (tabId: number) => void }) {
  const { t } = useI18n();
  const { run, error, busy } = useAction();
  const recipeId = health.reader.startsWith('site:') ? health.reader.slice('site:'.length) : undefined;
  const missing = health.missing.map((field) => t(`teach.field.${field}` as MessageKey)).join(', ');
  return (
    <div className="banner warn" role="alert" data-testid="capture-health" data-reader={health.reader}>
      {health.found === 0 ? t('health.noRows') : t('health.missing', { fields: missing })} {recipeId ? t('health.recipeHint') : t('health.consoleHint')}{' '}
      {recipeId && (
        <button
          type="button"
          className="small-button"
          data-testid="capture-health-reteach"
          disabled={busy}
          onClick={() => void run('teach/begin', { tabId: health.tabId, replaces: recipeId }).then((done) => done && onReteach(health.tabId))}
        >
          {t('health.reteach')}
        </button>
      )}
      <ActionErrorText error={error} />
    </div>
  );
}
