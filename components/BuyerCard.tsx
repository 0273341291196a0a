import type { BuyerRecord, BuyerStats, RfmTier, ShopRecord, TagRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { shopLabel } from '@/lib/adapters/catalog';
import { TagEditor } from './TagEditor';
import { TierBadge } from './TierBadge';

const DAY_MS = 86_400_000;

/** Mean days between consecutive purchases; undefined with fewer than two. */
export function averageDaysBetween(stats: BuyerStats): number | undefined {
  const p = stats.purchases;
  if (p.length < 2) return undefined;
  return (p[p.length - 1]![0] - p[0]![0]) / DAY_MS / (p.length - 1);
}

export function buyerName(buyer: BuyerRecord, noName: (id: string) => string): string {
  return buyer.displayName ?? noName(buyer.platformBuyerId);
}

function Stat({ label, value, hint, minor }: { label: string; value: string; hint?: string | undefined; minor?: boolean }) {
  return (
    <div className={minor ? 'stat minor' : 'stat'}>
      <dt>{label}</dt>
      <dd title={hint}>{value}</dd>
    </div>
  );
}

export function BuyerCard({
  buyer,
  shop,
  onScreen,
  rfm,
  tags,
}: {
  buyer: BuyerRecord;
  shop: ShopRecord | undefined;
  onScreen: boolean;
  rfm: RfmTier | null;
  tags: readonly TagRecord[];
}) {
  const { t, money, date, relative, plural, number, language } = useI18n();
  const s = buyer.stats;
  const name = buyerName(buyer, (id) => t('buyer.noName', { id }));
  const average = s.paidOrderCount > 0 ? Math.round(s.spentMinor / s.paidOrderCount) : undefined;
  const between = averageDaysBetween(s);
  const currency = s.currency ?? shop?.currency;
  const flags = [
    s.unpaidCount > 0 ? t('stats.unpaid', { count: s.unpaidCount }) : undefined,
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
            <span className="shop-chip">{shopLabel(language, buyer.shopKey, shop)}</span>
            <span className="muted">{t('buyer.id', { id: buyer.platformBuyerId })}</span>
          </p>
        </div>
      </header>
      <TierBadge rfm={rfm} />
      <TagEditor buyer={buyer} tags={tags} />
      <dl className="buyer-stats" data-testid="buyer-stats">
        <Stat label={t('stats.orders')} value={String(s.orderCount)} hint={plural('stats.ordersCount', s.paidOrderCount)} />
        <Stat label={t('stats.spent')} value={money(s.spentMinor, currency)} />
        <Stat label={t('stats.averageOrder')} value={average !== undefined ? money(average, currency) : t('stats.never')} />
        <Stat
          label={t('stats.lastOrder')} minor
          value={s.lastOrderAt ? relative(s.lastOrderAt) : t('stats.never')}
          hint={s.lastOrderAt ? date(s.lastOrderAt) : undefined}
        />
        <Stat label={t('stats.firstOrder')} minor value={s.firstOrderAt ? date(s.firstOrderAt) : t('stats.never')} />
        <Stat
          label={t('stats.problems')} minor
          value={`${s.cancelledCount} / ${s.refundedCount}`}
          hint={`${t('stats.cancelled', { count: s.cancelledCount })}, ${t('stats.refunded', { count: s.refundedCount })}`}
        />
        <Stat label={t('stats.daysBetween')} minor value={between !== undefined ? t('stats.daysValue', { count: number(Math.round(between)) }) : t('stats.never')} />
      </dl>
      {flags.length > 0 && (
        <p className="buyer-flags" data-testid="buyer-problems">
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
