import { siteCatalog } from '../adapters/site-catalog';
import type { Adapter, Conversation, HealthReading, OnScreen } from '../adapters/types';
import { emptyExtraction } from '../adapters/types';
import { orderKeyFor, siteShopKey } from '../schema/keys';
import { REQUIRED_ORDER_FIELDS } from '../schema/recipe-fields';
import type { Recipe } from '../schema/recipes';
import { readDomRows, type RowValues } from './infer';
import { readJsonRows } from './json-match';
import { pageMatches, pathRegex, recipeForPage } from './pages';
import { recordsOfRows, siteBuyer } from './records';
import { orderNumberFrom } from './values';

/** Whether a response is the JSON a recipe reads: its path and the query parameters that name the list. */
export function readsResponse(recipe: Recipe | undefined, url: URL): boolean {
  return recipe?.json !== undefined && pageMatches(recipe.json.api, url);
}

const EDITABLE = 'textarea, input[type="text"], input:not([type]), [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

/** The reply box the seller pointed at: the editable element itself, or the one inside what they clicked (its frame, its label). */
function editable(element: Element | null): HTMLElement | null {
  if (!element) return null;
  if (element.matches(EDITABLE)) return element as HTMLElement;
  return element.querySelector<HTMLElement>(EDITABLE);
}

/**
 * A taught site as an adapter: its recipes say which pages are read and how, and everything after
 * (the content runtime, the background's checks, the store's merges) is the built-in adapters' own.
 * A list page's rows and an order's own page join by order number (one key per order of the site).
 */
export function recipeAdapter(recipes: () => readonly Recipe[], origin: string): Adapter {
  const shopKey = siteShopKey(origin);
  const forPage = (url: URL) => recipeForPage(recipes(), url);
  // The page's last reading: capture health, asked right after it, judges those rows rather than reading the page again.
  let lastRead: { document: Document; href: string; recipe: Recipe; rows: RowValues[] } | undefined;
  const conversationOnPage = (document: Document, url: URL): Conversation | undefined => {
    const recipe = forPage(url);
    if (recipe?.kind !== 'chat') return undefined;
    const buyer = siteBuyer(shopKey, readDomRows(document, recipe.dom)[0]?.chatBuyer?.[0]);
    return buyer && { buyerKey: buyer.buyerKey, buyerName: buyer.displayName };
  };
  return {
    ...siteCatalog,
    matches: [`${origin}/*`],
    get currencies() {
      return [...new Set(recipes().flatMap((recipe) => recipe.currency ?? []))];
    },
    detect: (url) => (url.origin === origin ? forPage(url)?.kind : undefined),
    exampleUrls: [],
    // The site's recipes may change while the page is open (a re-teach): read them each time.
    get api() {
      return recipes().flatMap((recipe) => (recipe.json ? [pathRegex(recipe.json.api)] : []));
    },
    *fromResponse(response, pageUrl) {
      const recipe = forPage(pageUrl);
      if (!recipe?.json || !readsResponse(recipe, response.url)) return emptyExtraction();
      yield;
      return yield* recordsOfRows(recipe, readJsonRows(response.body, recipe.json), pageUrl, 'json');
    },
    *extract(document, url) {
      const recipe = forPage(url);
      if (!recipe || recipe.kind === 'chat') return emptyExtraction();
      const rows = readDomRows(document, recipe.dom);
      lastRead = { document, href: url.href, recipe, rows };
      yield;
      return yield* recordsOfRows(recipe, rows, url, 'page');
    },
    activeBuyer({ document, url, orders, conversation }): OnScreen | undefined {
      const recipe = forPage(url);
      if (recipe?.kind === 'chat') return conversation?.buyerKey ? { buyerKey: conversation.buyerKey, ...(conversation.buyerName ? { buyerName: conversation.buyerName } : {}) } : undefined;
      if (recipe?.kind !== 'order-detail') return undefined;
      // The page is one order: its number says which (the tab's readings may know its buyer).
      const number = orderNumberFrom(readDomRows(document, recipe.dom)[0]?.orderNumber?.[0] ?? '');
      if (!number) return undefined;
      const orderKey = orderKeyFor(shopKey, number);
      const order = orders.find((known) => known.orderKey === orderKey);
      return { orderKey, ...(order?.buyerKey ? { buyerKey: order.buyerKey } : {}), ...(order?.buyerName ? { buyerName: order.buyerName } : {}) };
    },
    chat: {
      conversationFrom: () => undefined,
      conversationOnPage,
      replyBox(document) {
        const recipe = forPage(new URL(document.location.href));
        const pick = recipe?.kind === 'chat' ? recipe.dom.fields.replyBox : undefined;
        return pick ? editable(document.querySelector(pick.selector)) : null;
      },
    },
    selectors: { groups: {}, unverified: {} },
    health(document, url) {
      const recipe = forPage(url);
      // A chat page with no conversation open shows no buyer, rightly: health is for order pages.
      if (!recipe || recipe.kind === 'chat') return undefined;
      const fresh = lastRead?.document === document && lastRead.href === url.href && lastRead.recipe === recipe;
      return healthOf(recipe, fresh ? lastRead!.rows : readDomRows(document, recipe.dom));
    },
  };
}

/** What a recipe found on a page, for capture health: its rows, and the required fields no row has (where the page no longer shows them). */
function healthOf(recipe: Recipe, rows: readonly RowValues[]): HealthReading {
  const missing = rows.length === 0 ? [] : REQUIRED_ORDER_FIELDS.filter((field) => rows.every((row) => !row[field]?.length));
  return { reader: `site:${recipe.id}`, found: rows.length, missing };
}
