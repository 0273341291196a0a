import { createTranslator, type Translator } from '../i18n/i18n';
import type { BuyerRecord, OrderRecord, RfmTier, ShopRecord } from '../schema/records';
import type { ReplyValues } from './render';

const ITEMS_NAMED = 3;

/**
 * The variables of a reply for this buyer and order, worded in the reply's language: `t` formats
 * numbers, money and dates in it; words BuyerLens has only in its interface languages (a status, a
 * segment) are left out of a reply in another language rather than written in the wrong one.
 */
export function replyValues(
  t: Translator,
  data: { buyer: BuyerRecord | undefined; order: OrderRecord | undefined; shop: ShopRecord | undefined; rfm: RfmTier | undefined; agentName: string; replyLanguage?: string },
): ReplyValues {
  const { buyer, order, shop, rfm, agentName } = data;
  const ownWords = data.replyLanguage === undefined || data.replyLanguage.split('-')[0] === t.language.split('-')[0];
  const items = order?.items ?? [];
  const itemText = items
    .slice(0, ITEMS_NAMED)
    .map((i) => (i.quantity > 1 ? `${i.title} ×${i.quantity}` : i.title))
    .join(', ');
  const values: ReplyValues = {
    'buyer.name': buyer?.displayName,
    'buyer.orders': buyer ? t.number(buyer.stats.orderCount) : undefined,
    'buyer.spent': buyer ? t.money(buyer.stats.spentMinor, buyer.stats.currency ?? shop?.currency) : undefined,
    'buyer.segment': rfm && ownWords ? t.t(`segment.${rfm.segment}`) : undefined,
    'order.id': order ? (order.orderNumber ?? order.orderId) : undefined,
    'order.status': order && ownWords ? t.t(`status.${order.status}`).toLocaleLowerCase(t.language) : undefined,
    'order.total': order?.totalMinor !== undefined ? t.money(order.totalMinor, order.currency) : undefined,
    'order.items': itemText ? (items.length > ITEMS_NAMED ? `${itemText} ${ownWords ? t.t('history.moreItems', { count: items.length - ITEMS_NAMED }) : `+${t.number(items.length - ITEMS_NAMED)}`}` : itemText) : undefined,
    'order.tracking': order?.trackingNumber,
    'order.date': order?.placedAt ? t.date(order.placedAt) : undefined,
    // Amazon shops are named after their sales channel ("Amazon.com"), which is not the seller's
    // store name and reads as a link: such names are left to the template's fallback.
    'shop.name': shop?.name && !/\.[a-z]{2,}$/i.test(shop.name) ? shop.name : undefined,
    'agent.name': agentName || undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as ReplyValues;
}

/**
 * The variables of a reply written in `language` for an agent whose interface is `t`'s: numbers,
 * money and dates in the reply's language ("R$ 65,85" in a Portuguese one), words only in the agent's.
 */
export function replyValuesIn(t: Translator, language: string, data: Omit<Parameters<typeof replyValues>[1], 'replyLanguage'>): ReplyValues {
  return replyValues(language === t.language ? t : createTranslator(t.language, language), { ...data, replyLanguage: language });
}
