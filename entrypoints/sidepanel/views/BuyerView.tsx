import { useLiveQuery } from 'dexie-react-hooks';
import { BuyerCard } from '@/components/BuyerCard';
import { LinkedBuyers } from '@/components/LinkedBuyers';
import { NoteList } from '@/components/NoteList';
import { OrderHistory } from '@/components/OrderHistory';
import { ReplySuggestions } from '@/components/ReplySuggestions';
import { db } from '@/lib/db/database';
import { ordersOfBuyer, shopsByKey } from '@/lib/db/queries';
import { tierOf } from '@/lib/rfm/tier';
import type { OrderFlagRecord } from '@/lib/schema/records';
import type { ScreenState } from '@/lib/screen-state';
import { useI18n } from '@/lib/i18n/react';

export function BuyerView({ buyerKey, screen, onBack }: { buyerKey: string; screen: ScreenState | null; onBack?: () => void }) {
  const onScreen = screen !== null;
  const { t } = useI18n();
  const data = useLiveQuery(async () => {
    const buyer = await db.buyers.get(buyerKey);
    if (!buyer) return null;
    const [shops, orders, tags] = await Promise.all([shopsByKey(db), ordersOfBuyer(db, buyerKey), db.tags.orderBy('name').toArray()]);
    const flags = new Map<string, OrderFlagRecord>();
    for (const flag of await db.orderFlags.bulkGet(orders.map((o) => o.orderKey))) if (flag) flags.set(flag.orderKey, flag);
    return { buyer, shops, orders, rfm: tierOf(buyer, shops.get(buyer.shopKey)) ?? null, tags, flags };
  }, [buyerKey]);
  if (data === undefined) return null;
  if (data === null) return <p className="muted pad">{t('panel.waiting')}</p>;
  return (
    <div className="buyer-view">
      {onBack && (
        <button type="button" className="link-button" onClick={onBack}>
          ← {t('panel.back')}
        </button>
      )}
      <BuyerCard buyer={data.buyer} shop={data.shops.get(data.buyer.shopKey)} onScreen={onScreen} rfm={data.rfm} tags={data.tags} />
      <ReplySuggestions buyer={data.buyer} orders={data.orders} shop={data.shops.get(data.buyer.shopKey)} rfm={data.rfm} tags={data.tags} screen={screen} />
      <NoteList buyerKey={buyerKey} />
      <OrderHistory orders={data.orders} flags={data.flags} />
      <LinkedBuyers buyer={data.buyer} shops={data.shops} />
    </div>
  );
}
