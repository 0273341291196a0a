// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { hasTimeOfDay, itemFrom, orderNumberFrom, parseAmount, parseDate, statusFromText } from './values';

describe('parseAmount', () => {
  it.each([
    ['$1,234.56', 'USD', 'en-US', 123456],
    ['$45.00', 'USD', 'en-US', 4500],
    ['R$ 1.234,56', 'BRL', 'pt-BR', 123456],
    ['R$\u00a065,85', 'BRL', 'pt-BR', 6585],
    ['1.234,56 €', 'EUR', 'de-DE', 123456],
    ['1\u202f234,50\u00a0€', 'EUR', 'fr-FR', 123450],
    ['￥1,234', 'JPY', 'ja-JP', 1234],
    ['¥8200', 'JPY', 'ja-JP', 8200],
    ['1.234.000 ₫', 'VND', 'vi-VN', 1234000],
    ['₫1.234', 'VND', 'vi-VN', 1234],
    ['Rp 150.000', 'IDR', 'id-ID', 150000],
    ['RM 12.50', 'MYR', 'ms-MY', 1250],
    ['฿1,250.00', 'THB', 'th-TH', 125000],
    ['CHF 1’234.50', 'CHF', 'de-CH', 123450],
    ['KWD 1.250', 'KWD', 'en-US', 1250],
  ])('%s (%s, %s) is %i minor units', (text, currency, locale, minor) => {
    expect(parseAmount(text, currency, locale)).toBe(minor);
  });

  it('takes the decimal separator from the digits where the locale tag is wrong', () => {
    expect(parseAmount('45.00', 'EUR', 'de-DE')).toBe(4500);
    expect(parseAmount('45,00', 'USD', 'en-US')).toBe(4500);
    // Three digits after the only separator of a two-decimal currency can only be grouping.
    expect(parseAmount('$1.234', 'USD', 'en-US')).toBe(123400);
  });

  it('reads the number next to the currency sign where the text has several', () => {
    expect(parseAmount('Total (2 items): $45.00', 'USD', 'en-US')).toBe(4500);
    expect(parseAmount('3 itens · R$ 99,90', 'BRL', 'pt-BR')).toBe(9990);
  });

  it('keeps a minus written against the amount, not a dash before it', () => {
    expect(parseAmount('-$12.00', 'USD', 'en-US')).toBe(-1200);
    expect(parseAmount('Total - $45.00', 'USD', 'en-US')).toBe(4500);
  });

  it('refuses no amount and amounts above 10^12 minor units, and survives a locale Intl rejects', () => {
    expect(parseAmount('free', 'USD', 'en-US')).toBeUndefined();
    expect(parseAmount('$99,999,999,999,999', 'USD', 'en-US')).toBeUndefined();
    expect(parseAmount('12,50', 'EUR', 'not a locale!!')).toBe(1250);
  });
});

