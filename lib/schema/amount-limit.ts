/**
 * The largest amount one order or item may carry, in minor units (10^12: ¥1 trillion, R$10 billion).
 * A larger one is a page's or a response's error, dropped with a problem (salvage.ts); below it, a
 * buyer's sum stays a safe integer for thousands of such orders, and aggregates saturate beyond.
 * (Its own module, without zod: the recipe runtime in a content script reads it too.)
 */
export const MAX_AMOUNT_MINOR = 1e12;
