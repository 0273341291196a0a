import { z } from 'zod';
import { currencySchema, isoDateTimeSchema, textSchema } from './common';
import { READ_LIMITS, RECIPE_FIELDS, REQUIRED_ORDER_FIELDS, VALUE_ATTRIBUTES, VALUE_PARTS } from './recipe-fields';

/**
 * A recipe: how BuyerLens reads a console it has no adapter for, taught by the seller pointing at one
 * order on the page (the panel's "Teach BuyerLens this page"), or shipped with BuyerLens where real
 * evidence supports it (lib/recipes/built-in/). A recipe reads only: selectors or JSON paths, and how
 * each value is parsed; it never clicks, types or reveals anything. Files of recipes are checked
 * with these schemas, all or nothing, as reply packs are.
 */

export { CHAT_FIELDS, ORDER_FIELDS, RECIPE_FIELDS, REQUIRED_ORDER_FIELDS, VALUE_ATTRIBUTES, type OrderField, type RecipeField } from './recipe-fields';
export const recipeFieldSchema = z.enum(RECIPE_FIELDS);

const selectorSchema = z.string().trim().min(1).max(1000);
/** Where the element holds the order number and another value: which part this field reads (recipe-fields.ts). */
const partSchema = z.enum(VALUE_PARTS);

export const domPickSchema = z.object({
  selector: selectorSchema,
  attribute: z.enum(VALUE_ATTRIBUTES).optional(),
  part: partSchema.optional(),
});
export type DomPick = z.infer<typeof domPickSchema>;

/** A path into JSON: keys and array indexes from the row (or the response) to the value. */
export const jsonPathSchema = z.array(z.union([z.string().max(200), z.number().int().nonnegative().max(10_000)])).max(16);
export type JsonPath = z.infer<typeof jsonPathSchema>;

export const jsonPickSchema = z.object({ path: jsonPathSchema, part: partSchema.optional() });
export type JsonPick = z.infer<typeof jsonPickSchema>;

/** The page's DOM: `rows` repeats once per order (null: the page is one order, a detail page). */
export const domSourceSchema = z.object({
  type: z.literal('dom'),
  rows: selectorSchema.nullable(),
  fields: z.partialRecord(recipeFieldSchema, domPickSchema),
});
export type DomSource = z.infer<typeof domSourceSchema>;

/**
 * Which pages of the site: a path where `*` stands for one path segment (`/admin/orders/*`), and
 * query parameters the URL must carry with these values (`page=wc-orders`).
 */
export const pagePatternSchema = z.object({
  path: z.string().startsWith('/').max(500),
  query: z.record(z.string().min(1).max(100), z.string().max(200)).refine((q) => Object.keys(q).length <= 10, 'at most 10 query parameters'),
  /** Query parameters the URL must not carry (WooCommerce's list and an order's own page share `page=wc-orders`; the order's has `action`). */
  absent: z.array(z.string().min(1).max(100)).max(10).optional(),
});
export type PagePattern = z.infer<typeof pagePatternSchema>;

/**
 * JSON the page loads: responses whose URL matches `api` (a path with `*` segments and the query
 * parameters that name the list, as pages are matched: no regular expression from a file ever runs),
 * the array of orders at `rows` (empty: the response is the array), each field at a path in a row.
 */
export const jsonSourceSchema = z.object({
  type: z.literal('json'),
  api: pagePatternSchema,
  rows: jsonPathSchema,
  fields: z.partialRecord(recipeFieldSchema, jsonPickSchema),
});
export type JsonSource = z.infer<typeof jsonSourceSchema>;


/** `http(s)://host[:port]`: the site a recipe runs on, and the only one it may be granted. */
export const siteOriginSchema = z
  .string()
  .max(300)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) && new URL(value).origin === value, 'a site: http(s)://host[:port]')
  // A site's shop key joins host and port with `_` (keys.ts siteShopKey): a host holding `_` could pose
  // as another's port; an IPv6 host's brackets and colons fit no key.
  .refine((value) => !URL.canParse(value) || !/[_[\]]/.test(new URL(value).hostname), 'a site whose host has no `_` and is no IPv6 address');


export const recipeKindSchema = z.enum(['order-list', 'order-detail', 'chat']);
export type RecipeKind = z.infer<typeof recipeKindSchema>;

