import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { CapturedOrder } from '../../schema/capture';
import { lintReply } from '../reply-rules';
import { atOnce } from '../slices';
import { lazadaAdapter } from '.';
import { lazadaCatalog } from './catalog';
import { activeBuyer, extract } from './extract';
import { fromResponse } from './responses';
import { statusOf, statusOfItems } from './statuses';
import { apiOrigins, detect } from './urls';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'lazada');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown;

const gateway = (tld: string, api: string, data = '{}') =>
  new URL(`https://acs-m.lazada.${tld}/h5/${api}/1.0/?jsv=2.6.1&appKey=4272&v=1.0&type=originaljson&data=${encodeURIComponent(data)}`);
const listUrl = (tld: string) => gateway(tld, 'mtop.lazada.seller.order.query.list');
const detailUrl = (tld: string, orderId: string) => gateway(tld, 'mtop.lazada.seller.order.main.detail', JSON.stringify({ tradeOrderId: orderId }));
const listPage = (tld: string) => new URL(`https://sellercenter.lazada.${tld}/apps/order/list`);
const detailPage = (tld: string, orderId: string) => new URL(`https://sellercenter.lazada.${tld}/apps/order/detail?tradeOrderId=${orderId}`);

/** A list answer with these rows, as order.query.list sends it. */
const listOf = (rows: unknown[]) => ({
  api: 'mtop.lazada.seller.order.query.list',
  data: { data: { pageInfo: { total: rows.length, pageSize: 20, page: 1 }, dataSource: rows } },
  ret: ['SUCCESS::调用成功'],
  v: '1.0',
});

function row(overrides: Record<string, unknown> = {}) {
  return {
    orderNumber: '912345678901234',
    buyerId: 200987654321,
    buyerName: 'Nguyễn Thị Lan',
    createDate: '02 Apr 2026',
    createTime: '14:05',
    creationTime: 1775113517000,
    tabStatus: 'topack',
    totalRetailPrice: '259000',
    shippingFee: '15000',
    skus: [{ productName: 'Bình giữ nhiệt 500ml', sellerSku: 'BGN-500', skuInfo: 'Màu:Xanh', quantity: 1, unitPrice: '259000', retailPrice: '259000', itemStatus: 'pending' }],
    ...overrides,
  };
}

const readList = (tld: string, rows: unknown[]) => atOnce(fromResponse({ url: listUrl(tld), body: listOf(rows) }, listPage(tld)));

