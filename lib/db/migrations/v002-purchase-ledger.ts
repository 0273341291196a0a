import type { Transaction } from 'dexie';
import type { BuyerRecord, OrderRecord } from '../../schema/records';
import { statsOf } from '../aggregates';

/**
 * v1 → v2: buyers' aggregates gain the purchases ledger RFM windows need. They are recomputed from
 * the orders once, here; from v2 on they move with every capture.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const orders = await tx.table<OrderRecord, string>('orders').toArray();
  const buyers = tx.table<BuyerRecord, string>('buyers');
  await buyers.bulkPut(withPurchaseLedger(await buyers.toArray(), orders));
}

/** The same step on plain rows: a v1 backup restored into v2. */
export function withPurchaseLedger(buyers: readonly BuyerRecord[], orders: readonly OrderRecord[]): BuyerRecord[] {
  const byBuyer = new Map<string, OrderRecord[]>();
  for (const order of orders) {
    if (!order.buyerKey) continue;
    const list = byBuyer.get(order.buyerKey);
    if (list) list.push(order);
    else byBuyer.set(order.buyerKey, [order]);
  }
  return buyers.map((buyer) => ({ ...buyer, stats: statsOf(byBuyer.get(buyer.buyerKey) ?? []) }));
}
