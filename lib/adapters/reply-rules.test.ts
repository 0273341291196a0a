import { describe, expect, it } from 'vitest';
import { buyersLanguage, lintReply, noEmail, noLinks, noOffPlatformContact, noPhone, noReviewIncentive } from './reply-rules';

const all = [noLinks, noEmail, noPhone, noOffPlatformContact, noReviewIncentive, buyersLanguage];

describe('reply rules', () => {
  it('flag links, e-mail addresses and phone numbers', () => {
    expect(lintReply(all, 'See https://myshop.example/sale for more', 'en')).toEqual(['no-links']);
    expect(lintReply(all, 'Visit www.myshop.com today', 'en')).toEqual(['no-links']);
    expect(lintReply(all, 'Write to me at ana.souza+shop@gmail.com', 'en')).toContain('no-email');
    expect(lintReply(all, 'Call me on +55 11 98765-4321', 'en')).toEqual(['no-phone']);
  });

  it('leave order ids, tracking numbers, prices and dates alone', () => {
    const ok = 'Order 114-7941379-5480234 shipped, tracking BR2438001234567D, total $59.80, order 172202594288609 on 2026-11-23.';
    expect(lintReply(all, ok, 'en')).toEqual([]);
  });

  it('flag sending the buyer off the marketplace and buying reviews', () => {
    expect(lintReply(all, 'Message us on WhatsApp for a discount', 'en')).toEqual(['no-off-platform']);
    expect(lintReply(all, 'Leave a 5-star review and get a gift!', 'en')).toEqual(['no-review-incentive']);
    expect(lintReply(all, '好评返现 5 元', 'zh')).toEqual(['no-review-incentive']);
    expect(lintReply(all, 'An honest review helps other buyers.', 'en')).toEqual([]);
  });

  it('flag Chinese text to a buyer who expects English or Portuguese, and English on a Chinese console', () => {
    expect(lintReply(all, '亲，您的订单已发货', 'en')).toEqual(['buyer-language']);
    expect(lintReply(all, '亲，您的订单已发货', 'zh')).toEqual([]);
    expect(lintReply(all, 'Your order has shipped', 'zh')).toEqual(['buyer-language']);
    expect(lintReply(all, 'Your order has shipped', undefined)).toEqual([]);
  });
});
