import { toBuyerRow, type BuyerRow } from '../buyers/list';
import type { BuyerRecord, RfmRecord } from '../schema/records';
import type { BuyerLensDatabase } from './database';

const PAGE = 5000;

/**
 * Every buyer as a table row, read a page at a time (keyset paging on the buyer key, each page's
 * tiers as one key range of the rfm table) so the page can show progress and stay responsive.
 */
export async function loadBuyerRows(db: BuyerLensDatabase, onProgress?: (loaded: number, total: number) => void): Promise<BuyerRow[]> {
  const [total, withNotes, shops] = await Promise.all([db.buyers.count(), db.notes.orderBy('buyerKey').uniqueKeys(), db.shops.toArray()]);
  const currencyOf = new Map(shops.map((s) => [s.shopKey, s.currency]));
  const noted = new Set(withNotes as string[]);
  const rows: BuyerRow[] = [];
  let after: string | undefined;
  for (;;) {
    const from = after;
    const { buyers, tiers } = await db.transaction('r', [db.buyers, db.rfm], async () => {
      const page: BuyerRecord[] = await (from === undefined ? db.buyers.orderBy(':id') : db.buyers.where(':id').above(from)).limit(PAGE).toArray();
      const range: RfmRecord[] = page.length ? await db.rfm.where(':id').between(page[0]!.buyerKey, page[page.length - 1]!.buyerKey, true, true).toArray() : [];
      return { buyers: page, tiers: range };
    });
    if (buyers.length === 0) break;
    const byKey = new Map(tiers.map((t) => [t.buyerKey, t]));
    for (const buyer of buyers) rows.push(toBuyerRow(buyer, byKey.get(buyer.buyerKey), noted.has(buyer.buyerKey), currencyOf.get(buyer.shopKey)));
    after = buyers[buyers.length - 1]!.buyerKey;
    onProgress?.(rows.length, total);
    if (buyers.length < PAGE) break;
  }
  return rows;
}
