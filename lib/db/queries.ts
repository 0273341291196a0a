import Dexie from 'dexie';
import { summarizeShop } from '../rfm/overview';
import { tierOf } from '../rfm/tier';
import type { SegmentMap } from '../rfm/settings';
import type { BuyerRecord, OrderRecord, ShopRecord } from '../schema/records';
import type { BuyerLensDatabase } from './database';

/** Read-only queries the extension pages run; every one goes through an index. */

export function ordersOfBuyer(db: BuyerLensDatabase, buyerKey: string, limit = 200): Promise<OrderRecord[]> {
  return db.orders
    .where('[buyerKey+sortAt]')
    .between([buyerKey, Dexie.minKey], [buyerKey, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

export function recentBuyers(db: BuyerLensDatabase, limit = 30): Promise<BuyerRecord[]> {
  return db.buyers.orderBy('stats.lastOrderAt').reverse().limit(limit).toArray();
}

/** Buyers whose name, a word of it, or platform id starts with the query (case-insensitive). */
export async function searchBuyers(db: BuyerLensDatabase, query: string, limit = 30): Promise<BuyerRecord[]> {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const keys = await db.buyerSearch.where('words').startsWith(q).distinct().limit(limit).primaryKeys();
  const found = (await db.buyers.bulkGet(keys)).filter((b): b is BuyerRecord => b !== undefined);
  return found.sort((a, b) => (b.stats.lastOrderAt ?? '').localeCompare(a.stats.lastOrderAt ?? ''));
}

export async function shopsByKey(db: BuyerLensDatabase): Promise<Map<string, ShopRecord>> {
  return new Map((await db.shops.toArray()).map((s) => [s.shopKey, s]));
}

/**
 * Every buyer of one shop. A buyer is keyed `<shop key>:<id>` (captures are checked for that), so a
 * shop's buyers are one range of the primary key: cheaper to read than the shopKey index, which
 * would look every record up a second time. The filter keeps out a record keyed inside the range
 * but of another shop (stored before captures checked keys against their shop).
 */
export async function buyersOfShop(db: BuyerLensDatabase, shopKey: string): Promise<BuyerRecord[]> {
  const inRange = await db.buyers.where(':id').between(`${shopKey}:`, `${shopKey};`, true, false).toArray();
  return inRange.filter((b) => b.shopKey === shopKey);
}

/** The shop overview, from the shop's buyers' tiers (no orders read). */
export async function shopOverview(db: BuyerLensDatabase, shopKey: string, map: SegmentMap) {
  const [shop, buyers] = await Promise.all([db.shops.get(shopKey), buyersOfShop(db, shopKey)]);
  const tiers = buyers.flatMap((b) => tierOf(b, shop) ?? []);
  const summary = summarizeShop(tiers, map);
  const listed = new Set([...summary.top, ...summary.attention].map((r) => r.buyerKey));
  return { summary, buyers: new Map(buyers.filter((b) => listed.has(b.buyerKey)).map((b) => [b.buyerKey, b])) };
}

/** The other buyer records the user linked to this one as the same person. */
export async function linkedBuyers(db: BuyerLensDatabase, buyer: BuyerRecord): Promise<BuyerRecord[]> {
  if (!buyer.personId) return [];
  const group = await db.buyers.where('personId').equals(buyer.personId).toArray();
  return group.filter((b) => b.buyerKey !== buyer.buyerKey);
}
