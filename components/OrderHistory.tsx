import type { OrderFlagRecord, OrderRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { OrderFlag } from './OrderFlag';
import { StatusBadge } from './StatusBadge';

const ITEMS_SHOWN = 3;

/** The buyer's orders as a timeline, newest first: date, status, items, total, and a console link. */
export function OrderHistory({ orders, flags }: { orders: readonly OrderRecord[]; flags: ReadonlyMap<string, OrderFlagRecord> }) {
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
          {orders.map((order) => {
            const items = order.items ?? [];
            const number = `#${order.orderNumber ?? order.orderId}`;
            return (
              <li key={order.orderKey} className={`order-row status-line-${order.status}`} data-testid="order-row" data-order-id={order.orderId}>
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
                      {number} ↗
                    </a>
                  ) : (
                    <span className="order-number">{number}</span>
                  )}
                  <OrderFlag orderKey={order.orderKey} flag={flags.get(order.orderKey)} />
                </div>
                {items.length > 0 && (
                  <ul className="order-items">
                    {items.slice(0, ITEMS_SHOWN).map((item, i) => (
                      <li key={i}>
                        <span className="item-title">
                          {item.title}
                          {item.variant ? <span className="muted"> · {item.variant}</span> : null}
                        </span>
                        <span className="item-qty">×{item.quantity}</span>
                      </li>
                    ))}
                    {items.length > ITEMS_SHOWN && <li className="muted">{t('history.moreItems', { count: items.length - ITEMS_SHOWN })}</li>}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
