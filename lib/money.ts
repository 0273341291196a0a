/**
 * ISO 4217 minor-unit exponents of the currencies of the consoles BuyerLens reads, as CLDR 48 gives
 * them (money.test.ts checks them against the runtime's Intl). Known up front because a page's first
 * Intl.NumberFormat loads ICU's currency data, 17–24 ms in Chromium, which a content script would
 * otherwise pay inside its first capture.
 */
export const CONSOLE_CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
  BRL: 2, MYR: 2, PHP: 2, SGD: 2, THB: 2, TWD: 2, IDR: 0, VND: 0, MXN: 2, COP: 0, CLP: 0,
  USD: 2, CAD: 2, GBP: 2, EUR: 2, SEK: 2, PLN: 2, TRY: 2, AED: 2, SAR: 2, EGP: 2, INR: 2, JPY: 0, AUD: 2,
};

/** ISO 4217 minor-unit exponent (JPY 0, USD 2, …); other currencies from the runtime's CLDR data. */
const exponents = new Map<string, number>(Object.entries(CONSOLE_CURRENCY_EXPONENTS));

/**
 * Digits after the decimal point in the currency (BRL 2, JPY 0). Asked once per currency: building
 * an Intl.NumberFormat costs tens of microseconds, and captures and exports ask per row.
 */
export function minorExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

/** An exact decimal string ("25.23", "1234", "-0.5") in minor units of the currency. */
export function decimalToMinor(value: string, currency: string): number | undefined {
  const match = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/.exec(value);
  if (!match) return undefined;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const exp = minorExponent(currency);
  const padded = (fraction + '0'.repeat(exp)).slice(0, exp);
  const roundUp = fraction.length > exp && Number(fraction[exp]) >= 5;
  const minor = Number(whole) * 10 ** exp + Number(padded || '0') + (roundUp ? 1 : 0);
  return sign === '-' ? -minor : minor;
}

/** A JSON number amount (Amazon `{"Amount": 16.98}`) in minor units. */
export function amountToMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorExponent(currency));
}

/** Shopee sends money as an integer ×100000 of the currency unit (R$ 65,85 → 6584736). */
export function shopeeMoneyToMinor(value: number, currency: string): number {
  return Math.round((value * 10 ** minorExponent(currency)) / 100000);
}

/**
 * An amount as a console renders it: "R$ 65,85", "₫1.234.000", "$1,234.56", "￥8,200", "1 234,50 €".
 * The last separator is decimal only when followed by exactly as many digits as the currency has
 * minor units.
 */
export function moneyTextToMinor(text: string, currency: string): number | undefined {
  const cleaned = text.replace(/[^\d.,\s'’-]/g, '').trim();
  const digitsAndSeparators = cleaned.replace(/[\s'’]/g, '');
  if (!/\d/.test(digitsAndSeparators)) return undefined;
  const negative = /^-/.test(digitsAndSeparators) || /-\s*\D*\d/.test(text.trim().slice(0, 3));
  const body = digitsAndSeparators.replace(/-/g, '');
  const exp = minorExponent(currency);
  const lastSep = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  let whole = body;
  let fraction = '';
  if (lastSep >= 0 && exp > 0 && body.length - lastSep - 1 === exp) {
    whole = body.slice(0, lastSep);
    fraction = body.slice(lastSep + 1);
  }
  whole = whole.replace(/[.,]/g, '');
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) return undefined;
  const minor = Number(whole || '0') * 10 ** exp + Number((fraction + '0'.repeat(exp)).slice(0, exp) || '0');
  return negative ? -minor : minor;
}
