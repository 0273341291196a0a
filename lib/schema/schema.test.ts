import { describe, expect, it } from 'vitest';
import { captureBatchSchema, capturedBuyerSchema, capturedOrderSchema, screenSchema } from './capture';
import { isMasked, unmasked, unmaskedName } from './masked';

describe('masked values', () => {
  // Every form the consoles use (issue 14): ASCII and full-width asterisks, bullets, first and last
  // character kept (TikTok Shop, Shopee), a single asterisk inside a word.
  it.each(['***', '****', 'R******P', 'b**********1', '1**********8', '55******41', '•••', '●●●●', '＊＊＊', '王＊＊', 'm***a c***a', ' ** ', '*'])(
    '%s is masked, as a value and as a name',
    (v) => {
      expect(isMasked(v)).toBe(true);
      expect(unmasked(v)).toBeUndefined();
      expect(unmaskedName(v)).toBeUndefined();
    },
  );
  it.each(['xxxxx', 'XXXXXXX', 'jxxxxn', 'Maria Xxxxx', 'bxxxxxxxx1', 'J*hn', 'A＊B'])('%s is a masked name', (v) => {
    expect(unmaskedName(v)).toBeUndefined();
    expect(capturedOrderSchema.parse({ orderKey: 'shopee:br:1', orderId: '1', shopKey: 'shopee:br', buyerName: v }).buyerName).toBeUndefined();
  });
  it.each(['XXXL', 'XXL / Preto', 'XXX-1', '20*30cm', 'Pack 2*50ml'])('%s is a value (a size, a code), not a mask', (v) => {
    expect(unmasked(v)).toBe(v);
  });
  it.each(['mariana.costa92', '王小明', 'A. Smith', 'Alexxa', 'Maxx Power', 'Shop • Ana', 'Jean·Luc'])('%s is a real name', (v) => {
    expect(unmaskedName(v)).toBe(v);
  });
});

describe('capture schemas', () => {
  const order = { orderKey: 'shopee:br:1', orderId: '1', shopKey: 'shopee:br' };

  it('accept an order with only its identity', () => {
    expect(capturedOrderSchema.parse(order)).toEqual(order);
  });

  it('drop a masked buyer name instead of storing it', () => {
    expect(capturedOrderSchema.parse({ ...order, buyerName: '***' }).buyerName).toBeUndefined();
    expect(capturedBuyerSchema.parse({ buyerKey: 'shopee:br:7', shopKey: 'shopee:br', platformBuyerId: '7', displayName: 'R******P' })).toEqual({
      buyerKey: 'shopee:br:7',
      shopKey: 'shopee:br',
      platformBuyerId: '7',
    });
  });

  it('refuse a masked buyer id', () => {
    expect(capturedBuyerSchema.safeParse({ buyerKey: 'shopee:br:1**8', shopKey: 'shopee:br', platformBuyerId: '1**8' }).success).toBe(false);
  });

  it('refuse money that is not integer minor units, unknown currencies and non-UTC dates', () => {
    expect(capturedOrderSchema.safeParse({ ...order, totalMinor: 65.85 }).success).toBe(false);
    expect(capturedOrderSchema.safeParse({ ...order, currency: 'R$' }).success).toBe(false);
    expect(capturedOrderSchema.safeParse({ ...order, placedAt: '04/11/2024' }).success).toBe(false);
    expect(capturedOrderSchema.safeParse({ ...order, status: 'sent' }).success).toBe(false);
  });

  it('refuse malformed keys', () => {
    expect(capturedOrderSchema.safeParse({ ...order, orderKey: '1' }).success).toBe(false);
    expect(capturedOrderSchema.safeParse({ ...order, shopKey: 'Shopee BR' }).success).toBe(false);
  });

  it('check the capture envelope but leave records to be checked one by one', () => {
    const batch = {
      adapterId: 'shopee',
      pageKind: 'order-list',
      pageUrl: 'https://seller.shopee.com.br/portal/sale/order',
      source: 'network',
      capturedAt: '2026-11-01T12:00:00.000Z',
      shops: [],
      buyers: [],
      orders: [{ anything: true }],
      problems: [],
    };
    expect(captureBatchSchema.safeParse(batch).success).toBe(true);
    expect(captureBatchSchema.safeParse({ ...batch, pageUrl: 'not a url' }).success).toBe(false);
    expect(captureBatchSchema.safeParse({ ...batch, orders: 'nope' }).success).toBe(false);
  });

  it('accept a screen naming an order or a buyer', () => {
    const screen = { adapterId: 'amazon', pageKind: 'order-detail', pageUrl: 'https://sellercentral.amazon.com/orders-v3/order/113-5829047-3316241' };
    expect(screenSchema.safeParse({ ...screen, orderKey: 'amazon:amazon.com:113-5829047-3316241' }).success).toBe(true);
    expect(screenSchema.safeParse({ ...screen, buyerKey: 'nope' }).success).toBe(false);
  });
});
