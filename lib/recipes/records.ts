import type { Sliced } from '../adapters/slices';
import type { CapturedBuyer, CapturedOrder, CaptureProblem, Extraction } from '../schema/capture';
import { buyerKeyFor, orderKeyFor, siteHostOfShopKey, siteShopKey, SITE_ADAPTER_ID } from '../schema/keys';
import { unmaskedName } from '../schema/masked';
import type { Recipe } from '../schema/recipes';
import type { RowValues } from './infer';
import { decimalToMinor } from '../money';
import { MAX_AMOUNT_MINOR } from '../schema/recipe-fields';
import { itemFrom, orderNumberFrom, parseAmount, parseDate, statusFromText } from './values';

/** Rows read in one slice before the reader yields (a list page holds at most a few hundred). */
const ROWS_PER_SLICE = 50;

/**
 * A taught site's buyer id: the buyer as the page names them, folded (case, width, spacing). A site
 * that shows no buyer id is keyed by what it shows: two buyers of one name are one buyer there, so
 * a seller whose list shows e-mails should point at the e-mail (the panel says so when teaching).
 */
export function siteBuyerId(shown: string): string {
  // Readable in lists and exports ("ana_lima", "王小明"); a key holds no whitespace.
  return shown.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '_').slice(0, 200);
}

/** The buyer a recipe's text names, keyed in the site's shop; undefined where it is masked or empty. */
export function siteBuyer(shopKey: string, shown: string | undefined): CapturedBuyer | undefined {
  const name = unmaskedName(shown);
  if (!name) return undefined;
  const id = siteBuyerId(name);
  return { buyerKey: buyerKeyFor(shopKey, id), shopKey, platformBuyerId: id, displayName: name };
}

/**
 * An amount as a recipe reads it: JSON's plain decimals ("45.00", 19.995) exactly, as the teaching
 * matched them; anything else (a page's "R$ 1.234,56") in the page's locale.
 */
function amountOf(text: string, recipe: Recipe, fromJson: boolean): number | undefined {
  const currency = recipe.currency!;
  const exact = fromJson && /^-?\d+(?:\.\d+)?$/.test(text.trim()) ? decimalToMinor(text, currency) : undefined;
  const minor = exact ?? parseAmount(text, currency, recipe.locale);
  return minor !== undefined && minor >= 0 && minor <= MAX_AMOUNT_MINOR ? minor : undefined;
}

function orderOf(recipe: Recipe, shopKey: string, row: RowValues, pageUrl: URL, problems: CaptureProblem[], where: string, fromJson: boolean): { order: CapturedOrder; buyer?: CapturedBuyer } | undefined {
  const first = (field: keyof RowValues) => row[field]?.[0];
  const number = orderNumberFrom(first('orderNumber') ?? '');
  if (!number) {
    problems.push({ where, reason: first('orderNumber') === undefined ? 'no order number in this row' : `order number unreadable: ${first('orderNumber')!.slice(0, 60)}` });
    return undefined;
  }
  const buyer = siteBuyer(shopKey, first('buyer'));
  const currency = recipe.currency!;
  const totalText = first('total');
  const totalMinor = totalText === undefined ? undefined : amountOf(totalText, recipe, fromJson);
  if (totalText !== undefined && totalMinor === undefined) problems.push({ where, reason: `total unreadable: ${totalText.slice(0, 60)}` });
  const dateText = first('placedAt');
  const placedAt = dateText === undefined ? undefined : parseDate(dateText, recipe.locale);
  if (dateText !== undefined && placedAt === undefined) problems.push({ where, reason: `date unreadable: ${dateText.slice(0, 60)}` });
  const statusText = first('status');
  const status = statusText === undefined ? undefined : statusFromText(statusText);
  const items = row.items?.map((text) => itemFrom(text)).filter((item) => item.title !== '');
  const order: CapturedOrder = {
    orderKey: orderKeyFor(shopKey, number),
    orderId: number,
    shopKey,
    ...(buyer ? { buyerKey: buyer.buyerKey, buyerName: buyer.displayName } : {}),
    ...(placedAt ? { placedAt } : {}),
    ...(statusText ? { status: status ?? 'unknown', statusText } : {}),
    ...(totalMinor !== undefined ? { totalMinor, currency } : {}),
    ...(items && items.length > 0 ? { items } : {}),
    // An order's own page is where the seller opens it again (https only: a link the panel offers).
    ...(recipe.kind === 'order-detail' && pageUrl.protocol === 'https:' ? { consoleUrl: pageUrl.href } : {}),
  };
  if (!buyer) problems.push({ where, reason: 'no buyer in this row' });
  return { order, ...(buyer ? { buyer } : {}) };
}

/** What a recipe's rows hold, as the store takes captures: the site's shop, its buyers and orders, and a problem per unreadable value. */
export function* recordsOfRows(recipe: Recipe, rows: readonly RowValues[], pageUrl: URL, source: 'json' | 'page'): Sliced<Extraction> {
  const shopKey = siteShopKey(pageUrl.origin);
  const extraction: Extraction = {
    shops: [{ shopKey, adapterId: SITE_ADAPTER_ID, name: siteHostOfShopKey(shopKey), ...(recipe.currency ? { currency: recipe.currency } : {}) }],
    buyers: [],
    orders: [],
    problems: [],
  };
  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % ROWS_PER_SLICE === 0) yield;
    const read = orderOf(recipe, shopKey, row, pageUrl, extraction.problems, `${recipe.name} ${source}[${index}]`, source === 'json');
    if (!read) continue;
    extraction.orders.push(read.order);
    if (read.buyer) extraction.buyers.push(read.buyer);
  }
  return extraction;
}
