import { describe, expect, it } from 'vitest';
import { atOnce } from '../slices';
import { placedDayFromOrderSn, fromResponse, shopeeMoneyToMinor } from './responses';
import { statusFromDetail, statusFromText } from './statuses';
import { shopeeCatalog } from './catalog';
import { shopOf } from './urls';

const page = new URL('https://seller.shopee.com.br/portal/sale/order');
const cardsUrl = new URL('https://seller.shopee.com.br/api/v3/order/get_order_list_card_list?SPC_CDS=x&SPC_CDS_VER=2');

function card(orderSn: string, username: string, totals: number[]) {
  return {
    package_level_order_card: {
      card_header: { order_sn: orderSn, buyer_info: { username } },
      package_list: totals.map((total) => ({
        item_info_group: { item_info_list: [{ item_list: [{ name: 'Caneca', description: 'Azul', amount: 1 }] }] },
        payment_info: { currency: 6, total_price: total },
        status_info: { status: 'Concluído' },
      })),
      order_ext_info: { order_id: 188000000000001, buyer_user_id: 55501 },
    },
  };
}

describe('Shopee card list', () => {
  it('stores a masked username as absent, never as a name', () => {
    const out = atOnce(fromResponse({ url: cardsUrl, body: { data: { card_list: [card('241101AAAAAAAA', '***', [1000000])] } } }, page));
    expect(out.buyers[0]).toEqual({ buyerKey: 'shopee:br:55501', shopKey: 'shopee:br', platformBuyerId: '55501' });
    expect(out.orders[0]?.buyerName).toBeUndefined();
  });

  it('reads Shopee ×100000 integers', () => {
    expect(shopeeMoneyToMinor(6584736, 'BRL')).toBe(6585);
    expect(shopeeMoneyToMinor(15000000000, 'VND')).toBe(150000);
  });

  it('reads money ×100000 into minor units of the region’s currency', () => {
    const out = atOnce(fromResponse({ url: cardsUrl, body: { data: { card_list: [card('241101AAAAAAAA', 'ana', [6584736])] } } }, page));
    expect(out.orders[0]).toMatchObject({ totalMinor: 6585, currency: 'BRL', status: 'completed', statusText: 'Concluído' });
  });

  it('takes a total repeated on each package once, and sums different package totals', () => {
    const same = atOnce(fromResponse({ url: cardsUrl, body: { data: { card_list: [card('241101AAAAAAAA', 'ana', [5000000, 5000000])] } } }, page));
    expect(same.orders[0]?.totalMinor).toBe(5000);
    const parts = atOnce(fromResponse({ url: cardsUrl, body: { data: { card_list: [card('241101AAAAAAAA', 'ana', [3000000, 2000000])] } } }, page));
    expect(parts.orders[0]?.totalMinor).toBe(5000);
  });

  it('reports a body that is not a card list instead of throwing', () => {
    const out = atOnce(fromResponse({ url: cardsUrl, body: { error: 'token expired' } }, page));
    expect(out.orders).toEqual([]);
    expect(out.problems[0]?.reason).toMatch(/unexpected card list/);
  });

  it('stores the cards it knows and reports a card of a kind it does not, with its key', () => {
    // A card kind the list may one day send (its key is made up: no capture shows another kind).
    const body = { data: { card_list: [card('241101AAAAAAAA', 'ana', [1000000]), { future_kind_card: { card_header: {} } }] } };
    const out = atOnce(fromResponse({ url: cardsUrl, body }, page));
    expect(out.orders.map((o) => o.orderNumber)).toEqual(['241101AAAAAAAA']);
    expect(out.problems).toEqual([{ where: 'card_list[1]', reason: 'unknown card type: future_kind_card' }]);
  });

  it('takes the CNSC region from the card request when the URL has none', () => {
    const cnscPage = new URL('https://seller.shopee.cn/portal/sale/order?cnsc_shop_id=1045532871');
    const url = new URL('https://seller.shopee.cn/api/v3/order/get_order_list_card_list?SPC_CDS=x&cnsc_shop_id=1045532871');
    const body = { data: { card_list: [card('241101AAAAAAAA', 'ana', [2523000])] } };
    const requestBody = { order_list_tab: 300, order_param_list: [{ order_id: 188000000000001, shop_id: 1045532871, region_id: 'MY' }] };
    const out = atOnce(fromResponse({ url, body, requestBody }, cnscPage));
    expect(out.orders[0]).toMatchObject({ shopKey: 'shopee:cnsc-1045532871', currency: 'MYR', totalMinor: 2523 });
  });
});