describe('parseDate', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it.each([
    ['11/28/2026', 'en-US', '2026-11-28T00:00:00.000Z'],
    ['11/28/2026 2:05 PM', 'en-US', '2026-11-28T14:05:00.000Z'],
    ['12:30 AM 11/28/2026', 'en-US', '2026-11-28T00:30:00.000Z'],
    ['28/11/2026 14:05', 'en-GB', '2026-11-28T14:05:00.000Z'],
    ['28/11/2026', 'pt-BR', '2026-11-28T00:00:00.000Z'],
    ['03/11/2026', 'pt-BR', '2026-11-03T00:00:00.000Z'],
    ['03/11/2026', 'en-US', '2026-03-11T00:00:00.000Z'],
    ['28-11-26', 'id-ID', '2026-11-28T00:00:00.000Z'],
    ['28.11.2026 14:05', 'de-DE', '2026-11-28T14:05:00.000Z'],
    ['2026/11/28 14:05', 'ja-JP', '2026-11-28T14:05:00.000Z'],
    ['2026年11月28日 14:05', 'zh-CN', '2026-11-28T14:05:00.000Z'],
    ['2026/11/28 下午2:05', 'zh-TW', '2026-11-28T14:05:00.000Z'],
    ['Nov 28, 2026', 'en-US', '2026-11-28T00:00:00.000Z'],
    ['Sat, 28 November 2026, 9:15 pm', 'en-GB', '2026-11-28T21:15:00.000Z'],
    ['28 de novembro de 2026 14:05', 'pt-BR', '2026-11-28T14:05:00.000Z'],
    ['sábado, 28 de noviembre de 2026', 'es-ES', '2026-11-28T00:00:00.000Z'],
    ['28 Mei 2026', 'id-ID', '2026-05-28T00:00:00.000Z'],
    ['28 tháng 11, 2026', 'vi-VN', '2026-11-28T00:00:00.000Z'],
    // Thai dates count years in the Buddhist era (2569 = 2026).
    ['28 พฤศจิกายน 2569 14:05', 'th-TH', '2026-11-28T14:05:00.000Z'],
  ])('%s (%s) is %s', (text, locale, iso) => {
    expect(parseDate(text, locale, now)).toBe(iso);
  });

  it('reads ISO strings and datetime attributes with their offset', () => {
    expect(parseDate('2026-11-28T14:05:00+00:00', 'en-US', now)).toBe('2026-11-28T14:05:00.000Z');
    expect(parseDate('2026-11-28T11:05:00-03:00', 'pt-BR', now)).toBe('2026-11-28T14:05:00.000Z');
    expect(parseDate('2026-11-28T14:05:00.123456Z', 'en', now)).toBe('2026-11-28T14:05:00.000Z');
    expect(parseDate('2026-11-28 14:05', 'en', now)).toBe('2026-11-28T14:05:00.000Z');
    expect(parseDate('2026-11-28', 'en', now)).toBe('2026-11-28T00:00:00.000Z');
  });

  it('reads epoch seconds and milliseconds written as digits', () => {
    expect(parseDate('1795874700', 'en', now)).toBe('2026-11-28T14:05:00.000Z');
    expect(parseDate('1795874700000', 'en', now)).toBe('2026-11-28T14:05:00.000Z');
  });

  it('applies a zone where the page prints one, and takes none as UTC', () => {
    expect(parseDate('Nov 28, 2026 8:04 PM PST', 'en-US', now)).toBe('2026-11-29T04:04:00.000Z');
    expect(parseDate('28/11/2026 21:05 GMT+7', 'en-GB', now)).toBe('2026-11-28T14:05:00.000Z');
    expect(parseDate('28/11/2026 21:05', 'en-GB', now)).toBe('2026-11-28T21:05:00.000Z');
  });

  it('gives a date without a year the latest such day not after now', () => {
    expect(parseDate('Nov 28', 'en-US', now)).toBe('2026-11-28T00:00:00.000Z');
    expect(parseDate('Dec 25, 10:00', 'en-US', now)).toBe('2025-12-25T10:00:00.000Z');
    expect(parseDate('11月28日', 'zh-CN', now)).toBe('2026-11-28T00:00:00.000Z');
  });

  it('reads today and yesterday', () => {
    expect(parseDate('Today, 10:00', 'en-US', now)).toBe('2026-12-01T10:00:00.000Z');
    expect(parseDate('ontem 23:10', 'pt-BR', now)).toBe('2026-11-30T23:10:00.000Z');
    expect(parseDate('昨天 08:00', 'zh-CN', now)).toBe('2026-11-30T08:00:00.000Z');
  });

  it('refuses impossible and implausible dates', () => {
    expect(parseDate('31/02/2026', 'en-GB', now)).toBeUndefined();
    expect(parseDate('1999-12-31', 'en', now)).toBeUndefined();
    expect(parseDate('2028-01-01', 'en', now)).toBeUndefined();
    expect(parseDate('Processing', 'en', now)).toBeUndefined();
    expect(parseDate('', 'en', now)).toBeUndefined();
  });
});

describe('hasTimeOfDay', () => {
  it('tells a date with a time from a date alone', () => {
    expect(hasTimeOfDay('2026-11-28T14:05:00Z')).toBe(true);
    expect(hasTimeOfDay('28/11/2026 14:05')).toBe(true);
    expect(hasTimeOfDay('Nov 28, 2026')).toBe(false);
    expect(hasTimeOfDay('28/11/2026')).toBe(false);
  });
});

