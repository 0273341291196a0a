import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintReply } from '../reply-rules';
import { atOnce } from '../slices';
import { tiktokCatalog } from './catalog';
import { activeBuyer } from './extract';
import { tiktokAdapter } from '.';
import { api, apiOrigins, shopOf } from './urls';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'tiktok');
const json = (name: string) => JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as unknown;
const LIST_PAGE = new URL('https://seller-br.tiktok.com/order?selected_sort=6&tab=all');
const LIST_API = new URL('https://seller-br.tiktok.com/api/fulfillment/order/list?aid=4068');
const CHAT_PAGE = new URL('https://seller-br.tiktok.com/chat?shop_region=BR');
const WORKBENCH_API = new URL('https://seller-br.tiktok.com/api/v1/shop_im/shop/workbench/data/list?im_version_code=1523&aid=4068');

function workbench() {
  const har = json('chat-workbench.har') as { log: { entries: { request: { postData: { text: string } }; response: { content: { text: string } } }[] } };
  const entry = har.log.entries[0]!;
  return { url: WORKBENCH_API, body: JSON.parse(entry.response.content.text) as unknown, requestBody: JSON.parse(entry.request.postData.text) as unknown };
}

describe('TikTok Shop', () => {
  it('reads the order list: ids as strings, totals in minor units, times from seconds; a masked nickname is never a buyer', () => {
    const out = atOnce(tiktokAdapter.fromResponse({ url: LIST_API, body: json('order-list.json') }, LIST_PAGE));
    expect(out.problems).toEqual([]);
    expect(out.orders.map((o) => [o.orderId, o.status, o.totalMinor, o.currency])).toEqual([
      ['578230114455667781', 'delivered', 13780, 'BRL'],
      ['578231998877665512', 'unpaid', 11885, 'BRL'],
      ['578229004433221190', 'cancelled', 3990, 'BRL'],
    ]);
    expect(out.orders[0]).toMatchObject({ placedAt: '2026-11-18T16:00:00.000Z', statusText: 'sku_display_status 122', shopKey: 'tiktok:br' });
    expect(out.orders[1]!.items).toEqual([
      { title: 'Kit Escovas de Maquiagem 12 peças', variant: 'Rosa', sku: 'KEM-12-RS', quantity: 2, unitPriceMinor: 4550 },
      { title: 'Esponja Blender', variant: 'Bege', sku: 'EB-01', quantity: 1, unitPriceMinor: 1990 },
    ]);
    expect(out.buyers).toEqual([]);
    expect(out.orders.every((o) => o.buyerKey === undefined && o.buyerName === undefined)).toBe(true);
  });

  it('knows the buyer from the chat: the sidebar of their orders names them by id, and the chat puts them on screen', () => {
    const response = workbench();
    const out = atOnce(tiktokAdapter.fromResponse(response, CHAT_PAGE));
    expect(out.buyers).toEqual([{ buyerKey: 'tiktok:br:7494012345678901234', shopKey: 'tiktok:br', platformBuyerId: '7494012345678901234' }]);
    expect(out.orders.map((o) => o.buyerKey)).toEqual(['tiktok:br:7494012345678901234', 'tiktok:br:7494012345678901234']);
    const conversation = tiktokAdapter.chat!.conversationFrom(response, CHAT_PAGE);
    expect(conversation).toEqual({ buyerKey: 'tiktok:br:7494012345678901234' });
    expect(activeBuyer({ document: {} as Document, url: CHAT_PAGE, orders: out.orders, conversation })).toEqual({ buyerKey: 'tiktok:br:7494012345678901234' });
    // The same sidebar without a buyer in its request names nobody.
    expect(atOnce(tiktokAdapter.fromResponse({ ...response, requestBody: {} }, CHAT_PAGE)).buyers).toEqual([]);
  });

  it('reads the global-selling console’s detail (its API on another host) into the market’s shop, in đồng without decimals', () => {
    const page = new URL('https://seller.tiktokshopglobalselling.com/order/detail?order_no=581204477120339968&shop_region=VN');
    expect(apiOrigins(page)).toEqual(['https://api16-normal-sg.tiktokshopglobalselling.com']);
    expect(apiOrigins(LIST_PAGE)).toEqual([]);
    const out = atOnce(tiktokAdapter.fromResponse({ url: new URL('https://api16-normal-sg.tiktokshopglobalselling.com/api/fulfillment/order/get?aid=6556'), body: json('order-detail.json') }, page));
    expect(out.orders[0]).toMatchObject({ orderKey: 'tiktok:gs-vn:581204477120339968', totalMinor: 283000, currency: 'VND', status: 'shipped', trackingNumber: 'VN0284417731B', carrier: 'J&T Express' });
    expect(out.orders[0]!.buyerKey).toBeUndefined();
    expect(activeBuyer({ document: {} as Document, url: page, orders: out.orders })).toEqual({ orderKey: 'tiktok:gs-vn:581204477120339968' });
  });

  it('reads the US console’s /na/ paths, and lets a page write only its own market’s shops', () => {
    for (const path of ['/api/fulfillment/na/order/list?aid=4068', '/api/fulfillment/order/na/list', '/api/fulfillment/na/order/get', '/api/fulfillment/order/list']) expect(api.some((p) => p.test(path)), path).toBe(true);
    expect(tiktokCatalog.shopsOfPage(LIST_PAGE)('tiktok:br')).toBe(true);
    expect(tiktokCatalog.shopsOfPage(LIST_PAGE)('tiktok:vn')).toBe(false);
    expect(tiktokCatalog.shopsOfPage(new URL('https://seller.tiktokshopglobalselling.com/order'))('tiktok:gs-th')).toBe(true);
    expect(tiktokCatalog.shopsOfPage(new URL('https://seller.tiktokshopglobalselling.com/order'))('tiktok:th')).toBe(false);
    expect(shopOf(new URL('https://seller-us.tiktok.com/order'))).toEqual({ shopKey: 'tiktok:us', region: 'US', currency: 'USD' });
    expect(['tiktok:br', 'tiktok:gs-vn', 'tiktok:th', 'tiktok:my'].map((k) => tiktokCatalog.replyLanguage(k))).toEqual(['pt-BR', 'vi', 'th', 'ms']);
  });

  it('one main order that does not fit costs that order; a response that is not one costs nothing else', () => {
    const body = json('order-list.json') as { data: { main_orders: Record<string, unknown>[] } };
    body.data.main_orders[1]!.main_order_id = 12345;
    (body.data.main_orders[0]!.price_module as { grand_total: { price_val: string } }).grand_total.price_val = 'NaN';
    const out = atOnce(tiktokAdapter.fromResponse({ url: LIST_API, body }, LIST_PAGE));
    expect(out.orders.map((o) => o.orderId)).toEqual(['578230114455667781', '578229004433221190']);
    expect(out.orders[0]!.totalMinor).toBeUndefined();
    expect(out.problems.map((p) => p.where)).toEqual(['main_orders[0]', 'main_orders[1]']);
    expect(atOnce(tiktokAdapter.fromResponse({ url: LIST_API, body: { code: 10000, message: 'login' } }, LIST_PAGE))).toMatchObject({ orders: [], problems: [{ reason: 'the console answered code 10000' }] });
  });
});

describe('TikTok Shop reply rules', () => {
  it('flag replies that take the buyer off TikTok Shop: other apps, phone numbers, links, e-mail', () => {
    const lint = (text: string, shop = 'tiktok:br') => lintReply(tiktokCatalog.replyRules, text, tiktokCatalog.replyLanguage(shop));
    expect(lint('Me chama no WhatsApp (11) 98765-4321 que te passo o desconto')).toEqual(['no-off-platform', 'no-phone']);
    expect(lint('Compre mais barato em www.minhaloja.com.br ou escreva para vendas@minhaloja.com.br')).toEqual(['no-links', 'no-email']);
    expect(lint('Nhắn Telegram cho shop nhé', 'tiktok:gs-vn')).toEqual(['no-off-platform']);
    expect(lint('您好，已发货')).toEqual(['buyer-language']);
    // An order's own number and a reply in the shop's language pass.
    expect(lint('Olá! Seu pedido 578230114455667781 já foi enviado. Obrigado pela compra!')).toEqual([]);
    expect(lint('Đơn hàng 581204477120339968 của bạn đã được giao cho J&T Express.', 'tiktok:gs-vn')).toEqual([]);
  });
});
