import { browser } from 'wxt/browser';
import { catalogEntryForUrl } from '@/lib/adapters/catalog';
import { onContentMessage, onPageMessage } from '@/lib/messaging/background';
import { sendToTab } from '@/lib/messaging/send';
import { pageOfSender } from '@/lib/messaging/sender';
import { builtInRecipes } from '@/lib/recipes/built-in';
import { importedRecipes, mergeRecipes, recipeFromDraft } from '@/lib/recipes/save';
import { describeIssues } from '@/lib/schema/issues';
import { recipeSchema, teachDraftSchema } from '@/lib/schema/recipes';
import { teachItem } from '@/lib/teach-state';
import { sitePattern, type RecipeRegistry } from './recipe-registry';

async function originOfTab(tabId: number): Promise<string> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.url || !URL.canParse(tab.url)) throw new Error('BuyerLens cannot see this tab’s address.');
  const url = new URL(tab.url);
  if (!/^https?:$/.test(url.protocol)) throw new Error('Only web pages (http or https) can be taught.');
  if (catalogEntryForUrl(url)) throw new Error('BuyerLens already reads this console.');
  return url.origin;
}

async function grantedOrigin(tabId: number): Promise<string> {
  const origin = await originOfTab(tabId);
  if (!(await browser.permissions.contains({ origins: [sitePattern(origin)] }))) throw new Error(`BuyerLens has no access to ${origin} yet: allow it when the browser asks.`);
  return origin;
}

/** One teaching write at a time per tab: a page's late report never revives a session just saved or cancelled. */
const teachWrites = {
  chains: new Map<number, Promise<unknown>>(),
  run<T>(tabId: number, work: () => Promise<T>): Promise<T> {
    const next = (this.chains.get(tabId) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    this.chains.set(tabId, settled);
    void settled.then(() => this.chains.get(tabId) === settled && this.chains.delete(tabId));
    return next;
  },
};

/** Tells a tab's BuyerLens script to ask for its recipes and teaching again (it may not be there yet: fine). */
function refresh(tabId: number): Promise<unknown> {
  return sendToTab(tabId, 'site/refresh', {}).catch(() => undefined);
}

function registerSiteMessages(registry: RecipeRegistry): void {
  onContentMessage('site/hello', {
    refuse: () => ({ recipes: [], teaching: false }),
    async handle(_data, sender) {
      const page = pageOfSender(sender);
      const tabId = sender.tab?.id;
      if (!page || (sender.frameId ?? 0) !== 0) return { recipes: [], teaching: false };
      return { recipes: await registry.ofSite(page.origin), teaching: tabId !== undefined && (await registry.isTeaching(tabId, page.origin)) };
    },
  });
  onContentMessage('teach/draft', {
    refuse: () => undefined,
    async handle(data, sender) {
      const tabId = sender.tab?.id;
      const page = pageOfSender(sender);
      if (tabId === undefined || !page || (sender.frameId ?? 0) !== 0) return;
      await teachWrites.run(tabId, async () => {
        if (!(await registry.isTeaching(tabId, page.origin))) return;
        const draft = teachDraftSchema.safeParse(data);
        if (!draft.success) {
          console.warn('[BuyerLens] teaching report refused:', describeIssues(draft.error));
          return;
        }
        const session = await teachItem(tabId).getValue();
        if (session?.origin === page.origin) await teachItem(tabId).setValue({ ...session, draft: { ...draft.data, pageUrl: page.href } });
      });
    },
  });
}

/** Teaching a site, and the recipes that come of it (listed, edited, deleted, exported, imported in the settings). */
export function registerTeachHandlers(registry: RecipeRegistry): void {
  registerSiteMessages(registry);
  onPageMessage('teach/begin', async ({ tabId, replaces }) => {
    const origin = await grantedOrigin(tabId);
    // Re-teaching replaces a recipe of this site only (the tab may have moved to another site since).
    if (replaces !== undefined && !(await registry.ofSite(origin)).some((recipe) => recipe.id === replaces)) throw new Error('That recipe is not one of this site’s.');
    await registry.teach(tabId, { tabId, origin, startedAt: new Date().toISOString(), ...(replaces ? { replaces } : {}) });
    // The scripts run from the page's start: reloading lets the tap see the JSON the page loads.
    await browser.tabs.reload(tabId);
    return { origin };
  });
  onPageMessage('teach/pick', async ({ tabId, field }) => {
    const session = await teachItem(tabId).getValue();
    if (!session) throw new Error('Teaching has ended in that tab.');
    const picked = await sendToTab(tabId, 'teach/arm', { field }).catch(() => ({ ok: false as const, error: 'The page is not ready yet: wait for it to load, then try again.' }));
    if (!picked.ok) throw new Error(picked.error);
  });
  onPageMessage('teach/save', ({ tabId, name, kind, currency, locale, replaces }) =>
    teachWrites.run(tabId, async () => {
      const session = await teachItem(tabId).getValue();
      if (!session?.draft) throw new Error('Nothing picked on the page yet.');
      const recipe = recipeFromDraft(session.draft, { name, kind, currency, locale, site: session.origin, id: replaces ?? session.replaces });
      await registry.save(mergeRecipes(await registry.all(), [recipe]).recipes);
      await registry.teach(tabId, undefined);
      await refresh(tabId);
      return recipe;
    }),
  );
  onPageMessage('teach/cancel', ({ tabId }) =>
    teachWrites.run(tabId, async () => {
      await registry.teach(tabId, undefined);
      await refresh(tabId);
    }),
  );
  onPageMessage('recipes/update', async ({ id, ...changes }) => {
    const all = await registry.all();
    const known = all.find((recipe) => recipe.id === id);
    if (!known) throw new Error('No such recipe.');
    const parsed = recipeSchema.safeParse({ ...known, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), updatedAt: new Date().toISOString() });
    if (!parsed.success) throw new Error(describeIssues(parsed.error));
    await registry.save(all.map((recipe) => (recipe.id === id ? parsed.data : recipe)));
    return parsed.data;
  });
  onPageMessage('recipes/delete', async ({ id }) => {
    await registry.save((await registry.all()).filter((recipe) => recipe.id !== id));
  });
  onPageMessage('recipes/import', async (file) => {
    const recipes = importedRecipes(file, (site) => URL.canParse(site) && catalogEntryForUrl(new URL(site)) !== undefined);
    const merged = mergeRecipes(await registry.all(), recipes);
    await registry.save(merged.recipes);
    return { added: merged.added, updated: merged.updated };
  });
  onPageMessage('recipes/use-built-in', async ({ tabId, id, currency, locale }) => {
    const origin = await grantedOrigin(tabId);
    const builtIn = builtInRecipes().find((recipe) => recipe.id === id);
    if (!builtIn) throw new Error('No such built-in recipe.');
    const now = new Date().toISOString();
    const parsed = recipeSchema.safeParse({
      ...builtIn,
      id: `${builtIn.id.slice(0, 40)}-${crypto.randomUUID().slice(0, 8)}`,
      site: origin,
      currency,
      locale,
      createdAt: now,
      updatedAt: now,
    });
    if (!parsed.success) throw new Error(describeIssues(parsed.error));
    const recipe = parsed.data;
    await registry.save(mergeRecipes(await registry.all(), [recipe]).recipes);
    await browser.tabs.reload(tabId);
    return recipe;
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void registry.teach(tabId, undefined);
  });
}
