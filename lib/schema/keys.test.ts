import { describe, expect, it } from 'vitest';
import { buyerKeyFor, isInShop, isOfAdapter, partsOfKey } from './keys';

describe('keys', () => {
  it('tell a shop’s marketplace from its key, and no marketplace whose id merely starts the same', () => {
    expect(isOfAdapter('shopee:br', 'shopee')).toBe(true);
    expect(isOfAdapter('shopee:br:73229651', 'shopee')).toBe(true);
    expect(isOfAdapter('shopee-x:br', 'shopee')).toBe(false);
    expect(isOfAdapter('amazon:amazon.com', 'shopee')).toBe(false);
  });

  it('build a buyer key in its shop that parses back into the shop and the platform’s id', () => {
    const key = buyerKeyFor('amazon:amazon.com', 'A1B2:C3');
    expect(key).toBe('amazon:amazon.com:A1B2:C3');
    expect(isInShop(key, 'amazon:amazon.com')).toBe(true);
    expect(partsOfKey(key)).toEqual({ adapterId: 'amazon', shopKey: 'amazon:amazon.com', id: 'A1B2:C3' });
  });
});
