import { describeIssues } from '../schema/issues';
import { recipeSchema, recipesFileSchema, RECIPES_FORMAT, type Recipe, type RecipesFile, type TeachDraft } from '../schema/recipes';
import { pagePatternOf } from './pages';

const MAX_RECIPES = 200;

/** A recipe id from its name: readable in a file, unique enough to import beside others. */
function newRecipeId(name: string): string {
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'recipe';
  return `${slug}-${crypto.randomUUID().slice(0, 8)}`;
}

function withoutItems<T extends { items?: unknown }>(fields: T): Omit<T, 'items'> {
  const { items: _items, ...rest } = fields;
  return rest;
}

export interface SaveChoices {
  name: string;
  kind: Recipe['kind'];
  currency?: string | undefined;
  locale: string;
  site: string;
  /** The recipe this one replaces (re-teaching), keeping its id and creation date. */
  id?: string | undefined;
  createdAt?: string;
}

/** The recipe a teaching draft makes, with what the seller confirmed; throws what is missing, in words the seller can act on. */
export function recipeFromDraft(draft: TeachDraft, choices: SaveChoices): Recipe {
  if (!draft.dom) throw new Error(draft.error ?? 'Point at the fields on the page first.');
  const now = new Date().toISOString();
  const candidate = {
    id: choices.id ?? newRecipeId(choices.name),
    name: choices.name,
    site: choices.site,
    page: pagePatternOf(new URL(draft.pageUrl), choices.kind),
    kind: choices.kind,
    dom: draft.dom,
    // A JSON path points at one value, so the JSON's items would lose their quantities ("2 × Mug"):
    // the page's items are read instead, and the store joins the two readings of each order.
    ...(draft.json && choices.kind !== 'chat' ? { json: { ...draft.json, fields: withoutItems(draft.json.fields) } } : {}),
    locale: choices.locale,
    ...(choices.currency && choices.kind !== 'chat' ? { currency: choices.currency } : {}),
    createdAt: choices.createdAt ?? now,
    updatedAt: now,
  };
  const parsed = recipeSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(describeIssues(parsed.error, 3, '(recipe)'));
  return parsed.data;
}

/**
 * The recipes of a file, all or nothing: a damaged file changes nothing and says what is wrong. An
 * imported recipe names its site (a built-in recipe is applied from the panel, on a page of the
 * seller's), never a built-in console's, and is the seller's own (no "built in" badge from a file).
 */
export function importedRecipes(file: unknown, isConsoleSite: (site: string) => boolean): Recipe[] {
  const parsed = recipesFileSchema.safeParse(file);
  if (!parsed.success) throw new Error(`Not a BuyerLens recipes file: ${describeIssues(parsed.error, 3, '(file)')}`);
  const recipes = parsed.data.recipes;
  const siteless = recipes.find((recipe) => recipe.site === null);
  if (siteless) throw new Error(`Not imported: “${siteless.name}” names no site.`);
  const onConsole = recipes.find((recipe) => isConsoleSite(recipe.site!));
  if (onConsole) throw new Error(`Not imported: “${onConsole.name}” is for ${onConsole.site}, which BuyerLens reads with its own adapter.`);
  return recipes.map(({ builtIn: _builtIn, ...recipe }) => recipe);
}

/**
 * Adds recipes, replacing those of the same id and site (a re-teach keeps its creation date). One of
 * the same id for another site is added under a new id: a file never takes another site's recipe.
 */
export function mergeRecipes(known: readonly Recipe[], incoming: readonly Recipe[]): { recipes: Recipe[]; added: number; updated: number } {
  const byId = new Map(known.map((recipe) => [recipe.id, recipe]));
  let added = 0;
  let updated = 0;
  for (const next of incoming) {
    const clash = byId.get(next.id);
    const recipe = clash && clash.site !== next.site ? { ...next, id: newRecipeId(next.name) } : next;
    const prior = byId.get(recipe.id);
    if (prior) updated += 1;
    else added += 1;
    byId.set(recipe.id, prior ? { ...recipe, createdAt: prior.createdAt } : recipe);
  }
  const recipes = [...byId.values()];
  if (recipes.length > MAX_RECIPES) throw new Error(`BuyerLens keeps at most ${MAX_RECIPES} recipes: delete some first.`);
  return { recipes, added, updated };
}

export function recipesFile(recipes: readonly Recipe[]): RecipesFile {
  return { format: RECIPES_FORMAT, version: 1, recipes: [...recipes] };
}
