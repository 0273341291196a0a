import Dexie from 'dexie';
import { statsOf } from './aggregates';
import type { CaptureLogRecord, ShopRecord } from '../schema/records';
import type { BuyerLensDatabase } from './database';
import { asUnsharedWrite } from './sync-store';
import { loadRetention, loadSavedLists, SETTING_KEYS, type SavedList } from './settings-queries';
import { dissolveIfAlone } from './links-repository';
import { createTag } from './tags-repository';

const CHUNK = 2000;

/** Adds or removes one tag on many buyers (a campaign list), in one transaction. */
export async function bulkSetTag(db: BuyerLensDatabase, buyerKeys: readonly string[], tagId: string, on: boolean): Promise<number> {
  return db.transaction('rw', [db.tags, db.buyers], async () => {
    if (on && !(await db.tags.get(tagId))) throw new Error('That tag no longer exists.');
    let changed = 0;
    for (let i = 0; i < buyerKeys.length; i += CHUNK) {
      const buyers = (await db.buyers.bulkGet(buyerKeys.slice(i, i + CHUNK))).filter((b) => b !== undefined);
      const updated = buyers.flatMap((b) => {
        const has = b.tagIds.includes(tagId);
        if (on === has) return [];
        return [{ ...b, tagIds: on ? [...b.tagIds, tagId] : b.tagIds.filter((t) => t !== tagId) }];
      });
      await db.buyers.bulkPut(updated);
      changed += updated.length;
    }
    return changed;
  });
}

export interface TagAssignment {
  buyerKey: string;
  tagNames: readonly string[];
}

/**
 * Tags from an imported file: tags are matched by name (case-insensitive) or created, then added to
 * the buyers. One transaction: all of it or none.
 */
export async function importTagAssignments(db: BuyerLensDatabase, assignments: readonly TagAssignment[], now = new Date()): Promise<{ buyers: number; tagsCreated: number }> {
  return db.transaction('rw', [db.tags, db.buyers], async () => {
    const byName = new Map((await db.tags.toArray()).map((t) => [t.name.toLowerCase(), t]));
    let created = 0;
    const idOf = async (name: string): Promise<string> => {
      const existing = byName.get(name.toLowerCase());
      if (existing) return existing.id;
      const tag = await createTag(db, name, undefined, now);
      byName.set(name.toLowerCase(), tag);
      created += 1;
      return tag.id;
    };
    let changed = 0;
    for (let i = 0; i < assignments.length; i += CHUNK) {
      const slice = assignments.slice(i, i + CHUNK);
      const buyers = await db.buyers.bulkGet(slice.map((a) => a.buyerKey));
      const updated = [];
      for (const [j, buyer] of buyers.entries()) {
        if (!buyer) continue;
        const ids = new Set(buyer.tagIds);
        for (const name of slice[j]!.tagNames) ids.add(await idOf(name));
        if (ids.size !== buyer.tagIds.length) updated.push({ ...buyer, tagIds: [...ids] });
      }
      await db.buyers.bulkPut(updated);
      changed += updated.length;
    }
    return { buyers: changed, tagsCreated: created };
  });
}

/** The words of a capture-log line: its URLs, place and message split at every non-alphanumeric character. */
const tokensOf = (entry: CaptureLogRecord) =>
  new Set([entry.pageUrl, entry.sourceUrl, entry.where, entry.message].flatMap((text) => (text ?? '').split(/[^\p{L}\p{N}]+/u)));

/** Whether a capture-log line names any of these ids as a whole word (a buyer's id, their order ids and numbers). */
const namesAny = (entry: CaptureLogRecord, ids: ReadonlySet<string>) => [...tokensOf(entry)].some((token) => ids.has(token));

/** The ids that name a buyer in the capture log: whole ids, never names (a name like "seller" is a word of every URL). */
const namingIds = (ids: readonly string[]) => new Set(ids.flatMap((id) => id.split(/[^\p{L}\p{N}]+/u)).filter((token) => token.length >= 6));

/** A shop without this buyer in its latest buyers and its scoring's top and attention lists. */
function withoutBuyer(shop: ShopRecord, buyerKey: string): ShopRecord | undefined {
  const inLists = shop.recent?.includes(buyerKey) || shop.scoring?.summary?.top.includes(buyerKey) || shop.scoring?.summary?.attention.includes(buyerKey);
  if (!inLists) return undefined;
  const summary = shop.scoring?.summary;
  return {
    ...shop,
    ...(shop.recent ? { recent: shop.recent.filter((k) => k !== buyerKey) } : {}),
    ...(shop.scoring && summary
      ? { scoring: { ...shop.scoring, summary: { ...summary, top: summary.top.filter((k) => k !== buyerKey), attention: summary.attention.filter((k) => k !== buyerKey) } } }
      : {}),
  };
}

/**
 * Forgets a buyer, at once and everywhere the store keeps them: the record and its search words,
 * their orders, flags and notes, the lines of the capture log that name them or their orders, and
 * their place in their shop's latest buyers and top and attention lists. (Who is on screen in a
 * tab is the background's to clear.) A later capture of their orders brings them back.
 */