export const recipeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'recipe id: lowercase letters, digits, dashes'),
    name: textSchema(80),
    /** The site it runs on; a built-in recipe names none and runs where the seller applies it. */
    site: siteOriginSchema.nullable(),
    page: pagePatternSchema,
    kind: recipeKindSchema,
    /**
     * The page's DOM, always: what the seller pointed at. It reads the orders where no JSON comes
     * (a server-rendered page, a cached one), says who is on screen, and is what capture health
     * checks: a page whose markup changed is noticed even where the JSON still reads.
     */
    dom: domSourceSchema,
    /** The JSON the page loads, where it holds the values the seller pointed at: read instead of the page's text (stabler, complete). */
    json: jsonSourceSchema.optional(),
    /** How the page writes dates and numbers (BCP 47), and the currency its amounts are in (the seller confirms it). */
    locale: z.string().min(2).max(35),
    currency: currencySchema.optional(),
    /** Shipped with BuyerLens (lib/recipes/built-in/), with the evidence it was written from. */
    builtIn: z.object({ evidence: textSchema(500) }).optional(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .superRefine((recipe, ctx) => {
    const needed = recipe.kind === 'chat' ? (['chatBuyer'] as const) : REQUIRED_ORDER_FIELDS;
    for (const field of needed) if (!recipe.dom.fields[field]) ctx.addIssue({ code: 'custom', path: ['dom', 'fields', field], message: `the ${field} field is required` });
    if (recipe.json) for (const field of needed) if (!recipe.json.fields[field]) ctx.addIssue({ code: 'custom', path: ['json', 'fields', field], message: `the ${field} field is required` });
    if (recipe.kind !== 'chat' && !recipe.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'an order recipe needs the currency its amounts are in' });
    if (recipe.kind === 'chat' && recipe.json) ctx.addIssue({ code: 'custom', path: ['json'], message: 'a chat is read from the page' });
  });
export type Recipe = z.infer<typeof recipeSchema>;

/** A recipes file, as exported and imported. */
export const RECIPES_FORMAT = 'buyerlens-recipes';
export const recipesFileSchema = z.object({
  format: z.literal(RECIPES_FORMAT),
  version: z.literal(1),
  recipes: z.array(recipeSchema).min(1).max(200),
});
export type RecipesFile = z.infer<typeof recipesFileSchema>;

/** Every recipe the user keeps (storage.local `recipes`). */
export const storedRecipesSchema = z.array(recipeSchema).max(200);

/** What the seller picked for one field while teaching: a short label of the element, and the text it holds. */
export const teachPickSchema = z.object({ label: z.string().max(200), text: z.string().max(1000) });

/** Values a recipe read from one order (raw strings), as the teaching preview shows them. */
export const rowValuesSchema = z.partialRecord(recipeFieldSchema, z.array(z.string().max(READ_LIMITS.text)).max(READ_LIMITS.values));
export type RowValuesRecord = z.infer<typeof rowValuesSchema>;

/**
 * The teaching page's report (content script → background → the panel): what was picked, the recipe
 * inferred from it, and what that recipe reads on the page now. Page data: checked like a capture.
 */
export const teachDraftSchema = z.object({
  pageUrl: z.url().max(4000),
  /** The page's declared language (`<html lang>`): how it writes dates and numbers, until the seller says otherwise. */
  pageLanguage: z.string().max(35).optional(),
  /** The field the next click picks, if one is armed. */
  picking: recipeFieldSchema.nullable(),
  picks: z.partialRecord(recipeFieldSchema, teachPickSchema),
  dom: domSourceSchema.nullable(),
  json: jsonSourceSchema.nullable(),
  /** Why no recipe could be inferred from the picks (shown to the seller). */
  error: z.string().max(500).optional(),
  /** The first rows the recipe reads (a preview), and how many it reads in all. */
  rows: z.array(rowValuesSchema).max(100),
  rowCount: z.number().int().nonnegative().max(100_000),
  /** Currency codes or symbols the page shows beside its amounts, for the seller to confirm. */
  currencyHint: z.string().max(10).optional(),
});
export type TeachDraft = z.infer<typeof teachDraftSchema>;

/** What a recipe (or an adapter) found on the page just read: capture health. */
export const healthReportSchema = z.object({
  pageUrl: z.url().max(4000),
  pageKind: z.enum(['order-list', 'order-detail', 'customer', 'chat', 'other']),
  /** What read it: `site:<recipe id>` or `<adapter id>:<page kind>`. */
  reader: z.string().min(1).max(120),
  found: z.number().int().nonnegative().max(100_000),
  missing: z.array(z.string().max(40)).max(10),
});
export type HealthReport = z.infer<typeof healthReportSchema>;
