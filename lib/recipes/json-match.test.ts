// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonSourceSchema, type JsonSource } from '../schema/recipes';
import { apiPatternOf, findJsonSource, readJsonRows, type SeenResponse } from './json-match';
import { pageMatches } from './pages';

const USD = { currency: 'USD', locale: 'en-US' };

// Dates are plausible up to a year from now: the examples are of late 2026, whenever the tests run.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-01T12:00:00Z'));
});
afterAll(() => {
  vi.useRealTimers();
});

/** What readDomRows gave for the row the seller taught (WooCommerce-like list). */
const example = {
  orderNumber: ['1001'],
  buyer: ['Jane Doe'],
  placedAt: ['2026-11-28T14:05:00+00:00'],
  status: ['Processing'],
  total: ['$45.00'],
  items: ['2 × Blue mug'],
};

const ordersBody = {
  data: {
    page: 1,
    orders: [
      {
        id: 1001,
        number: '1001',
        customer: { id: 77, name: 'Jane Doe', email: 'jane@example.com' },
        total: '45.00',
        subtotal: '40.00',
        created_at: '2026-11-28T14:05:00Z',
        updated_at: '2026-11-29T08:00:00Z',
        status: 'processing',
        paid: true,
        line_items: [{ sku: 'MUG-B', name: 'Blue mug', quantity: 2 }],
      },
      {
        id: 1002,
        number: '1002',
        customer: { id: 78, name: 'John Smith', email: 'john@example.com' },
        total: '1234.50',
        subtotal: '1200.00',
        created_at: '2026-11-27T09:30:00Z',
        updated_at: '2026-11-27T10:00:00Z',
        status: 'completed',
        paid: true,
        line_items: [
          { sku: 'MUG-R', name: 'Red mug', quantity: 1 },
          { sku: 'PLT', name: '  Plate\n set ', quantity: 3 },
        ],
      },
      { id: 1003, number: '1003', customer: { name: null }, total: 7.99, created_at: 1795660740, status: 'on-hold', line_items: [] },
    ],
  },
};

const responses: SeenResponse[] = [
  { url: 'https://shop.example/api/v2/session', body: { user: { name: 'Seller' } } },
  { url: 'https://shop.example/api/v2/orders?page=1&per_page=20&_=1764338700123', body: ordersBody },
  { url: 'https://shop.example/api/v2/notifications', body: { items: [{ id: 1, text: 'hello' }] } },
];

function found(source: JsonSource | undefined): JsonSource {
  expect(source).toBeDefined();
  // Whatever is found must be a recipe source the schema accepts.
  expect(jsonSourceSchema.parse(source)).toEqual(source);
  return source!;
}

const X = { path: '/x', query: {} };

describe('findJsonSource', () => {
  it('finds the orders array and the path of every field', () => {
    const source = found(findJsonSource(responses, example, USD));
    expect(source.rows).toEqual(['data', 'orders']);
    expect(source.fields).toEqual({
      orderNumber: { path: ['number'] },
      buyer: { path: ['customer', 'name'] },
      total: { path: ['total'] },
      placedAt: { path: ['created_at'] },
      status: { path: ['status'] },
      items: { path: ['line_items', '*', 'name'] },
    });
    expect(pageMatches(source.api, new URL('https://shop.example/api/v2/orders?page=2&per_page=20'))).toBe(true);
    expect(pageMatches(source.api, new URL('https://shop.example/api/v2/notifications'))).toBe(false);
  });

  it('matches the page\'s "#1001" and "R$ 45,00" to JSON\'s 1001 and 45, in the locale of the page', () => {
    const body = [{ order_id: 1001, buyer_name: 'jane doe', grand_total: 45 }];
    const source = found(findJsonSource([{ url: '/orders.json', body }], { orderNumber: ['#1001'], buyer: ['Jane  Doe'], total: ['R$ 45,00'] }, { currency: 'BRL', locale: 'pt-BR' }));
    expect(source.rows).toEqual([]);
    expect(source.fields).toEqual({ orderNumber: { path: ['order_id'] }, buyer: { path: ['buyer_name'] }, total: { path: ['grand_total'] } });
  });

  it('matches a date the page shows without a time by its day, and an epoch date', () => {
    const body = { list: [{ sn: 'A-1', who: 'Ana', amount: '9.90', ctime: 1795874700 }] };
    const source = found(findJsonSource([{ url: '/x', body }], { orderNumber: ['#A-1'], buyer: ['Ana'], total: ['$9.90'], placedAt: ['Nov 28, 2026'] }, USD));
    expect(source.fields.placedAt).toEqual({ path: ['ctime'] });
  });

  it('is undefined where the buyer is only first and last name in two fields', () => {
    const split = { data: { orders: [{ id: 1001, number: '1001', billing: { first_name: 'Jane', last_name: 'Doe' }, total: '45.00' }] } };
    expect(findJsonSource([{ url: '/api/orders', body: split }], example, USD)).toBeUndefined();
  });

  it('does not take a total in minor units, which a JSON recipe would read 100 times too large', () => {
    const minor = { orders: [{ number: '1001', buyer: 'Jane Doe', total_cents: 4500 }] };
    expect(findJsonSource([{ url: '/api/orders', body: minor }], example, USD)).toBeUndefined();
  });

  it('is undefined where no response holds the example, or the example lacks a required value', () => {
    expect(findJsonSource(responses, { ...example, orderNumber: ['9999'] }, USD)).toBeUndefined();
    expect(findJsonSource(responses, { orderNumber: ['1001'], buyer: ['Jane Doe'] }, USD)).toBeUndefined();
    expect(findJsonSource([], example, USD)).toBeUndefined();
  });

  it('prefers the most recent response', () => {
    const older = { url: '/api/v1/orders', body: { orders: [{ number: '1001', name: 'Jane Doe', total: 45 }] } };
    const newer = { url: '/api/v2/orders', body: { results: [{ number: '1001', name: 'Jane Doe', total: 45 }] } };
    expect(found(findJsonSource([older, newer], example, USD)).rows).toEqual(['results']);
  });
});

