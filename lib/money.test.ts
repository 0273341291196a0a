import { describe, expect, it } from 'vitest';
import { amountToMinor, decimalToMinor, minorExponent, moneyTextToMinor } from './money';

describe('money', () => {
  it('knows minor units per currency', () => {
    expect(minorExponent('USD')).toBe(2);
    expect(minorExponent('JPY')).toBe(0);
    expect(minorExponent('VND')).toBe(0);
    expect(minorExponent('BRL')).toBe(2);
    expect(minorExponent('KWD')).toBe(3);
  });

  it('knows every currency as the runtime’s CLDR data gives it', () => {
    for (const currency of Intl.supportedValuesOf('currency')) {
      const cldr = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
      expect(minorExponent(currency), currency).toBe(cldr);
    }
  });

  it('reads exact decimal strings', () => {
    expect(decimalToMinor('25.23', 'MYR')).toBe(2523);
    expect(decimalToMinor('81.5', 'BRL')).toBe(8150);
    expect(decimalToMinor('1200', 'JPY')).toBe(1200);
    expect(decimalToMinor('0.105', 'USD')).toBe(11);
    expect(decimalToMinor('12,50', 'BRL')).toBeUndefined();
  });

  it('reads JSON number amounts without float drift', () => {
    expect(amountToMinor(16.98, 'USD')).toBe(1698);
    expect(amountToMinor(0.29, 'USD')).toBe(29);
    expect(amountToMinor(4900, 'JPY')).toBe(4900);
  });

  it.each([
    ['R$ 65,85', 'BRL', 6585],
    ['R$1.234,56', 'BRL', 123456],
    ['$1,234.56', 'USD', 123456],
    ['￥4,900', 'JPY', 4900],
    ['₫1.234.000', 'VND', 1234000],
    ['1 234,50 €', 'EUR', 123450],
    ['-$5.00', 'USD', -500],
    ['RM25.23', 'MYR', 2523],
  ] as const)('reads %s as %s', (text, currency, minor) => {
    expect(moneyTextToMinor(text, currency)).toBe(minor);
  });

  it('gives up on text without an amount', () => {
    expect(moneyTextToMinor('Grátis', 'BRL')).toBeUndefined();
  });
});
