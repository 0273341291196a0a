import type { SheetData } from 'write-excel-file/browser';
import type { ExportCell } from './columns';

type SheetRow = SheetData[number];

/** The header row of a workbook: bold, so it reads as one. */
export const xlsxHeader = (headers: readonly string[]): SheetRow => headers.map((h) => ({ value: h, fontWeight: 'bold' as const }));

/** One buyer's cells as workbook cells: amounts and counts as numbers, dates as dates, text as text. */
export function xlsxRow(cells: readonly ExportCell[]): SheetRow {
  return cells.map((cell) => {
    if (cell === null) return null;
    if (typeof cell === 'object' && 'amount' in cell) return { value: Number(cell.amount), type: Number, format: '#,##0.00' };
    if (typeof cell === 'object') return { value: new Date(cell.date), type: Date, format: 'yyyy-mm-dd' };
    // Text stays text: a name beginning with "=" is never a formula in the workbook.
    return typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String };
  });
}
