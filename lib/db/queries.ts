import Dexie from 'dexie';
import { summarizeShop } from '../rfm/overview';
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
  const found = await db.buyers.where('searchWords').startsWith(q).distinct().limit(limit).toArray();
  return found.sort((a, b) => (b.stats.lastOrderAt ?? '').localeCompare(a.stats.lastOrderAt ?? ''));
}

export async function shopsByKey(db: BuyerLensDatabase): Promise<Map<string, ShopRecord>> {
  return new Map((await db.shops.toArray()).map((s) => [s.shopKey, s]));
}

/** The shop overview: one read of the shop's RFM records, then the few buyers it lists. */
export async function shopOverview(db: BuyerLensDatabase, shopKey: string, map: SegmentMap) {
  const summary = summarizeShop(await db.rfm.where('shopKey').equals(shopKey).toArray(), map);
  const keys = [...new Set([...summary.top, ...summary.attention].map((r) => r.buyerKey))];
  const buyers = new Map<string, BuyerRecord>();
  for (const buyer of await db.buyers.bulkGet(keys)) if (buyer) buyers.set(buyer.buyerKey, buyer);
  return { summary, buyers };
}

/** The other buyer records the user linked to this one as the same person. */
export async function linkedBuyers(db: BuyerLensDatabase, buyer: BuyerRecord): Promise<BuyerRecord[]> {
  if (!buyer.personId) return [];
  const group = await db.buyers.where('personId').equals(buyer.personId).toArray();
  return group.filter((b) => b.buyerKey !== buyer.buyerKey);
}
