/**
 * Minor-unit exponents of every currency whose exponent is not 2, as CLDR 48 gives them (the
 * runtime's Intl; money.test.ts checks the table against every currency Intl knows). Known up front
 * because a page's first Intl.NumberFormat loads ICU's currency data, 17–24 ms in Chromium, which a
 * content script would otherwise pay inside its first capture; and complete, so that a console
 * selling in a new currency needs no edit here.
 */
export const NON_DECIMAL_EXPONENTS: Readonly<Record<string, number>> = {
  AFN: 0, ALL: 0, BHD: 3, BIF: 0, CLP: 0, COP: 0, DJF: 0, GNF: 0, HUF: 0, IDR: 0, IQD: 0, IRR: 0, ISK: 0,
  JOD: 3, JPY: 0, KMF: 0, KPW: 0, KRW: 0, KWD: 3, LAK: 0, LBP: 0, LYD: 3, MGA: 0, MMK: 0, OMR: 3, PKR: 0,
  PYG: 0, RWF: 0, SLL: 0, SOS: 0, SYP: 0, TND: 3, UGX: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0, YER: 0,
};

/**
 * Digits after the decimal point in the currency (BRL 2, JPY 0, KWD 3). Intl gives 2 for a code it
 * does not know, and so does this, also where no currency is known (a buyer with no purchase yet).
 */
export function minorExponent(currency: string | undefined): number {
  return (currency === undefined ? undefined : NON_DECIMAL_EXPONENTS[currency]) ?? 2;
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
