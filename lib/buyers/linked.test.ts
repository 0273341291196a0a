import { describe, expect, it } from 'vitest';
import { emptyStats, type BuyerStats } from '../schema/records';
import { combinedFigures } from './linked';

const buyer = (stats: Partial<BuyerStats>) => ({ stats: { ...emptyStats(), ...stats } });

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe('combinedFigures: one person’s linked buyers together', () => {
  // One person in four shops: Shopee BR and TikTok BR in reais, Amazon US in dollars, and a Lazada
  // shop where they only looked (an unpaid order: no purchase, no currency).
  const group = [
    buyer({ orderCount: 3, paidOrderCount: 3, spentMinor: 14_738, currency: 'BRL', currencies: 1 }),
    buyer({ orderCount: 2, paidOrderCount: 2, spentMinor: 4_748, currency: 'USD', currencies: 1 }),
    buyer({ orderCount: 1, paidOrderCount: 1, spentMinor: 3_990, currency: 'BRL', currencies: 1 }),
    buyer({ orderCount: 1, unpaidCount: 1 }),
  ];

  it('counts every order and sums each currency apart, never one into another', () => {
    expect(combinedFigures(group)).toEqual({ orderCount: 7, spend: [{ currency: 'BRL', minor: 18_728 }, { currency: 'USD', minor: 4_748 }] });
  });

  it('is the same whichever buyer is open and whatever order the buyers and currencies arrive in', () => {
    const expected = combinedFigures(group);
    for (const order of permutations(group)) expect(combinedFigures(order)).toEqual(expected);
    // The USD buyer open first: the reais still come first, as they do from the BRL buyer.
    expect(combinedFigures([group[1]!, group[0]!]).spend.map((s) => s.currency)).toEqual(['BRL', 'USD']);
  });

  it('keeps a spend without a currency apart and last, and shows nothing spent for buyers without a purchase', () => {
    const noCurrency = buyer({ orderCount: 1, paidOrderCount: 1, spentMinor: 500 });
    for (const order of permutations([noCurrency, group[1]!, group[0]!])) {
      expect(combinedFigures(order).spend).toEqual([{ currency: 'BRL', minor: 14_738 }, { currency: 'USD', minor: 4_748 }, { minor: 500 }]);
    }
    expect(combinedFigures([group[3]!, buyer({ orderCount: 2 })])).toEqual({ orderCount: 3, spend: [{ minor: 0 }] });
  });
});
