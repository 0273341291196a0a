import { useState } from 'react';
import { browser } from 'wxt/browser';
import { ActionErrorText } from '@/components/ActionErrorText';
import { useAction } from '@/components/use-action';
import { useI18n } from '@/lib/i18n/react';
import { builtInRecipes } from '@/lib/recipes/built-in';
import { recipeForPage } from '@/lib/recipes/pages';
import type { Recipe } from '@/lib/schema/recipes';
import { CurrencyField } from './CurrencyField';
import { openWebTabs, type OpenTab } from './use-teach';

/** A built-in recipe for the chosen page: used with the currency the seller confirms, or teaching instead. */
function BuiltInOffer({ tab, recipe, onTeach, onDone }: { tab: OpenTab; recipe: Recipe; onTeach: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [currency, setCurrency] = useState(recipe.currency ?? 'USD');
  const { run, error, busy } = useAction();
  const use = async () => {
    if (await run('recipes/use-built-in', { tabId: tab.id, id: recipe.id, currency, locale: recipe.locale })) onDone();
  };
  return (
    <section className="section teach" data-testid="teach-built-in" data-recipe-id={recipe.id}>
      <h2 className="section-title">{recipe.name}</h2>
      <p className="muted">{t('teach.builtIn.hint')}</p>
      <CurrencyField testId="teach-built-in-currency" value={currency} onChange={setCurrency} />
      <ActionErrorText error={error} />
      <div className="teach-actions">
        <button type="button" className="small-button primary" data-testid="teach-built-in-use" disabled={busy} onClick={() => void use()}>
          {t('recipes.apply')}
        </button>
        <button type="button" className="small-button" onClick={onTeach}>
          {t('teach.builtIn.teachInstead')}
        </button>
      </div>
    </section>
  );
}

/**
 * "Teach BuyerLens this page": which open tab, then the browser's own question for access to that
 * site only (optional host permissions; nothing is asked at install). Teaching starts once granted.
 */
export function TeachStart({ followedTabId, onStarted }: { followedTabId: number | null; onStarted: (tabId: number) => void }) {
  const { t } = useI18n();
  const [tabs, setTabs] = useState<OpenTab[] | null>(null);
  const [denied, setDenied] = useState<string | null>(null);
  const { run, error, busy } = useAction();

  const [builtIn, setBuiltIn] = useState<{ tab: OpenTab; recipe: Recipe } | null>(null);

  const choose = (tab: OpenTab) => {
    const origin = new URL(tab.url).origin;
    setDenied(null);
    // Asked in the click itself: the browser shows its prompt only for a user gesture.
    void browser.permissions.request({ origins: [`${origin}/*`] }).then(async (granted) => {
      if (!granted) {
        setDenied(origin);
        return;
      }
      // A console BuyerLens ships a recipe for (WooCommerce's order list): offered before teaching.
      const known = recipeForPage(builtInRecipes(), new URL(tab.url));
      if (known) setBuiltIn({ tab, recipe: known });
      else if (await run('teach/begin', { tabId: tab.id })) onStarted(tab.id);
    });
  };

  if (builtIn) {
    return <BuiltInOffer tab={builtIn.tab} recipe={builtIn.recipe} onTeach={() => void run('teach/begin', { tabId: builtIn.tab.id }).then((done) => done && onStarted(builtIn.tab.id))} onDone={() => { setBuiltIn(null); setTabs(null); }} />;
  }

  if (!tabs) {
    return (
      <section className="section teach-start">
        <p className="muted">{t('teach.start.hint')}</p>
        <button type="button" className="small-button primary" data-testid="teach-start" onClick={() => void openWebTabs(followedTabId).then(setTabs)}>
          {t('teach.start')}
        </button>
      </section>
    );
  }
  return (
    <section className="section teach-tabs">
      <h2 className="section-title">{t('teach.chooseTab')}</h2>
      {tabs.length === 0 && <p className="muted">{t('teach.noTabs')}</p>}
      <ul className="plain-list">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <button type="button" className="tab-option" data-testid="teach-tab-option" disabled={busy} onClick={() => choose(tab)}>
              <strong>{tab.title}</strong>
              <span className="muted">{tab.url}</span>
            </button>
          </li>
        ))}
      </ul>
      {denied && <p className="banner warn">{t('teach.denied', { site: denied })}</p>}
      <ActionErrorText error={error} />
      <button type="button" className="small-button" onClick={() => setTabs(null)}>
        {t('teach.cancel')}
      </button>
    </section>
  );
}