describe('statusFromText', () => {
  it.each([
    // WooCommerce's labels and slugs
    ['Pending payment', 'unpaid'],
    ['Processing', 'processing'],
    ['On hold', 'unpaid'],
    ['Completed', 'completed'],
    ['Cancelled', 'cancelled'],
    ['Refunded', 'refunded'],
    ['Failed', 'cancelled'],
    ['status-processing', 'processing'],
    ['wc-completed', 'completed'],
    ['wc-on-hold', 'unpaid'],
    ['order-status status-pending tips', 'unpaid'],
    // en
    ['Unshipped', 'paid'],
    ['Shipped', 'shipped'],
    ['Delivered', 'delivered'],
    ['Partially refunded', 'refunded'],
    ['Return requested', 'returned'],
    // pt
    ['Aguardando pagamento', 'unpaid'],
    ['Não pago', 'unpaid'],
    ['Pago', 'paid'],
    ['Em trânsito', 'shipped'],
    ['Entregue', 'delivered'],
    ['Concluído', 'completed'],
    ['Cancelado', 'cancelled'],
    ['Reembolsado', 'refunded'],
    // es
    ['Pendiente de pago', 'unpaid'],
    ['No enviado', 'paid'],
    ['Enviado', 'shipped'],
    ['Entregado', 'delivered'],
    // id, ms
    ['Belum Bayar', 'unpaid'],
    ['Perlu Dikirim', 'paid'],
    ['Dikirim', 'shipped'],
    ['Selesai', 'completed'],
    ['Dibatalkan', 'cancelled'],
    ['Untuk Dihantar', 'paid'],
    // vi
    ['Chờ thanh toán', 'unpaid'],
    ['Đang giao', 'shipped'],
    ['Đã giao', 'delivered'],
    ['Đã hủy', 'cancelled'],
    // zh-CN, zh-TW
    ['待付款', 'unpaid'],
    ['待发货', 'paid'],
    ['已发货', 'shipped'],
    ['運送中', 'shipped'],
    ['已完成', 'completed'],
    ['已取消', 'cancelled'],
    ['退貨/退款', 'refunded'],
    // th
    ['ที่ต้องจัดส่ง', 'paid'],
    ['ยกเลิกแล้ว', 'cancelled'],
  ])('%s → %s', (text, status) => {
    expect(statusFromText(text)).toBe(status);
  });

  it('leaves drafts and unknown words unmapped', () => {
    expect(statusFromText('Draft')).toBeUndefined();
    expect(statusFromText('wc-checkout-draft')).toBeUndefined();
    expect(statusFromText('Awaiting review')).toBeUndefined();
    expect(statusFromText('')).toBeUndefined();
  });

  it('matches whole words in Latin scripts', () => {
    expect(statusFromText('Incomplete')).toBeUndefined();
    expect(statusFromText('Unpaid')).toBe('unpaid');
  });
});

describe('orderNumberFrom', () => {
  it.each([
    ['#1234', '1234'],
    ['Order #1234', '1234'],
    ['No. 2026-0042', '2026-0042'],
    ['Pedido 1234', '1234'],
    ['Order#77', '77'],
    ['#A-1001', 'A-1001'],
    ['注文番号：250101ABC', '250101ABC'],
    ['(#5001)', '5001'],
  ])('%s → %s', (text, number) => {
    expect(orderNumberFrom(text)).toBe(number);
  });

  it('is undefined without a digit or for an absurdly long token', () => {
    expect(orderNumberFrom('Order')).toBeUndefined();
    expect(orderNumberFrom('1'.repeat(101))).toBeUndefined();
  });
});

describe('itemFrom', () => {
  it.each([
    ['2 × Blue mug', 'Blue mug', 2],
    ['2x Blue mug', 'Blue mug', 2],
    ['Blue mug x 2', 'Blue mug', 2],
    ['Blue mug ×3', 'Blue mug', 3],
    ['Blue mug (×2)', 'Blue mug', 2],
    ['Blue mug (x 4)', 'Blue mug', 4],
    ['Blue mug – Qty: 3', 'Blue mug', 3],
    ['Blue mug', 'Blue mug', 1],
    // A dimension is part of the title.
    ['Box 20x30', 'Box 20x30', 1],
    ['Box 20×30', 'Box 20×30', 1],
    ['  Caneca   azul  x 2 ', 'Caneca azul', 2],
  ])('%s → %s × %i', (text, title, quantity) => {
    expect(itemFrom(text)).toEqual({ title, quantity });
  });
});
