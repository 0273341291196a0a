import { parseConsoleDate } from '../adapters/dates';
import { decimalToMinor, minorExponent, moneyTextToMinor } from '../money';
import type { OrderStatus } from '../schema/common';
import { MAX_AMOUNT_MINOR } from '../schema/recipe-fields';

/**
 * A taught recipe reads raw strings (lib/recipes/infer.ts, json-match.ts); these turn them into an
 * order's values, with the page's locale (BCP 47) and the currency the seller confirmed. Every
 * function here takes untrusted page text and answers undefined rather than guessing wildly.
 */

// ---------------------------------------------------------------------------------------------
// Amounts

/** A number as printed: digits with group/decimal separators; a space groups only before 3 digits ("1 234,50"). */
const NUMBER_RUN = /\d+(?:(?:[.,'’٬٫]|\s(?=\d{3}(?!\d)))\d+)*/gu;

const decimalCache = new Map<string, string | null>();

/** The locale's decimal separator ("," for pt-BR, "." for en-US); null for a tag Intl rejects. */
function decimalSeparatorOf(locale: string): string | null {
  let cached = decimalCache.get(locale);
  if (cached !== undefined) return cached;
  try {
    cached = new Intl.NumberFormat(locale).formatToParts(1.1).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    cached = null;
  }
  decimalCache.set(locale, cached);
  return cached;
}

/**
 * Of several numbers ("Total (2 items): $45.00"), the one printed next to a currency sign or code;
 * else the first. Returns the run's text.
 */
function amountRun(text: string, currency: string): string | undefined {
  const runs = [...text.matchAll(NUMBER_RUN)];
  if (runs.length <= 1) return runs[0]?.[0];
  const code = currency.replace(/[^A-Za-z]/g, '');
  const marker = new RegExp(`\\p{Sc}|Rp|RM|kr|zł|Kč|Ft|руб|đ${code ? `|${code}` : ''}`, 'iu');
  for (const run of runs) {
    const start = run.index;
    const before = text.slice(Math.max(0, start - 4), start);
    const after = text.slice(start + run[0].length, start + run[0].length + 4);
    if (marker.test(before) || marker.test(after)) return run[0];
  }
  return runs[0]![0];
}

/**
 * Which separator in a number run is the decimal point, if any; the digits decide where they can, the
 * locale only where they leave it open. Both kinds present: the last one ("1.234,56", "1,234.56").
 * One kind, repeated: grouping. One kind, once: a decimal point unless three digits follow; three
 * digits after it are grouping for a currency with two decimals or none ("$1.234" on a page whose
 * locale tag is wrong, "¥1.234"), and for one with three (KWD) what the locale says.
 */
function decimalIndex(run: string, exp: number, localeDecimal: string | null): number {
  const dots = run.split('.').length - 1;
  const commas = run.split(',').length - 1;
  if (dots > 0 && commas > 0) return Math.max(run.lastIndexOf('.'), run.lastIndexOf(','));
  if (dots + commas !== 1) return -1;
  const sep = dots ? '.' : ',';
  const at = run.indexOf(sep);
  if (run.length - at - 1 !== 3) return at;
  if (exp !== 3) return -1;
  return sep === (localeDecimal ?? '.') ? at : -1;
}

/**
 * An amount as the page prints it ("R$ 1.234,56", "1.234.000 ₫", "$1,234.56", "￥8,200") in minor
 * units of the currency; symbols and codes are ignored, the currency is the seller's word.
 * Undefined where no amount is found or it exceeds MAX_AMOUNT_MINOR.
 */
export function parseAmount(text: string, currency: string, locale: string): number | undefined {
  // NFKC: full-width digits and signs (CJK consoles), no-break spaces as plain ones.
  const normalized = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const run = amountRun(normalized, currency);
  let minor: number | undefined;
  if (run !== undefined) {
    const digits = run.replace(/[\s'’٬]/g, '').replace(/٫/g, '.');
    const at = decimalIndex(digits, minorExponent(currency), decimalSeparatorOf(locale));
    const whole = (at < 0 ? digits : digits.slice(0, at)).replace(/[.,]/g, '');
    const fraction = at < 0 ? '' : digits.slice(at + 1);
    minor = decimalToMinor(fraction ? `${whole}.${fraction}` : whole, currency);
    const start = normalized.indexOf(run);
    // A minus right before the number or its sign ("-$45.00", "$-45.00"); "Total - $45" is not one.
    if (minor !== undefined && /[-−]\p{Sc}?$/u.test(normalized.slice(Math.max(0, start - 2), start))) minor = -minor;
  }
  minor ??= moneyTextToMinor(normalized, currency);
  if (minor === undefined || !Number.isFinite(minor) || Math.abs(minor) > MAX_AMOUNT_MINOR) return undefined;
  return minor;
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
const MIN_MS = Date.UTC(2000, 0, 1);

/** Plausible order dates: from 2000 to a year ahead of now (a clock or zone off by a little is fine). */
function plausibleIso(ms: number, now: Date): string | undefined {
  return Number.isFinite(ms) && ms >= MIN_MS && ms <= now.getTime() + 366 * DAY_MS ? new Date(ms).toISOString() : undefined;
}

/** "Z", "+07:00", "-0300", "UTC+7", "GMT" as minutes east of UTC; undefined for none. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const m = /([+\-−])(\d{1,2})(?::?(\d{2}))?/.exec(zone);
  if (!m) return /^(?:z|utc|gmt)$/i.test(zone.trim()) ? 0 : undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '+' ? minutes : -minutes;
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s?: number;
  offset?: number;
}

/** The instant, or undefined where a part is out of range (31/02 rolls over in Date.UTC: refused). */
function partsToMs({ y, mo, d, h, mi, s = 0, offset = 0 }: Parts): number | undefined {
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 61)) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59));
  if (new Date(ms).getUTCDate() !== d) return undefined;
  return ms - offset * 60_000;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function isoToMs(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  return partsToMs({ y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0), offset: offsetMinutes(m[7]) ?? 0 });
}

/** Epoch seconds or milliseconds written as digits only (a JSON value read as a string). */
function epochToMs(text: string): number | undefined {
  if (/^\d{10}(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (/^\d{13}$/.test(text)) return Number(text);
  return undefined;
}

/** A time of day, with an optional am/pm marker (en, zh, ja, ko, vi) and zone after it. */
const TIME = /(\d{1,2})[:h時时](\d{2})(?![\d/.-]\d)(?:[:分](\d{2}))?(?:\s*(a\.?\s?m\.?|p\.?\s?m\.?)(?![\p{L}]))?(?:\s*((?:UTC|GMT)\s*(?:[+\-−]\d{1,2}(?::?\d{2})?)?|[+\-−]\d{2}:?\d{2}))?/iu;
const PM_MARKER = /下午|午後|오후|\bCH\b|\bp\.?\s?m\b/iu;
const AM_MARKER = /上午|午前|오전|\bSA\b|\ba\.?\s?m\b/iu;

interface TimeOfDay {
  h: number;
  mi: number;
  s: number;
  offset?: number;
  rest: string;
}

/** The time in the text, and the text without it (and without its am/pm words). */
function timeOf(text: string): TimeOfDay {
  const m = TIME.exec(text);
  if (!m) return { h: 0, mi: 0, s: 0, rest: text };
  let h = Number(m[1]);
  const marker = m[4] ?? '';
  const pm = /^p/i.test(marker) || (!marker && PM_MARKER.test(text));
  const am = /^a/i.test(marker) || (!marker && AM_MARKER.test(text));
  if (pm || am) h = (h % 12) + (pm ? 12 : 0);
  const rest = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).replace(/上午|下午|午前|午後|오전|오후/g, ' ');
  return { h, mi: Number(m[2]), s: Number(m[3] ?? 0), offset: offsetMinutes(m[5]), rest };
}

type DatePart = 'day' | 'month' | 'year';
const orderCache = new Map<string, DatePart[]>();

/** The order the locale writes a numeric date in: en-US month-day-year, en-GB day-month-year, zh year-month-day. */
function numericOrder(locale: string): DatePart[] {
  let order = orderCache.get(locale);
  if (order) return order;
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(Date.UTC(2026, 10, 28));
    order = parts.map((p) => p.type).filter((t): t is DatePart => t === 'day' || t === 'month' || t === 'year');
  } catch {
    order = [];
  }
  // Most of the world writes day first: the default where Intl does not know the tag.
  if (order.length !== 3) order = ['day', 'month', 'year'];
  orderCache.set(locale, order);
  return order;
}

const monthCache = new Map<string, [string, number][]>();

const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Month names (long and short, standalone and in a date: "novembro", "nov.", "ноября") longest first. */
function monthNames(locale: string): [string, number][] {
  let names = monthCache.get(locale);
  if (names) return names;
  const table = new Map<string, number>();
  ENGLISH_MONTHS.forEach((name, i) => {
    table.set(name, i + 1);
    table.set(name.slice(0, 3), i + 1);
  });
  table.set('sept', 9);
  try {
    for (const month of ['long', 'short'] as const) {
      const standalone = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      const inDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month, timeZone: 'UTC' });
      for (let i = 0; i < 12; i++) {
        const at = Date.UTC(2026, i, 15);
        const forms = [standalone.format(at), inDate.formatToParts(at).find((p) => p.type === 'month')?.value ?? ''];
        for (const form of forms) {
          const name = form.toLowerCase().replace(/\.$/, '').trim();
          if (name && !/^\d+$/.test(name)) table.set(name, i + 1);
        }
      }
    }
  } catch {
    // An unknown locale: English names only.
  }
  names = [...table].sort((a, b) => b[0].length - a[0].length);
  monthCache.set(locale, names);
  return names;
}

