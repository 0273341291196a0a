/**
 * Consoles mask personal data with runs of `*` (Shopee `***`, `R******P`, phones `1**********8`) or
 * bullets. A masked value is not the buyer's name or id and is stored as absent.
 */
export function isMasked(value: string): boolean {
  const v = value.trim();
  return v === '' || /^[*•●]+$/.test(v) || /[*•●]{2,}/.test(v);
}

/** The value, or undefined where the console masked it. */
export function unmasked(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  return isMasked(v) ? undefined : v;
}
