import { minorExponent } from '../money';
import type { BuyerFilter } from '../schema/lists';
import type { Segment } from '../schema/rfm';
import type { BuyerRecord } from '../schema/records';

/**
 * A buyer as the buyers table lists them: what filters, sorting and exports need, nothing more.
 * Stored as a derived table (`buyerList`, lib/db/buyer-list.ts) whose indexes serve the table's sorts,
 * so the page reads one screen of rows instead of every buyer. Optional values are absent, not
 * undefined, so a buyer without one is simply not in that sort's index (and listed last).
 */
export interface ListedBuyer {
  buyerKey: string;
  name?: string;
  adapterId: string;
  shopKey: string;
  platformBuyerId: string;
  tagIds: readonly string[];
  segment?: Segment;
  r?: number;
  f?: number;
  m?: number;
  orders: number;
  spentMinor: number;
  currency?: string;
  firstOrderAt?: string;
  lastOrderAt?: string;
  /** The name (or id) folded for sorting: lower case, accents and width variants folded. */
  sortName: string;
}

/** One line of the buyers table: the listed buyer, and whether they have notes (from the notes table). */
export interface BuyerRow extends ListedBuyer {
  hasNotes: boolean;
}

/** Case, accents and full-width forms folded, so "Álvaro", "alvaro" and "ＡＬＶＡＲＯ" sort together. */
export const sortNameOf = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/** `shopCurrency`: for buyers with no purchase yet, whose aggregates name no currency. */
export function listedBuyer(buyer: BuyerRecord, shopCurrency?: string): ListedBuyer {
  const { tier, stats } = buyer;
  const currency = stats.currency ?? shopCurrency;
  const row: ListedBuyer = {
    buyerKey: buyer.buyerKey,
    adapterId: buyer.adapterId,
    shopKey: buyer.shopKey,
    platformBuyerId: buyer.platformBuyerId,
    tagIds: buyer.tagIds,
    orders: stats.orderCount,
    spentMinor: stats.spentMinor,
    sortName: sortNameOf(buyer.displayName ?? buyer.platformBuyerId),
  };
  if (buyer.displayName !== undefined) row.name = buyer.displayName;
  if (tier) Object.assign(row, { segment: tier.segment, r: tier.r, f: tier.f, m: tier.m });
  if (currency !== undefined) row.currency = currency;
  if (stats.firstOrderAt !== undefined) row.firstOrderAt = stats.firstOrderAt;
  if (stats.lastOrderAt !== undefined) row.lastOrderAt = stats.lastOrderAt;
  return row;
}

export function toBuyerRow(buyer: BuyerRecord, hasNotes: boolean, shopCurrency?: string): BuyerRow {
  return { ...listedBuyer(buyer, shopCurrency), hasNotes };
}

export const emptyFilter = (): BuyerFilter => ({ tagMode: 'any' });

const DAY_MS = 86_400_000;

export function matchesFilter(row: BuyerRow, f: BuyerFilter, now: number): boolean {
  if (f.query) {
    const q = f.query.trim().toLowerCase();
    if (q && !`${row.name ?? ''} ${row.platformBuyerId}`.toLowerCase().includes(q)) return false;
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

export const SORT_KEYS = ['name', 'shopKey', 'segment', 'r', 'orders', 'spentMinor', 'firstOrderAt', 'lastOrderAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/**
 * The `buyerList` index that serves each sort, walked forwards or backwards: the value, then the
 * buyer key for ties (`:id` is the primary key itself, which starts with the shop's key).
 */
export const SORT_INDEX: Readonly<Record<SortKey, string>> = {
  name: '[sortName+buyerKey]',
  shopKey: ':id',
  segment: '[segment+buyerKey]',
  r: '[r+buyerKey]',
  orders: '[orders+buyerKey]',
  spentMinor: '[spentMinor+buyerKey]',
  firstOrderAt: '[firstOrderAt+buyerKey]',
  lastOrderAt: '[lastOrderAt+buyerKey]',
};

/** The value a sort orders by; undefined where the buyer has none (then they are listed last). */
export function sortValue(row: ListedBuyer, key: SortKey): string | number | undefined {
  if (key === 'name') return row.sortName;
  return row[key];
}

/** Whether every buyer has a value for this sort (no buyer is missing from its index). */
export const sortAlwaysHasValue = (key: SortKey): boolean => key === 'name' || key === 'shopKey' || key === 'orders' || key === 'spentMinor';

/** A buyer's value for a sort (undefined: none) and key: what the list's order compares. */
export interface SortEntry {
  value: string | number | undefined;
  key: string;
}

/**
 * The order the sort's index walks: by value, ties by buyer key, both in the sort's direction;
 * buyers without a value go last either way.
 */
export function byListOrder(sort: Sort): (a: SortEntry, b: SortEntry) => number {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return (a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
      return cmp(a.key, b.key) * sign;
    }
    return (cmp(a.value, b.value) || cmp(a.key, b.key)) * sign;
  };
}

/** Sorted copy, in the order the sort's index walks (byListOrder). */
export function sortRows<T extends ListedBuyer>(rows: readonly T[], sort: Sort): T[] {
  const order = byListOrder(sort);
  return rows
    .map((row) => ({ value: sortValue(row, sort.key), key: row.buyerKey, row }))
    .sort(order)
    .map((entry) => entry.row);
}

export function filterRows(rows: readonly BuyerRow[], filter: BuyerFilter, now: number): BuyerRow[] {
  return rows.filter((row) => matchesFilter(row, filter, now));
}

/** Whether a filter narrows the list at all (the tag mode alone does not). */
export const filterIsEmpty = (f: BuyerFilter): boolean =>
  Object.entries(f).every(([key, value]) => key === 'tagMode' || value === undefined || (Array.isArray(value) && value.length === 0) || value === '');
