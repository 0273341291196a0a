import { describe, expect, it } from 'vitest';
import { defaultRfmSettings, DOLLAR_SCALE, monetaryCutoffs } from './settings';

describe('default RFM monetary cut-offs', () => {
  it('know what a dollar is in every currency the runtime knows, so a console selling in a new one needs no edit', () => {
    for (const currency of Intl.supportedValuesOf('currency')) expect(DOLLAR_SCALE[currency], `lib/rfm/settings.ts DOLLAR_SCALE: what a US dollar is in ${currency}`).toBeGreaterThan(0);
    expect(Object.keys(DOLLAR_SCALE).filter((c) => !Intl.supportedValuesOf('currency').includes(c)), 'codes Intl does not know').toEqual([]);
  });

  it('scale the dollar defaults to the shop’s currency, unless the shop has its own', () => {
    const settings = defaultRfmSettings();
    expect(monetaryCutoffs(settings, 'shopee:br', 'BRL')).toEqual([250, 750, 2000, 5000]);
    expect(monetaryCutoffs(settings, 'site:shop.example.kr', 'KRW')).toEqual([70_000, 210_000, 560_000, 1_400_000]);
    settings.thresholds.monetaryByShop['shopee:br'] = [10, 20, 30, 40];
    expect(monetaryCutoffs(settings, 'shopee:br', 'BRL')).toEqual([10, 20, 30, 40]);
  });
});
