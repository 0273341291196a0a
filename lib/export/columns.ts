import type { BuyerRow } from '../buyers/list';
import { BOM, CSV_NEWLINE, csvLine, majorUnits } from './csv';

/** The columns a buyer list can be exported with, in their order in the file. */
export const EXPORT_COLUMNS = ['name', 'marketplace', 'shop', 'buyerId', 'tags', 'segment', 'r', 'f', 'm', 'orders', 'spent', 'currency', 'firstOrder', 'lastOrder', 'notes'] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumn[] = EXPORT_COLUMNS.filter((c) => c !== 'notes');

/** Names the page resolves once (in the user's language) so the worker only formats. */
export interface ExportLookups {
  tagNames: Record<string, string>;
  shopLabels: Record<string, string>;
  marketplaceNames: Record<string, string>;
  segmentNames: Record<string, string>;
  /** Notes per buyer, newest first, where the notes column is chosen. */
  notes: Record<string, string[]>;
}

/** Text, a count, money (exact major units, "12345.50"), a date, or nothing. */
export type ExportCell = string | number | { amount: string } | { date: string } | null;

/** One buyer's cells for the chosen columns: numbers stay numbers, dates stay dates. */
export function exportCells(row: BuyerRow, columns: readonly ExportColumn[], lookups: ExportLookups): ExportCell[] {
  return columns.map((column): ExportCell => {
    switch (column) {
      case 'name':
        return row.name ?? '';
      case 'marketplace':
        return lookups.marketplaceNames[row.adapterId] ?? row.adapterId;
      case 'shop':
        return lookups.shopLabels[row.shopKey] ?? row.shopKey;
      case 'buyerId':
        return row.platformBuyerId;
      case 'tags':
        return row.tagIds
          .map((id) => lookups.tagNames[id])
          .filter((n): n is string => n !== undefined)
          .sort((a, b) => a.localeCompare(b))
          .join('; ');
      case 'segment':
        return row.segment ? (lookups.segmentNames[row.segment] ?? row.segment) : '';
      case 'r':
        return row.r ?? null;
      case 'f':
        return row.f ?? null;
      case 'm':
        return row.m ?? null;
      case 'orders':
        return row.orders;
      case 'spent':
        return { amount: majorUnits(row.spentMinor, row.currency) };
      case 'currency':
        return row.currency ?? '';
      case 'firstOrder':
        return row.firstOrderAt ? { date: row.firstOrderAt } : null;
      case 'lastOrder':
        return row.lastOrderAt ? { date: row.lastOrderAt } : null;
      case 'notes':
        return (lookups.notes[row.buyerKey] ?? []).join('\n');
    }
  });
}

/** A cell as CSV text: money as its exact amount, dates as YYYY-MM-DD, empty for nothing. */
export function csvCell(cell: ExportCell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'object') return 'amount' in cell ? cell.amount : cell.date.slice(0, 10);
  return cell;
}

/** Each buyer's CSV line (without its line end), from their cells. */
export const csvRowLines = (cells: readonly (readonly ExportCell[])[]): string[] => cells.map((row) => csvLine(row.map(csvCell)));

/**
 * The CSV file in chunks from the buyers' lines (csvRowLines), in their order: the BOM and the header
 * line first, then one chunk per `chunkSize` buyers. Joined, the chunks are the file (the export
 * worker makes one Blob of them).
 */
export function* csvFileChunks(lines: readonly string[], headers: readonly string[], chunkSize = 2000): Generator<string, void, undefined> {
  // The BOM, so Excel reads UTF-8.
  yield BOM + csvLine(headers) + CSV_NEWLINE;
  for (let i = 0; i < lines.length; i += chunkSize) yield lines.slice(i, i + chunkSize).join(CSV_NEWLINE) + CSV_NEWLINE;
}

/** The same from the buyers' rows. */
export const buyersCsvChunks = (rows: readonly BuyerRow[], columns: readonly ExportColumn[], headers: readonly string[], lookups: ExportLookups, chunkSize = 2000) =>
  csvFileChunks(csvRowLines(rows.map((row) => exportCells(row, columns, lookups))), headers, chunkSize);
