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
import { boundedProblems, problem } from '../schema/limits';
import { currencySchema } from '../schema/common';
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

/** Which marketplace and shops a batch may write: decided by the background from where it came from. */
export interface Writer {
  adapterId: string;
  /** The shops the sending page may write (AdapterCatalogEntry.shopsOfPage); every shop where the sender is an extension page. */
  allowsShop: (shopKey: string) => boolean;
  /** Problem lines the sending tab may still log this minute (lib/tab-budget.ts); the rest are counted in one line. */
  maxLoggedProblems?: number;
}

function validate<S extends z.ZodType>(
  schema: S,
  items: readonly unknown[],
  label: string,
  writer: Writer,
  keyOf: (record: z.output<S>) => string[],
  inShop: (record: z.output<S>) => InShop,
): { records: z.output<S>[]; problems: CaptureProblem[] } {
  const { adapterId } = writer;
  return checkedRecords(schema, items, label, (record) => {
    // A content script writes only its own marketplace's records, of the shops its page may write.
    const foreign = keyOf(record).find((key) => !isOfAdapter(key, adapterId));
    if (foreign !== undefined) return `key ${foreign} does not belong to adapter ${adapterId}`;
    const shop = inShop(record);
    if (!writer.allowsShop(shop.shopKey)) return `shop ${shop.shopKey} is not one this page may write`;
    const outside = shop.keys.find((key) => key !== undefined && !isInShop(key, shop.shopKey));
    return outside !== undefined ? `key ${outside} is not in shop ${shop.shopKey}` : undefined;
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

/**
 * Amounts are minor units of their currency: an order whose currency is unreadable loses its
 * amounts with it (the order is kept), so no amount is ever added up in another currency.
 */
function withAmountsInCurrency(order: unknown, index: number, problems: CaptureProblem[]): unknown {
  if (typeof order !== 'object' || order === null || !('currency' in order) || currencySchema.safeParse(order.currency).success) return order;
  problems.push(problem(`orders[${index}]`, `currency ${String(JSON.stringify(order.currency)).slice(0, 40)} unreadable: dropped with the order's amounts`));
  const { currency: _unreadable, totalMinor: _total, ...rest } = order as Record<string, unknown>;
  const items = Array.isArray(rest.items)
    ? rest.items.map((item: unknown) => {
        if (typeof item !== 'object' || item === null) return item;
        const { unitPriceMinor: _price, ...kept } = item as Record<string, unknown>;
        return kept;
      })
    : rest.items;
  return { ...rest, ...(items !== undefined ? { items } : {}) };
}

/**
 * Checks every record of a batch on its own (checked-extraction.ts): a bad field is cut or dropped
 * with its reason, a record with a bad identity or a key outside its adapter or shop is skipped
 * with its reason, the good ones are kept.
 */
export function checkBatch(batch: CaptureBatch, writer: Writer = { adapterId: batch.adapterId, allowsShop: () => true }): CheckedBatch {
  const currencyProblems: CaptureProblem[] = [];
  const shops = validate(capturedShopSchema, batch.shops, 'shops', writer, (s) => [s.shopKey], (s) => ({ shopKey: s.shopKey, keys: [] }));
  const buyers = validate(
    capturedBuyerSchema,
    batch.buyers,
    'buyers',
    writer,
    (b) => [b.buyerKey, b.shopKey],
    (b) => ({ shopKey: b.shopKey, keys: [b.buyerKey] }),
  );
  const orders = validate(
    capturedOrderSchema,
    batch.orders.map((order, index) => withAmountsInCurrency(order, index, currencyProblems)),
    'orders',
    writer,
    (o) => [o.orderKey, o.shopKey, o.buyerKey].filter((k): k is string => k !== undefined),
    (o) => ({ shopKey: o.shopKey, keys: [o.orderKey, o.buyerKey] }),
  );
  return {
    shops: dedupe<CapturedShop>(shops.records, (s) => s.shopKey),
    buyers: dedupe<CapturedBuyer>(buyers.records, (b) => b.buyerKey),
    orders: dedupe<CapturedOrder>(orders.records, (o) => o.orderKey),
    problems: boundedProblems([...batch.problems, ...shops.problems, ...buyers.problems, ...currencyProblems, ...orders.problems]),
  };
}
