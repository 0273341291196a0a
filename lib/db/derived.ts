import type { Transaction } from 'dexie';
import type { ListedBuyer } from '../buyers/list';
import { latestBuyers } from '../buyers/recent';
import { defaultRfmSettings } from '../rfm/settings';
import { buyersByShop, rescoreShops } from '../rfm/tier';
import type { BuyerRecord, BuyerSearchRecord, OrderRecord, SettingRecord, ShopRecord } from '../schema/records';
import { rfmSettingsSchema } from '../schema/rfm';
import { statsOf } from './aggregates';
import { BUYER_LIST_DIRTY, listRowsOf } from './buyer-list-writer';
import { searchRowsOf } from './merge';
import type { Derived } from './migrations/step';
import { SETTING_KEYS } from './settings-queries';

/**
 * The one routine that rebuilds derived data with today's code, after the migration ladder (ladder.ts)
 * has run: on a database upgrade and on restoring an older backup. Only what the steps left stale is
 * rebuilt, in dependency order: aggregates (from orders), search words (from names), tiers and the
 * shops' scoring (from aggregates and the RFM settings), latest buyers (from aggregates), and the
 * buyers table's rows (from all of that).
 */
export interface DerivedInput {
  buyers: BuyerRecord[];
  shops: ShopRecord[];
  settings: readonly SettingRecord[];
  /** Needed where aggregates are stale. */
  orders?: readonly OrderRecord[];
}

export interface DerivedOutput {
  buyers: BuyerRecord[];
  shops: ShopRecord[];
  /** Every buyer's search row, where search words were stale. */
  buyerSearch?: BuyerSearchRecord[];
  /** Every buyer's row of the buyers table, where the list was stale. */
  buyerList?: ListedBuyer[];
}

function withStatsFromOrders(buyers: readonly BuyerRecord[], orders: readonly OrderRecord[]): BuyerRecord[] {
  const byBuyer = new Map<string, OrderRecord[]>();
  for (const order of orders) {
    if (!order.buyerKey) continue;
    const list = byBuyer.get(order.buyerKey);
    if (list) list.push(order);
    else byBuyer.set(order.buyerKey, [order]);
  }
  return buyers.map((buyer) => ({ ...buyer, stats: statsOf(byBuyer.get(buyer.buyerKey) ?? []) }));
}

/**
 * Tiers scored at `now` with the stored RFM settings. Stored settings that do not validate score
 * nothing: the background's next re-score says why, and no data is lost.
 */
function withTiers({ buyers, shops, settings }: DerivedOutput & { settings: readonly SettingRecord[] }, now: number): DerivedOutput {
  const stored = settings.find((s) => s.key === SETTING_KEYS.rfm)?.value;
  const rfm = stored === undefined ? defaultRfmSettings() : rfmSettingsSchema.safeParse(stored).data;
  if (!rfm) return { buyers, shops };
  const scored = rescoreShops(buyers, shops, rfm, now);
  const rescored = new Map(scored.changed.map((b) => [b.buyerKey, b]));
  return { buyers: buyers.map((b) => rescored.get(b.buyerKey) ?? b), shops: scored.shops };
}

function withRecent(buyers: readonly BuyerRecord[], shops: readonly ShopRecord[]): ShopRecord[] {
  const byShop = buyersByShop(buyers);
  return shops.map((shop) => ({ ...shop, recent: latestBuyers(byShop.get(shop.shopKey) ?? []) }));
}

export function rebuildDerived(input: DerivedInput, stale: ReadonlySet<Derived>, now: number): DerivedOutput {
  let out: DerivedOutput = { buyers: input.buyers, shops: input.shops };
  if (stale.has('stats')) out.buyers = withStatsFromOrders(out.buyers, input.orders ?? []);
  if (stale.has('search')) out.buyerSearch = searchRowsOf(out.buyers);
  if (stale.has('tiers')) out = { ...out, ...withTiers({ ...out, settings: input.settings }, now) };
  if (stale.has('recent')) out.shops = withRecent(out.buyers, out.shops);
  if (stale.size > 0) out.buyerList = listRowsOf(out.buyers, out.shops);
  return out;
}

/** The same inside the database's upgrade transaction: the tables read, the rows that changed written back. */
export async function rebuildDerivedTables(tx: Transaction, stale: ReadonlySet<Derived>, now: number): Promise<void> {
  if (stale.size === 0) return;
  const [buyers, shops, settings, orders] = await Promise.all([
    tx.table<BuyerRecord, string>('buyers').toArray(),
    tx.table<ShopRecord, string>('shops').toArray(),
    tx.table<SettingRecord, string>('settings').toArray(),
    stale.has('stats') ? tx.table<OrderRecord, string>('orders').toArray() : undefined,
  ]);
  const out = rebuildDerived({ buyers, shops, settings, ...(orders ? { orders } : {}) }, stale, now);
  const before = new Set<object>([...buyers, ...shops]);
  await Promise.all([
    tx.table('buyers').bulkPut(out.buyers.filter((b) => !before.has(b))),
    tx.table('shops').bulkPut(out.shops.filter((s) => !before.has(s))),
    out.buyerSearch ? tx.table('buyerSearch').bulkPut(out.buyerSearch) : undefined,
  ]);
  // The rows were made from the buyers as they are now: the marks their writes left are done. (A
  // database upgraded to a version before v7, in the ladder's tests, has no list.)
  if (out.buyerList && tx.storeNames.includes('buyerList')) {
    await Promise.all([tx.table('buyerList').clear(), tx.table(BUYER_LIST_DIRTY).clear()]);
    await tx.table('buyerList').bulkPut(out.buyerList);
  }
}