const LETTER = /[\p{L}]/u;

/** The month named in the text, and the text without the name. */
function namedMonth(text: string, locale: string): { mo: number; rest: string } | undefined {
  const lower = text.toLowerCase();
  for (const [name, mo] of monthNames(locale)) {
    let at = lower.indexOf(name);
    while (at >= 0) {
      // Whole words only for alphabetic names: "mar" is not in "martes".
      const bounded = !LETTER.test(lower[at - 1] ?? '') && !(LETTER.test(name.at(-1)!) && LETTER.test(lower[at + name.length] ?? ''));
      if (bounded) return { mo, rest: text.slice(0, at) + ' ' + text.slice(at + name.length) };
      at = lower.indexOf(name, at + 1);
    }
  }
  return undefined;
}

/** A year as written: two digits are this century's; a Thai Buddhist-era year (2569) is 543 ahead. */
function fullYear(written: string, locale: string): number {
  const y = Number(written);
  if (written.length <= 2) return 2000 + y;
  return /^th\b/i.test(locale) && y > 2400 ? y - 543 : y;
}

/** A date with no year ("Nov 28", "11月28日") is the latest such day not in the future. */
function withYear(year: number | undefined, mo: number, d: number, now: Date): number {
  if (year !== undefined) return year;
  const y = now.getUTCFullYear();
  return Date.UTC(y, mo - 1, d) > now.getTime() + DAY_MS ? y - 1 : y;
}

