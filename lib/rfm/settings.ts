import type { RfmSettings } from '../schema/rfm';

export const defaultRfmSettings = (): RfmSettings => ({
  windowDays: 365,
  map: 'rfm11',
  thresholds: { recencyDays: [30, 60, 120, 240], frequency: [2, 3, 5, 8], monetaryByShop: {} },
  cn8Reference: { kind: 'average' },
});

/**
 * Default M cut-offs when a shop has none set: [50, 150, 400, 1000] in US dollars, scaled by roughly
 * what a dollar buys in the shop's currency, so the same defaults make sense for VND and for EUR.
 * Every currency the runtime's Intl knows is here (settings.test.ts checks), as NON_DECIMAL_EXPONENTS
 * is in lib/money.ts, so a console selling in a new currency needs no edit here: rough 2024–25 rates
 * to two figures (the official one where there are two); a currency pegged to one this table scales
 * otherwise (EUR, GBP, INR) keeps its peg to it. Not an exchange rate: only where the defaults start.
 */
export const DOLLAR_SCALE: Readonly<Record<string, number>> = {
  AED: 3.7, AFN: 70, ALL: 92, AMD: 390, ANG: 1.8, AOA: 910, ARS: 1000, AUD: 1.5, AWG: 1.8, AZN: 1.7, BAM: 2, BBD: 2,
  BDT: 120, BGN: 2, BHD: 0.38, BIF: 2900, BMD: 1, BND: 1.3, BOB: 6.9, BRL: 5, BSD: 1, BTN: 83, BWP: 14, BYN: 3.3,
  BZD: 2, CAD: 1.4, CDF: 2800, CHF: 0.9, CLP: 950, CNY: 7, COP: 4000, CRC: 510, CUC: 1, CUP: 24, CVE: 110, CZK: 23,
  DJF: 180, DKK: 7.5, DOP: 60, DZD: 130, EGP: 48, ERN: 15, ETB: 130, EUR: 1, FJD: 2.3, FKP: 1, GBP: 1, GEL: 2.7,
  GHS: 12, GIP: 1, GMD: 70, GNF: 8600, GTQ: 7.7, GYD: 210, HKD: 7.8, HNL: 26, HRK: 7.5, HTG: 130, HUF: 360,
  IDR: 16_000, ILS: 3.7, INR: 83, IQD: 1300, IRR: 42_000, ISK: 140, JMD: 160, JOD: 0.71, JPY: 150, KES: 130, KGS: 87,
  KHR: 4100, KMF: 490, KPW: 900, KRW: 1400, KWD: 0.31, KYD: 0.83, KZT: 480, LAK: 21_000, LBP: 89_000, LKR: 300,
  LRD: 190, LSL: 18, LYD: 5.4, MAD: 9.5, MDL: 18, MGA: 4500, MKD: 62, MMK: 2100, MNT: 3400, MOP: 8, MRU: 40, MUR: 46,
  MVR: 15, MWK: 1700, MXN: 18, MYR: 4.5, MZN: 64, NAD: 18, NGN: 1500, NIO: 37, NOK: 11, NPR: 130, NZD: 1.7,
  OMR: 0.38, PAB: 1, PEN: 3.7, PGK: 4, PHP: 56, PKR: 280, PLN: 4, PYG: 7800, QAR: 3.6, RON: 4.6, RSD: 110, RUB: 90,
  RWF: 1400, SAR: 3.8, SBD: 8.4, SCR: 14, SDG: 600, SEK: 10, SGD: 1.3, SHP: 1, SLE: 23, SLL: 23_000, SOS: 570,
  SRD: 36, SSP: 4500, STN: 25, SVC: 8.8, SYP: 13_000, SZL: 18, THB: 35, TJS: 10, TMT: 3.5, TND: 3.1, TOP: 2.4,
  TRY: 32, TTD: 6.8, TWD: 32, TZS: 2600, UAH: 41, UGX: 3700, USD: 1, UYU: 40, UZS: 12_500, VES: 100, VND: 25_000,
  VUV: 120, WST: 2.7, XAF: 660, XCD: 2.7, XCG: 1.8, XDR: 0.75, XOF: 660, XPF: 120, XSU: 0.8, YER: 530, ZAR: 18,
  ZMW: 27, ZWG: 27, ZWL: 25_000,
};

export function monetaryCutoffs(settings: RfmSettings, shopKey: string, currency: string | undefined): [number, number, number, number] {
  const set = settings.thresholds.monetaryByShop[shopKey];
  if (set) return set;
  const scale = (currency && DOLLAR_SCALE[currency]) || 1;
  return [50, 150, 400, 1000].map((v) => v * scale) as [number, number, number, number];
}