describe('Lazada order list (order.query.list)', () => {
  const out = atOnce(fromResponse({ url: listUrl('com.ph'), body: fixture('order-list.json') }, listPage('com.ph')));
  const order = (id: string) => out.orders.find((o) => o.orderId === id)!;

  it('names each buyer by id once, with the name the row shows', () => {
    expect(out.buyers).toEqual([
      { buyerKey: 'lazada:ph:500031772004', shopKey: 'lazada:ph', platformBuyerId: '500031772004', displayName: 'Maria Santos' },
      { buyerKey: 'lazada:ph:500045120883', shopKey: 'lazada:ph', platformBuyerId: '500045120883' },
      { buyerKey: 'lazada:ph:500077341296', shopKey: 'lazada:ph', platformBuyerId: '500077341296', displayName: 'Jose Reyes' },
    ]);
    expect(order('900598765431005').buyerKey).toBe('lazada:ph:500031772004');
  });

  it('stores a masked buyer name ("R*n") as absent, never as a name', () => {
    expect(order('900612345681005').buyerKey).toBe('lazada:ph:500045120883');
    expect(order('900612345681005').buyerName).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain('R*n');
  });

  it('totals an order as its items plus shipping, in centavos', () => {
    expect(order('900612345671005')).toMatchObject({ totalMinor: 125_700, currency: 'PHP' }); // ₱1,199.00 + ₱58.00
    expect(order('900598765431005')).toMatchObject({ totalMinor: 33_950, currency: 'PHP' }); // 2 × ₱89.00 + ₱125.50 + ₱36.00
    expect(order('900612345681005').totalMinor).toBe(34_900); // free shipping
  });

  it('lists each SKU of an order with its quantity, SKU, variation and unit price', () => {
    expect(order('900598765431005').items).toEqual([
      { title: 'Silicone Descaling Brush', quantity: 2, variant: 'Color Family:Grey', sku: 'BRS-SIL', unitPriceMinor: 8_900 },
      { title: 'Replacement Lid Gasket for 1.8L Kettle', quantity: 1, variant: 'Variation:1.8L', sku: 'GSK-18', unitPriceMinor: 12_550 },
    ]);
  });

  it('dates an order to the second it was placed (creationTime, epoch ms)', () => {
    expect(order('900612345671005').placedAt).toBe('2026-04-02T06:05:17.000Z'); // 02 Apr 2026 14:05:17 in Manila
  });

  it('tells a cancelled order from one waiting to be packed or shipped, keeping the console’s word', () => {
    expect(order('900587654321005')).toMatchObject({ status: 'cancelled', statusText: 'canceled' });
    expect(order('900612345671005')).toMatchObject({ status: 'paid', statusText: 'topack' });
    expect(order('900612345681005')).toMatchObject({ status: 'processing', statusText: 'toship' });
    expect(order('900598765431005')).toMatchObject({ status: 'shipped', statusText: 'shipped' });
  });

  it('links each order to its page in the same country’s Seller Center', () => {
    expect(order('900612345671005').consoleUrl).toBe('https://sellercenter.lazada.com.ph/apps/order/detail?tradeOrderId=900612345671005');
  });

  it('reads dong and rupiah without decimals, pesos and baht with two', () => {
    expect(readList('vn', [row()]).orders[0]).toMatchObject({ shopKey: 'lazada:vn', totalMinor: 274_000, currency: 'VND' });
    expect(readList('co.id', [row({ totalRetailPrice: '125000.00', shippingFee: '9000.00' })]).orders[0]).toMatchObject({ totalMinor: 134_000, currency: 'IDR' });
    expect(readList('co.th', [row({ totalRetailPrice: '590.50', shippingFee: '40' })]).orders[0]).toMatchObject({ totalMinor: 63_050, currency: 'THB' });
    expect(readList('vn', [row()]).orders[0]?.items?.[0]?.unitPriceMinor).toBe(259_000);
  });

  it('dates a row without creationTime from createDate and createTime, in the country’s time', () => {
    const local = { creationTime: undefined, createDate: '02 Apr 2026', createTime: '14:05' };
    expect(readList('vn', [row(local)]).orders[0]?.placedAt).toBe('2026-04-02T07:05:00.000Z'); // UTC+7
    expect(readList('com.ph', [row(local)]).orders[0]?.placedAt).toBe('2026-04-02T06:05:00.000Z'); // UTC+8
  });

  it('loses only the broken row: a row without its order number', () => {
    const read = readList('vn', [row({ orderNumber: '9123-45' }), row({ orderNumber: '912345678909999' }), 'not a row']);
    expect(read.orders.map((o) => o.orderId)).toEqual(['912345678909999']);
    expect(read.problems).toEqual([
      { where: 'dataSource[0]', reason: 'a row without its order number: "9123-45"' },
      { where: 'dataSource[2]', reason: 'not an order row: "not a row"' },
    ]);
  });

  it('loses only the broken field: an unreadable total, a missing buyer id', () => {
    const read = readList('vn', [row({ totalRetailPrice: '259.000,00 ₫', buyerId: null })]);
    expect(read.orders[0]).toMatchObject({ orderId: '912345678901234', status: 'paid', placedAt: '2026-04-02T07:05:17.000Z' });
    expect(read.orders[0]?.totalMinor).toBeUndefined();
    expect(read.orders[0]?.buyerKey).toBeUndefined();
    expect(read.orders[0]?.items).toHaveLength(1);
    expect(read.problems.map((p) => p.where)).toEqual(['dataSource[0].buyerId', 'dataSource[0].totalRetailPrice']);
  });

  it('takes the items’ status where a row has no tab status', () => {
    const skus = [{ productName: 'A', itemStatus: 'canceled' }, { productName: 'B', itemStatus: 'shipped' }];
    expect(readList('vn', [row({ tabStatus: undefined, skus })]).orders[0]).toMatchObject({ status: 'shipped', statusText: 'canceled, shipped' });
  });

  it('reports an mtop failure (expired session) instead of reading nothing silently', () => {
    const body = { api: 'mtop.lazada.seller.order.query.list', data: {}, ret: ['FAIL_SYS_SESSION_EXPIRED::Session过期'], v: '1.0' };
    const read = atOnce(fromResponse({ url: listUrl('vn'), body }, listPage('vn')));
    expect(read.orders).toEqual([]);
    expect(read.problems[0]?.reason).toMatch(/FAIL_SYS_SESSION_EXPIRED/);
  });

  it('writes nothing from another country’s gateway into this page’s shop', () => {
    const read = atOnce(fromResponse({ url: listUrl('vn'), body: listOf([row()]) }, listPage('com.ph')));
    expect(read.orders).toEqual([]);
    expect(read.problems[0]?.reason).toMatch(/acs-m\.lazada\.vn/);
  });
});