interface Ymd {
  y: number | undefined;
  mo: number;
  d: number;
}

/** Y年M月D日 (zh, ja) and 2026년 11월 28일 (ko), year optional. */
function cjkDate(text: string): Ymd | undefined {
  const m = /(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]?/u.exec(text);
  return m ? { y: m[1] === undefined ? undefined : +m[1], mo: +m[2]!, d: +m[3]! } : undefined;
}

/** 11/28/2026, 28.11.2026, 2026/11/28, 28-11-26: year first when it has four digits, else the locale's order. */
function numericDate(text: string, locale: string): Ymd | undefined {
  const m = /(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})/.exec(text);
  if (!m) return undefined;
  const [a, b, c] = [m[1]!, m[3]!, m[4]!];
  if (a.length === 4) return { y: +a, mo: +b, d: +c };
  if (c.length !== 4 && c.length !== 2) return undefined;
  const y = fullYear(c, locale);
  // A number above 12 can only be the day, whatever the locale says.
  if (+a > 12) return { y, mo: +b, d: +a };
  if (+b > 12) return { y, mo: +a, d: +b };
  const dayFirst = numericOrder(locale).filter((p) => p !== 'year')[0] === 'day';
  return dayFirst ? { y, mo: +b, d: +a } : { y, mo: +a, d: +b };
}

