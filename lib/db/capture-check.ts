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
import { describeIssues } from '../schema/issues';
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
  keyOf: (record: z.infer<S>) => string[],
  inShop?: (record: z.infer<S>) => InShop,
): { records: z.infer<S>[]; problems: CaptureProblem[] } {
  const records: z.infer<S>[] = [];
  const problems: CaptureProblem[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      problems.push({ where: `${label}[${index}]`, reason: describeIssues(parsed.error, 5) });
      return;
    }
    // A content script writes only its own marketplace's records.
    const foreign = keyOf(parsed.data).find((key) => !isOfAdapter(key, adapterId));
    if (foreign !== undefined) {
      problems.push({ where: `${label}[${index}]`, reason: `key ${foreign} does not belong to adapter ${adapterId}` });
      return;
    }
    const shop = inShop?.(parsed.data);
    const outside = shop?.keys.find((key) => key !== undefined && !isInShop(key, shop.shopKey));
    if (shop && outside !== undefined) {
      problems.push({ where: `${label}[${index}]`, reason: `key ${outside} is not in shop ${shop.shopKey}` });
      return;
    }
    records.push(parsed.data);
  });
  return { records, problems };
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
    problems: [...batch.problems, ...shops.problems, ...buyers.problems, ...orders.problems],
  };
}
