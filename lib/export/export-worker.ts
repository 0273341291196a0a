import writeXlsxFile, { type SheetData } from 'write-excel-file/browser';
import type { BuyerRow } from '../buyers/list';
import { buyersCsvChunks, exportCells, type ExportColumn, type ExportLookups } from './columns';

/**
 * Builds a buyer-list file off the page's main thread: the page stays responsive and can cancel
 * (terminate the worker) at any time. Posts progress as { done, total }, then { file }.
 */
export interface ExportRequest {
  format: 'csv' | 'xlsx';
  columns: ExportColumn[];
  headers: string[];
  rows: BuyerRow[];
  lookups: ExportLookups;
}
export type ExportMessage = { kind: 'progress'; done: number; total: number } | { kind: 'done'; file: Blob } | { kind: 'failed'; error: string };

const CHUNK = 2000;
const post = (message: ExportMessage) => (self as unknown as { postMessage(message: ExportMessage): void }).postMessage(message);

async function build({ format, columns, headers, rows, lookups }: ExportRequest): Promise<Blob> {
  const total = rows.length;
  if (format === 'csv') {
    const parts: string[] = [];
    for (const chunk of buyersCsvChunks(rows, columns, headers, lookups, CHUNK)) {
      parts.push(chunk);
      post({ kind: 'progress', done: Math.min(total, (parts.length - 1) * CHUNK), total });
    }
    return new Blob(parts, { type: 'text/csv;charset=utf-8' });
  }
  const sheet: SheetData = [headers.map((h) => ({ value: h, fontWeight: 'bold' as const }))];
  for (let i = 0; i < total; i += CHUNK) {
    for (const row of rows.slice(i, i + CHUNK)) {
      sheet.push(
        exportCells(row, columns, lookups).map((cell) => {
          if (cell === null) return null;
          if (typeof cell === 'object' && 'amount' in cell) return { value: Number(cell.amount), type: Number, format: '#,##0.00' };
          if (typeof cell === 'object') return { value: new Date(cell.date), type: Date, format: 'yyyy-mm-dd' };
          // Text stays text: a name beginning with "=" is never a formula in the workbook.
          return typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String };
        }),
      );
    }
    post({ kind: 'progress', done: Math.min(total, i + CHUNK), total });
  }
  return writeXlsxFile(sheet, { sheet: 'Buyers', stickyRowsCount: 1 }).toBlob();
}

self.addEventListener('message', (event: MessageEvent<ExportRequest>) => {
  build(event.data).then(
    (file) => post({ kind: 'done', file }),
    (error: unknown) => post({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }),
  );
});