/** "Nov 28, 2026", "28 de novembro de 2026", "28 tháng 11, 2026", "28 พฤศจิกายน 2569". */
function namedDate(text: string, locale: string): Ymd | undefined {
  const named = namedMonth(text, locale);
  if (!named) return undefined;
  const day = /(?<!\d)(\d{1,2})(?!\d)/.exec(named.rest);
  if (!day) return undefined;
  const year = /(?<!\d)(\d{4})(?!\d)/.exec(named.rest);
  return { y: year ? fullYear(year[1]!, locale) : undefined, mo: named.mo, d: +day[1]! };
}

const RELATIVE_DAYS: readonly [RegExp, number][] = [
  [/\b(?:today|hoje|hoy|hari ini|hôm nay)\b|今天|今日|오늘|วันนี้/iu, 0],
  [/\b(?:yesterday|ontem|ayer|kemarin|semalam|hôm qua)\b|昨天|昨日|어제|เมื่อวาน/iu, 1],
];

function relativeDate(text: string, now: Date): Ymd | undefined {
  for (const [words, daysAgo] of RELATIVE_DAYS) {
    if (!words.test(text)) continue;
    const day = new Date(now.getTime() - daysAgo * DAY_MS);
    return { y: day.getUTCFullYear(), mo: day.getUTCMonth() + 1, d: day.getUTCDate() };
  }
  return undefined;
}

/** A date as a page prints it in its locale, with an optional time; no zone printed means UTC. */
function localDateToMs(text: string, locale: string, now: Date): number | undefined {
  const time = timeOf(text);
  const date = cjkDate(time.rest) ?? numericDate(time.rest, locale) ?? namedDate(time.rest, locale) ?? relativeDate(time.rest, now);
  if (!date) return undefined;
  const y = withYear(date.y, date.mo, date.d, now);
  return partsToMs({ y, mo: date.mo, d: date.d, h: time.h, mi: time.mi, s: time.s, offset: time.offset ?? 0 });
}

/**
 * A date as ISO-8601 UTC: ISO strings and `datetime` attributes, epoch digits, the Seller Central
 * forms parseConsoleDate knows (with their zone abbreviations), and dates written the locale's way
 * (numeric in its order, month names in English or its own language, 年月日, am/pm). A date printed
 * without a zone is taken as UTC: the page does not say which zone it means, and the seller's
 * browser zone need not be the shop's. Undefined outside 2000 … a year from `now`.
 */
export function parseDate(text: string, locale: string, now: Date = new Date()): string | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!t || t.length > 200) return undefined;
  const exact = isoToMs(t) ?? epochToMs(t);
  if (exact !== undefined) return plausibleIso(exact, now);
  const console = parseConsoleDate(t);
  if (console) return plausibleIso(Date.parse(console), now);
  const ms = localDateToMs(t, locale, now);
  return ms === undefined ? undefined : plausibleIso(ms, now);
}

/** Whether the text shows a time of day, not a date alone (json-match compares those by day). */
export function hasTimeOfDay(text: string): boolean {
  const t = text.normalize('NFKC');
  return /T\d{2}:\d{2}/.test(t) || TIME.test(t) || /^\d{10}(?:\d{3})?$/.test(t.trim());
}

// ---------------------------------------------------------------------------------------------
// Statuses

/**
 * Status words of seller consoles (en, pt, es, id, ms, vi, zh-CN, zh-TW, th) and WooCommerce's
 * labels and slugs. Choices where consoles disagree:
 * - WooCommerce "On hold" waits for the seller to confirm payment (bank transfer, cheque): unpaid.
 * - WooCommerce "Failed" is a payment that failed or was declined; the order never went ahead: cancelled.
 * - WooCommerce "Draft" (checkout-draft) is no order yet: not mapped (undefined).
 * - A bare "pending" is awaiting payment, as in WooCommerce and Amazon (Lazada's item "pending" differs).
 * - "To ship" (paid, not yet packed) is paid, as on Shopee; "ready to ship" (packed) is processing.
 */
