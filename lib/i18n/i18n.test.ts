import { describe, expect, it } from 'vitest';
import { en } from './en';
import { createTranslator, resolveLanguage } from './i18n';
import { zhCN } from './zh-CN';

describe('i18n', () => {
  it('has every English string in Chinese, and no placeholder lost', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zhCN[key], key).toBeTruthy();
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('follows the browser language unless the user chose one', () => {
    expect(resolveLanguage('auto', ['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(resolveLanguage('auto', ['zh-TW'])).toBe('zh-CN');
    expect(resolveLanguage('auto', ['pt-BR', 'en'])).toBe('en');
    expect(resolveLanguage('auto', ['pt-BR'])).toBe('en');
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
  });

  it('formats money from minor units in the buyer’s currency', () => {
    const en = createTranslator('en');
    expect(en.money(8153, 'BRL')).toBe('R$81.53');
    expect(en.money(4900, 'JPY')).toBe('¥4,900');
    expect(createTranslator('zh-CN').money(4748, 'USD')).toBe('US$47.48');
  });

  it('interpolates and pluralises', () => {
    const en = createTranslator('en');
    expect(en.plural('stats.ordersCount', 1)).toBe('1 order');
    expect(en.plural('stats.ordersCount', 12)).toBe('12 orders');
    expect(createTranslator('zh-CN').plural('stats.ordersCount', 12)).toBe('12 单');
    expect(en.t('search.noResults', { query: 'ana' })).toBe('No buyer matches “ana”.');
  });

  it('says how long ago', () => {
    const now = Date.UTC(2026, 10, 23);
    expect(createTranslator('en').relative(new Date(now - 3 * 86_400_000).toISOString(), now)).toBe('3 days ago');
    expect(createTranslator('zh-CN').relative(new Date(now - 3 * 86_400_000).toISOString(), now)).toBe('3天前');
    expect(createTranslator('en').relative(new Date(now - 20_000).toISOString(), now)).toBe('just now');
    expect(createTranslator('zh-CN').relative(new Date(now - 20_000).toISOString(), now)).toBe('刚刚');
    expect(createTranslator('en').relative(new Date(now - 5 * 60_000).toISOString(), now)).toBe('5 minutes ago');
    expect(createTranslator('en').relative(new Date(now - 3 * 3_600_000).toISOString(), now)).toBe('3 hours ago');
  });
});
