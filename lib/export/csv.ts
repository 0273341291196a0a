import Papa from 'papaparse';
import type { BuyerLensDatabase } from '../db/database';
import { minorExponent } from '../money';
import type { Segment } from '../rfm/segments';
import type { BuyerRecord, RfmRecord, ShopRecord, TagRecord } from '../schema/records';

/**
 * Buyers as CSV for campaigns and spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese
 * names right), RFC 4180 quoting (Papa Parse's unparse: fields holding a comma, quote or line break
 * are quoted, quotes doubled, lines end in CRLF), and text cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) prefixed with `'`.
 *
 * The file is produced in chunks, one page of buyers at a time (keyset paging on the primary key,
 * one short read transaction per page, the next page read while this one is formatted), so a page
 * exporting a large store never blocks for long and never holds every buyer at once.
 */

export const BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';
export const DEFAULT_PAGE_SIZE = 1000;

export const BUYER_CSV_COLUMNS = [
  'buyer name',
  'marketplace',
  'shop',
  'platform buyer id',
  'tags',
  'segment',
  'R',
  'F',
  'M',
  'orders',
  'total spent',
  'currency',
  'first order',
  'last order',
] as const;

export interface BuyersCsvOptions {
  /** Buyers per page (and per chunk). */
  pageSize?: number;
  /** Header cells, in the order of BUYER_CSV_COLUMNS (e.g. translated). */
  header?: readonly string[];
  /** The marketplace's name for an adapter id; the id itself by default. */
  marketplaceName?: (adapterId: string) => string;
  /** A segment's name; its id (`champions`, `important-value`, …) by default. */
  segmentName?: (segment: Segment) => string;
  /** Only the buyers this accepts (the page is still read in full). */
  filter?: (buyer: BuyerRecord) => boolean;
}

export type CsvCell = string | number;

/** `1234550` minor units of BRL → "12345.50": exact, in the currency's major units. */
export function majorUnits(minor: number, currency: string | undefined): string {
  const exp = currency ? minorExponent(currency) : 2;
  if (exp === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  return `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

function shopName(shopKey: string, shop: ShopRecord | undefined): string {
  return shop?.name ?? shop?.region ?? shopKey.slice(shopKey.indexOf(':') + 1);
}

/** One buyer's cells, in the order of BUYER_CSV_COLUMNS. */
export function buyerCsvCells(
  buyer: BuyerRecord,
  context: { shop?: ShopRecord | undefined; tags: ReadonlyMap<string, TagRecord>; rfm?: RfmRecord | undefined },
  options: Pick<BuyersCsvOptions, 'marketplaceName' | 'segmentName'> = {},
): CsvCell[] {
  const { shop, tags, rfm } = context;
  const currency = buyer.stats.currency ?? shop?.currency;
  const tagNames = buyer.tagIds
    .map((id) => tags.get(id)?.name)
    .filter((name): name is string => name !== undefined)
    .sort((a, b) => a.localeCompare(b));
  return [
    buyer.displayName ?? '',
    options.marketplaceName?.(buyer.adapterId) ?? buyer.adapterId,
    shopName(buyer.shopKey, shop),
    buyer.platformBuyerId,
    tagNames.join('; '),
    rfm ? (options.segmentName?.(rfm.segment) ?? rfm.segment) : '',
    rfm?.r ?? '',
    rfm?.f ?? '',
    rfm?.m ?? '',
    buyer.stats.orderCount,
    majorUnits(buyer.stats.spentMinor, currency),
    currency ?? '',
    buyer.stats.firstOrderAt ?? '',
    buyer.stats.lastOrderAt ?? '',
  ];
}

/** Rows as CSV lines, each ending in CRLF; formula-like text cells neutralised. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows as CsvCell[][], { newline: CSV_NEWLINE, escapeFormulae: true, header: false }) + CSV_NEWLINE;
}

/**
 * The buyers CSV in chunks: the first is the BOM and the header line, then one chunk of lines per
 * page of buyers (in buyer-key order: by marketplace and shop, then platform id). Joined, the chunks
 * are the whole file (e.g. `new Blob(chunks, { type: 'text/csv;charset=utf-8' })`).
 */
export async function* buyersCsv(db: BuyerLensDatabase, options: BuyersCsvOptions = {}): AsyncGenerator<string, void, undefined> {
  const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  const [shopList, tagList] = await db.transaction('r', [db.shops, db.tags], () => Promise.all([db.shops.toArray(), db.tags.toArray()]));
  const shops = new Map(shopList.map((s) => [s.shopKey, s]));
  const tags = new Map(tagList.map((t) => [t.id, t]));
  yield BOM + csvLines([options.header ?? BUYER_CSV_COLUMNS]);

  // One page of buyers and their tiers. Both tables are keyed by buyer key, so the tiers of a page
  // are one key range of the rfm table, not one lookup per buyer.
  type Page = { buyers: BuyerRecord[]; tiers: RfmRecord[] };
  const readPage = (after: string | undefined): Promise<Page> =>
    db.transaction('r', [db.buyers, db.rfm], async () => {
      const buyers = await (after === undefined ? db.buyers.orderBy(':id') : db.buyers.where(':id').above(after)).limit(pageSize).toArray();
      const tiers =
        buyers.length === 0 ? [] : await db.rfm.where(':id').between(buyers[0]!.buyerKey, buyers[buyers.length - 1]!.buyerKey, true, true).toArray();
      return { buyers, tiers };
    });

  let next: Promise<Page> | undefined = readPage(undefined);
  try {
    while (next) {
      const { buyers, tiers }: Page = await next;
      // The next page is read while this one is formatted and handed on.
      next = buyers.length === pageSize ? readPage(buyers[buyers.length - 1]!.buyerKey) : undefined;
      const rfmByKey = new Map(tiers.map((r) => [r.buyerKey, r]));
      const rows = (options.filter ? buyers.filter(options.filter) : buyers).map((buyer) =>
        buyerCsvCells(buyer, { shop: shops.get(buyer.shopKey), tags, rfm: rfmByKey.get(buyer.buyerKey) }, options),
      );
      if (rows.length > 0) yield csvLines(rows);
    }
  } finally {
    // A consumer that stops early leaves a read in flight: its outcome no longer matters.
    next?.catch(() => undefined);
  }
}

/** The whole buyers CSV as one string (small stores, tests); large exports should stream buyersCsv. */
export async function buyersCsvText(db: BuyerLensDatabase, options: BuyersCsvOptions = {}): Promise<string> {
  let text = '';
  for await (const chunk of buyersCsv(db, options)) text += chunk;
  return text;
}
