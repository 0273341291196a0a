import { describe, expect, it } from 'vitest';
import type { BuyerRecord, OrderRecord } from '../schema/records';
import { emptyStats } from '../schema/records';
import { buyerKinds, orderInFocus, orderStates } from './context';
import { DEFAULT_PACKS } from './packs';
import { rankTemplates, searchTemplates, type RankingContext } from './rank';
import { renderTemplate } from './render';
import { REPLY_CATEGORIES, replyTemplateFieldsSchema, type ReplyTemplateRecord } from '../schema/replies';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const day = (n: number) => new Date(NOW - n * 86_400_000).toISOString();

const library: ReplyTemplateRecord[] = DEFAULT_PACKS.flatMap((p) => p.templates).map((t) => ({
  ...t,
  useCount: 0,
  createdAt: day(30),
  updatedAt: day(30),
}));

const base: RankingContext = {
  languages: ['en'],
  marketplace: 'shopee',
  kinds: ['new'],
  segment: undefined,
  tagNames: [],
  orderStates: [],
  orderAgeDays: undefined,
  lastBuyerMessage: undefined,
};

function order(status: OrderRecord['status'], placedDaysAgo: number, key = 'shopee:br:1'): OrderRecord {
  return {
    orderKey: key,
    orderId: key.split(':')[2]!,
    adapterId: 'shopee',
    shopKey: 'shopee:br',
    buyerKey: 'shopee:br:b1',
    status,
    placedAt: day(placedDaysAgo),
    sortAt: day(placedDaysAgo),
    firstSeenAt: day(placedDaysAgo),
    updatedAt: day(placedDaysAgo),
  } as OrderRecord;
}

