import { describe, expect, it } from 'vitest';
import type { Recipe } from '../schema/recipes';
import { pageMatches, pagePatternOf, recipeForPage } from './pages';

const recipe = (id: string, site: string | null, page: Recipe['page'], kind: Recipe['kind'] = 'order-list'): Recipe => ({
  id,
  name: id,
  site,
  page,
  kind,
  dom: { type: 'dom', rows: null, fields: {} },
  locale: 'en',
  currency: 'USD',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

describe('the pages a recipe reads', () => {
  it('a list page: its path, not the page of the list it was taught on, nor its sort or search', () => {
    expect(pagePatternOf(new URL('http://127.0.0.1:3000/admin/orders?page=2&sort=date&q=ana'), 'order-list')).toEqual({ path: '/admin/orders', query: {} });
  });

  it('an order page: any order, where the path or the query names one', () => {
    expect(pagePatternOf(new URL('https://shop.example/admin/orders/7104'), 'order-detail')).toEqual({ path: '/admin/orders/*', query: {} });
    expect(pagePatternOf(new URL('https://shop.example/wp-admin/post.php?post=1042&action=edit'), 'order-detail')).toEqual({ path: '/wp-admin/post.php', query: { action: 'edit' } });
    expect(pagePatternOf(new URL('https://shop.example/orders/SO-2026-0042a'), 'order-detail').path).toBe('/orders/*');
  });

  it('keeps a parameter that names the page (WordPress admin pages)', () => {
    expect(pagePatternOf(new URL('https://shop.example/wp-admin/admin.php?page=wc-orders&paged=3&status=wc-processing'), 'order-list')).toEqual({
      path: '/wp-admin/admin.php',
      query: { page: 'wc-orders' },
    });
  });

  it('matches segment by segment, with the parameters it requires and none it excludes', () => {
    const pattern = { path: '/admin/orders/*', query: { view: 'full' }, absent: ['print'] };
    expect(pageMatches(pattern, new URL('https://a.example/admin/orders/12?view=full'))).toBe(true);
    expect(pageMatches(pattern, new URL('https://a.example/admin/orders/12'))).toBe(false);
    expect(pageMatches(pattern, new URL('https://a.example/admin/orders/12/lines?view=full'))).toBe(false);
    expect(pageMatches(pattern, new URL('https://a.example/admin/orders/?view=full'))).toBe(false);
    expect(pageMatches(pattern, new URL('https://a.example/admin/orders/12?view=full&print=1'))).toBe(false);
  });

  it('a page is read by its own site’s most specific recipe, never by another site’s', () => {
    const recipes = [
      recipe('any-order', 'https://a.example', { path: '/orders/*', query: {} }, 'order-detail'),
      recipe('list', 'https://a.example', { path: '/orders/all', query: {} }),
      recipe('other-site', 'https://b.example', { path: '/orders/all', query: {} }),
    ];
    expect(recipeForPage(recipes, new URL('https://a.example/orders/all'))?.id).toBe('list');
    expect(recipeForPage(recipes, new URL('https://a.example/orders/991'))?.id).toBe('any-order');
    expect(recipeForPage(recipes, new URL('https://c.example/orders/all'))).toBeUndefined();
    expect(recipeForPage(recipes, new URL('https://b.example/orders/all'))?.id).toBe('other-site');
  });

  it('a list recipe does not read an order’s own page on the same path, and a trailing slash changes nothing', () => {
    const recipes = [recipe('list', 'https://a.example', { path: '/admin.php', query: { page: 'shop-orders' } })];
    expect(recipeForPage(recipes, new URL('https://a.example/admin.php?page=shop-orders&paged=2&s=ana'))?.id).toBe('list');
    expect(recipeForPage(recipes, new URL('https://a.example/admin.php?page=shop-orders&action=edit&id=1042'))).toBeUndefined();
    expect(pageMatches({ path: '/admin/orders', query: {} }, new URL('https://a.example/admin/orders/'))).toBe(true);
    expect(pageMatches({ path: '/admin/orders/', query: {} }, new URL('https://a.example/admin/orders'))).toBe(true);
  });
});