export async function eraseBuyer(db: BuyerLensDatabase, buyerKey: string): Promise<{ orderKeys: string[] }> {
  return db.transaction('rw', [db.buyers, db.buyerSearch, db.orders, db.orderFlags, db.notes, db.captureLog, db.shops], async () => {
    const buyer = await db.buyers.get(buyerKey);
    if (!buyer) throw new Error('That buyer is not in BuyerLens.');
    const orders = await db.orders.where('[buyerKey+sortAt]').between([buyerKey, Dexie.minKey], [buyerKey, Dexie.maxKey]).toArray();
    const orderKeys = orders.map((o) => o.orderKey);
    await db.orders.bulkDelete(orderKeys);
    await db.orderFlags.bulkDelete(orderKeys);
    await db.notes.where('buyerKey').equals(buyerKey).delete();
    await db.buyerSearch.delete(buyerKey);
    await db.buyers.delete(buyerKey);
    const ids = namingIds([buyer.platformBuyerId, ...orders.flatMap((o) => [o.orderId, ...(o.orderNumber ? [o.orderNumber] : [])])]);
    await db.captureLog.filter((entry) => namesAny(entry, ids)).delete();
    const shop = await db.shops.get(buyer.shopKey);
    const cleaned = shop && withoutBuyer(shop, buyerKey);
    if (cleaned) await db.shops.put(cleaned);
    if (buyer.personId) await dissolveIfAlone(db, buyer.personId);
    return { orderKeys };
  });
}

export async function saveRetention(db: BuyerLensDatabase, months: number | undefined): Promise<void> {
  if (months === undefined) await db.settings.delete(SETTING_KEYS.retentionMonths);
  else await db.settings.put({ key: SETTING_KEYS.retentionMonths, value: months });
}

/**
 * Deletes orders older than the retention period (and their flags and memos) and recomputes their
 * buyers' aggregates from the orders kept; a buyer left with no order and not seen within the period
 * goes too (name, search words), unless the user tagged, noted or linked them; capture-log lines
 * older than the period go. Returns the shops whose buyers changed (to
 * re-score).
 */
export async function applyRetention(db: BuyerLensDatabase, now = new Date()): Promise<{ orders: number; buyers: number; shops: string[] }> {
  const months = await loadRetention(db);
  if (!months) return { orders: 0, buyers: 0, shops: [] };
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const before = cutoff.toISOString();
  // Each browser's own housekeeping: what it deletes stays with the team (sync-store.ts).
  return asUnsharedWrite(db, ['orders', 'orderFlags', 'buyers', 'buyerSearch', 'notes', 'shops', 'captureLog'], async () => {
    await db.captureLog.filter((entry) => entry.at < before).delete();
    const old = await db.orders.filter((o) => o.sortAt < before).toArray();
    if (old.length === 0) return { orders: 0, buyers: 0, shops: [] };
    await db.orders.bulkDelete(old.map((o) => o.orderKey));
    await db.orderFlags.bulkDelete(old.map((o) => o.orderKey));
    const buyerKeys = [...new Set(old.flatMap((o) => (o.buyerKey ? [o.buyerKey] : [])))];
    const shops = new Set<string>();
    let gone = 0;
    for (const buyer of await db.buyers.bulkGet(buyerKeys)) {
      if (!buyer) continue;
      shops.add(buyer.shopKey);
      const kept = await db.orders.where('[buyerKey+sortAt]').between([buyer.buyerKey, Dexie.minKey], [buyer.buyerKey, Dexie.maxKey]).toArray();
      // Kept: a buyer with orders, or the user's (tagged, noted, linked), or seen within the period (a chat of today).
      const keep =
        kept.length > 0 ||
        buyer.tagIds.length > 0 ||
        buyer.personId !== undefined ||
        buyer.updatedAt >= before ||
        (await db.notes.where('buyerKey').equals(buyer.buyerKey).count()) > 0;
      if (keep) {
        await db.buyers.put({ ...buyer, stats: statsOf(kept) });
        continue;
      }
      await db.buyers.delete(buyer.buyerKey);
      await db.buyerSearch.delete(buyer.buyerKey);
      const shop = await db.shops.get(buyer.shopKey);
      const cleaned = shop && withoutBuyer(shop, buyer.buyerKey);
      if (cleaned) await db.shops.put(cleaned);
      if (buyer.personId) await dissolveIfAlone(db, buyer.personId);
      gone += 1;
    }
    return { orders: old.length, buyers: gone, shops: [...shops] };
  });
}

/** Saves (or replaces, by name) a named list. */
export async function saveList(db: BuyerLensDatabase, list: SavedList): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const lists = (await loadSavedLists(db)).filter((l) => l.name !== list.name);
    await db.settings.put({ key: SETTING_KEYS.buyerLists, value: [...lists, list].sort((a, b) => a.name.localeCompare(b.name)) });
  });
}

export async function deleteList(db: BuyerLensDatabase, name: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: SETTING_KEYS.buyerLists, value: (await loadSavedLists(db)).filter((l) => l.name !== name) });
  });
}