const STATUS_WORDS: Readonly<Record<Exclude<OrderStatus, 'unknown'>, readonly string[]>> = {
  unpaid: [
    'unpaid', 'not paid', 'pending payment', 'payment pending', 'awaiting payment', 'to pay', 'on hold', 'pending',
    'aguardando pagamento', 'pagamento pendente', 'não pago', 'nao pago', 'a pagar', 'pendiente de pago', 'no pagado', 'por pagar', 'pendiente',
    'belum bayar', 'belum dibayar', 'menunggu pembayaran', 'chờ thanh toán', 'chưa thanh toán',
    '待付款', '待支付', '未付款', '等待付款', '尚未付款', 'ยังไม่ชำระ', 'รอชำระเงิน', 'ที่ต้องชำระ',
  ],
  paid: [
    'paid', 'payment received', 'to ship', 'awaiting shipment', 'awaiting fulfillment', 'unshipped', 'not shipped', 'unfulfilled',
    'pago', 'paga', 'pagamento aprovado', 'a enviar', 'para enviar', 'aguardando envio', 'pagado', 'por enviar', 'no enviado',
    'sudah dibayar', 'telah dibayar', 'perlu dikirim', 'untuk dihantar', 'đã thanh toán', 'chờ lấy hàng', 'chờ giao hàng',
    '已付款', '已支付', '待发货', '待發貨', '待出货', '待出貨', 'ชำระแล้ว', 'ที่ต้องจัดส่ง', 'รอจัดส่ง',
  ],
  processing: [
    'processing', 'in progress', 'preparing', 'packing', 'packed', 'ready to ship',
    'em processamento', 'processando', 'em preparação', 'em separação', 'en proceso', 'procesando', 'en preparación',
    'diproses', 'sedang diproses', 'dikemas', 'đang xử lý', 'đang chuẩn bị hàng', '处理中', '處理中', '备货中', '備貨中', 'กำลังดำเนินการ', 'กำลังเตรียมสินค้า',
  ],
  shipped: [
    'shipped', 'shipping', 'in transit', 'out for delivery', 'dispatched', 'fulfilled',
    'enviado', 'enviada', 'em trânsito', 'em transporte', 'a caminho', 'despachado', 'en camino', 'en tránsito',
    'dikirim', 'sedang dikirim', 'dalam pengiriman', 'dalam penghantaran', 'telah dihantar', 'đang giao', 'đang giao hàng', 'đang vận chuyển', 'đã gửi hàng',
    '已发货', '已發貨', '已出货', '已出貨', '运送中', '運送中', '配送中', '待收货', '待收貨', 'กำลังจัดส่ง', 'จัดส่งแล้ว',
  ],
  delivered: [
    'delivered', 'entregue', 'entregado', 'terkirim', 'telah diterima', 'pesanan diterima', 'đã giao', 'đã giao hàng', 'giao hàng thành công',
    '已送达', '已送達', '已签收', '已簽收', 'จัดส่งสำเร็จ', 'ได้รับสินค้าแล้ว',
  ],
  completed: [
    'completed', 'complete', 'concluído', 'concluido', 'concluída', 'finalizado', 'completado', 'completada', 'selesai',
    'hoàn thành', 'đã hoàn thành', '已完成', '交易成功', '交易完成', 'สำเร็จแล้ว', 'เสร็จสมบูรณ์',
  ],
  cancelled: [
    'cancelled', 'canceled', 'failed', 'cancelado', 'cancelada', 'anulado', 'dibatalkan', 'batal', 'đã hủy', 'đã huỷ', 'hủy',
    '已取消', '取消', '交易关闭', '交易關閉', '不成立', 'ยกเลิก', 'ยกเลิกแล้ว',
  ],
  refunded: [
    'refunded', 'partially refunded', 'refund', 'return/refund', 'reembolsado', 'reembolsada', 'reembolso', 'devolução/reembolso', 'devolución/reembolso',
    'dana dikembalikan', 'pengembalian dana', 'bayaran balik', 'đã hoàn tiền', 'hoàn tiền', 'trả hàng/hoàn tiền',
    '已退款', '退款', '退货/退款', '退貨/退款', 'คืนเงินแล้ว', 'คืนเงิน', 'คืนเงิน/คืนสินค้า',
  ],
  returned: [
    'returned', 'return', 'devolvido', 'devolvida', 'devolução', 'devuelto', 'devolución', 'dikembalikan', 'dipulangkan',
    'trả hàng', 'đã trả hàng', '已退货', '已退貨', '退货', '退貨', 'คืนสินค้า',
  ],
};

