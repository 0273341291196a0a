import { browser } from 'wxt/browser';
import type { Writer } from '@/lib/db/capture-check';
import { catalogEntryForUrl } from '@/lib/adapters/catalog';
import { siteShopKey, SITE_ADAPTER_ID } from '@/lib/schema/keys';
import { recipeSchema, type Recipe } from '@/lib/schema/recipes';
import { recipesItem, teachItem, type TeachSession } from '@/lib/teach-state';

/** The content scripts BuyerLens registers on a taught site: the main-world tap first, then the recipe runtime. */
const SCRIPT_PREFIX = 'site-';
const TAP_PREFIX = 'site-tap-';

function scriptIds(origin: string): { runtime: string; tap: string } {
  // Registration ids may not hold every character an origin does.
  const slug = origin.replace(/[^A-Za-z0-9]+/g, '_');
  return { runtime: `${SCRIPT_PREFIX}${slug}`, tap: `${TAP_PREFIX}${slug}` };
}

/** The site's pages, as match patterns and as the permission the seller grants (`http://127.0.0.1:3000/*`). */
export function sitePattern(origin: string): string {
  return `${origin}/*`;
}

/**
 * The seller's recipes, as the background keeps them: loaded once per worker, stored in
 * storage.local, and the content scripts registered for exactly the sites that have a recipe (or are
 * being taught) and that the seller granted. A stored recipe that no longer validates is kept as it
 * is (never wiped) and not run; the settings page shows it.
 */
export class RecipeRegistry {
  private recipes: Recipe[] = [];
  private readonly loaded: Promise<void>;

  constructor() {
    this.loaded = this.reload();
    recipesItem.watch(() => {
      this.reload()
        .then(() => this.sync())
        .catch((error: unknown) => console.error('[BuyerLens] taught sites not registered', error));
    });
  }

  private async reload(): Promise<void> {
    const raw = await recipesItem.getValue();
    this.recipes = (Array.isArray(raw) ? raw : []).flatMap((item) => {
      const parsed = recipeSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async all(): Promise<Recipe[]> {
    await this.loaded;
    return this.recipes;
  }

  /** The recipes of one site (a built-in recipe runs only once the seller applied it, as a copy naming the site). */
  async ofSite(origin: string): Promise<Recipe[]> {
    return (await this.all()).filter((recipe) => recipe.site === origin);
  }

  /**
   * Replaces the stored recipes (the caller validated them) and registers the scripts they need.
   * Stored entries that do not validate (a newer version's, a damaged one) are kept as they were.
   */
  async save(recipes: Recipe[]): Promise<void> {
    await this.loaded;
    this.recipes = recipes;
    const raw = await recipesItem.getValue();
    const unreadable = (Array.isArray(raw) ? raw : []).filter((item) => !recipeSchema.safeParse(item).success);
    await recipesItem.setValue([...recipes, ...unreadable]);
    await this.sync();
  }

  /** Teaching starts (an origin) or ends (undefined) in a tab: kept in storage.session, so a restarted worker still knows. */
  async teach(tabId: number, session: TeachSession | undefined): Promise<void> {
    if (session) await teachItem(tabId).setValue(session);
    else await teachItem(tabId).removeValue();
    await this.sync();
  }

  async isTeaching(tabId: number, origin: string): Promise<boolean> {
    return (await teachItem(tabId).getValue())?.origin === origin;
  }

  /** Sites being taught now, in any tab: their scripts stay registered until teaching ends. */
  private async teachingOrigins(): Promise<string[]> {
    const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
    return Object.entries(all).flatMap(([key, value]) => (key.startsWith('teach:') && typeof value === 'object' && value !== null && 'origin' in value && typeof value.origin === 'string' ? [value.origin] : []));
  }

  /**
   * What a page at `url` may write: the site's own shop, where the seller taught it (a recipe of its
   * origin). A built-in console's pages are the catalog's, never a recipe's.
   */
  async writerOf(url: URL): Promise<Writer | undefined> {
    if (catalogEntryForUrl(url)) return undefined;
    const recipes = await this.ofSite(url.origin);
    if (recipes.length === 0) return undefined;
    const own = siteShopKey(url.origin);
    return { adapterId: SITE_ADAPTER_ID, allowsShop: (shopKey) => shopKey === own };
  }

  /**
   * Registers the recipe runtime (and the tap before it) on every site that has a recipe or is being
   * taught and that the seller granted; unregisters the rest. A site no longer taught and without a
   * recipe also loses its access: removing a recipe removes what it was granted.
   */
  async sync(): Promise<void> {
    const teaching = await this.teachingOrigins();
    const wanted = new Set([...this.recipes.flatMap((recipe) => recipe.site ?? []), ...teaching]);
    const granted: string[] = [];
    for (const origin of wanted) if (await browser.permissions.contains({ origins: [sitePattern(origin)] })) granted.push(origin);
    const registered = await browser.scripting.getRegisteredContentScripts();
    const keep = new Set(granted.flatMap((origin) => Object.values(scriptIds(origin))));
    const stale = registered.filter((script) => script.id.startsWith(SCRIPT_PREFIX) && !keep.has(script.id)).map((script) => script.id);
    if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
    const have = new Set(registered.map((script) => script.id));
    const missing = granted.filter((origin) => !have.has(scriptIds(origin).runtime));
    if (missing.length > 0) {
      await browser.scripting.registerContentScripts(
        missing.flatMap((origin) => {
          const ids = scriptIds(origin);
          const base = { matches: [sitePattern(origin)], runAt: 'document_start' as const, allFrames: false, persistAcrossSessions: true };
          return [
            { ...base, id: ids.tap, js: ['content-scripts/tap.js'], world: 'MAIN' as const },
            { ...base, id: ids.runtime, js: ['content-scripts/site.js'] },
          ];
        }),
      );
    }
    await this.releaseUnused(stale, teaching);
  }

  /** Gives back the access of sites that lost their last recipe (and are not being taught). */
  private async releaseUnused(staleIds: string[], teaching: string[]): Promise<void> {
    const origins = new Set([...this.recipes.flatMap((recipe) => recipe.site ?? []), ...teaching]);
    const { origins: grantedPatterns = [] } = await browser.permissions.getAll();
    const release = grantedPatterns.filter((pattern) => {
      const origin = pattern.replace(/\/\*$/, '');
      return staleIds.some((id) => id === scriptIds(origin).runtime) && !origins.has(origin);
    });
    // Origins granted in the manifest (a test build's) cannot be removed; the browser says so, and that is fine.
    if (release.length > 0) await browser.permissions.remove({ origins: release }).catch(() => false);
  }
}
