import type { Transaction } from 'dexie';
import { latestBuyers } from '../../buyers/recent';
import { buyersByShop } from '../../rfm/tier';
import type { BuyerRecord, ShopRecord } from '../../schema/records';

/** v3 → v4: each shop keeps its latest buyers (the buyers' stats.lastOrderAt index goes). */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const [buyers, shops] = await Promise.all([tx.table<BuyerRecord, string>('buyers').toArray(), tx.table<ShopRecord, string>('shops').toArray()]);
  await tx.table('shops').bulkPut(toV4(buyers, shops));
}

/** The same step on plain rows (an older backup restored into v4). */
export function toV4(buyers: readonly BuyerRecord[], shops: readonly ShopRecord[]): ShopRecord[] {
  const byShop = buyersByShop(buyers);
  return shops.map((shop) => ({ ...shop, recent: latestBuyers(byShop.get(shop.shopKey) ?? []) }));
}
