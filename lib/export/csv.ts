import Papa from 'papaparse';
import { minorExponent } from '../money';

/**
 * Buyers as CSV for campaigns and spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese
 * names right), RFC 4180 quoting (Papa Parse's unparse: fields holding a comma, quote or line break
 * are quoted, quotes doubled, lines end in CRLF), and text cells that a spreadsheet would run as a
 * formula (FORMULA_START) prefixed with `'`.
 * Which cells a buyer list has, and the file in chunks: columns.ts.
 */

export const BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

export type CsvCell = string | number;

/** `1234550` minor units of BRL → "12345.50": exact, in the currency's major units. */
export function majorUnits(minor: number, currency: string | undefined): string {
  const exp = minorExponent(currency);
  if (exp === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  return `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

/**
 * A text cell a spreadsheet may run as a formula: it starts, after any spaces (`\s`: ASCII,
 * no-break, ideographic) or line breaks, with =, +, -, @ or their full-width forms, or with a tab or CR; a
 * cell of several lines counts by its first character (Papa Parse's default pattern misses those:
 * `.` stops at a line break). Such a cell is written with a leading `'`.
 */
export const FORMULA_START = /^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/u;

/** Rows as CSV lines, each ending in CRLF; formula-like text cells neutralised. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows as CsvCell[][], { newline: CSV_NEWLINE, escapeFormulae: FORMULA_START, header: false }) + CSV_NEWLINE;
}