describe('readJsonRows', () => {
  it('reads every row of the source found, numbers as strings, booleans and nulls left out', () => {
    const source = found(findJsonSource(responses, example, USD));
    expect(readJsonRows(ordersBody, source)).toEqual([
      { orderNumber: ['1001'], buyer: ['Jane Doe'], total: ['45.00'], placedAt: ['2026-11-28T14:05:00Z'], status: ['processing'], items: ['Blue mug'] },
      { orderNumber: ['1002'], buyer: ['John Smith'], total: ['1234.50'], placedAt: ['2026-11-27T09:30:00Z'], status: ['completed'], items: ['Red mug', 'Plate set'] },
      { orderNumber: ['1003'], total: ['7.99'], placedAt: ['1795660740'], status: ['on-hold'] },
    ]);
  });

  it('reads a part, caps rows at 500 and strings at 1,000 characters', () => {
    const body = { rows: Array.from({ length: 600 }, (_, i) => ({ ref: `#ORD-${i} Ana`, note: 'n'.repeat(1500), flag: false })) };
    const rows = readJsonRows(body, { type: 'json', api: X, rows: ['rows'], fields: { orderNumber: { path: ['ref'], part: 'orderNumber' }, buyer: { path: ['note'] }, status: { path: ['flag'] } } });
    expect(rows).toHaveLength(500);
    expect(rows[7]?.orderNumber).toEqual(['ORD-7']);
    expect(rows[0]?.buyer?.[0]).toHaveLength(1000);
    expect(rows[0]?.status).toBeUndefined();
  });

  it('gives nothing where the rows path is not an array', () => {
    expect(readJsonRows({ data: { orders: null } }, { type: 'json', api: X, rows: ['data', 'orders'], fields: { orderNumber: { path: ['id'] } } })).toEqual([]);
    expect(readJsonRows('not json', { type: 'json', api: X, rows: [], fields: { orderNumber: { path: ['id'] } } })).toEqual([]);
  });
});

describe('apiPatternOf', () => {
  const matches = (url: string, path: string) => pageMatches(apiPatternOf(url), new URL(path, 'https://shop.example'));

  it('keeps the path and lets paging and cache-busting vary', () => {
    const url = 'https://shop.example/api/orders?page=3&limit=50&_=1764338700';
    expect(apiPatternOf(url)).toEqual({ path: '/api/orders', query: {} });
    expect(matches(url, '/api/orders')).toBe(true);
    expect(matches(url, '/api/orders?page=4')).toBe(true);
    expect(matches(url, '/api/orders/export')).toBe(false);
  });

  it('lets ids in the path vary', () => {
    const url = 'https://shop.example/api/shops/123456/orders?offset=40';
    expect(matches(url, '/api/shops/987/orders?offset=0')).toBe(true);
    expect(matches(url, '/api/shops/987/customers')).toBe(false);
  });

  it('keeps query values that name the list, in any order', () => {
    const url = 'https://shop.example/wp-admin/admin-ajax.php?action=wc_orders&paged=2&_wpnonce=abc123';
    expect(matches(url, '/wp-admin/admin-ajax.php?_wpnonce=zzz&action=wc_orders&paged=5')).toBe(true);
    expect(matches(url, '/wp-admin/admin-ajax.php?action=heartbeat')).toBe(false);
  });

  it('stays within the schema for an absurd URL', () => {
    const api = apiPatternOf(`https://shop.example/${'segment.'.repeat(80)}/orders?view=${'v'.repeat(40)}`);
    expect(api.path.length).toBeLessThanOrEqual(500);
  });
});
