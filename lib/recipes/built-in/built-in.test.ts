// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atOnce } from '../../adapters/slices';
import { recipesFileSchema, type Recipe } from '../../schema/recipes';
import { readDomRows } from '../infer';
import { pageMatches, recipeForPage } from '../pages';
import { recordsOfRows } from '../records';
import { builtInRecipes } from './index';

const HERE = import.meta.dirname;
const FIXTURES = join(HERE, '..', '..', '..', 'test', 'fixtures', 'woocommerce');

interface ExpectedOrder {
  orderId: string;
  buyerName: string;
  totalMinor: number;
  currency: string;
  placedAt: string;
  status: string;
  statusText: string;
}

interface Expected {
  input: { url: string };
  recipe: string;
  orders: ExpectedOrder[];
}

const HPOS_URL = 'https://shop.example/wp-admin/admin.php?page=wc-orders';
const LEGACY_URL = 'https://shop.example/wp-admin/edit.php?post_type=shop_order';

function recipe(id: string): Recipe {
  const found = builtInRecipes().find((r) => r.id === id);
  if (!found) throw new Error(`no built-in recipe ${id}`);
  return found;
}

function page(fixture: string): { document: Document; expected: Expected } {
  const html = readFileSync(join(FIXTURES, `${fixture}.html`), 'utf8');
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${fixture}.expected.json`), 'utf8')) as Expected;
  return { document: new DOMParser().parseFromString(html, 'text/html'), expected };
}

describe('built-in recipes: the files', () => {
  const files = readdirSync(HERE).filter((f) => f.endsWith('.json'));

  it.each(files)('%s is a valid recipes file', (file) => {
    const parsed = recipesFileSchema.safeParse(JSON.parse(readFileSync(join(HERE, file), 'utf8')));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('are all shipped by builtInRecipes(), each recipe once', () => {
    const inFiles = files.flatMap((file) => recipesFileSchema.parse(JSON.parse(readFileSync(join(HERE, file), 'utf8'))).recipes.map((r) => r.id));
    const shipped = builtInRecipes().map((r) => r.id);
    expect(shipped.sort()).toEqual(inFiles.sort());
    expect(new Set(shipped).size).toBe(shipped.length);
  });

  it('name no site (the seller applies them to theirs) and cite their evidence', () => {
    for (const r of builtInRecipes()) {
      expect(r.site, r.id).toBeNull();
      expect(r.builtIn?.evidence, r.id).toMatch(/[\w.-]+\/[\w.-]+ .*\.php/);
    }
  });

  it('hands out copies: a caller changing the list does not change the next call', () => {
    const first = builtInRecipes();
    first.length = 0;
    expect(builtInRecipes().length).toBeGreaterThan(0);
  });
});

describe('built-in recipes: WooCommerce order lists', () => {
  it.each([
    ['orders-hpos', 'woocommerce-orders-hpos'],
    ['orders-legacy', 'woocommerce-orders-legacy'],
  ])('%s.html: %s reads every order as its .expected.json says', (fixture, id) => {
    const { document, expected } = page(fixture);
    expect(expected.recipe).toBe(id);
    const r = recipe(id);
    const url = new URL(expected.input.url);
    expect(recipeForPage(builtInRecipes(), url)?.id, 'the fixture page selects its recipe').toBe(id);

    const rows = readDomRows(document, r.dom);
    expect(rows).toHaveLength(document.querySelectorAll('#the-list > tr').length);
    const extraction = atOnce(recordsOfRows(r, rows, url, 'page'));

    expect(extraction.problems).toEqual([]);
    expect(extraction.shops.map((s) => s.shopKey)).toEqual(['site:shop.example']);
    const orders = extraction.orders.map((o) => ({
      orderId: o.orderId,
      buyerName: o.buyerName,
      totalMinor: o.totalMinor,
      currency: o.currency,
      placedAt: o.placedAt,
      status: o.status,
      statusText: o.statusText,
    }));
    expect(orders).toEqual(expected.orders);
    // Every order has its buyer, keyed in the site's shop.
    expect(extraction.buyers.map((b) => b.displayName)).toEqual(expected.orders.map((o) => o.buyerName));
    for (const o of extraction.orders) expect(o.buyerKey, o.orderId).toMatch(/^site:shop\.example:/);
  });

  it('read the amount kept after a refund, not the struck-out original', () => {
    const { document } = page('orders-hpos');
    const cell = document.querySelector('#order-1044 td.order_total')!;
    // The source strips the tags of the original total (<del>), so the first amount element is the <ins> one.
    expect(cell.querySelector('del .woocommerce-Price-amount')).toBeNull();
    expect(cell.querySelector('del')?.textContent).toBe('$120.00');
    const [row] = readDomRows(document, { ...recipe('woocommerce-orders-hpos').dom, rows: '#order-1044' });
    expect(row?.total).toEqual(['$95.00']);
  });

  it('read a company or a username where the order has no billing name', () => {
    const rows = readDomRows(page('orders-hpos').document, recipe('woocommerce-orders-hpos').dom);
    expect(rows.map((row) => [row.orderNumber?.[0], row.buyer?.[0]])).toContainEqual(['1046', 'Harbor & Pine Studio']);
    expect(rows.map((row) => [row.orderNumber?.[0], row.buyer?.[0]])).toContainEqual(['1042', 'Kim.nguyen']);
  });

  it('leave the buyer out, with a problem, where the source prints none ("#1047 ")', () => {
    const { document } = page('orders-hpos');
    document.querySelector('#order-1047 a.order-view strong')!.textContent = '#1047 ';
    const r = recipe('woocommerce-orders-hpos');
    const extraction = atOnce(recordsOfRows(r, readDomRows(document, r.dom), new URL(HPOS_URL), 'page'));
    const order = extraction.orders.find((o) => o.orderId === '1047');
    expect(order?.buyerName).toBeUndefined();
    expect(order?.totalMinor).toBe(4500);
    expect(extraction.problems.map((p) => p.reason)).toEqual(['no buyer in this row']);
  });
});

describe('built-in recipes: which WooCommerce page each reads', () => {
  const hpos = () => recipe('woocommerce-orders-hpos');
  const legacy = () => recipe('woocommerce-orders-legacy');

  it.each([
    [HPOS_URL, 'woocommerce-orders-hpos'],
    ['https://shop.example/wp-admin/admin.php?page=wc-orders&status=wc-processing&paged=2', 'woocommerce-orders-hpos'],
    ['http://localhost:8080/wp-admin/admin.php?s=souza&page=wc-orders', 'woocommerce-orders-hpos'],
    [LEGACY_URL, 'woocommerce-orders-legacy'],
    ['https://shop.example/wp-admin/edit.php?post_status=wc-on-hold&post_type=shop_order', 'woocommerce-orders-legacy'],
    ['https://shop.example/wp-admin/edit.php?post_type=product', undefined],
    ['https://shop.example/wp-admin/edit.php', undefined],
    ['https://shop.example/wp-admin/admin.php?page=wc-settings', undefined],
    ['https://shop.example/wp-admin/post.php?post=872&action=edit', undefined],
    // An HPOS order's own page carries page=wc-orders too, and `action`: the list recipe says it must be absent
    // (otherwise it would find no #the-list rows there, and capture health would cry wolf).
    ['https://shop.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1047', undefined],
    ['https://shop.example/shop/?page=wc-orders', undefined],
  ])('%s → %s', (url, id) => {
    expect(recipeForPage(builtInRecipes(), new URL(url))?.id).toBe(id);
  });

  it('the HPOS recipe does not match the legacy list, nor the legacy recipe the HPOS list', () => {
    expect(pageMatches(hpos().page, new URL(LEGACY_URL))).toBe(false);
    expect(pageMatches(legacy().page, new URL(HPOS_URL))).toBe(false);
    expect(pageMatches(hpos().page, new URL(HPOS_URL))).toBe(true);
    expect(pageMatches(legacy().page, new URL(LEGACY_URL))).toBe(true);
  });
});
