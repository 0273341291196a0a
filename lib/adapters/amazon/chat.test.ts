// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { amazonAdapter } from '.';
import { amazonCatalog } from './catalog';
import { amazonChat } from './chat';

describe('Amazon Buyer-Seller Messaging', () => {
  it('keys the order of a "Contact buyer" page like the order captures, from the marketplace id', () => {
    const url = new URL('https://sellercentral.amazon.com/messaging/contact?orderID=114-7941379-5480234&marketplaceID=ATVPDKIKX0DER');
    expect(amazonAdapter.detect(url)).toBe('chat');
    expect(amazonChat.conversationOnPage(document, url)).toEqual({ orderKey: 'amazon:amazon.com:114-7941379-5480234' });
    expect(amazonChat.conversationOnPage(document, new URL('https://sellercentral.amazon.co.uk/messaging/contact?orderID=202-1234567-7654321&marketplaceID=A1F83G8C2ARO7P'))).toEqual({
      orderKey: 'amazon:amazon.co.uk:202-1234567-7654321',
    });
    expect(amazonChat.conversationOnPage(document, new URL('https://sellercentral.amazon.com/messaging/contact?orderID=nope'))).toBeUndefined();
    expect(amazonCatalog.replyLanguage('amazon:amazon.de')).toBe('de');
  });
});