/** Every word, longest first: "pending payment" before "pending", "no enviado" before "enviado". */
const STATUS_TABLE: readonly [string, OrderStatus][] = Object.entries(STATUS_WORDS)
  .flatMap(([status, words]) => words.map((word): [string, OrderStatus] => [word, status as OrderStatus]))
  .sort((a, b) => b[0].length - a[0].length);

const LATIN_EDGE = /[\p{Script=Latin}\d]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The word at `at` in the text, as a whole word where it is written in Latin letters. */
function wordAt(text: string, word: string, at: number): boolean {
  if (LATIN_EDGE.test(word[0]!) && WORD_CHAR.test(text[at - 1] ?? '')) return false;
  return !(LATIN_EDGE.test(word.at(-1)!) && WORD_CHAR.test(text[at + word.length] ?? ''));
}

/** The order status a console's word or slug ("Pending payment", "wc-on-hold", "已发货") names; undefined if none. */
export function statusFromText(text: string): OrderStatus | undefined {
  const t = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\b(?:wc|status|order-status)[-_](?=[a-z])/g, '')
    .replace(/(?<=[a-z])[-_](?=[a-z])/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t || t.length > 200) return undefined;
  for (const [word, status] of STATUS_TABLE) {
    for (let at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) if (wordAt(t, word, at)) return status;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Order numbers and items

/** The order number in "#1234", "Order #1234", "No. 2026-0042", "Pedido 1234": the first token with a digit. */
export function orderNumberFrom(text: string): string | undefined {
  for (const token of text.normalize('NFKC').split(/\s+/)) {
    if (!/\d/.test(token)) continue;
    // "Order#1234", "No.:2026-0042", "注文番号:250101": the part after the last label mark.
    const value = token.replace(/^.*[#:№]/u, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (/\d/.test(value) && value.length <= 100) return value;
  }
  return undefined;
}

const MAX_QUANTITY = 100_000;

/** An item line: "2 × Blue mug", "Blue mug x 2", "Blue mug (×2)", "Blue mug – Qty: 2", "Blue mug" (1). */
export function itemFrom(text: string): { title: string; quantity: number } {
  const t = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const forms: readonly [RegExp, number, number][] = [
    [/^(\d{1,6})\s*[×xX*]\s*(\D.*)$/u, 2, 1],
    [/^(.+?)\s*\(\s*[×xX*]\s*(\d{1,6})\s*\)$/u, 1, 2],
    [/^(.+?)\s*[,;·|–—-]?\s*(?:qty|quantity|qtd|cant|cantidad|jumlah|sl|số lượng|数量|จำนวน)\s*[:.]?\s*(\d{1,6})$/iu, 1, 2],
    // "Box 20x30" is a title: a bare x or × after a digit is a dimension, not a quantity.
    [/^(.+?)\s+[xX*×]\s*(\d{1,6})$/u, 1, 2],
    [/^(.*[^\d\s])\s*×\s*(\d{1,6})$/u, 1, 2],
  ];
  for (const [form, titleAt, quantityAt] of forms) {
    const m = form.exec(t);
    const quantity = Number(m?.[quantityAt]);
    const title = m?.[titleAt]?.trim();
    if (title && quantity >= 1 && quantity <= MAX_QUANTITY) return { title, quantity };
  }
  return { title: t, quantity: 1 };
}

const CURRENCY_SIGNS: readonly [RegExp, string][] = [
  [/R\$/, 'BRL'], [/RM/, 'MYR'], [/Rp/, 'IDR'], [/₫|VND/, 'VND'], [/฿|THB/, 'THB'], [/₱|PHP/, 'PHP'], [/€|EUR/, 'EUR'], [/£|GBP/, 'GBP'],
  [/¥|￥|CNY|RMB|元/, 'CNY'], [/NT\$|TWD/, 'TWD'], [/S\$|SGD/, 'SGD'], [/MX\$|MXN/, 'MXN'], [/₩|KRW/, 'KRW'], [/₹|INR/, 'INR'], [/\$|USD/, 'USD'],
];

/** The currency the page's amount text suggests, for the seller to confirm (never taken as given). */
export function currencyHintOf(text: string | undefined): string | undefined {
  return text === undefined ? undefined : CURRENCY_SIGNS.find(([sign]) => sign.test(text))?.[1];
}
