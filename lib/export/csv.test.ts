import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuyerLensDatabase } from '../db/database';
import { freshDatabase } from '../db/test-db';
import { emptyStats, type BuyerRecord, type BuyerTier } from '../schema/records';
import { emptyFilter } from '../buyers/list';
import { BuyerListWalk, notedBuyers } from '../db/buyer-list';
import { refreshBuyerList } from '../db/buyer-list-writer';
import { buyersCsvChunks, csvRowLines, DEFAULT_EXPORT_COLUMNS, exportCells, type ExportLookups } from './columns';
import { BOM, majorUnits } from './csv';

const HEADERS = DEFAULT_EXPORT_COLUMNS.map((c) => c);
const LOOKUPS: ExportLookups = {
  tagNames: { t1: 'VIP', t2: 'Atacado, revenda' },
  shopLabels: { 'shopee:BR': 'BR' },
  marketplaceNames: {},
  segmentNames: {},
  notes: {},
};

/** Every buyer's row of the buyers table, in buyer-key order, once the background has made them. */
async function loadBuyerRows(d: BuyerLensDatabase) {
  await refreshBuyerList(d);
  const walk = new BuyerListWalk(d, { filter: emptyFilter(), sort: { key: 'shopKey', dir: 'asc' }, now: Date.now() }, await notedBuyers(d));
  return walk.next(Number.MAX_SAFE_INTEGER);
}

/** The CSV the buyers page exports for every buyer in the store. */
async function buyersCsvText(d: BuyerLensDatabase, options: { headers?: string[]; lookups?: Partial<ExportLookups> } = {}): Promise<string> {
  const rows = await loadBuyerRows(d);
  return [...buyersCsvChunks(rows, DEFAULT_EXPORT_COLUMNS, options.headers ?? HEADERS, { ...LOOKUPS, ...options.lookups })].join('');
}

const AT = '2026-11-23T12:00:00.000Z';
let db: BuyerLensDatabase;

function buyer(id: string, displayName: string | undefined, extra: Partial<BuyerRecord> = {}): BuyerRecord {
  return {
    buyerKey: `shopee:BR:${id}`,
    shopKey: 'shopee:BR',
    adapterId: 'shopee',
    platformBuyerId: id,
    ...(displayName !== undefined ? { displayName } : {}),
    tagIds: [],
    stats: { ...emptyStats(), orderCount: 3, paidOrderCount: 2, spentMinor: 1234550, currency: 'BRL', firstOrderAt: '2025-01-02T03:04:05.000Z', lastOrderAt: '2026-10-01T00:00:00.000Z' },
    firstSeenAt: AT,
    updatedAt: AT,
    ...extra,
  };
}

/** A scored buyer: the tier as scoring writes it onto the buyer. */
const TIER: BuyerTier = { segment: 'champions', r: 5, f: 4, m: 3, lastPurchaseAt: AT, frequency: 7, monetaryMinor: 50000 };
const scored = (record: BuyerRecord): BuyerRecord => ({ ...record, tier: TIER });

