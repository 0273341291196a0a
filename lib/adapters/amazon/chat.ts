import { queryFirst } from '../dom';
import type { AdapterChat, Conversation } from '../types';
import { messagingSelectors } from './selectors';
import { orderIdIn, shopKeyOf } from './urls';
import { orderKeyFor } from '../../schema/keys';

/** Amazon's marketplace ids, as the messaging URLs carry them (marketplaceID=…). */
const CHANNEL_BY_MARKETPLACE_ID: Readonly<Record<string, string>> = {
  ATVPDKIKX0DER: 'amazon.com',
  A2EUQ1WTGCTBG2: 'amazon.ca',
  A1AM78C64UM0Y8: 'amazon.com.mx',
  A2Q3Y263D00KWC: 'amazon.com.br',
  A1F83G8C2ARO7P: 'amazon.co.uk',
  A1PA6795UKMFR9: 'amazon.de',
  A13V1IB3VIYZZH: 'amazon.fr',
  APJ6JRA9NG5V4: 'amazon.it',
  A1RKKUPIHCS9HS: 'amazon.es',
  A1805IZSGTT6HS: 'amazon.nl',
  A2NODRKZP88ZB9: 'amazon.se',
  A1C3SOZRARQ6R3: 'amazon.pl',
  A33AVAJ2PDY3EV: 'amazon.com.tr',
  A2VIGQ35RCS4UG: 'amazon.ae',
  A17E79C6D8DWNP: 'amazon.sa',
  A21TJRUUN4KGV: 'amazon.in',
  A1VC38T7YXB528: 'amazon.co.jp',
  A39IBJ37TRP1C6: 'amazon.com.au',
  A19VAU5U5O7RUS: 'amazon.sg',
};

const CONTACT = /^\/messaging\/contact\/?$/;

export function isMessagingPage(url: URL): boolean {
  return CONTACT.test(url.pathname);
}

/** The order a "Contact buyer" page is about, keyed like the order captures (shop = sales channel). */
function conversationOnPage(_document: Document, url: URL): Conversation | undefined {
  if (!isMessagingPage(url)) return undefined;
  const orderId = orderIdIn(url.searchParams.get('orderID') ?? url.searchParams.get('orderId') ?? undefined);
  const channel = CHANNEL_BY_MARKETPLACE_ID[url.searchParams.get('marketplaceID') ?? url.searchParams.get('marketplaceId') ?? ''];
  const shopKey = channel ? shopKeyOf(channel) : undefined;
  return orderId && shopKey ? { orderKey: orderKeyFor(shopKey, orderId) } : undefined;
}

export const amazonChat: AdapterChat = {
  conversationFrom: () => undefined,
  conversationOnPage,
  replyBox: (document) => queryFirst(document, messagingSelectors.replyBox) as HTMLElement | null,
};
