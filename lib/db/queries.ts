import Dexie from 'dexie';
import { latestFirst, RECENT_BUYERS } from '../buyers/recent';
import { summarizeShop, type ShopSummary } from '../rfm/overview';
import { tierOf } from '../rfm/tier';
import type { SegmentMap } from '../schema/rfm';
import { REPLY_PACK_FORMAT, type ReplyPack, type ReplyTemplateFields } from '../schema/replies';
import type { Screen } from '../schema/capture';
import type { BuyerRecord, NoteRecord, OrderRecord, ShopRecord } from '../schema/records';
import { shopKeyPrefix, shopRange } from '../schema/keys';
import type { PickContext } from '../replies/pick';
import { loadShopReplyLanguages } from './settings-queries';
import type { BuyerLensDatabase } from './database';

/** Read-only queries the extension pages run; every one goes through an index or a key range. */

export function ordersOfBuyer(db: BuyerLensDatabase, buyerKey: string, limit = 200): Promise<OrderRecord[]> {
  return db.orders
    .where('[buyerKey+sortAt]')
    .between([buyerKey, Dexie.minKey], [buyerKey, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/**
 * The buyers with the latest orders across shops, newest first: each shop keeps its latest buyers
 * when it is scored (shortly after every capture), so this reads the shops and those buyers.
 */
export async function recentBuyers(db: BuyerLensDatabase, limit = RECENT_BUYERS): Promise<BuyerRecord[]> {
  const shops = await db.shops.toArray();
  const keys = [...new Set(shops.flatMap((s) => s.recent ?? []))];
  const found = (await db.buyers.bulkGet(keys)).filter((b): b is BuyerRecord => b !== undefined);
  return found.sort(latestFirst).slice(0, limit);
}

/**
 * Buyers whose name, a word of it, or platform id starts with the query (case-insensitive), latest
 * orders first. An id is found as a word, or (where the buyer's key ends with it in lower case, as
 * most marketplaces' ids do) through a range of the search table's keys, `<shop key>:<query>…`.
 */
export async function searchBuyers(db: BuyerLensDatabase, query: string, limit = 30): Promise<BuyerRecord[]> {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const [byWord, shopKeys] = await Promise.all([
    db.buyerSearch.where('words').startsWith(q).distinct().limit(limit).primaryKeys(),
    db.shops.toCollection().primaryKeys(),
  ]);
  const byId = await Promise.all(shopKeys.map((shopKey) => db.buyerSearch.where(':id').startsWith(shopKeyPrefix(shopKey, q)).limit(limit).primaryKeys()));
  const keys = [...new Set([...byWord, ...byId.flat()])];
  const found = (await db.buyers.bulkGet(keys)).filter((b): b is BuyerRecord => b !== undefined);
  return found.sort(latestFirst).slice(0, limit);
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
  const [lower, upper] = shopRange(shopKey);
  const inRange = await db.buyers.where(':id').between(lower, upper, true, false).toArray();
  return inRange.filter((b) => b.shopKey === shopKey);
}

/**
 * The shop overview: the summary kept with the shop's scoring, and the few buyers it lists (one
 * record and a handful of buyers, whatever the shop's size). Empty until the shop is scored with `map`.
 */
export async function shopOverview(db: BuyerLensDatabase, shopKey: string, map: SegmentMap): Promise<{ summary: ShopSummary; buyers: Map<string, BuyerRecord> }> {
  const shop = await db.shops.get(shopKey);
  const stored = shop?.scoring?.map === map ? shop.scoring.summary : undefined;
  if (!shop || !stored) return { summary: summarizeShop([], map), buyers: new Map() };
  const buyers = new Map<string, BuyerRecord>();
  for (const buyer of await db.buyers.bulkGet([...new Set([...stored.top, ...stored.attention])])) if (buyer) buyers.set(buyer.buyerKey, buyer);
  // A buyer erased since the shop was scored is left out.
  const tiers = (keys: readonly string[]) => keys.flatMap((key) => {
    const buyer = buyers.get(key);
    return (buyer && tierOf(buyer, shop)) ?? [];
  });
  return { summary: { map, scored: stored.scored, segments: stored.segments, grid: stored.grid, top: tiers(stored.top), attention: tiers(stored.attention) }, buyers };
}

/** The other buyer records the user linked to this one as the same person. */
export async function linkedBuyers(db: BuyerLensDatabase, buyer: BuyerRecord): Promise<BuyerRecord[]> {
  if (!buyer.personId) return [];
  const group = await db.buyers.where('personId').equals(buyer.personId).toArray();
  return group.filter((b) => b.buyerKey !== buyer.buyerKey);
}

/** A buyer's notes, newest first. */
export async function notesOf(db: BuyerLensDatabase, buyerKey: string): Promise<NoteRecord[]> {
  const notes = await db.notes.where('buyerKey').equals(buyerKey).toArray();
  return notes.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The library as a pack file (what the settings' export writes). */
export async function exportPack(db: BuyerLensDatabase, now = new Date()): Promise<ReplyPack> {
  const templates = (await db.replyTemplates.orderBy('id').toArray()).map(
    ({ id, title, body, language, category, conditions, shortcut }): ReplyTemplateFields => ({ id, title, body, language, category, conditions, ...(shortcut ? { shortcut } : {}) }),
  );
  return { format: REPLY_PACK_FORMAT, version: 1, exportedAt: now.toISOString(), templates };
}

/**
 * What the "/" picker needs of the buyer on screen in a tab (a buyer, or an order whose buyer the
 * store knows): the panel's reads, nothing more.
 */
export async function replyContextOf(
  db: BuyerLensDatabase,
  screen: Pick<Screen, 'buyerKey' | 'orderKey' | 'chat'> | null,
): Promise<PickContext> {
  const buyerKey = screen?.buyerKey ?? (screen?.orderKey ? (await db.orders.get(screen.orderKey))?.buyerKey : undefined);
  const [buyer, templates, shopLanguages] = await Promise.all([buyerKey ? db.buyers.get(buyerKey) : undefined, db.replyTemplates.toArray(), loadShopReplyLanguages(db)]);
  const [orders, shop, tags] = buyer
    ? await Promise.all([ordersOfBuyer(db, buyer.buyerKey, 50), db.shops.get(buyer.shopKey), db.tags.bulkGet(buyer.tagIds)])
    : [[], undefined, []];
  return {
    templates,
    buyer,
    orders,
    shop,
    rfm: buyer ? tierOf(buyer, shop) : undefined,
    tagNames: tags.flatMap((tag) => (tag ? [tag.name] : [])),
    onScreenOrderKey: screen?.orderKey,
    lastBuyerMessage: screen?.chat?.lastBuyerMessage,
    shopLanguage: buyer ? shopLanguages[buyer.shopKey] : undefined,
  };
}
