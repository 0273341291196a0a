import { Component, useEffect, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { LanguageSelect } from '@/components/LanguageSelect';
import { useTranslator } from '@/components/use-translator';
import { db } from '@/lib/db/database';
import { I18nProvider, useI18n } from '@/lib/i18n/react';
import type { LanguageSetting } from '@/lib/i18n/i18n';
import { captureHealthItem, type CaptureHealth } from '@/lib/screen-state';
import { useScreen } from './use-screen';
import { CaptureQueueBanner } from './CaptureQueueBanner';
import { BuyerView } from './views/BuyerView';
import { OverviewView } from './views/OverviewView';
import { ScreenView } from './views/ScreenView';
import { HealthBanner } from './teach/HealthBanner';
import { TeachSessionView } from './teach/TeachSessionView';
import { TeachStart } from './teach/TeachStart';
import { useTabHealth, useTeachSession } from './teach/use-teach';

class DatabaseErrorBoundary extends Component<{ children: ReactNode; render: (message: string) => ReactNode }, { message?: string }> {
  override state: { message?: string } = {};
  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    return this.state.message !== undefined ? this.props.render(this.state.message) : this.props.children;
  }
}

function useCaptureHealth(): CaptureHealth | null {
  const [health, setHealth] = useState<CaptureHealth | null>(null);
  useEffect(() => {
    void captureHealthItem.getValue().then(setHealth);
    return captureHealthItem.watch(setHealth);
  }, []);
  return health;
}

function Header({ setting, onLanguage }: { setting: LanguageSetting; onLanguage: (s: LanguageSetting) => void }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <img src="/icon/32.png" alt="" width={20} height={20} />
      <span className="app-name">{t('app.name')}</span>
      <button type="button" className="small-button" data-testid="open-buyers" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/buyers.html') })}>
        {t('buyers.open')}
      </button>
      <LanguageSelect setting={setting} onChange={onLanguage} />
      <button type="button" className="icon-button" title={t('panel.openOptions')} aria-label={t('panel.openOptions')} onClick={() => void browser.runtime.openOptionsPage()}>
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path
            fill="currentColor"
            d="M11.1 1.5l.4 2.2c.5.2 1 .5 1.4.8l2.1-.8 1.1 1.9-1.7 1.4c.1.5.1 1.1 0 1.6l1.7 1.4-1.1 1.9-2.1-.8c-.4.3-.9.6-1.4.8l-.4 2.2H8.9l-.4-2.2c-.5-.2-1-.5-1.4-.8l-2.1.8-1.1-1.9 1.7-1.4a4.6 4.6 0 010-1.6L3.9 5.6 5 3.7l2.1.8c.4-.3.9-.6 1.4-.8l.4-2.2h2.2zM10 6.5a2.5 2.5 0 100 5 2.5 2.5 0 000-5z"
            transform="translate(0 1)"
          />
        </svg>
      </button>
    </header>
  );
}

function Panel() {
  const { t } = useI18n();
  const { screen, tabId } = useScreen();
  const health = useCaptureHealth();
  const [selected, setSelected] = useState<string | null>(null);
  // Teaching: the tab the seller chose (or the followed tab, where teaching is already on there).
  const [teachTab, setTeachTab] = useState<number | null>(null);
  const chosen = useTeachSession(teachTab);
  const here = useTeachSession(tabId);
  // Once the chosen tab's teaching ends (saved, cancelled, the tab closed), the followed tab's shows, if any.
  const teaching = chosen ?? here;
  const tabHealth = useTabHealth(tabId);
  // Resolve the screen to a buyer: directly, or through the order on screen.
  const onScreenKey = useLiveQuery(async () => {
    if (!screen) return null;
    if (screen.buyerKey) return screen.buyerKey;
    if (screen.orderKey) return (await db.orders.get(screen.orderKey))?.buyerKey ?? null;
    return null;
  }, [screen?.buyerKey, screen?.orderKey]);

  let body: ReactNode;
  if (teaching) body = <TeachSessionView key={teaching.tabId} session={teaching} onDone={() => setTeachTab(null)} />;
  else if (selected) body = <BuyerView buyerKey={selected} screen={null} onBack={() => setSelected(null)} />;
  else if (screen && onScreenKey) body = <BuyerView buyerKey={onScreenKey} screen={screen} />;
  else if (screen && onScreenKey === null) body = <ScreenView screen={screen} onSelect={setSelected} />;
  else
    body = (
      <>
        <OverviewView onSelect={setSelected} />
        <TeachStart followedTabId={tabId} onStarted={setTeachTab} />
      </>
    );

  return (
    <>
      {health && (
        <p className="banner error" role="alert">
          {health.full ? t('panel.error.storageFull') : t('panel.error.capture', { message: health.message })}
        </p>
      )}
      <CaptureQueueBanner />
      {tabHealth?.broken && !teaching && <HealthBanner health={tabHealth} onReteach={setTeachTab} />}
      {body}
    </>
  );
}

export function App() {
  const { translator, setting, setSetting } = useTranslator();
  return (
    <I18nProvider translator={translator}>
      <div className="app">
        <Header setting={setting} onLanguage={setSetting} />
        <main>
          <DatabaseErrorBoundary
            render={(message) => (
              <p className="banner error" role="alert">
                {translator.t('panel.error.database', { message })}
              </p>
            )}
          >
            <Panel />
          </DatabaseErrorBoundary>
        </main>
      </div>
    </I18nProvider>
  );
}
