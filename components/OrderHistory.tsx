import type { OrderRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { StatusBadge } from './StatusBadge';

function itemsSummary(order: OrderRecord, more: (count: number) => string): string {
  const items = order.items ?? [];
  const [first] = items;
  if (!first) return '';
  const head = `${first.title}${first.variant ? ` (${first.variant})` : ''} ×${first.quantity}`;
  return items.length > 1 ? `${head} ${more(items.length - 1)}` : head;
}

export function OrderHistory({ orders }: { orders: readonly OrderRecord[] }) {
  const { t, money, date } = useI18n();
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title" className="section-title">
        {t('history.title')}
      </h2>
      {orders.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <ol className="order-history" data-testid="order-history">
          {orders.map((order) => (
            <li key={order.orderKey} className="order-row" data-testid="order-row" data-order-id={order.orderId}>
              <div className="order-row-main">
                <span className="order-date" title={order.placedAtPrecision === 'day' ? t('history.dayOnly') : undefined}>
                  {order.placedAt ? date(order.placedAt) : '—'}
                </span>
                <StatusBadge status={order.status} text={order.statusText} />
                <span className="order-total">{order.totalMinor !== undefined ? money(order.totalMinor, order.currency) : '—'}</span>
              </div>
              <div className="order-row-detail">
                {order.consoleUrl ? (
                  <a className="order-number" href={order.consoleUrl} target="_blank" rel="noreferrer" title={t('history.open')}>
                    #{order.orderNumber ?? order.orderId}
                  </a>
                ) : (
                  <span className="order-number">#{order.orderNumber ?? order.orderId}</span>
                )}
                <span className="order-items">{itemsSummary(order, (count) => t('history.moreItems', { count }))}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
