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
 */
export const DOLLAR_SCALE: Readonly<Record<string, number>> = {
  USD: 1, EUR: 1, GBP: 1, CAD: 1.4, AUD: 1.5, SGD: 1.3, BRL: 5, MYR: 4.5, PLN: 4, AED: 3.7, SAR: 3.8, MXN: 18, THB: 35,
  PHP: 56, TWD: 32, INR: 83, TRY: 32, EGP: 48, SEK: 10, JPY: 150, CNY: 7, IDR: 16000, VND: 25000, COP: 4000, CLP: 950,
};

export function monetaryCutoffs(settings: RfmSettings, shopKey: string, currency: string | undefined): [number, number, number, number] {
  const set = settings.thresholds.monetaryByShop[shopKey];
  if (set) return set;
  const scale = (currency && DOLLAR_SCALE[currency]) || 1;
  return [50, 150, 400, 1000].map((v) => v * scale) as [number, number, number, number];
}
