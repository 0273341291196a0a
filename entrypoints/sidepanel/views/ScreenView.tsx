import { partsOfKey } from '@/lib/schema/keys';
import type { ScreenState } from '@/lib/screen-state';
import { useI18n } from '@/lib/i18n/react';
import { OverviewView } from './OverviewView';

/** A page with an order on it whose buyer BuyerLens has not learned yet. */
export function ScreenView({ screen, onSelect }: { screen: ScreenState; onSelect: (buyerKey: string) => void }) {
  const { t } = useI18n();
  const order = screen.orderKey ? partsOfKey(screen.orderKey).id : '';
  return (
    <>
      <div className="notice">
        <h1>{screen.buyerName ?? t('panel.unknownBuyer.title')}</h1>
        <p className="muted">{t('panel.unknownBuyer.hint', { order })}</p>
      </div>
      <OverviewView onSelect={onSelect} hero={false} />
    </>
  );
}