describe('Shopee order dates and statuses', () => {
  it('dates an order by the YYMMDD (UTC+8) its number starts with', () => {
    expect(placedDayFromOrderSn('2406165VNRY0Y1')).toBe('2024-06-16T04:00:00.000Z');
    expect(placedDayFromOrderSn('90000000000002')).toBeUndefined(); // anonymised capture: no date
    expect(placedDayFromOrderSn('241332ABCDEFGH')).toBeUndefined(); // month 13
    expect(placedDayFromOrderSn('991231ABCDEFGH', Date.UTC(2026, 0, 1))).toBeUndefined(); // in the future
  });

  it('maps card status words of several interface languages', () => {
    expect(statusFromText('A Enviar')).toBe('paid');
    expect(statusFromText('Não pago')).toBe('unpaid');
    expect(statusFromText('To Ship')).toBe('paid');
    expect(statusFromText('待出货')).toBe('paid');
    expect(statusFromText('已取消')).toBe('cancelled');
    expect(statusFromText('Devolução/Reembolso')).toBe('refunded');
    expect(statusFromText('Algo novo')).toBe('unknown');
  });

  it('maps get_one_order list_type, with delivered from logistics_status', () => {
    expect(statusFromDetail(9, 0).status).toBe('unpaid');
    expect(statusFromDetail(7, 1).status).toBe('paid');
    expect(statusFromDetail(8, 2).status).toBe('shipped');
    expect(statusFromDetail(8, 5).status).toBe('delivered');
    expect(statusFromDetail(3, 5).status).toBe('completed');
    expect(statusFromDetail(4, 0).status).toBe('cancelled');
    expect(statusFromDetail(undefined, 0).status).toBe('unknown');
  });

  it('keys local consoles by region and CNSC by shop', () => {
    expect(shopOf(new URL('https://banhang.shopee.vn/portal/sale/order'))).toEqual({ shopKey: 'shopee:vn', region: 'VN', currency: 'VND' });
    expect(shopOf(new URL('https://seller.shopee.cn/portal/sale/order?cnsc_shop_id=77&cbsc_shop_region=br'))).toEqual({
      shopKey: 'shopee:cnsc-77',
      platformShopId: '77',
      region: 'BR',
      currency: 'BRL',
    });
    expect(shopOf(new URL('https://seller.shopee.cn/portal/sale/order'))).toBeUndefined();
  });
});

describe('Shopee shops a page may write', () => {
  it('are the region of a local console, and the CNSC shops on CNSC', () => {
    const br = shopeeCatalog.shopsOfPage(new URL('https://seller.shopee.com.br/portal/sale/order'));
    expect([br('shopee:br'), br('shopee:my'), br('shopee:cnsc-1045532871')]).toEqual([true, false, false]);
    const vn = shopeeCatalog.shopsOfPage(new URL('https://banhang.shopee.vn/portal/sale/order'));
    expect([vn('shopee:vn'), vn('shopee:br')]).toEqual([true, false]);
    const cnsc = shopeeCatalog.shopsOfPage(new URL('https://seller.shopee.cn/portal/sale/order?cnsc_shop_id=1045532871'));
    expect([cnsc('shopee:cnsc-1045532871'), cnsc('shopee:cnsc-77'), cnsc('shopee:br')]).toEqual([true, true, false]);
  });
});

