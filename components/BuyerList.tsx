import type { BuyerRecord, RfmTier, ShopRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { buyerName } from './BuyerCard';
import { segmentTone } from './segment';
import { shopLabel } from '@/lib/adapters/catalog';

export function BuyerList({
  buyers,
  shops,
  onSelect,
  tiers,
}: {
  buyers: readonly BuyerRecord[];
  shops: ReadonlyMap<string, ShopRecord>;
  onSelect: (buyerKey: string) => void;
  /** Shows each buyer's segment where given. */
  tiers?: ReadonlyMap<string, RfmTier>;
}) {
  const { t, money, relative, plural, language } = useI18n();
  return (
    <ul className="buyer-list">
      {buyers.map((buyer) => {
        const tier = tiers?.get(buyer.buyerKey);
        return (
          <li key={buyer.buyerKey}>
            <button type="button" className="buyer-list-item" data-testid="buyer-list-item" onClick={() => onSelect(buyer.buyerKey)}>
              <span className="avatar small" aria-hidden="true">
                {buyerName(buyer, (id) => id).slice(0, 1).toUpperCase()}
              </span>
              <span className="buyer-list-main">
                <span className="buyer-list-name">{buyerName(buyer, (id) => t('buyer.noName', { id }))}</span>
                <span className="muted small">
                  {tier && <span className={`tier-pill tier-${segmentTone(tier.segment)}`}>{t(`segment.${tier.segment}`)}</span>}
                  {shopLabel(language, buyer.shopKey, shops.get(buyer.shopKey))}
                </span>
              </span>
              <span className="buyer-list-figures">
                <span>{money(buyer.stats.spentMinor, buyer.stats.currency ?? shops.get(buyer.shopKey)?.currency)}</span>
                <span className="muted small">
                  {plural('stats.ordersCount', buyer.stats.orderCount)}
                  {buyer.stats.lastOrderAt ? ` · ${relative(buyer.stats.lastOrderAt)}` : ''}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