describe('Lazada order page (order.main.detail, order.query.detail)', () => {
  const page = detailPage('com.ph', '900612345671005');
  const out = atOnce(fromResponse({ url: detailUrl('com.ph', '900612345671005'), body: fixture('order-detail.json') }, page));

  it('names the buyer from basicInfo, not the masked receiver', () => {
    expect(out.buyers).toEqual([{ buyerKey: 'lazada:ph:500031772004', shopKey: 'lazada:ph', platformBuyerId: '500031772004', displayName: 'Maria Santos' }]);
    expect(out.orders[0]).toMatchObject({ buyerKey: 'lazada:ph:500031772004', buyerName: 'Maria Santos' });
  });

  it('totals the order as its Grand Total, vouchers and shipping discount included', () => {
    expect(out.orders[0]).toMatchObject({ totalMinor: 120_740, currency: 'PHP' }); // ₱1,207.40, not the ₱1,199.00 subtotal
  });

  it('dates the order to its day (orderDate), at noon in Manila', () => {
    expect(out.orders[0]).toMatchObject({ placedAt: '2026-04-02T04:00:00.000Z', placedAtPrecision: 'day' });
  });

  it('joins the lines of one item the legacy page lists once per unit', () => {
    const legacy = atOnce(
      fromResponse(
        { url: gateway('co.th', 'mtop.lazada.seller.order.query.detail'), body: fixture('order-detail-legacy.json') },
        detailPage('co.th', '529001234560819'),
      ),
    );
    expect(legacy.orders[0]).toMatchObject({ orderId: '529001234560819', totalMinor: 63_000, currency: 'THB', status: 'delivered' });
    expect(legacy.orders[0]?.items).toEqual([{ title: 'Bamboo Cutting Board (Large)', quantity: 2, variant: 'Size:L', sku: 'BCB-L', unitPriceMinor: 29_500 }]);
  });

  it('takes the order id from the request where the answer’s orderInfo lacks it', () => {
    const body = { data: { data: [{ name: 'basicInfo', customerId: '500031772004', customName: 'Maria Santos' }] }, ret: ['SUCCESS::调用成功'] };
    const read = atOnce(fromResponse({ url: detailUrl('com.ph', '900612345671005'), body }, listPage('com.ph')));
    expect(read.orders[0]?.orderKey).toBe('lazada:ph:900612345671005');
  });
});

