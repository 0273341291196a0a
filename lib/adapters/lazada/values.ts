import { epochMsToIso as msToIso, parseConsoleDate } from '../dates';
import { decimalToMinor } from '../../money';

/*
 * Field readers for the mtop JSON. The console's rows carry dozens of fields, each read on its own: a
 * field of the wrong type or form is reported to `bad` and read as absent, so it costs that field and
 * never the row (only a row without its order number is lost).
 */

export type Json = Readonly<Record<string, unknown>>;
export type Bad = (reason: string) => void;

export const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export const recordsOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** A value as it appears in a problem: short, whatever it is. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * A platform id: digits, as a string (`"900548022891005"`) or a JSON number (`buyerId` is a long in
 * the list rows and IM cards; Lazada's 12- to 15-digit ids stay below 2^53).
 */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const id = value.trim();
  return /^\d{1,30}$/.test(id) && !/^0+$/.test(id) ? id : undefined;
}

/** A non-empty text. */
export function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

const absent = (value: unknown) => value === undefined || value === null || value === '';

/** A count of items: a positive whole number. */
export function countOf(value: unknown, bad: Bad): number | undefined {
  if (absent(value)) return undefined;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n;
  bad(`not a quantity: ${shown(value)}`);
  return undefined;
}

/**
 * An amount in major units as the console sends it, a decimal string ("1199.00", "1199", "-0.00";
 * IDR and VND without decimals) or a JSON number, in minor units of the currency. Negative amounts
 * are discounts, never a price or a total.
 */
export function amountOf(value: unknown, currency: string, bad: Bad): number | undefined {
  if (absent(value)) return undefined;
  const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
  const minor = text === undefined ? undefined : decimalToMinor(text, currency);
  if (minor === undefined || !Number.isSafeInteger(minor) || minor < 0) {
    bad(`not an amount in ${currency}: ${shown(value)}`);
    return undefined;
  }
  return minor || 0; // "-0.00" is 0
}

/** Lazada's timestamps are epoch milliseconds (`creationTime`, `gmtCreatedTime`), as a number or a digit string. */
export function epochMsToIso(value: unknown, bad: Bad): string | undefined {
  if (absent(value)) return undefined;
  const ms = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof ms !== 'number') {
    bad(`not a time in epoch milliseconds: ${shown(value)}`);
    return undefined;
  }
  return msToIso(ms, () => bad(`not a time in epoch milliseconds: ${shown(value)}`));
}

/** A date the console wrote in its country's time (`utcOffsetMinutes` east of UTC), to the minute or to the day. */
export interface LocalDate {
  placedAt: string;
  placedAtPrecision?: 'day';
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `orderDate` "2024-09-27" (the order page, 2026), `createDate` "02 Apr 2026" with `createTime`
 * (the list rows; "HH:mm", seconds if any are dropped). A day alone is dated at noon of the
 * console's time, as precise as the day: an exact time read elsewhere wins over it.
 */
export function localDateToIso(dateText: string | undefined, timeText: string | undefined, utcOffsetMinutes: number): LocalDate | undefined {
  if (!dateText) return undefined;
  const shift = (iso: string) => new Date(Date.parse(iso) - utcOffsetMinutes * 60_000).toISOString();
  const day = ISO_DAY.exec(dateText);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const noon = Date.UTC(y, m - 1, d, 12);
    const date = new Date(noon);
    if (y < 1995 || y >= 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
    const time = timeText ? /^(\d{1,2}):(\d{2})/.exec(timeText) : null;
    if (time && Number(time[1]) < 24 && Number(time[2]) < 60) return { placedAt: shift(new Date(Date.UTC(y, m - 1, d, Number(time[1]), Number(time[2]))).toISOString()) };
    return { placedAt: shift(date.toISOString()), placedAtPrecision: 'day' };
  }
  const withTime = timeText ? parseConsoleDate(`${dateText} ${timeText}`) : undefined;
  if (withTime) return { placedAt: shift(withTime) };
  const dayOnly = parseConsoleDate(`${dateText} 12:00`);
  return dayOnly ? { placedAt: shift(dayOnly), placedAtPrecision: 'day' } : undefined;
}
