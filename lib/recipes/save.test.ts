import { describe, expect, it } from 'vitest';
import { recipesFileSchema, type Recipe, type TeachDraft } from '../schema/recipes';
import { importedRecipes, mergeRecipes, recipeFromDraft, recipesFile } from './save';

const draft: TeachDraft = {
  pageUrl: 'http://127.0.0.1:3000/admin/orders?page=2',
  pageLanguage: 'en-US',
  picking: null,
  picks: { orderNumber: { label: 'a.ref', text: 'SO-1042' }, buyer: { label: 'span.who', text: 'Ana Lima' }, total: { label: 'span.amount', text: '$45.00' } },
  dom: { type: 'dom', rows: '.order-feed > article', fields: { orderNumber: { selector: 'a.ref' }, buyer: { selector: 'span.who' }, total: { selector: 'span.amount' } } },
  json: null,
  rows: [{ orderNumber: ['SO-1042'], buyer: ['Ana Lima'], total: ['$45.00'] }],
  rowCount: 1,
};

const noConsole = () => false;

describe('saving and sharing recipes', () => {
  it('a draft with the required fields becomes a recipe for its site and its kind of page', () => {
    const recipe = recipeFromDraft(draft, { name: 'Aurora orders', kind: 'order-list', currency: 'USD', locale: 'en-US', site: 'http://127.0.0.1:3000' });
    expect(recipe).toMatchObject({ name: 'Aurora orders', site: 'http://127.0.0.1:3000', kind: 'order-list', currency: 'USD', page: { path: '/admin/orders', query: {} } });
    expect(recipe.id).toMatch(/^aurora-orders-[0-9a-f]{8}$/);
  });

  it('a draft without a required field says which, and makes nothing', () => {
    const { total: _total, ...fields } = draft.dom!.fields;
    expect(() => recipeFromDraft({ ...draft, dom: { ...draft.dom!, fields } }, { name: 'x', kind: 'order-list', currency: 'USD', locale: 'en', site: 'http://127.0.0.1:3000' })).toThrow(/total field is required/);
    expect(() => recipeFromDraft({ ...draft, dom: null, error: 'Pick one order’s number first.' }, { name: 'x', kind: 'order-list', currency: 'USD', locale: 'en', site: 'http://127.0.0.1:3000' })).toThrow(/number first/);
  });

  it('an order recipe needs the currency the seller confirmed', () => {
    expect(() => recipeFromDraft(draft, { name: 'x', kind: 'order-list', locale: 'en', site: 'http://127.0.0.1:3000' })).toThrow(/currency/);
  });

  it('a file round-trips, and a damaged one imports nothing and says what is wrong', () => {
    const recipe = recipeFromDraft(draft, { name: 'Aurora', kind: 'order-list', currency: 'USD', locale: 'en-US', site: 'http://127.0.0.1:3000' });
    const file = JSON.parse(JSON.stringify(recipesFile([recipe]))) as unknown;
    expect(recipesFileSchema.parse(file).recipes).toEqual([recipe]);
    expect(importedRecipes(file, noConsole)).toEqual([recipe]);
    const damaged = { ...(file as object), recipes: [recipe, { ...recipe, id: 'second', site: 'javascript:alert(1)' }] };
    expect(() => importedRecipes(damaged, noConsole)).toThrow(/Not a BuyerLens recipes file: recipes\.1\.site/);
    expect(() => importedRecipes({ format: 'buyerlens-replies', version: 1, recipes: [recipe] }, noConsole)).toThrow(/format/);
    expect(() => importedRecipes({ ...(file as object), recipes: [{ ...recipe, dom: { ...recipe.dom, fields: { ...recipe.dom.fields, buyer: { selector: 'span', part: 'everything' } } } }] }, noConsole)).toThrow(/recipes\.0\.dom\.fields\.buyer\.part/);
    // A file's recipe names its own site, never a built-in console's, and claims no "built in".
    expect(() => importedRecipes({ ...(file as object), recipes: [{ ...recipe, site: null }] }, noConsole)).toThrow(/names no site/);
    expect(() => importedRecipes(file, (site) => site === 'http://127.0.0.1:3000')).toThrow(/its own adapter/);
    expect(importedRecipes({ ...(file as object), recipes: [{ ...recipe, builtIn: { evidence: 'trust me' } }] }, noConsole)[0]).not.toHaveProperty('builtIn');
  });

  it('importing adds new recipes and replaces those of the same id, keeping when they were first made', () => {
    const base = (id: string, createdAt: string): Recipe => ({ ...recipeFromDraft(draft, { name: id, kind: 'order-list', currency: 'USD', locale: 'en', site: 'http://127.0.0.1:3000' }), id, createdAt });
    const known = [base('a', '2026-01-01T00:00:00.000Z')];
    const merged = mergeRecipes(known, [{ ...base('a', '2026-12-01T00:00:00.000Z'), name: 'renamed' }, base('b', '2026-12-01T00:00:00.000Z')]);
    expect(merged).toMatchObject({ added: 1, updated: 1 });
    expect(merged.recipes.map((r) => [r.id, r.name, r.createdAt])).toEqual([
      ['a', 'renamed', '2026-01-01T00:00:00.000Z'],
      ['b', 'b', '2026-12-01T00:00:00.000Z'],
    ]);
    // The same id for another site never replaces this site's recipe: it comes in under an id of its own.
    const other = mergeRecipes(merged.recipes, [{ ...base('a', '2026-12-02T00:00:00.000Z'), site: 'https://other.example' }]);
    expect(other).toMatchObject({ added: 1, updated: 0 });
    expect(other.recipes.find((r) => r.id === 'a')?.site).toBe('http://127.0.0.1:3000');
  });
});
