import type { SheetData } from 'write-excel-file/browser';
import { BuyerListWalk, notedBuyers, notesByBuyer, type ListQuery } from '@/lib/db/buyer-list';
import { db } from '@/lib/db/database';
import { csvBody, csvHeader, exportCells, type ExportColumn, type ExportLookups } from '@/lib/export/columns';
import { xlsxHeader, xlsxRow } from '@/lib/export/xlsx';

/**
 * Builds a buyer-list file off the page's main thread, reading the buyers the page's query lists
 * straight from the store in the table's order, a slice at a time: the page never holds the list,
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

/** Buyers read and written per step. */
const SLICE = 5000;
const post = (message: ExportMessage) => (self as unknown as { postMessage(message: ExportMessage): void }).postMessage(message);

async function build({ format, columns, headers, query, lookups: names, total }: ExportRequest): Promise<{ file: Blob; rows: number }> {
  const [noted, notes] = await Promise.all([notedBuyers(db), columns.includes('notes') ? notesByBuyer(db) : {}]);
  const lookups: ExportLookups = { ...names, notes };
  // Large slices (few transactions), the next one read while this one is written out.
  const walk = new BuyerListWalk(db, query, noted, SLICE);
  const csv: string[] = [csvHeader(headers)];
  const sheet: SheetData = [xlsxHeader(headers)];
  let done = 0;
  let next = walk.next(SLICE);
  for (;;) {
    const rows = await next;
    const more = !walk.done;
    if (more) next = walk.next(SLICE);
    if (format === 'csv') csv.push(csvBody(rows, columns, lookups));
    else for (const row of rows) sheet.push(xlsxRow(exportCells(row, columns, lookups)));
    done += rows.length;
    post({ kind: 'progress', done, total });
    if (!more) break;
  }
  if (format === 'csv') return { file: new Blob(csv, { type: 'text/csv;charset=utf-8' }), rows: done };
  // The workbook writer is loaded only for a workbook: a CSV export starts without it.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const file = await writeXlsxFile(sheet, { sheet: 'Buyers', stickyRowsCount: 1 }).toBlob();
  return { file, rows: done };
}

// Opened while the worker waits for its export (the page starts one ahead).
void db.open().catch(() => undefined);

self.addEventListener('message', (event: MessageEvent<ExportRequest>) => {
  build(event.data).then(
    ({ file, rows }) => post({ kind: 'done', file, rows }),
    (error: unknown) => post({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }),
  );
});
