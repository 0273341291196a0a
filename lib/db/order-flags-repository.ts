import type { FlagColor, OrderFlagRecord } from '../schema/records';
import type { BuyerLensDatabase } from './database';

/** Sets or clears an order's flag and memo; with neither left, the record goes. */
export async function setOrderFlag(
  db: BuyerLensDatabase,
  orderKey: string,
  flag: { color?: FlagColor | undefined; memo?: string | undefined },
  now = new Date(),
): Promise<OrderFlagRecord | undefined> {
  return db.transaction('rw', [db.orders, db.orderFlags], async () => {
    if (!(await db.orders.get(orderKey))) throw new Error('That order is not in BuyerLens.');
    const memo = flag.memo?.trim() || undefined;
    if (!flag.color && !memo) {
      await db.orderFlags.delete(orderKey);
      return undefined;
    }
    const record: OrderFlagRecord = { orderKey, updatedAt: now.toISOString(), ...(flag.color ? { color: flag.color } : {}), ...(memo ? { memo } : {}) };
    await db.orderFlags.put(record);
    return record;
  });
}