describe('default packs', () => {
  it('are valid templates whose variables all exist, in English and Chinese, covering every category', () => {
    for (const pack of DEFAULT_PACKS) {
      for (const t of pack.templates) {
        expect(replyTemplateFieldsSchema.safeParse(t).success, t.id).toBe(true);
        expect(renderTemplate(t.body, {}).unknown, t.id).toEqual([]);
      }
      const categories = new Set(pack.templates.map((t) => t.category));
      for (const c of REPLY_CATEGORIES.filter((c) => c !== 'other')) expect(categories.has(c), `${pack.id} ${c}`).toBe(true);
    }
    const ids = library.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('rankTemplates', () => {
  it('puts the payment reminder first for an unpaid order, with the reason', () => {
    const [first] = rankTemplates(library, { ...base, orderStates: ['unpaid'], orderAgeDays: 2 });
    expect(first?.template.category).toBe('payment-reminder');
    expect(first?.reason).toEqual({ kind: 'order', state: 'unpaid', days: 2 });
  });

  it('lets the buyer’s own words win: a refund request beats the order’s state', () => {
    const ranked = rankTemplates(library, { ...base, orderStates: ['delivered'], lastBuyerMessage: 'Olá, quero um reembolso por favor' });
    expect(ranked[0]?.template.category).toBe('after-sales');
    expect(ranked[0]?.reason).toEqual({ kind: 'keyword', word: 'reembolso' });
    expect(ranked[1]?.template.category).toBe('delivery-followup');
  });

  it('prefers "late" over the plain status and apologises', () => {
    const states = orderStates(order('shipped', 14), NOW);
    expect(states).toEqual(['shipped', 'late']);
    expect(rankTemplates(library, { ...base, orderStates: states })[0]?.template.category).toBe('delay-apology');
  });

  it('greets by who the buyer is: new, returning, VIP; at-risk buyers get the win-back', () => {
    const greeting = (kinds: RankingContext['kinds']) => rankTemplates(library, { ...base, kinds }).find((r) => r.template.category === 'greeting')?.template.id;
    expect(greeting(['new'])).toBe('default-en-greeting-new');
    expect(greeting(['returning'])).toBe('default-en-greeting-returning');
    expect(greeting(['returning', 'vip'])).toBe('default-en-greeting-vip');
    expect(rankTemplates(library, { ...base, kinds: ['returning', 'at-risk'] }).map((r) => r.template.category)).toContain('win-back');
  });

  it('never suggests a template whose condition fails, nor one in another language', () => {
    const ranked = rankTemplates(library, { ...base, orderStates: ['completed'] });
    expect(ranked.every((r) => r.template.language === 'en')).toBe(true);
    expect(ranked.map((r) => r.template.category)).not.toContain('payment-reminder');
    expect(rankTemplates(library, { ...base, languages: ['zh-CN'], orderStates: ['unpaid'] })[0]?.template.id).toBe('default-zh-payment-reminder');
  });

  it('lets use decide between equally fitting templates', () => {
    const custom: ReplyTemplateRecord = { ...library.find((t) => t.id === 'default-en-payment-reminder')!, id: 'mine', title: 'My reminder', category: 'other', useCount: 0 };
    const used = { ...custom, id: 'mine-used', title: 'Z reminder', useCount: 12 };
    const ranked = rankTemplates([custom, used], { ...base, orderStates: ['unpaid'] });
    expect(ranked.map((r) => r.template.id)).toEqual(['mine-used']);
  });

  it('shows at most one template per category, best first', () => {
    const ranked = rankTemplates(library, { ...base, kinds: ['returning', 'vip'], orderStates: ['completed'] }, 5);
    expect(new Set(ranked.map((r) => r.template.category)).size).toBe(ranked.length);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });
});

describe('context', () => {
  const buyer = (paid: number): BuyerRecord => ({
    buyerKey: 'shopee:br:b1',
    shopKey: 'shopee:br',
    adapterId: 'shopee',
    platformBuyerId: 'b1',
    tagIds: [],
    stats: { ...emptyStats(), paidOrderCount: paid },
    firstSeenAt: day(1),
    updatedAt: day(1),
  });
  it('tells new from returning buyers and marks VIP by tier or tag', () => {
    expect(buyerKinds(buyer(1), undefined, [])).toEqual(['new']);
    expect(buyerKinds(buyer(3), undefined, ['vip'])).toEqual(['returning', 'vip']);
    expect(buyerKinds(undefined, undefined, [])).toEqual(['new']);
  });
  it('focuses the order on screen, else the newest open one', () => {
    const orders = [order('completed', 1, 'shopee:br:a'), order('unpaid', 3, 'shopee:br:b'), order('completed', 9, 'shopee:br:c')];
    expect(orderInFocus(orders, 'shopee:br:c')?.orderKey).toBe('shopee:br:c');
    expect(orderInFocus(orders, undefined)?.orderKey).toBe('shopee:br:b');
  });
});

describe('searchTemplates', () => {
  it('puts the buyer’s language first and falls back to the next wanted language category by category', () => {
    const pt = library
      .filter((t) => t.language === 'en' && t.category === 'payment-reminder')
      .map((t) => ({ ...t, id: 'pt-payment', language: 'pt-BR' as const, title: 'Lembrete de pagamento' }));
    const ranked = rankTemplates([...library.filter((t) => t.language !== 'pt-BR'), ...pt], { ...base, languages: ['pt-BR', 'en'], orderStates: ['unpaid'] });
    expect(ranked[0]?.template.id).toBe('pt-payment');
    // No Portuguese template for the other cases: the English ones follow, one per category.
    expect(ranked.slice(1).every((r) => r.template.language === 'en' && r.template.category !== 'payment-reminder')).toBe(true);
    expect(ranked.length).toBeGreaterThan(1);
  });

  it('finds by shortcut first, then title and body, in any language', () => {
    expect(searchTemplates(library, '/pay')[0]?.id).toBe('default-en-payment-reminder');
    expect(searchTemplates(library, '催付')[0]?.id).toBe('default-zh-payment-reminder');
    expect(searchTemplates(library, 'tracking').map((t) => t.id)).toContain('default-en-shipping-notice');
  });
});
