import { describe, expect, it } from 'vitest';
import { parseTemplate, promptsOf, renderTemplate } from './render';

describe('renderTemplate', () => {
  it('fills variables, with spaces inside the braces or not', () => {
    const r = renderTemplate('Hi {{buyer.name}}, order {{ order.id }} is {{order.status}}.', {
      'buyer.name': 'Ana',
      'order.id': '2611210ABC',
      'order.status': 'shipped',
    });
    expect(r).toEqual({ text: 'Hi Ana, order 2611210ABC is shipped.', missing: [], unknown: [], unanswered: [] });
  });

  it('uses the fallback where a value is missing, and leaves a gap it reports where there is none', () => {
    expect(renderTemplate('Hi {{buyer.name | "there"}}!', {}).text).toBe('Hi there!');
    expect(renderTemplate('Hi {{buyer.name | ""}}!', {}).text).toBe('Hi !');
    const r = renderTemplate('Tracking: {{order.tracking}}', {});
    expect(r.text).toBe('Tracking: {{order.tracking}}');
    expect(r.missing).toEqual(['order.tracking']);
  });

  it('reports names that are not variables instead of silently dropping them', () => {
    const r = renderTemplate('Hello {{buyer.nmae}}', { 'buyer.name': 'Ana' });
    expect(r.unknown).toEqual(['buyer.nmae']);
    expect(r.text).toBe('Hello {{buyer.nmae}}');
  });

  it('asks each fill-in prompt once and puts the answer everywhere it appears', () => {
    const body = 'Use {{? coupon code}} at checkout. Code {{?coupon code}} ends Sunday. {{? discount}} off.';
    expect(promptsOf(body)).toEqual(['coupon code', 'discount']);
    const partial = renderTemplate(body, {}, { 'coupon code': 'VOLTA10' });
    expect(partial.unanswered).toEqual(['discount']);
    expect(renderTemplate(body, {}, { 'coupon code': 'VOLTA10', discount: '10%' }).text).toBe('Use VOLTA10 at checkout. Code VOLTA10 ends Sunday. 10% off.');
  });

  it('keeps Chinese text and full-width punctuation around variables', () => {
    expect(renderTemplate('亲，{{buyer.name|"您好"}}，订单{{order.id}}已发货～', { 'order.id': '123' }).text).toBe('亲，您好，订单123已发货～');
  });

  it('leaves single braces and unclosed tokens as text', () => {
    expect(parseTemplate('{a} {{ b').map((p) => p.kind)).toEqual(['text']);
  });
});
