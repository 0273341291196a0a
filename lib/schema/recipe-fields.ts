/**
 * A recipe's fields, without zod: the content script that runs recipes starts on every page of a
 * taught site and must not bundle the schemas (recipes.ts builds its schemas from these).
 */

/** What an order page gives: the order's fields. `orderNumber`, `buyer` and `total` are required. */
export const ORDER_FIELDS = ['orderNumber', 'buyer', 'placedAt', 'total', 'status', 'items'] as const;
export const REQUIRED_ORDER_FIELDS = ['orderNumber', 'buyer', 'total'] as const;
/** What a chat page gives: who the conversation is with, and where replies go. */
export const CHAT_FIELDS = ['chatBuyer', 'replyBox'] as const;
export const RECIPE_FIELDS = [...ORDER_FIELDS, ...CHAT_FIELDS] as const;
export type RecipeField = (typeof RECIPE_FIELDS)[number];
export type OrderField = (typeof ORDER_FIELDS)[number];

/** Where on an element a value is read: its text (default) or one of these attributes. */
export const VALUE_ATTRIBUTES = ['href', 'title', 'datetime', 'value', 'aria-label', 'data-order-id', 'data-id'] as const;

/** The largest amount one order or item may carry (common.ts MAX_AMOUNT_MINOR), here for code that must not bundle zod. */
export { MAX_AMOUNT_MINOR } from './amount-limit';

/**
 * Where a field shares its element with the order number (WooCommerce's `#1001 Jane Doe`): the
 * order number itself, or what follows or precedes it (lib/recipes/split.ts, string code: a recipe
 * carries no regular expression, which an untrusted file could make backtrack on a page's text).
 */
export const VALUE_PARTS = ['orderNumber', 'afterOrderNumber', 'beforeOrderNumber'] as const;
export type ValuePart = (typeof VALUE_PARTS)[number];

/** What a recipe reads from one page or response at most: rows, characters per value, items per row (infer.ts, json-match.ts, the teaching draft). */
export const READ_LIMITS = { rows: 500, text: 1000, values: 100 } as const;