describe('Lazada chat’s order cards (card.order.list.get)', () => {
  const chat = new URL('https://sellercenter.lazada.com.ph/apps/im/chat');
  const url = gateway('com.ph', 'mtop.global.im.web.card.order.list.get');

  it('reads the buyer’s orders with this shop, totals as the buyer paid', () => {
    const out = atOnce(fromResponse({ url, body: fixture('im-order-cards.json') }, chat));
    expect(out.orders.map((o) => [o.orderId, o.buyerKey, o.totalMinor, o.status])).toEqual([
      ['900612345671005', 'lazada:ph:500031772004', 120_740, 'paid'],
      ['900531122331005', 'lazada:ph:500031772004', 52_800, 'delivered'],
    ]);
  });

  it('leaves out an order of another country the chat also serves', () => {
    const card = { id: '912345678901234', buyerId: 200987654321, status: 'pending', orderAmount: { amount: '274000', currencyCode: 'VND' }, orderItemList: [] };
    const out = atOnce(fromResponse({ url, body: { data: { result: [card] } } }, chat));
    expect(out.orders).toEqual([]);
    expect(out.problems[0]?.reason).toMatch(/in VND, not this shop's PHP/);
  });
});

describe('Lazada pages', () => {
  const dom = (name: string, url: string) => new JSDOM(readFileSync(join(FIXTURES, name), 'utf8'), { url }).window.document;

  it('reads the order numbers the list shows', () => {
    const out = atOnce(extract(dom('order-list-dom.html', 'https://sellercenter.lazada.com.ph/apps/order/list'), listPage('com.ph')));
    expect(out.orders.map((o) => o.orderKey)).toEqual(['lazada:ph:900612345671005', 'lazada:ph:900612345681005', 'lazada:ph:900598765431005']);
  });

  it('reads no order from a page still showing another order than its URL’s', () => {
    const url = detailPage('com.ph', '900598765431005');
    const out = atOnce(extract(dom('order-detail-dom.html', url.href), url));
    expect(out.orders).toEqual([]);
    expect(out.problems[0]?.reason).toMatch(/its URL order 900598765431005/);
  });

  it('puts the order page’s order on screen, with its buyer once a reading named them', () => {
    const url = detailPage('com.ph', '900612345671005');
    const document = dom('order-detail-dom.html', url.href);
    expect(activeBuyer({ document, url, orders: [] })).toEqual({ orderKey: 'lazada:ph:900612345671005' });
    const read = atOnce(fromResponse({ url: detailUrl('com.ph', '900612345671005'), body: fixture('order-detail.json') }, url)).orders as CapturedOrder[];
    expect(activeBuyer({ document, url, orders: read })).toEqual({
      orderKey: 'lazada:ph:900612345671005',
      buyerKey: 'lazada:ph:500031772004',
      buyerName: 'Maria Santos',
    });
    expect(activeBuyer({ document, url: listPage('com.ph'), orders: read })).toBeUndefined();
  });

  it('knows the order pages, the chat, and the gateway of each country', () => {
    expect(detect(new URL('https://sellercenter.lazada.co.id/apps/order/list'))).toBe('order-list');
    expect(detect(new URL('https://sellercenter.lazada.sg/apps/order/detail?tradeOrderId=abc'))).toBeUndefined();
    expect(detect(new URL('https://www.lazada.com.ph/apps/order/list'))).toBeUndefined();
    expect(apiOrigins(listPage('co.th'))).toEqual(['https://acs-m.lazada.co.th']);
    expect(apiOrigins(new URL('https://www.lazada.co.th/'))).toEqual([]);
    expect(lazadaAdapter.api.some((p) => p.test('/h5/mtop.lazada.seller.order.query.list.init/1.0/?jsv=2.6.1'))).toBe(false);
  });
});

describe('Lazada catalog', () => {
  it('lets a page write only its own country’s shop', () => {
    const mayWrite = lazadaCatalog.shopsOfPage(listPage('com.my'));
    expect(mayWrite('lazada:my')).toBe(true);
    expect(mayWrite('lazada:sg')).toBe(false);
    expect(lazadaCatalog.shopsOfPage(new URL('https://sellercenter.lazada.example/apps/order/list'))('lazada:my')).toBe(false);
  });

  it('replies to each country’s buyers in their language', () => {
    expect(['ph', 'my', 'sg', 'id', 'th', 'vn'].map((c) => lazadaCatalog.replyLanguage(`lazada:${c}`))).toEqual(['en-PH', 'ms', 'en-SG', 'id', 'th', 'vi']);
    expect(lazadaCatalog.replyLanguage('lazada:toString')).toBeUndefined();
  });

  it('flags replies that take the buyer off Lazada', () => {
    const lint = (text: string) => lintReply(lazadaCatalog.replyRules, text, 'en-PH');
    expect(lint('Message me on WhatsApp 0917 123 4567')).toEqual(['no-off-platform', 'no-phone']);
    expect(lint('Cheaper at www.myshop.ph or mail sales@myshop.ph')).toEqual(['no-links', 'no-email']);
    expect(lint('您好，已发货')).toEqual(['buyer-language']);
    expect(lint('Your order 900612345671005 ships tomorrow. Salamat!')).toEqual([]);
  });
});

describe('Lazada status words', () => {
  it('maps the tabs and item statuses, whatever their spelling', () => {
    expect(['unpaid', 'pending', 'To Pack', 'ready_to_ship', 'shipped', 'delivered', 'canceled', 'returned', 'FAILED'].map(statusOf)).toEqual([
      'unpaid', 'paid', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'returned', 'unknown',
    ]);
    expect(statusOf('hasOwnProperty')).toBe('unknown');
    expect(statusOfItems([])).toEqual({ status: 'unknown' });
  });
});
