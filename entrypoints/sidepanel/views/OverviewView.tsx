import { useDeferredValue, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { BuyerList } from '@/components/BuyerList';
import { consoleNameList } from '@/lib/adapters/catalog';
import { ShopOverview } from '@/components/ShopOverview';
import { db } from '@/lib/db/database';
import { recentBuyers, searchBuyers, shopsByKey } from '@/lib/db/queries';
import { useI18n } from '@/lib/i18n/react';

/** No buyer on screen: find one, see how the shop's buyers stand, or pick from the latest buyers. */
export function OverviewView({ onSelect, hero = true }: { onSelect: (buyerKey: string) => void; hero?: boolean }) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const data = useLiveQuery(async () => {
    const [buyers, shops] = await Promise.all([deferred ? searchBuyers(db, deferred) : recentBuyers(db, 10), shopsByKey(db)]);
    return { buyers, shops };
  }, [deferred]);
  return (
    <div className="overview">
      {hero && (
        <div className="empty-hero">
          <h1>{t('panel.noBuyer.title')}</h1>
          <p className="muted">{t('panel.noBuyer.hint', { consoles: consoleNameList(language) })}</p>
        </div>
      )}
      <label className="search">
        <span className="visually-hidden">{t('search.label')}</span>
        <input
          type="search"
          data-testid="buyer-search"
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {data && deferred && (
        <section className="section">
          {data.buyers.length === 0 ? (
            <p className="muted">{t('search.noResults', { query: deferred })}</p>
          ) : (
            <BuyerList buyers={data.buyers} shops={data.shops} onSelect={onSelect} />
          )}
        </section>
      )}
      {data && !deferred && (
        <>
          <ShopOverview shops={data.shops} onSelect={onSelect} />
          <section className="section">
            <h2 className="section-title">{t('recent.title')}</h2>
            {data.buyers.length === 0 ? <p className="muted">{t('recent.empty')}</p> : <BuyerList buyers={data.buyers} shops={data.shops} onSelect={onSelect} />}
          </section>
        </>
      )}
    </div>
  );
}
