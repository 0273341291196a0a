// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { amazonChat } from './amazon/chat';
import { amazonAdapter } from './amazon';
import { shopeeAdapter } from './shopee';

const pageUrl = new URL('https://seller.shopee.com.br/webchat/conversations/873229651');

// Messages as the web chat API returns them (EVIDENCE.md, Shopee "Chat"): the buyer has no shop id.
const messages = [
  { id: '1', conversation_id: '873229651', from_id: 73229651, from_shop_id: 0, to_id: 900000001, to_shop_id: 412095871, type: 'text', created_timestamp: 1763651000, content: { text: 'Olá!' } },
  { id: '2', conversation_id: '873229651', from_id: 900000001, from_shop_id: 412095871, to_id: 73229651, to_shop_id: 0, type: 'text', created_timestamp: 1763651020, content: { text: 'Olá! Como posso ajudar?' } },
  { id: '3', conversation_id: '873229651', from_id: 73229651, from_shop_id: 0, to_id: 900000001, to_shop_id: 412095871, type: 'text', created_timestamp: 1763651040, content: { text: 'Quero um reembolso, veio quebrado.' } },
  { id: '4', conversation_id: '873229651', from_id: 73229651, from_shop_id: 0, to_id: 900000001, to_shop_id: 412095871, type: 'image', created_timestamp: 1763651050, content: { url: 'https://cf.shopee.com.br/file/x' } },
];

describe('Shopee web chat', () => {
  it('reads who the open conversation is with and what they wrote last (text, not images)', () => {
    const url = new URL('https://seller.shopee.com.br/webchat/api/v1.2/conversations/873229651/messages?limit=20');
    expect(shopeeAdapter.api.some((re) => re.test(url.pathname + url.search))).toBe(true);
    expect(shopeeAdapter.chat!.conversationFrom({ url, body: messages }, pageUrl)).toEqual({
      buyerKey: 'shopee:br:73229651',
      lastBuyerMessage: 'Quero um reembolso, veio quebrado.',
    });
  });

  it('puts the conversation’s buyer on screen on the chat page only', () => {
    const conversation = { buyerKey: 'shopee:br:73229651' };
    expect(shopeeAdapter.activeBuyer({ document: document, url: pageUrl, orders: [], conversation })).toEqual({ buyerKey: 'shopee:br:73229651' });
    expect(shopeeAdapter.activeBuyer({ document: document, url: new URL('https://seller.shopee.com.br/portal/sale/order'), orders: [], conversation })).toBeUndefined();
  });

  it('ignores a response that is not a message list', () => {
    const url = new URL('https://seller.shopee.com.br/webchat/api/v1.2/conversations/873229651/messages');
    expect(shopeeAdapter.chat!.conversationFrom({ url, body: { error: 'not logged in' } }, pageUrl)).toBeUndefined();
  });

  it('expects replies in the region’s language', () => {
    expect(shopeeAdapter.chat!.replyLanguage('shopee:br')).toBe('pt');
    expect(shopeeAdapter.chat!.replyLanguage('shopee:tw')).toBe('zh');
    expect(shopeeAdapter.chat!.replyLanguage('shopee:cnsc-1234567')).toBeUndefined();
  });
});

describe('Amazon Buyer-Seller Messaging', () => {
  it('keys the order of a "Contact buyer" page like the order captures, from the marketplace id', () => {
    const url = new URL('https://sellercentral.amazon.com/messaging/contact?orderID=114-7941379-5480234&marketplaceID=ATVPDKIKX0DER');
    expect(amazonAdapter.detect(url)).toBe('chat');
    expect(amazonChat.conversationOnPage(document, url)).toEqual({ orderKey: 'amazon:amazon.com:114-7941379-5480234' });
    expect(amazonChat.conversationOnPage(document, new URL('https://sellercentral.amazon.co.uk/messaging/contact?orderID=202-1234567-7654321&marketplaceID=A1F83G8C2ARO7P'))).toEqual({
      orderKey: 'amazon:amazon.co.uk:202-1234567-7654321',
    });
    expect(amazonChat.conversationOnPage(document, new URL('https://sellercentral.amazon.com/messaging/contact?orderID=nope'))).toBeUndefined();
    expect(amazonChat.replyLanguage('amazon:amazon.de')).toBe('de');
  });
});
