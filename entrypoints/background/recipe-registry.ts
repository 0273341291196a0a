import { browser } from 'wxt/browser';
import type { Writer } from '@/lib/db/capture-check';
import { catalogEntryForUrl, consoleOfPage } from '@/lib/adapters/catalog';
import { sendToTab } from '@/lib/messaging/send';
import { siteShopKey, SITE_ADAPTER_ID } from '@/lib/schema/keys';
import { recipeSchema, type Recipe } from '@/lib/schema/recipes';
import { recipesItem, teachItem, type TeachSession } from '@/lib/teach-state';

/** The content scripts BuyerLens registers on a taught site: the main-world tap first, then the recipe runtime. */
const SCRIPT_PREFIX = 'site-';

function scriptIds(origin: string): { runtime: string; tap: string } {
  // One id per origin, reversibly (registration ids may not hold every character an origin does).
  const hex = [...new TextEncoder().encode(origin)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return { runtime: `${SCRIPT_PREFIX}run-${hex}`, tap: `${SCRIPT_PREFIX}tap-${hex}` };
}

/** The site's pages, as match patterns and as the permission the seller grants (`http://127.0.0.1:3000/*`). */
export function sitePattern(origin: string): string {
  return `${origin}/*`;
}

/** Whether a recipe may run where it says: a site of its own, never a built-in console's pages (their adapter reads them). */
function runnable(recipe: Recipe): boolean {
  return recipe.site !== null && URL.canParse(recipe.site) && !catalogEntryForUrl(new URL(recipe.site));
}

/** A stored entry as a recipe BuyerLens runs, or undefined (it does not validate, or names a console's site). */
function runnableRecipe(item: unknown): Recipe | undefined {
  const parsed = recipeSchema.safeParse(item);
  return parsed.success && runnable(parsed.data) ? parsed.data : undefined;
}

/** Host patterns BuyerLens holds from its manifest (a test build's, the consoles'): never given back. */
function manifestPatterns(): Set<string> {
  try {
    const manifest = browser.runtime.getManifest();
    return new Set([...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? [])]);
  } catch {
    return new Set();
  }
}

/**
 * The seller's recipes, as the background keeps them: loaded once per worker from storage.local
 * (only the background writes them), and the content scripts registered for exactly the sites that
 * have a recipe (or are being taught) and that the seller granted. A stored recipe that does not
 * validate, or names a built-in console's site, is kept as it is (never wiped) and not run. Changes
 * to the registrations run one at a time.
 */
export class RecipeRegistry {
  private recipes: Recipe[] = [];
  private readonly loaded: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    this.loaded = this.reload();
  }

  /** A site granted or taken back in the browser's own settings: the scripts follow. */
  followGrants(): void {
    const follow = () => void this.sync().catch((error: unknown) => console.error('[BuyerLens] taught sites not registered', error));
    browser.permissions.onAdded.addListener(follow);
    browser.permissions.onRemoved.addListener(follow);
  }

  private async reload(): Promise<void> {
    const raw = await recipesItem.getValue();
    this.recipes = (Array.isArray(raw) ? raw : []).flatMap((item) => runnableRecipe(item) ?? []);
  }

  /** One registration change at a time: two at once would both register what neither saw. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
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
   * Replaces the stored recipes (the caller validated them), registers the scripts they need, and
   * tells the open tabs of every site concerned to read their recipes again. Stored entries that do
   * not validate (a newer version's, a damaged one) are kept as they were.
   */
  async save(recipes: Recipe[]): Promise<void> {
    await this.loaded;
    const before = new Set(this.recipes.flatMap((recipe) => recipe.site ?? []));
    await this.serial(async () => {
      const raw = await recipesItem.getValue();
      const unreadable = (Array.isArray(raw) ? raw : []).filter((item) => runnableRecipe(item) === undefined);
      await recipesItem.setValue([...recipes, ...unreadable]);
      this.recipes = recipes.filter(runnable);
    });
    await this.sync({ release: true });
    for (const recipe of this.recipes) if (recipe.site) before.add(recipe.site);
    await this.refreshTabs([...before]);
  }

  private async refreshTabs(origins: readonly string[]): Promise<void> {
    for (const origin of origins) {
      const tabs = await browser.tabs.query({ url: sitePattern(origin) }).catch(() => []);
      for (const tab of tabs) if (tab.id !== undefined) await sendToTab(tab.id, 'site/refresh', {}).catch(() => undefined);
    }
  }

  /** Teaching starts (a session) or ends (undefined) in a tab: kept in storage.session, so a restarted worker still knows. */
  async teach(tabId: number, session: TeachSession | undefined): Promise<void> {
    if (session) await teachItem(tabId).setValue(session);
    else await teachItem(tabId).removeValue();
    await this.sync({ release: session === undefined });
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

  /** Who a page belongs to, as the background trusts it: its built-in console, else the site the seller taught. */
  async ownerOf(url: URL): Promise<Writer | undefined> {
    return consoleOfPage(url) ?? (await this.writerOf(url));
  }

  /**
   * Registers the recipe runtime (and the tap before it) on every site that has a recipe or is being
   * taught and that the seller granted; unregisters the rest. With `release` (a recipe was saved or
   * deleted, teaching ended) it also gives back the access of every site granted at run time that is
   * neither: removing a recipe removes what it was granted. Never on a grant itself, which comes just
   * before the teaching (or the built-in recipe) it was asked for.
   */
  sync(options: { release?: boolean } = {}): Promise<void> {
    return this.serial(async () => {
      await this.loaded;
      const teaching = await this.teachingOrigins();
      const wanted = new Set([...this.recipes.flatMap((recipe) => recipe.site ?? []), ...teaching]);
      const granted: string[] = [];
      for (const origin of wanted) if (await browser.permissions.contains({ origins: [sitePattern(origin)] })) granted.push(origin);
      const registered = await browser.scripting.getRegisteredContentScripts();
      const keep = new Set(granted.flatMap((origin) => Object.values(scriptIds(origin))));
      const stale = registered.filter((script) => script.id.startsWith(SCRIPT_PREFIX) && !keep.has(script.id)).map((script) => script.id);
      if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
      const have = new Set(registered.map((script) => script.id));
      const missing = granted.filter((origin) => !have.has(scriptIds(origin).runtime) || !have.has(scriptIds(origin).tap));
      if (missing.length > 0) {
        const partial = missing.flatMap((origin) => Object.values(scriptIds(origin))).filter((id) => have.has(id));
        if (partial.length > 0) await browser.scripting.unregisterContentScripts({ ids: partial });
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
      if (options.release) await this.releaseUnwanted(wanted);
    });
  }

  /** Gives back every site access BuyerLens was granted at run time that no recipe or teaching needs. */
  private async releaseUnwanted(wanted: ReadonlySet<string>): Promise<void> {
    const { origins: grantedPatterns = [] } = await browser.permissions.getAll();
    const fixed = manifestPatterns();
    const release = grantedPatterns.filter((pattern) => !fixed.has(pattern) && /^https?:\/\/[^*]+\/\*$/.test(pattern) && !wanted.has(pattern.replace(/\/\*$/, '')));
    if (release.length > 0) await browser.permissions.remove({ origins: release }).catch(() => false);
  }
}
