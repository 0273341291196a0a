import { everyMatchInOrder, notedBuyers, notesByBuyer, type ListQuery } from '@/lib/db/buyer-list';
import { db } from '@/lib/db/database';
import type { BuyerRow } from '@/lib/buyers/list';
import { csvFileChunks, csvRowLines, exportCells, type ExportColumn, type ExportLookups } from '@/lib/export/columns';
import { xlsxHeader, xlsxRow } from '@/lib/export/xlsx';

/**
 * Builds a buyer-list file off the page's main thread, reading the buyers the page's query lists
 * straight from the store, a slice at a time, into the table's order: the page never holds the list,
 * stays responsive, and can cancel (terminate the worker) at any time. Posts progress as
 * { done, total } (total: the page's count, where it knows it), then { file }.
 */
export interface ExportRequest {
  format: 'csv' | 'xlsx';
  columns: ExportColumn[];
  headers: string[];
  query: ListQuery;
  lookups: Omit<ExportLookups, 'notes'>;
  total: number | null;
}
export type ExportMessage = { kind: 'progress'; done: number; total: number | null } | { kind: 'done'; file: Blob; rows: number } | { kind: 'failed'; error: string };

/** Buyers read per step (at 200,000 buyers, 10,000 a step exported in 1.41× a plain read of them, 5,000 in 1.52×). */
const SLICE = 10_000;
const post = (message: ExportMessage) => (self as unknown as { postMessage(message: ExportMessage): void }).postMessage(message);

async function build({ format, columns, headers, query, lookups: names, total }: ExportRequest): Promise<{ file: Blob; rows: number }> {
  const [noted, notes] = await Promise.all([notedBuyers(db), columns.includes('notes') ? notesByBuyer(db) : {}]);
  const lookups: ExportLookups = { ...names, notes };
  const progress = (done: number) => post({ kind: 'progress', done, total });
  const cellsOf = (rows: readonly BuyerRow[]) => rows.map((row) => exportCells(row, columns, lookups));
  if (format === 'csv') {
    // Each slice's CSV lines made as it is read, while the next is (the rows are not kept), then put in the list's order.
    const lines = await everyMatchInOrder(db, query, noted, (rows) => csvRowLines(cellsOf(rows)), progress, SLICE);
    return { file: new Blob([...csvFileChunks(lines, headers, SLICE)], { type: 'text/csv;charset=utf-8' }), rows: lines.length };
  }
  const cells = await everyMatchInOrder(db, query, noted, cellsOf, progress, SLICE);
  // The workbook writer is loaded only for a workbook: a CSV export starts without it.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const file = await writeXlsxFile([xlsxHeader(headers), ...cells.map(xlsxRow)], { sheet: 'Buyers', stickyRowsCount: 1 }).toBlob();
  return { file, rows: cells.length };
}

// Opened while the worker waits for its export (the page starts one ahead).
void db.open().catch(() => undefined);

self.addEventListener('message', (event: MessageEvent<ExportRequest>) => {
  build(event.data).then(
    ({ file, rows }) => post({ kind: 'done', file, rows }),
    (error: unknown) => post({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }),
  );
});