/** The file as a spreadsheet would read it: rows of cells, the BOM stripped. */
function parse(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.slice(BOM.length), { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

beforeEach(async () => {
  db = freshDatabase();
  await db.shops.put({ shopKey: 'shopee:BR', adapterId: 'shopee', region: 'BR', currency: 'BRL', firstSeenAt: AT, updatedAt: AT });
  await db.tags.bulkPut([
    { id: 't1', name: 'VIP', color: '#0f766e', createdAt: AT },
    { id: 't2', name: 'Atacado, revenda', color: '#b45309', createdAt: AT },
  ]);
});
afterEach(async () => {
  await db.delete();
});

describe('buyers CSV', () => {
  it('starts with a UTF-8 BOM and the header, lines end in CRLF', async () => {
    await db.buyers.put(buyer('1', 'ana.silva'));
    const text = await buyersCsvText(db);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(BOM.length).split('\r\n')[0]).toBe(HEADERS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes one row per buyer with its shop, tags, tier and aggregates', async () => {
    await db.buyers.put(scored(buyer('1', 'ana.silva', { tagIds: ['t1', 't2', 'gone'] })));
    const [, row] = parse(await buyersCsvText(db));
    expect(row).toEqual([
      'ana.silva',
      'shopee',
      'BR',
      '1',
      'Atacado, revenda; VIP',
      'champions',
      '5',
      '4',
      '3',
      '3',
      '12345.50',
      'BRL',
      '2025-01-02',
      '2026-10-01',
    ]);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and keeps Chinese names intact', async () => {
    await db.buyers.bulkPut([
      buyer('1', 'Silva, Ana'),
      buyer('2', 'Ana "Aninha" Silva'),
      buyer('3', 'line one\nline two'),
      buyer('4', '王小明'),
    ]);
    const text = await buyersCsvText(db);
    expect(text).toContain('"Silva, Ana"');
    expect(text).toContain('"Ana ""Aninha"" Silva"');
    expect(text).toContain('"line one\nline two"');
    expect(text).toContain('王小明');
    const names = parse(text)
      .slice(1)
      .map((r) => r[0]);
    expect(names).toEqual(['Silva, Ana', 'Ana "Aninha" Silva', 'line one\nline two', '王小明']);
    // As bytes: the BOM is EF BB BF and the name is its UTF-8 encoding.
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(bytes).toString('utf8')).toContain('王小明');
  });

  it('keeps a name holding a CRLF of its own inside its quotes, one row per buyer, in chunks too', async () => {
    await db.buyers.bulkPut([buyer('1', 'Ana'), buyer('2', 'first line\r\nsecond line'), buyer('3', 'Bia'), buyer('4', 'x\r\n\r\ny')]);
    const rows = await loadBuyerRows(db);
    // Each buyer's own line, whatever the order they are put in after.
    const lines = csvRowLines(rows.map((row) => exportCells(row, DEFAULT_EXPORT_COLUMNS, LOOKUPS)));
    expect(lines.map((line) => parse(BOM + line)[0]![0])).toEqual(['Ana', 'first line\r\nsecond line', 'Bia', 'x\r\n\r\ny']);
    for (const chunk of [1, 2, 3, 2000]) {
      const text = [...buyersCsvChunks(rows, DEFAULT_EXPORT_COLUMNS, HEADERS, LOOKUPS, chunk)].join('');
      expect(text).toContain('"first line\r\nsecond line"');
      const parsed = parse(text).slice(1);
      expect(parsed.map((r) => r[0])).toEqual(['Ana', 'first line\r\nsecond line', 'Bia', 'x\r\n\r\ny']);
      expect(parsed.map((r) => r[3])).toEqual(['1', '2', '3', '4']);
    }
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    await db.buyers.bulkPut([
      buyer('1', '=cmd|"/c calc"!A1'),
      buyer('2', '+55 11 9999'),
      buyer('3', '-ana-'),
      buyer('4', '@ana'),
      buyer('5', 'ana = ok'),
      // Issue 15: a cell of several lines, full-width signs, and spaces before the sign.
      buyer('6', '=1+2\nsegunda linha'),
      buyer('7', '＝HYPERLINK("https://example.com")'),
      buyer('8', '  =1+2'),
      buyer('9', '\u3000＋55'),
    ]);
    const rows = parse(await buyersCsvText(db)).slice(1);
    expect(rows.map((r) => r[0])).toEqual([
      "'=cmd|\"/c calc\"!A1",
      "'+55 11 9999",
      "'-ana-",
      "'@ana",
      'ana = ok',
      "'=1+2\nsegunda linha",
      "'＝HYPERLINK(\"https://example.com\")",
      "'  =1+2",
      "'\u3000＋55",
    ]);
    // Numbers are numbers, never prefixed.
    expect(rows[0]![9]).toBe('3');
  });

  it('writes every buyer once across pages, in chunks', async () => {
    const many = Array.from({ length: 25 }, (_, i) => buyer(String(1000 + i), `buyer ${i}`));
    await db.buyers.bulkPut(many.map((b, i) => (i % 2 === 0 ? scored(b) : b)));
    const chunks = [...buyersCsvChunks(await loadBuyerRows(db), DEFAULT_EXPORT_COLUMNS, HEADERS, LOOKUPS, 7)];
    expect(chunks).toHaveLength(1 + 4); // header, then pages of 7, 7, 7, 4
    const rows = parse(chunks.join('')).slice(1);
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r[3])).size).toBe(25);
    expect(rows.filter((r) => r[5] === 'champions')).toHaveLength(13);
  });

  it('writes the header alone for an empty store, and takes other labels', async () => {
    expect(parse(await buyersCsvText(db))).toEqual([HEADERS]);
    await db.buyers.put(scored(buyer('1', 'ana')));
    const header = HEADERS.map((c) => c.toUpperCase());
    const rows = parse(await buyersCsvText(db, { headers: header, lookups: { marketplaceNames: { shopee: 'Shopee' }, segmentNames: { champions: '冠军客户' } } }));
    expect(rows[0]).toEqual(header);
    expect(rows[1]!.slice(0, 6)).toEqual(['ana', 'Shopee', 'BR', '1', '', '冠军客户']);
  });

  it('gives money in major units of the currency', () => {
    expect(majorUnits(1234550, 'BRL')).toBe('12345.50');
    expect(majorUnits(5, 'USD')).toBe('0.05');
    expect(majorUnits(0, undefined)).toBe('0.00');
    expect(majorUnits(123400, 'VND')).toBe('123400');
  });
});
