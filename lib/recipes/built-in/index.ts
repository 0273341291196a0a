import { recipesFileSchema, type Recipe } from '../../schema/recipes';
import woocommerce from './woocommerce.json';

/**
 * The recipes shipped with BuyerLens: one recipes file per console, each recipe written from the
 * console's real source or saved pages (its `builtIn.evidence` says which), never from a guess.
 *
 * - woocommerce.json: the WooCommerce order lists, HPOS (`admin.php?page=wc-orders`) and legacy
 *   (`edit.php?post_type=shop_order`), after woocommerce/woocommerce's ListTable.php and
 *   class-wc-admin-list-table-orders.php and WordPress's WP_List_Table (fixtures: test/fixtures/woocommerce/).
 *
 * No Etsy recipe: the evidence (Mr-Yel/Etsy-Order-Master etsy-order-scrape-analysis.md) names the
 * order total of an order's page only as "the Receipt row whose text is 'Order total'", which no
 * selector picks.
 */
const FILES: readonly unknown[] = [woocommerce];

let recipes: readonly Recipe[] | undefined;

/**
 * Every built-in recipe. The files are checked with the recipes schema on the first call, not at
 * import (the content script and the panel import this without needing it yet); a file that fails
 * throws, which the tests (built-in.test.ts) catch before it ships.
 */
export function builtInRecipes(): Recipe[] {
  recipes ??= FILES.flatMap((file) => recipesFileSchema.parse(file).recipes);
  return [...recipes];
}
