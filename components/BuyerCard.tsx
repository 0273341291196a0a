import type { BuyerRecord, ShopRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { shopLabel } from './shop-label';

export function buyerName(buyer: BuyerRecord, noName: (id: string) => string): string {
  return buyer.displayName ?? noName(buyer.platformBuyerId);
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string | undefined }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd title={hint}>{value}</dd>
    </div>
  );
}

export function BuyerCard({ buyer, shop, onScreen }: { buyer: BuyerRecord; shop: ShopRecord | undefined; onScreen: boolean }) {
  const { t, money, date, relative, plural } = useI18n();
  const s = buyer.stats;
  const name = buyerName(buyer, (id) => t('buyer.noName', { id }));
  const average = s.paidOrderCount > 0 ? Math.round(s.spentMinor / s.paidOrderCount) : undefined;
  const flags = [
    s.unpaidCount > 0 ? t('stats.unpaid', { count: s.unpaidCount }) : undefined,
    s.cancelledCount > 0 ? t('stats.cancelled', { count: s.cancelledCount }) : undefined,
    s.refundedCount > 0 ? t('stats.refunded', { count: s.refundedCount }) : undefined,
  ].filter((f): f is string => f !== undefined);
  return (
    <article className="buyer-card" data-testid="buyer-card" data-buyer-key={buyer.buyerKey}>
      <header className="buyer-head">
        <div className="avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </div>
        <div className="buyer-ident">
          {onScreen && <span className="eyebrow">{t('panel.onScreen')}</span>}
          <h1 className="buyer-name" data-testid="buyer-name">
            {name}
          </h1>
          <p className="buyer-meta">
            <span className="shop-chip">{shopLabel(t, buyer.shopKey, shop)}</span>
            <span className="muted">{t('buyer.id', { id: buyer.platformBuyerId })}</span>
          </p>
        </div>
      </header>
      <dl className="buyer-stats" data-testid="buyer-stats">
        <Stat label={t('stats.orders')} value={String(s.orderCount)} hint={plural('stats.ordersCount', s.paidOrderCount)} />
        <Stat label={t('stats.spent')} value={money(s.spentMinor, s.currency ?? shop?.currency)} />
        <Stat
          label={t('stats.lastOrder')}
          value={s.lastOrderAt ? relative(s.lastOrderAt) : t('stats.never')}
          hint={s.lastOrderAt ? date(s.lastOrderAt) : undefined}
        />
        <Stat label={t('stats.firstOrder')} value={s.firstOrderAt ? date(s.firstOrderAt) : t('stats.never')} />
        <Stat label={t('stats.averageOrder')} value={average !== undefined ? money(average, s.currency ?? shop?.currency) : t('stats.never')} />
      </dl>
      {flags.length > 0 && (
        <p className="buyer-flags">
          {flags.map((flag) => (
            <span key={flag} className="flag">
              {flag}
            </span>
          ))}
        </p>
      )}
    </article>
  );
}
