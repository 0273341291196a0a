// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { shopeeAdapter } from '.';
import { shopeeCatalog } from './catalog';

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
    expect(shopeeCatalog.replyLanguage('shopee:br')).toBe('pt-BR');
    expect(shopeeCatalog.replyLanguage('shopee:tw')).toBe('zh-TW');
    expect(shopeeCatalog.replyLanguage('shopee:cnsc-1234567')).toBeUndefined();
  });
});
