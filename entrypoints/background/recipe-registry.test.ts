import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Recipe } from '@/lib/schema/recipes';
import { recipesItem } from '@/lib/teach-state';
import { RecipeRegistry } from './recipe-registry';

const recipe = (id: string, site: string): Recipe => ({
  id,
  name: id,
  site,
  page: { path: '/admin/orders', query: {} },
  kind: 'order-list',
  dom: { type: 'dom', rows: 'article', fields: { orderNumber: { selector: '.ref' }, buyer: { selector: '.who' }, total: { selector: '.amount' } } },
  locale: 'en-US',
  currency: 'USD',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

describe('what a taught site’s page may write', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no scripting or permissions: nothing is granted, nothing registered.
    vi.spyOn(browser.permissions, 'contains').mockImplementation(async () => false as never);
    vi.spyOn(browser.permissions, 'getAll').mockImplementation(async () => ({ origins: [], permissions: [] }) as never);
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => [] as never);
  });

  it('only its own site’s shop, and only once the seller taught that site', async () => {
    await recipesItem.setValue([recipe('aurora', 'http://127.0.0.1:3000')]);
    const registry = new RecipeRegistry();
    const writer = await registry.writerOf(new URL('http://127.0.0.1:3000/admin/orders?page=2'));
    expect(writer?.adapterId).toBe('site');
    expect(writer?.allowsShop('site:127.0.0.1_3000')).toBe(true);
    expect(writer?.allowsShop('site:127.0.0.1')).toBe(false);
    expect(writer?.allowsShop('shopee:br')).toBe(false);
    // Another port, another site; a site never taught writes nothing.
    expect(await registry.writerOf(new URL('http://127.0.0.1:3001/admin/orders'))).toBeUndefined();
    expect(await registry.writerOf(new URL('https://evil.example/admin/orders'))).toBeUndefined();
  });

  it('a built-in console’s pages are never a recipe’s, whatever a stored recipe names', async () => {
    await recipesItem.setValue([recipe('shopee-copy', 'https://seller.shopee.com.br')]);
    const registry = new RecipeRegistry();
    expect(await registry.writerOf(new URL('https://seller.shopee.com.br/portal/sale/order'))).toBeUndefined();
  });

  it('a stored recipe that no longer validates is kept in storage and not run', async () => {
    await recipesItem.setValue([{ ...recipe('broken', 'http://127.0.0.1:3000'), site: 'javascript:alert(1)' }, recipe('good', 'https://shop.example')]);
    const registry = new RecipeRegistry();
    expect((await registry.all()).map((r) => r.id)).toEqual(['good']);
    expect(await recipesItem.getValue()).toHaveLength(2);
    // Saving the others (a recipe taught, one deleted) leaves it as it was.
    await registry.save([]);
    expect(await recipesItem.getValue()).toEqual([expect.objectContaining({ id: 'broken', site: 'javascript:alert(1)' })]);
  });

  it('registers the tap and the runtime on a granted site with a recipe, and takes both and the access away with its last recipe', async () => {
    let scripts: { id: string; matches?: string[]; world?: string }[] = [];
    vi.spyOn(browser.permissions, 'contains').mockImplementation(async ({ origins }) => origins?.[0] === 'http://127.0.0.1:3000/*');
    vi.spyOn(browser.permissions, 'getAll').mockImplementation(async () => ({ origins: ['http://127.0.0.1:3000/*', 'https://shop.example/*'], permissions: [] }) as never);
    const removed = vi.spyOn(browser.permissions, 'remove').mockImplementation(async () => true as never);
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => scripts);
    vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation(async (added) => void (scripts = [...scripts, ...added]));
    vi.spyOn(browser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => void (scripts = scripts.filter((s) => !filter?.ids?.includes(s.id))));

    const registry = new RecipeRegistry();
    // Granted and taught: registered; taught but not granted (shop.example): nothing runs there.
    await registry.save([recipe('aurora', 'http://127.0.0.1:3000'), recipe('other', 'https://shop.example')]);
    expect(scripts).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^site-tap-[0-9a-f]+$/), matches: ['http://127.0.0.1:3000/*'], world: 'MAIN' }),
      expect.objectContaining({ id: expect.stringMatching(/^site-run-[0-9a-f]+$/), matches: ['http://127.0.0.1:3000/*'] }),
    ]);
    await registry.save([recipe('other', 'https://shop.example')]);
    expect(scripts).toEqual([]);
    expect(removed).toHaveBeenCalledWith({ origins: ['http://127.0.0.1:3000/*'] });
  });
});
