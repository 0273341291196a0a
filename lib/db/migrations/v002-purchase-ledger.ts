import type { Transaction } from 'dexie';
import type { BuyerRecord, OrderRecord } from '../../schema/records';
import { statsOf } from '../aggregates';

/**
 * v1 → v2: buyers' aggregates gain the purchases ledger RFM windows need. They are recomputed from
 * the orders once, here; from v2 on they move with every capture.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const byBuyer = new Map<string, OrderRecord[]>();
  await tx
    .table<OrderRecord, string>('orders')
    .toCollection()
    .each((order) => {
      if (!order.buyerKey) return;
      const list = byBuyer.get(order.buyerKey);
      if (list) list.push(order);
      else byBuyer.set(order.buyerKey, [order]);
    });
  const buyers = tx.table<BuyerRecord, string>('buyers');
  const updated = (await buyers.toArray()).map((buyer) => ({ ...buyer, stats: statsOf(byBuyer.get(buyer.buyerKey) ?? []) }));
  await buyers.bulkPut(updated);
}
