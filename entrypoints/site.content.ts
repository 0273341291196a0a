import { messagingSink } from '@/lib/content/messaging-sink';
import { runSite } from '@/lib/content/site-runtime';
import { readsResponse, recipeAdapter } from '@/lib/recipes/adapter';
import { recipeForPage } from '@/lib/recipes/pages';

/**
 * The runtime of sites the seller taught BuyerLens (recipes). Not in the manifest: the background
 * registers it (chrome.scripting) on exactly the sites the seller granted and has a recipe for or is
 * teaching, and unregisters it when the last recipe of a site goes.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_start',
  main(ctx) {
    runSite(ctx, messagingSink, (recipes) => ({
      adapter: recipeAdapter(recipes, location.origin),
      reads: (url) => readsResponse(recipeForPage(recipes(), new URL(location.href)), url),
    }));
  },
});
