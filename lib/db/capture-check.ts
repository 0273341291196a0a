import type { z } from 'zod';
import {
  capturedBuyerSchema,
  capturedOrderSchema,
  capturedShopSchema,
  type CaptureBatch,
  type CapturedBuyer,
  type CapturedOrder,
  type CapturedShop,
  type CaptureProblem,
} from '../schema/capture';
import { checkedRecords } from '../schema/checked-extraction';
import { boundedProblems } from '../schema/limits';
import { isInShop, isOfAdapter } from '../schema/keys';

/** A batch's records that passed, by key (later duplicates fill the earlier record's gaps), and why the others did not. */
export interface CheckedBatch {
  shops: Map<string, CapturedShop>;
  buyers: Map<string, CapturedBuyer>;
  orders: Map<string, CapturedOrder>;
  problems: CaptureProblem[];
}

/**
 * Keys that must sit in the record's shop: a buyer or order key is `<shop key>:<id>` (schema/keys.ts),
 * so a shop's buyers and tiers are one key range of their tables.
 */
type InShop = { shopKey: string; keys: (string | undefined)[] };

function validate<S extends z.ZodType>(
  schema: S,
  items: readonly unknown[],
  label: string,
  adapterId: string,
  keyOf: (record: z.output<S>) => string[],
  inShop?: (record: z.output<S>) => InShop,
): { records: z.output<S>[]; problems: CaptureProblem[] } {
  return checkedRecords(schema, items, label, (record) => {
    // A content script writes only its own marketplace's records.
    const foreign = keyOf(record).find((key) => !isOfAdapter(key, adapterId));
    if (foreign !== undefined) return `key ${foreign} does not belong to adapter ${adapterId}`;
    const shop = inShop?.(record);
    const outside = shop?.keys.find((key) => key !== undefined && !isInShop(key, shop.shopKey));
    return shop && outside !== undefined ? `key ${outside} is not in shop ${shop.shopKey}` : undefined;
  });
}

/** Later duplicates in one batch fill the earlier record's gaps. */
function dedupe<T extends object>(records: T[], keyOf: (r: T) => string): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const record of records) {
    const key = keyOf(record);
    const prior = byKey.get(key);
    byKey.set(key, prior ? ({ ...prior, ...Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) } as T) : record);
  }
  return byKey;
}

/** Checks every record of a batch on its own: a bad one is a problem with its reason, the good ones are kept. */
export function checkBatch(batch: CaptureBatch): CheckedBatch {
  const { adapterId } = batch;
  const shops = validate(capturedShopSchema, batch.shops, 'shops', adapterId, (s) => [s.shopKey]);
  const buyers = validate(
    capturedBuyerSchema,
    batch.buyers,
    'buyers',
    adapterId,
    (b) => [b.buyerKey, b.shopKey],
    (b) => ({ shopKey: b.shopKey, keys: [b.buyerKey] }),
  );
  const orders = validate(
    capturedOrderSchema,
    batch.orders,
    'orders',
    adapterId,
    (o) => [o.orderKey, o.shopKey, o.buyerKey].filter((k): k is string => k !== undefined),
    (o) => ({ shopKey: o.shopKey, keys: [o.orderKey, o.buyerKey] }),
  );
  return {
    shops: dedupe<CapturedShop>(shops.records, (s) => s.shopKey),
    buyers: dedupe<CapturedBuyer>(buyers.records, (b) => b.buyerKey),
    orders: dedupe<CapturedOrder>(orders.records, (o) => o.orderKey),
    problems: boundedProblems([...batch.problems, ...shops.problems, ...buyers.problems, ...orders.problems]),
  };
}
