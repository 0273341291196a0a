import { describe, expect, it } from 'vitest';
import { atOnce } from '../slices';
import { amazonCatalog } from './catalog';
import { buyerIdFromProxyEmail, fromResponse, statusOf } from './responses';


describe('Amazon Seller Central', () => {
  it('takes the buyer id from the buyer proxy email only', () => {
    expect(buyerIdFromProxyEmail('7pzxq0m4vl2r9kd@marketplace.amazon.com')).toBe('7pzxq0m4vl2r9kd');
    expect(buyerIdFromProxyEmail('6XKQ2B@marketplace.amazon.co.jp')).toBe('6xkq2b');
    expect(buyerIdFromProxyEmail('<REDACTED>@marketplace.amazon.com')).toBeUndefined();
    expect(buyerIdFromProxyEmail('jane@example.com')).toBeUndefined();
    expect(buyerIdFromProxyEmail(null)).toBeUndefined();
  });

  it('maps order statuses, with a refund taking precedence', () => {
    expect(statusOf('Pending')).toBe('unpaid');
    expect(statusOf('Unshipped')).toBe('paid');
    expect(statusOf('PartiallyShipped')).toBe('processing');
    expect(statusOf('Shipped')).toBe('shipped');
    expect(statusOf('Canceled')).toBe('cancelled');
    expect(statusOf('Shipped', true)).toBe('refunded');
    expect(statusOf('SomethingNew')).toBe('unknown');
  });

  it('reports a detail body of another shape instead of throwing', () => {
    const out = atOnce(fromResponse(
      { url: new URL('https://sellercentral.amazon.com/orders-api/order/113-5829047-3316241'), body: { reason: 'sign_in' } },
      new URL('https://sellercentral.amazon.com/orders-v3/order/113-5829047-3316241'),
    ));
    expect(out.orders).toEqual([]);
    expect(out.problems[0]?.reason).toMatch(/unexpected order detail/);
  });

  it('keeps a list row that does not fit and reports it, storing the others', () => {
    const out = atOnce(fromResponse(
      {
        url: new URL('https://sellercentral.amazon.com/orders-api/search?limit=15'),
        body: {
          orders: [
            { amazonOrderId: '113-5829047-3316241', orderDate: 1730402614, salesChannel: 'Amazon.com', orderFulfillmentStatus: 'Shipped', orderItems: [] },
            { amazonOrderId: 42 },
          ],
        },
      },
      new URL('https://sellercentral.amazon.com/orders-v3'),
    ));
    expect(out.orders.map((o) => o.orderId)).toEqual(['113-5829047-3316241']);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]?.where).toBe('orders[1]');
  });
});

describe('Amazon shops a page may write', () => {
  it('are the marketplaces of the console’s region', () => {
    const na = amazonCatalog.shopsOfPage(new URL('https://sellercentral.amazon.com/orders-v3/order/113-5829047-3316241'));
    expect(['amazon:amazon.com', 'amazon:amazon.ca', 'amazon:amazon.com.mx', 'amazon:amazon.de', 'amazon:amazon.co.jp'].map(na)).toEqual([true, true, true, false, false]);
    const eu = amazonCatalog.shopsOfPage(new URL('https://sellercentral-europe.amazon.com/orders-v3'));
    expect(['amazon:amazon.de', 'amazon:amazon.co.uk', 'amazon:amazon.com'].map(eu)).toEqual([true, true, false]);
    const de = amazonCatalog.shopsOfPage(new URL('https://sellercentral.amazon.de/orders-v3'));
    expect(['amazon:amazon.fr', 'amazon:amazon.com'].map(de)).toEqual([true, false]);
    const jp = amazonCatalog.shopsOfPage(new URL('https://sellercentral-japan.amazon.com/orders-v3'));
    expect(['amazon:amazon.co.jp', 'amazon:amazon.com'].map(jp)).toEqual([true, false]);
  });
});

