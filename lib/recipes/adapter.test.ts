import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { atOnce } from '../adapters/slices';
import type { CaptureBatch, Screen } from '../schema/capture';
import type { HealthReport, Recipe } from '../schema/recipes';
import { readDom } from '../content/dom-reader';
import { PageSession, TabMemory, type ConsolePage, type Lifetime } from '../content/page';
import { screenReporter } from '../content/screen-reporter';
import { captureSender, type CaptureSink } from '../content/sink';
import { recipeAdapter } from './adapter';
import { applyCapture } from '../db/capture-repository';
import { freshDatabase } from '../db/test-db';

/**
 * A taught site through the content runtime, as a built-in console goes: its recipes say which pages
 * are read and how; captures, who is on screen and capture health go to the sink.
 */
const SITE = 'https://shop.example';
const LIST = `${SITE}/admin/orders?page=1`;

const base = { site: SITE, locale: 'en-US', currency: 'USD', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' } as const;
const listRecipe: Recipe = {
  ...base,
  id: 'aurora-list',
  name: 'Aurora orders',
  kind: 'order-list',
  page: { path: '/admin/orders', query: {} },
  dom: {
    type: 'dom',
    rows: '.order-feed > article',
    fields: { orderNumber: { selector: 'a.ref' }, buyer: { selector: 'span.who' }, placedAt: { selector: 'time' }, total: { selector: 'span.amount' }, status: { selector: 'span.pill' }, items: { selector: 'ul.lines > li' } },
  },
  json: { type: 'json', api: { path: '/api/v1/orders', query: {} }, rows: ['data', 'orders'], fields: { orderNumber: { path: ['reference'] }, buyer: { path: ['customer', 'display_name'] }, total: { path: ['total'] }, placedAt: { path: ['placed_at'] }, status: { path: ['state'] } } },
};
const detailRecipe: Recipe = {
  ...base,
  id: 'aurora-order',
  name: 'Aurora order',
  kind: 'order-detail',
  page: { path: '/admin/orders/*', query: {} },
  dom: { type: 'dom', rows: null, fields: { orderNumber: { selector: 'h1 .ref' }, buyer: { selector: '.customer .name' }, total: { selector: '.grand-total' } } },
};
const chatRecipe: Recipe = {
  ...base,
  id: 'aurora-chat',
  name: 'Aurora inbox',
  kind: 'chat',
  page: { path: '/admin/inbox', query: {} },
  dom: { type: 'dom', rows: null, fields: { chatBuyer: { selector: '.thread-head .who' }, replyBox: { selector: '.composer' } } },
};
const recipes = [listRecipe, detailRecipe, chatRecipe];

const row = (ref: string, who: string, amount: string, status = 'Paid') =>
  `<article><a class="ref" href="/admin/orders/1">${ref}</a><span class="who">${who}</span><time>Nov 28, 2026, 2:05 PM</time><span class="amount">${amount}</span><span class="pill">${status}</span><ul class="lines"><li>2 × Tea cup</li></ul></article>`;

const lifetime: Lifetime = {
  isValid: true,
  setTimeout: (handler, timeout) => setTimeout(handler, timeout) as unknown as number,
  addEventListener: (target, type, handler, options) => target.addEventListener(type, handler, options),
  onInvalidated: () => undefined,
};

function sitePage(url: string, body: string) {
  const captures: CaptureBatch[] = [];
  const screens: (Screen | null)[] = [];
  const health: HealthReport[] = [];
  const sink: CaptureSink = {
    capture: async (batch) => void captures.push(batch),
    screen: async (screen) => void screens.push(screen),
    health: async (report) => void health.push(report),
  };
  const document = new JSDOM(`<!doctype html><html lang="en-US"><body>${body}</body></html>`, { url }).window.document;
  const adapter = recipeAdapter(() => recipes, SITE);
  const session = new PageSession(adapter, new URL(url));
  const page: ConsolePage = { adapter, document, lifetime, sink, memory: new TabMemory(), session: () => session };
  const read = async () => {
    atOnce(readDom(page, captureSender(page), screenReporter(page)));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { page, document, adapter, captures, screens, health, read };
}

describe('a taught site, read by its recipes', () => {
  it('reads every order of a list page into the site’s shop, keyed by order number and by the buyer it shows', async () => {
    const { captures, health, read } = sitePage(LIST, `<section class="order-feed">${row('SO-1042', 'Ana Lima', '$1,045.50')}${row('SO-1043', 'ana  LIMA', '$12.00', 'Fulfilled')}${row('SO-1044', 'B*******a', '$9.99', 'Cancelled')}</section>`);
    await read();
    const [batch] = captures;
    expect(batch).toMatchObject({ adapterId: 'site', pageKind: 'order-list', source: 'dom' });
    expect(batch!.shops).toEqual([{ shopKey: 'site:shop.example', adapterId: 'site', name: 'shop.example', currency: 'USD' }]);
    expect(batch!.orders).toEqual([
      expect.objectContaining({ orderKey: 'site:shop.example:SO-1042', buyerKey: 'site:shop.example:ana_lima', buyerName: 'Ana Lima', totalMinor: 104550, currency: 'USD', status: 'paid', statusText: 'Paid', placedAt: '2026-11-28T14:05:00.000Z', items: [{ title: 'Tea cup', quantity: 2 }] }),
      // The same buyer however the page spells them; a masked name is nobody's.
      expect.objectContaining({ orderKey: 'site:shop.example:SO-1043', buyerKey: 'site:shop.example:ana_lima', status: 'shipped' }),
      expect.not.objectContaining({ buyerKey: expect.anything() }),
    ]);
    expect(batch!.problems).toEqual([{ where: 'Aurora orders page[2]', reason: 'no buyer in this row' }]);
    expect(health).toEqual([expect.objectContaining({ reader: 'site:aurora-list', found: 3, missing: [], pageKind: 'order-list' })]);
  });

  it('reads the JSON the page loads where the recipe says so, and only from the API it names', () => {
    const { adapter } = sitePage(LIST, '');
    const body = { data: { orders: [{ reference: 'SO-1050', customer: { display_name: 'Kevin Patel' }, total: '44.00', placed_at: '2026-11-23T10:00:00Z', state: 'paid' }] } };
    const read = atOnce(adapter.fromResponse({ url: new URL(`${SITE}/api/v1/orders?page=2`), body }, new URL(LIST)));
    expect(read.orders).toEqual([expect.objectContaining({ orderKey: 'site:shop.example:SO-1050', buyerName: 'Kevin Patel', totalMinor: 4400, status: 'paid', placedAt: '2026-11-23T10:00:00.000Z' })]);
    expect(atOnce(adapter.fromResponse({ url: new URL(`${SITE}/api/v1/customers`), body }, new URL(LIST))).orders).toEqual([]);
    // JSON's amounts are plain decimals, read exactly (not as a page's "1.234" thousands).
    const exact = { data: { orders: [{ reference: 'SO-1051', customer: { display_name: 'Kevin Patel' }, total: '1234.000' }, { reference: 'SO-1052', customer: { display_name: 'Kevin Patel' }, total: 19.995 }] } };
    expect(atOnce(adapter.fromResponse({ url: new URL(`${SITE}/api/v1/orders`), body: exact }, new URL(LIST))).orders.map((o) => o.totalMinor)).toEqual([123400, 2000]);
    expect(adapter.api.map((api) => api.test('/api/v1/orders?page=3'))).toEqual([true]);
  });

  it('an order’s own page puts that order on screen; a chat page its buyer, with the reply box', async () => {
    const detail = sitePage(`${SITE}/admin/orders/7104`, '<h1>Order <span class="ref">SO-1042</span></h1><div class="customer"><span class="name">Ana Lima</span></div><p class="grand-total">$45.00</p>');
    await detail.read();
    expect(detail.captures[0]?.orders).toEqual([expect.objectContaining({ orderKey: 'site:shop.example:SO-1042', buyerKey: 'site:shop.example:ana_lima' })]);
    expect(detail.screens.at(-1)).toMatchObject({ adapterId: 'site', pageKind: 'order-detail', orderKey: 'site:shop.example:SO-1042', buyerKey: 'site:shop.example:ana_lima' });

    const chat = sitePage(`${SITE}/admin/inbox`, '<div class="thread-head"><b class="who">Ana Lima</b></div><div class="composer" contenteditable="true"></div>');
    await chat.read();
    expect(chat.captures).toEqual([]);
    expect(chat.screens.at(-1)).toMatchObject({ pageKind: 'chat', buyerKey: 'site:shop.example:ana_lima', buyerName: 'Ana Lima', chat: { replyBox: true } });
    expect(chat.adapter.chat?.replyBox(chat.document)?.className).toBe('composer');
  });

  it('a taught order page joins the order the list brought, by its number: one order, the page’s total, the list’s date and items kept', async () => {
    const db = freshDatabase();
    try {
      const list = sitePage(LIST, `<section class="order-feed">${row('SO-1042', 'Ana Lima', '$1,045.50')}${row('SO-1043', 'Ana Lima', '$12.00')}</section>`);
      await list.read();
      const detail = sitePage(`${SITE}/admin/orders/7104`, '<h1>Order <span class="ref">SO-1042</span></h1><div class="customer"><span class="name">Ana Lima</span></div><p class="grand-total">$1,050.00</p>');
      await detail.read();
      for (const batch of [...list.captures, ...detail.captures]) await applyCapture(db, batch);
      const orders = await db.orders.where('orderKey').startsWith('site:shop.example:SO-1042').toArray();
      expect(orders).toEqual([expect.objectContaining({ orderKey: 'site:shop.example:SO-1042', totalMinor: 105000, placedAt: '2026-11-28T14:05:00.000Z', items: [{ title: 'Tea cup', quantity: 2 }] })]);
      expect((await db.buyers.get('site:shop.example:ana_lima'))?.stats).toMatchObject({ orderCount: 2, spentMinor: 106200 });
    } finally {
      await db.delete();
    }
  });

  it('says what it no longer finds: no rows, or a required field no row has', async () => {
    const gone = sitePage(LIST, '<section class="order-feed"></section>');
    await gone.read();
    expect(gone.health).toEqual([expect.objectContaining({ reader: 'site:aurora-list', found: 0, missing: [] })]);
    const renamed = sitePage(LIST, `<section class="order-feed">${row('SO-1042', 'Ana Lima', '$1.00').replace('class="who"', 'class="customer-name"')}</section>`);
    await renamed.read();
    expect(renamed.health).toEqual([expect.objectContaining({ found: 1, missing: ['buyer'] })]);
  });

  it('reads no page of another site, and no page its recipes do not name', () => {
    const { adapter } = sitePage(LIST, '');
    expect(adapter.detect(new URL('https://other.example/admin/orders'))).toBeUndefined();
    expect(adapter.detect(new URL(`${SITE}/admin/products`))).toBeUndefined();
    expect(adapter.detect(new URL(`${SITE}/admin/orders/991`))).toBe('order-detail');
  });
});
