import { describe, expect, it } from 'vitest';
import { capturedOrderSchema } from './capture';
import { checkedRecords } from './checked-extraction';
import { boundedProblems, LIMITS } from './limits';
import { cutText, salvage } from './salvage';

const order = {
  orderKey: 'shopee:br:1',
  orderId: '1',
  shopKey: 'shopee:br',
  placedAt: '2026-10-01T10:00:00.000Z',
  totalMinor: 1000,
  currency: 'BRL',
  items: [
    { title: 'Caneca', quantity: 1 },
    { title: 'Prato', quantity: 2 },
  ],
};

describe('one bad field costs that field', () => {
  it('cuts an over-long title or name to its limit and says so', () => {
    const { value, repairs } = salvage(capturedOrderSchema, {
      ...order,
      buyerName: 'n'.repeat(5000),
      items: [{ title: 'x'.repeat(100_000), quantity: 1 }],
    });
    expect(value?.items?.[0]?.title).toHaveLength(500);
    expect(value?.buyerName).toHaveLength(200);
    expect(repairs).toEqual(expect.arrayContaining(['items.0.title: cut to 500 characters', 'buyerName: cut to 200 characters']));
  });

  it('drops a bad date, amount or currency and keeps the order', () => {
    const { value, repairs } = salvage(capturedOrderSchema, { ...order, placedAt: '+010000-01-01T00:00:00.000Z', totalMinor: 1e308, currency: 'reais' });
    expect(value).toEqual({ ...order, placedAt: undefined, totalMinor: undefined, currency: undefined, items: order.items });
    expect(value).not.toHaveProperty('placedAt');
    expect(repairs).toHaveLength(3);
    expect(repairs.every((r) => r.endsWith('; dropped'))).toBe(true);
  });

  it('drops an item that lost what it needs (its quantity), not the order', () => {
    const { value, repairs } = salvage(capturedOrderSchema, { ...order, items: [{ title: 'Caneca', quantity: -1 }, order.items[1]] });
    expect(value?.items).toEqual([order.items[1]]);
    expect(repairs).toEqual([expect.stringMatching(/^items\.0 dropped \(items\.0\.quantity: .*\)$/)]);
  });

  it('drops an optional key that fails twice (its pattern and a refinement), not the order', () => {
    const { value, repairs } = salvage(capturedOrderSchema, { ...order, buyerKey: 'shopee:br:** **' });
    expect(value).toEqual(order);
    expect(repairs).toEqual([expect.stringMatching(/^buyerKey: .*; dropped$/)]);
  });

  it('cuts a list over its limit', () => {
    const { value } = salvage(capturedOrderSchema, { ...order, items: Array.from({ length: 800 }, () => order.items[0]) });
    expect(value?.items).toHaveLength(500);
  });

  it('refuses a record whose identity is bad, with the reason', () => {
    expect(salvage(capturedOrderSchema, { ...order, orderKey: 'not a key' })).toMatchObject({ value: undefined, refused: expect.stringMatching(/^orderKey: /) });
    expect(salvage(capturedOrderSchema, { ...order, orderId: undefined })).toMatchObject({ value: undefined, refused: expect.stringMatching(/^orderId: /) });
    expect(salvage(capturedOrderSchema, 'order')).toMatchObject({ value: undefined });
  });

  it('never cuts inside a surrogate pair', () => {
    expect(cutText('ab😀', 3)).toBe('ab');
    expect(cutText('ab😀', 4)).toBe('ab😀');
  });
});

describe('checkedRecords and boundedProblems', () => {
  it('keep the good orders of a batch, skip the bad one with its reason, and cut over-long problems', () => {
    const checked = checkedRecords(capturedOrderSchema, [order, { ...order, orderKey: 'x' }, { ...order, orderKey: 'shopee:br:3', orderId: '3', placedAt: 'yesterday' }], 'orders');
    expect(checked.records.map((o) => o.orderId)).toEqual(['1', '3']);
    expect(checked.problems.map((p) => p.where)).toEqual(['orders[1]', 'orders[2]']);
    expect(checked.problems[0]?.reason).toMatch(/^skipped: orderKey/);
    expect(checked.problems[1]?.reason).toMatch(/^placedAt: .*; dropped$/);
    const [long] = boundedProblems([{ where: 'w'.repeat(1000), reason: 'r'.repeat(100_000) }]);
    expect(long?.where).toHaveLength(LIMITS.problemWhere);
    expect(long?.reason).toHaveLength(LIMITS.problemReason);
  });

  it('keep at most LIMITS.problems problems and count the rest', () => {
    const problems = Array.from({ length: LIMITS.problems + 50 }, (_, i) => ({ where: `card_list[${i}]`, reason: 'unreadable card' }));
    const bounded = boundedProblems([...problems, 42]);
    expect(bounded).toHaveLength(LIMITS.problems);
    expect(bounded.at(-1)).toEqual({ where: 'problems', reason: '52 more problems left out' });
    expect(boundedProblems([problems[0], 42])).toEqual([problems[0], { where: 'problems', reason: '1 unreadable problem left out' }]);
  });
});
