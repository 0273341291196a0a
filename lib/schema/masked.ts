/**
 * Consoles mask personal data: Shopee `***` and `R******P`, TikTok Shop `b**********1`, phones
 * `1**********8`, full-width `＊＊＊` (CN/JP consoles), bullets `•••` / `●●●`, and for names also runs
 * of `x` (`xxxxx`, `Jxxxxn`). A masked value is not the buyer's name or id and is stored as absent.
 */

/** Any asterisk (ASCII, full-width, the operator): no real name or id contains one. */
const ASTERISK = /[*＊∗]/u;
/** Bullets mask in runs; a single one is a separator ("Shop • Buyer"). */
const BULLETS = /[•●]{2,}/u;
/** A word that is a run of x with at most two letters kept on each side: `xxxx`, `jxxxxn`, `Maxxx`. */
const X_RUN_WORD = /^.{0,2}(?:[xX]{3,}).{0,2}$/u;

/** A masked id, code or label: blank, or any asterisk, or a run of bullets. */
export function isMasked(value: string): boolean {
  const v = value.trim();
  return v === '' || ASTERISK.test(v) || BULLETS.test(v);
}

/**
 * A masked person's name: what isMasked says, or a word that is a run of x. Only names: a size
 * `XXXL` or a code `XXX-1` is a value, so variants, ids and tracking numbers use isMasked.
 */
export function isMaskedName(value: string): boolean {
  return isMasked(value) || value.trim().split(/\s+/u).some((word) => X_RUN_WORD.test(word));
}

/** The value, or undefined where the console masked it. */
export function unmasked(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  return isMasked(v) ? undefined : v;
}

/** A person's name, or undefined where the console masked it (isMaskedName). */
export function unmaskedName(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  return isMaskedName(v) ? undefined : v;
}
