import { minorExponent } from '../money';
import type { BuyerFilter } from '../schema/lists';
import type { Segment } from '../schema/rfm';
import type { BuyerRecord } from '../schema/records';

/** One line of the buyers table: what filters, sorting and exports need, nothing more. */
export interface BuyerRow {
  buyerKey: string;
  name: string | undefined;
  adapterId: string;
  shopKey: string;
  platformBuyerId: string;
  tagIds: readonly string[];
  segment: Segment | undefined;
  r: number | undefined;
  f: number | undefined;
  m: number | undefined;
  orders: number;
  spentMinor: number;
  currency: string | undefined;
  firstOrderAt: string | undefined;
  lastOrderAt: string | undefined;
  hasNotes: boolean;
  /** Lower-cased name and id, for the free-text search. */
  haystack: string;
}

/** `shopCurrency`: for buyers with no purchase yet, whose aggregates name no currency. */
export function toBuyerRow(buyer: BuyerRecord, hasNotes: boolean, shopCurrency?: string): BuyerRow {
  const tier = buyer.tier;
  return {
    buyerKey: buyer.buyerKey,
    name: buyer.displayName,
    adapterId: buyer.adapterId,
    shopKey: buyer.shopKey,
    platformBuyerId: buyer.platformBuyerId,
    tagIds: buyer.tagIds,
    segment: tier?.segment,
    r: tier?.r,
    f: tier?.f,
    m: tier?.m,
    orders: buyer.stats.orderCount,
    spentMinor: buyer.stats.spentMinor,
    currency: buyer.stats.currency ?? shopCurrency,
    firstOrderAt: buyer.stats.firstOrderAt,
    lastOrderAt: buyer.stats.lastOrderAt,
    hasNotes,
    haystack: `${buyer.displayName ?? ''} ${buyer.platformBuyerId}`.toLowerCase(),
  };
}

export const emptyFilter = (): BuyerFilter => ({ tagMode: 'any' });

const DAY_MS = 86_400_000;

export function matchesFilter(row: BuyerRow, f: BuyerFilter, now: number): boolean {
  if (f.query) {
    const q = f.query.trim().toLowerCase();
    if (q && !row.haystack.includes(q)) return false;
  }
  if (f.shopKeys?.length && !f.shopKeys.includes(row.shopKey)) return false;
  if (f.tagIds?.length) {
    const has = (id: string) => row.tagIds.includes(id);
    if (f.tagMode === 'any' && !f.tagIds.some(has)) return false;
    if (f.tagMode === 'all' && !f.tagIds.every(has)) return false;
    if (f.tagMode === 'none' && f.tagIds.some(has)) return false;
  }
  if (f.segments?.length && (!row.segment || !f.segments.includes(row.segment))) return false;
  if (f.spentMin !== undefined || f.spentMax !== undefined) {
    const major = row.spentMinor / 10 ** minorExponent(row.currency);
    if (f.spentMin !== undefined && major < f.spentMin) return false;
    if (f.spentMax !== undefined && major > f.spentMax) return false;
  }
  if (f.ordersMin !== undefined && row.orders < f.ordersMin) return false;
  if (f.ordersMax !== undefined && row.orders > f.ordersMax) return false;
  if (f.lastOrderOlderThanDays !== undefined) {
    if (!row.lastOrderAt || now - Date.parse(row.lastOrderAt) <= f.lastOrderOlderThanDays * DAY_MS) return false;
  }
  if (f.lastOrderWithinDays !== undefined) {
    if (!row.lastOrderAt || now - Date.parse(row.lastOrderAt) > f.lastOrderWithinDays * DAY_MS) return false;
  }
  if (f.hasNotes !== undefined && row.hasNotes !== f.hasNotes) return false;
  return true;
}

export const SORT_KEYS = ['name', 'shopKey', 'segment', 'r', 'f', 'm', 'orders', 'spentMinor', 'firstOrderAt', 'lastOrderAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorted copy; buyers without a value go last either way. Ties keep the buyer-key order. */
export function sortRows(rows: readonly BuyerRow[], sort: Sort): BuyerRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const value = (row: BuyerRow) => (sort.key === 'name' ? (row.name ?? row.platformBuyerId) : row[sort.key]);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) return va === vb ? 0 : va === undefined ? 1 : -1;
    const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return cmp * sign || a.buyerKey.localeCompare(b.buyerKey);
  });
}

export function filterRows(rows: readonly BuyerRow[], filter: BuyerFilter, now: number): BuyerRow[] {
  return rows.filter((row) => matchesFilter(row, filter, now));
}
