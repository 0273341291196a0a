import { useLiveQuery } from 'dexie-react-hooks';
import { BuyerCard } from '@/components/BuyerCard';
import { OrderHistory } from '@/components/OrderHistory';
import { db } from '@/lib/db/database';
import { ordersOfBuyer } from '@/lib/db/queries';
import { useI18n } from '@/lib/i18n/react';

export function BuyerView({ buyerKey, onScreen, onBack }: { buyerKey: string; onScreen: boolean; onBack?: () => void }) {
  const { t } = useI18n();
  const data = useLiveQuery(async () => {
    const buyer = await db.buyers.get(buyerKey);
    if (!buyer) return null;
    const [shop, orders] = await Promise.all([db.shops.get(buyer.shopKey), ordersOfBuyer(db, buyerKey)]);
    return { buyer, shop, orders };
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
      <BuyerCard buyer={data.buyer} shop={data.shop} onScreen={onScreen} />
      <OrderHistory orders={data.orders} />
    </div>
  );
}
