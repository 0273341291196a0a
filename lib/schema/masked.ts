/**
 * Consoles mask personal data: Shopee `***` and `R******P`, TikTok Shop `b**********1`, phones
 * `1**********8`, full-width `＊＊＊` (CN/JP consoles), bullets `•••` / `●●●`, and for names also runs
 * of `x` (`xxxxx`, `Jxxxxn`). A masked value is not the buyer's name or id and is stored as absent.
 */

/** Mask characters in runs (ASCII, full-width and operator asterisks, bullets): `***`, `R******P`, `＊＊`. */
const MASK_RUN = /[*＊∗•●]{2,}/u;
/** Any asterisk: no real name contains one (`J*hn`); a value may (`20*30cm`, `Pack 2*50ml`). */
const ASTERISK = /[*＊∗]/u;
/** A word that is a run of x with at most two letters kept on each side: `xxxx`, `jxxxxn`, `Maxxx`. */
const X_RUN_WORD = /^.{0,2}(?:[xX]{3,}).{0,2}$/u;

/** A masked id, code or label: blank, or a run of mask characters. */
export function isMasked(value: string): boolean {
  const v = value.trim();
  return v === '' || MASK_RUN.test(v) || /^[*＊∗•●]$/u.test(v);
}

/**
 * A masked person's name: what isMasked says, any asterisk, or a word that is a run of x. Only
 * names: a size `XXXL` or `20*30cm` is a value, so variants, ids and tracking numbers use isMasked.
 */
function isMaskedName(value: string): boolean {
  return isMasked(value) || ASTERISK.test(value) || value.trim().split(/\s+/u).some((word) => X_RUN_WORD.test(word));
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
