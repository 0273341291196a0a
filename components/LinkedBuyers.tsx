import { useDeferredValue, useState } from 'react';
import { ActionErrorText } from './ActionErrorText';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db/database';
import { linkedBuyers, searchBuyers } from '@/lib/db/queries';
import type { BuyerRecord, ShopRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { buyerName } from './BuyerCard';
import { combinedFigures } from '@/lib/buyers/linked';
import { shopLabel } from '@/lib/adapters/catalog';
import { useAction } from './use-action';

/** The buyers already linked to this one, and those matching the search that could be. */
function useLinkedBuyers(buyer: BuyerRecord, query: string) {
  const deferred = useDeferredValue(query.trim());
  const linked = useLiveQuery(() => linkedBuyers(db, buyer), [buyer.buyerKey, buyer.personId]) ?? [];
  const candidates =
    useLiveQuery(async () => {
      if (!deferred) return [];
      const found = await searchBuyers(db, deferred, 8);
      return found.filter((b) => b.buyerKey !== buyer.buyerKey && (!buyer.personId || b.personId !== buyer.personId));
    }, [deferred, buyer.buyerKey, buyer.personId]) ?? [];
  return { linked, candidates };
}

function useBuyerFigures() {
  const { t, money, plural } = useI18n();
  return {
    name: (b: BuyerRecord) => buyerName(b, (id) => t('buyer.noName', { id })),
    figures: (b: BuyerRecord) => `${plural('stats.ordersCount', b.stats.orderCount)} · ${money(b.stats.spentMinor, b.stats.currency)}`,
  };
}

function LinkedList({ buyer, everyone, shops, onUnlink }: { buyer: BuyerRecord; everyone: readonly BuyerRecord[]; shops: ReadonlyMap<string, ShopRecord>; onUnlink: (buyerKey: string) => void }) {
  const { t, money, plural, language } = useI18n();
  const { name, figures } = useBuyerFigures();
  const combined = combinedFigures(everyone);
  return (
    <ul className="linked-list">
      {everyone.map((b) => (
        <li key={b.buyerKey} className="linked-row" data-buyer-key={b.buyerKey}>
          <span className="linked-main">
            <span className="linked-name">{name(b)}</span>
            <span className="muted small">{shopLabel(language, b.shopKey, shops.get(b.shopKey))}</span>
          </span>
          <span className="linked-figures small">{figures(b)}</span>
          {b.buyerKey !== buyer.buyerKey && (
            <button type="button" className="small-button" onClick={() => onUnlink(b.buyerKey)}>
              {t('links.unlink')}
            </button>
          )}
        </li>
      ))}
      <li className="linked-row linked-total" data-testid="linked-combined">
        <span className="linked-main">
          <span className="linked-name">{t('stats.combined')}</span>
        </span>
        <span className="linked-figures small">
          {plural('stats.ordersCount', combined.orderCount)} · {combined.spend.map(({ currency, minor }) => money(minor, currency)).join(' + ')}
        </span>
      </li>
    </ul>
  );
}

function CandidateList({ candidates, shops, onLink }: { candidates: readonly BuyerRecord[]; shops: ReadonlyMap<string, ShopRecord>; onLink: (otherKey: string) => void }) {
  const { t, language } = useI18n();
  const { name, figures } = useBuyerFigures();
  return (
    <ul className="linked-list">
      {candidates.map((c) => (
        <li key={c.buyerKey} className="linked-row">
          <span className="linked-main">
            <span className="linked-name">{name(c)}</span>
            <span className="muted small">
              {shopLabel(language, c.shopKey, shops.get(c.shopKey))} · {figures(c)}
            </span>
          </span>
          <button type="button" className="small-button primary" onClick={() => onLink(c.buyerKey)}>
            {t('links.link')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * One person, several shops: the buyer records the user linked to this one, each shop's figures
 * and the combined ones, with link and unlink. Nothing here is ever linked without the user.
 */
export function LinkedBuyers({ buyer, shops }: { buyer: BuyerRecord; shops: ReadonlyMap<string, ShopRecord> }) {
  const { t } = useI18n();
  const { run, error } = useAction();
  const [query, setQuery] = useState('');
  const { linked, candidates } = useLinkedBuyers(buyer, query);
  const link = async (otherKey: string) => {
    if (await run('buyers/link', { buyerKey: buyer.buyerKey, otherKey })) setQuery('');
  };

  return (
    <details className="section linked" data-testid="linked-buyers" open={linked.length > 0 || undefined}>
      <summary className="section-title">
        {t('links.title')}
        {linked.length > 0 && ` (${linked.length})`}
      </summary>
      {linked.length === 0 ? (
        <p className="muted small">{t('links.none')}</p>
      ) : (
        <LinkedList buyer={buyer} everyone={[buyer, ...linked]} shops={shops} onUnlink={(buyerKey) => void run('buyers/unlink', { buyerKey })} />
      )}
      <p className="muted small">{t('links.hint')}</p>
      <label className="search compact">
        <span className="visually-hidden">{t('links.search')}</span>
        <input type="search" placeholder={t('links.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {candidates.length > 0 && <CandidateList candidates={candidates} shops={shops} onLink={(otherKey) => void link(otherKey)} />}
      <ActionErrorText error={error} />
    </details>
  );
}
