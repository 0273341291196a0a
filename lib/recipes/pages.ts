import type { PagePattern, Recipe } from '../schema/recipes';

/**
 * Which pages of a site a recipe reads: a path where `*` is one segment, and the query parameters the
 * URL must carry. Taught from the page the seller pointed at: segments that look like ids become `*`
 * (an order's own page: `/admin/orders/1042` → `/admin/orders/*`), and a parameter stays only where it
 * names the page (WordPress's `page=wc-orders`), not where it pages, sorts or searches the list.
 */
const VOLATILE_PARAMS = /^(p|page|paged|pg|offset|start|limit|per_?page|size|count|sort|sort_?by|order|order_?by|dir|q|s|query|search|filter.*|\w*status|\w*state|m|mode|view|filter_.*|tab|from|to|date.*|cursor|after|before|_.*|utm_.*)$/i;

function looksLikeId(segment: string): boolean {
  return /\d/.test(segment) && (/^\d+$/.test(segment) || /^[A-Za-z0-9-_]{6,}$/.test(segment));
}

export function pagePatternOf(url: URL, kind: Recipe['kind']): PagePattern {
  const segments = url.pathname.split('/').map((segment) => (looksLikeId(segment) ? '*' : segment));
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (VOLATILE_PARAMS.test(name)) continue;
    // An order's own page names it in the query (`post=1042`, `?order_id=…`): any order, not that one.
    if ((kind === 'order-list' ? /^\d+$/.test(value) : /\d/.test(value)) || value.length > 100 || name.length > 100) continue;
    query[name] = value;
    if (Object.keys(query).length >= 10) break;
  }
  // WordPress names its admin pages with `page=`, which the list above takes for paging: keep a page that is a name.
  const page = url.searchParams.get('page');
  if (page && !/^\d+$/.test(page) && page.length <= 100) query.page = page;
  return { path: segments.join('/') || '/', query };
}

/** A path without its trailing slash (`/admin/orders/` is `/admin/orders`), the root kept. */
const trimmed = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

export function pageMatches(pattern: PagePattern, url: URL): boolean {
  const want = trimmed(pattern.path).split('/');
  const have = trimmed(url.pathname).split('/');
  if (want.length !== have.length) return false;
  if (!want.every((segment, i) => segment === '*' ? have[i] !== '' : segment === have[i])) return false;
  if (pattern.absent?.some((name) => url.searchParams.has(name))) return false;
  return Object.entries(pattern.query).every(([name, value]) => url.searchParams.get(name) === value);
}

/** How specific a pattern is: literal segments and required parameters; the most specific recipe reads a page. */
function specificity(pattern: PagePattern): number {
  return pattern.path.split('/').filter((segment) => segment !== '*').length * 2 + Object.keys(pattern.query).length * 3;
}

/**
 * Whether a list recipe's page is this URL's: a list's URL carries no parameter the pattern does not
 * name beyond paging, sorting and searching (`?page=shop-orders&action=edit&id=1042` is an order's
 * own page on the same path, which the list recipe would find empty).
 */
function listPage(recipe: Recipe, url: URL): boolean {
  if (recipe.kind !== 'order-list') return true;
  return [...url.searchParams].every(([name, value]) => name in recipe.page.query || VOLATILE_PARAMS.test(name) || /^\d*$/.test(value));
}

/** The recipe that reads this page: of its site, its pattern matching, the most specific first. */
export function recipeForPage(recipes: readonly Recipe[], url: URL): Recipe | undefined {
  return recipes
    .filter((recipe) => (recipe.site === null || recipe.site === url.origin) && pageMatches(recipe.page, url) && listPage(recipe, url))
    .sort((a, b) => specificity(b.page) - specificity(a.page))[0];
}

/**
 * A page pattern's path as a regular expression over a request's path and query, for the tap's
 * first filter (the Adapter's `api`): literal segments escaped, `*` one segment. Built here from a
 * checked pattern, never taken from a file, and linear to run; the query is checked by pageMatches.
 */
export function pathRegex(pattern: PagePattern): RegExp {
  const escape = (segment: string) => segment.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const path = pattern.path
    .split('/')
    .map((segment) => (segment === '*' ? '[^/?#]+' : escape(segment)))
    .join('/');
  return new RegExp(`^${path}(?:\\?.*)?$`, 'u');
}
