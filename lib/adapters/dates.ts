/**
 * Dates taken as real: from 1995 (before any of these consoles) to 2100. A timestamp outside (1e308,
 * a negative one, year 10000) is a missing date with a problem, never an exception: `new Date(…)`
 * of such a value has no ISO form and would throw for the whole response.
 */
const PLAUSIBLE_MS = { from: Date.UTC(1995, 0, 1), to: Date.UTC(2100, 0, 1) } as const;

const plausible = (ms: number) => Number.isFinite(ms) && ms >= PLAUSIBLE_MS.from && ms < PLAUSIBLE_MS.to;

/**
 * Epoch seconds (Shopee ints, Amazon floats like 1.636992286776E9) as ISO-8601 UTC. 0 and absent
 * mean "not yet" (Shopee's pickup_time before pickup); any other value out of range is reported to
 * `bad` and read as absent.
 */
export function epochSecondsToIso(seconds: number | null | undefined, bad?: (reason: string) => void): string | undefined {
  if (seconds == null || seconds === 0) return undefined;
  const ms = Math.round(seconds * 1000);
  if (!plausible(ms)) {
    bad?.(`date out of range: ${String(seconds).slice(0, 40)} seconds`);
    return undefined;
  }
  return new Date(ms).toISOString();
}

/** Epoch milliseconds (Lazada's creationTime) as ISO-8601 UTC; 0 and absent are no date, out of range is reported to `bad`. */
export function epochMsToIso(ms: number | null | undefined, bad?: (reason: string) => void): string | undefined {
  if (ms == null || ms === 0) return undefined;
  if (!plausible(ms)) {
    bad?.(`date out of range: ${String(ms).slice(0, 40)} milliseconds`);
    return undefined;
  }
  return new Date(Math.round(ms)).toISOString();
}

/** Offsets of the zone abbreviations Seller Central prints after dates, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UTC: 0, GMT: 0, BST: 60, WET: 0, WEST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120, EEST: 180,
  PST: -480, PDT: -420, MST: -420, MDT: -360, CST: -360, CDT: -300, EST: -300, EDT: -240,
  AKST: -540, AKDT: -480, HST: -600, JST: 540, KST: 540, IST: 330, SGT: 480, AEST: 600, AEDT: 660,
  AWST: 480, BRT: -180, GST: 240, AST: 180, TRT: 180,
};

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  // German and other European abbreviations Seller Central EU uses
  jän: 1, mär: 3, mai: 5, okt: 10, dez: 12, janv: 1, févr: 2, fév: 2, mars: 3, avr: 4, juin: 6, juil: 7,
  août: 8, déc: 12, ene: 1, abr: 4, ago: 8, dic: 12, gen: 1, mag: 5, giu: 6, lug: 7, set: 9, ott: 10,
};

function toIso(y: number, mo: number, d: number, h: number, mi: number, zone: string | undefined): string | undefined {
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0 && mi < 60)) return undefined;
  const offset = zone === undefined ? 0 : ZONES[zone.toUpperCase()];
  if (offset === undefined) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi) - offset * 60_000;
  return plausible(ms) ? new Date(ms).toISOString() : undefined;
}

function hour24(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = /^p/i.test(ampm);
  return (h % 12) + (pm ? 12 : 0);
}

/**
 * A date as Seller Central renders it, in the variants seen on real pages:
 * "2021年5月19日(水) 23:45 JST" (JP), "Sun, 2 Nov 2025, 15:20 MET" (DE), "02.11.2025 15:20 MET" (DE list),
 * "Nov 15, 2021 8:04 AM PST" (US). Undefined where the text is not one of them.
 */
export function parseConsoleDate(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  let m = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*\([^)]*\))?\s*(\d{1,2}):(\d{2})(?:\s*([A-Z]{2,5}))?/.exec(t);
  if (m) return toIso(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6]);
  m = /(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s*(\d{1,2}):(\d{2})(?:\s*([A-Z]{2,5}))?/.exec(t);
  if (m) return toIso(+m[3]!, +m[2]!, +m[1]!, +m[4]!, +m[5]!, m[6]);
  m = /(\d{1,2})\.?\s+([A-Za-zÀ-ÿ]{3,5})\.?\s+(\d{4}),?\s*(\d{1,2}):(\d{2})\s*(AM|PM)?(?:\s*([A-Z]{2,5}))?/i.exec(t);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (mo) return toIso(+m[3]!, mo, +m[1]!, hour24(+m[4]!, m[6]), +m[5]!, m[7]);
  }
  m = /([A-Za-z]{3,5})\.?\s+(\d{1,2}),?\s+(\d{4}),?\s*(\d{1,2}):(\d{2})\s*(AM|PM)?(?:\s*([A-Z]{2,5}))?/i.exec(t);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    if (mo) return toIso(+m[3]!, mo, +m[2]!, hour24(+m[4]!, m[6]), +m[5]!, m[7]);
  }
  return undefined;
}
