import { csvFormatRow } from 'd3-dsv';
import { minorExponent } from '../money';

/**
 * Buyers as CSV for campaigns and spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese
 * names right), RFC 4180 quoting (d3-dsv's formatter: fields holding a comma, quote or line break are
 * quoted, quotes doubled), lines ending in CRLF, and text cells that a spreadsheet would run as a
 * formula (FORMULA_START) prefixed with `'`. d3-dsv writes one line per call, so an export makes each
 * buyer's line as the buyer is read and puts the lines in order after (Papa Parse's unparse, about
 * half as fast, writes whole files only; Papa Parse still reads the CSVs users import).
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
 * cell of several lines counts by its first character (a pattern with `.` misses those:
 * `.` stops at a line break). Such a cell is written with a leading `'`.
 */
export const FORMULA_START = /^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/u;

/** A cell's text: a number as it is, a text a spreadsheet would run as a formula with a leading `'` (it then reads as text). */
const neutralised = (cell: CsvCell): string => (typeof cell === 'number' ? String(cell) : FORMULA_START.test(cell) ? `'${cell}` : cell);

/** One row as a CSV line, without its line end; formula-like text cells neutralised. */
export const csvLine = (row: readonly CsvCell[]): string => csvFormatRow(row.map(neutralised));
