// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyHtmlCase, htmlCaseArbitrary, jsonCaseArbitrary, jsonCaseText } from '../../test/fuzz-mutations';
import { atOnce } from '../adapters/slices';
import { capturedBuyerSchema, capturedOrderSchema, type Extraction } from '../schema/capture';
import { salvage } from '../schema/salvage';
import type { Recipe } from '../schema/recipes';
import { builtInRecipes } from './built-in';
import { readDomRows } from './infer';
import { readJsonRows } from './json-match';
import { recordsOfRows } from './records';

/**
 * A taught page is as untrusted as a console's: mutations of a WooCommerce list (WooCommerce's own
 * markup; 300, each a whole page) and of a shop admin's JSON (1,000) go through the recipe's readers.
 * No exception escapes, and every record passes the store's check (a bad field costs that field,
 * salvage.ts), in the site's shop.
 */
const RUNS = 1000;
/** A page is parsed and read whole for each case (~50 ms in jsdom): fewer cases, the same kinds of mutation. */
const PAGE_RUNS = 300;
const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'woocommerce');

function checkRecords(extraction: Extraction, shopKey: string): void {
  for (const order of extraction.orders) {
    const kept = salvage(capturedOrderSchema, order);
    expect(kept.refused, JSON.stringify(order).slice(0, 300)).toBeUndefined();
    expect(order.orderKey.startsWith(`${shopKey}:`)).toBe(true);
  }
  for (const buyer of extraction.buyers) expect(salvage(capturedBuyerSchema, buyer).refused, JSON.stringify(buyer).slice(0, 300)).toBeUndefined();
}

const jsonRecipe: Recipe = {
  id: 'aurora',
  name: 'Aurora',
  site: 'http://127.0.0.1:3000',
  page: { path: '/admin/orders', query: {} },
  kind: 'order-list',
  dom: { type: 'dom', rows: 'article', fields: { orderNumber: { selector: '.ref' }, buyer: { selector: '.who' }, total: { selector: '.amount' } } },
  json: {
    type: 'json',
    api: { path: '/api/v1/orders', query: {} },
    rows: ['data', 'orders'],
    fields: { orderNumber: { path: ['reference'] }, buyer: { path: ['customer', 'display_name'] }, total: { path: ['total'] }, placedAt: { path: ['placed_at'] }, status: { path: ['state'] } },
  },
  locale: 'en-US',
  currency: 'USD',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('recipes on hostile pages', () => {
  it(`a WooCommerce list, mutated ${PAGE_RUNS} times: records the store takes, or none`, { timeout: 120_000 }, () => {
    const html = readFileSync(join(fixtures, 'orders-hpos.html'), 'utf8');
    const recipe = { ...builtInRecipes().find((r) => r.id === 'woocommerce-orders-hpos')!, site: 'https://shop.example' };
    const selectors = Object.values(recipe.dom.fields).map((pick) => pick.selector);
    const template = new DOMParser().parseFromString(html, 'text/html');
    fc.assert(
      fc.property(htmlCaseArbitrary(template.body, selectors), (mutations) => {
        const document = new DOMParser().parseFromString(html, 'text/html');
        applyHtmlCase(document.body, mutations);
        const url = new URL('https://shop.example/wp-admin/admin.php?page=wc-orders');
        checkRecords(atOnce(recordsOfRows(recipe, readDomRows(document, recipe.dom), url, 'page')), 'site:shop.example');
      }),
      { numRuns: PAGE_RUNS },
    );
  });

  it(`a shop admin's JSON, mutated ${RUNS} times: records the store takes, or none`, () => {
    const body = {
      data: {
        orders: [
          { id: 7100, reference: 'SO-1042', customer: { id: 500, display_name: 'Ana Lima', email: 'ana@example.com' }, placed_at: '2026-11-28T14:05:00Z', total: '45.00', currency: 'USD', state: 'paid', lines: [{ product: 'Tea cup', qty: 2, price: '22.50' }] },
          { id: 7101, reference: 'SO-1043', customer: { id: 501, display_name: '王小明', email: 'x@example.com' }, placed_at: '2026-11-29T09:00:00Z', total: '1045.50', currency: 'USD', state: 'fulfilled', lines: [] },
        ],
      },
      meta: { page: 1, pages: 3 },
    };
    fc.assert(
      fc.property(jsonCaseArbitrary(body), (testCase) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(jsonCaseText(body, testCase));
        } catch {
          return; // truncated: the runtime reports "not JSON" before a recipe sees it
        }
        const url = new URL('http://127.0.0.1:3000/admin/orders');
        checkRecords(atOnce(recordsOfRows(jsonRecipe, readJsonRows(parsed, jsonRecipe.json!), url, 'json')), 'site:127.0.0.1_3000');
      }),
      { numRuns: RUNS },
    );
  });
});
