import type { Translator } from '@/lib/i18n/i18n';
import type { ShopRecord } from '@/lib/schema/records';

/** "Shopee · BR", "Amazon · Amazon.com": the marketplace and the shop, as a seller names them. */
export function shopLabel(t: Translator['t'], shopKey: string, shop: ShopRecord | undefined): string {
  const adapterId = shopKey.split(':')[0] ?? '';
  const marketplace = adapterId === 'shopee' ? t('marketplace.shopee') : adapterId === 'amazon' ? t('marketplace.amazon') : adapterId;
  const shopName = shop?.name ?? shop?.region ?? shopKey.slice(adapterId.length + 1);
  return `${marketplace} · ${shopName}`;
}
