import { toBuyerRow, type BuyerRow } from '../buyers/list';
import type { BuyerRecord } from '../schema/records';
import type { BuyerLensDatabase } from './database';

const PAGE = 5000;

/**
 * Every buyer as a table row (tier included: it is on the buyer), read a page at a time (keyset
 * paging on the buyer key) so the page can show progress and stay responsive.
 */
export async function loadBuyerRows(db: BuyerLensDatabase, onProgress?: (loaded: number, total: number) => void): Promise<BuyerRow[]> {
  const [total, withNotes, shops] = await Promise.all([db.buyers.count(), db.notes.orderBy('buyerKey').uniqueKeys(), db.shops.toArray()]);
  const currencyOf = new Map(shops.map((s) => [s.shopKey, s.currency]));
  const noted = new Set(withNotes as string[]);
  const rows: BuyerRow[] = [];
  let after: string | undefined;
  for (;;) {
    const buyers: BuyerRecord[] = await (after === undefined ? db.buyers.orderBy(':id') : db.buyers.where(':id').above(after)).limit(PAGE).toArray();
    if (buyers.length === 0) break;
    for (const buyer of buyers) rows.push(toBuyerRow(buyer, noted.has(buyer.buyerKey), currencyOf.get(buyer.shopKey)));
    after = buyers[buyers.length - 1]!.buyerKey;
    onProgress?.(rows.length, total);
    if (buyers.length < PAGE) break;
  }
  return rows;
}
