import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Adapter } from '../adapters/types';
import { onBackgroundMessage } from '../messaging/content';
import { sendToBackground } from '../messaging/send';
import type { SeenResponse } from '../recipes/json-match';
import type { Recipe } from '../schema/recipes';
import { runAdapter } from './run-adapter';
import { withRetry, type CaptureSink } from './sink';
import { installTeacher } from './teacher';
import { connectTap } from './tap/tap-bridge';
import type { TapResponse } from './tap/tap-protocol';

/** JSON responses kept while teaching (the page's last ones), and their size in all. */
const KEPT_RESPONSES = 20;
const KEPT_CHARS = 20_000_000;

/** A taught site's adapter, over the recipes the background sends (they may change while the page is open). */
export interface SiteAdapter {
  adapter: Adapter;
  /** Whether the page's recipe reads this response's JSON. */
  reads(url: URL): boolean;
}

/**
 * A taught site's page (registered by the background only on sites the seller granted): the tap is
 * connected at once, before the page's scripts run, for the page's own responses; the recipes and
 * whether the seller is teaching here come from the background. With recipes, the same runtime as
 * the built-in consoles reads the page (lib/content/run-adapter.ts) with the recipe adapter the
 * content script built; while teaching, the teacher picks what the seller points at. Reads only.
 */
export function runSite(ctx: ContentScriptContext, sink: CaptureSink, siteAdapter: (recipes: () => readonly Recipe[]) => SiteAdapter): void {
  let kept: { url: string; chars: number; body: unknown }[] = [];
  let teaching = true; // until the background answers: what the page loads first is what teaching needs
  let recipes: readonly Recipe[] = [];
  let deliver: ((response: TapResponse) => void) | undefined;
  const waiting: TapResponse[] = [];
  const site = siteAdapter(() => recipes);

  const keep = (response: TapResponse) => {
    // Only what a recipe reads goes on to the capture pipeline; until the recipes are known (or while
    // the seller teaches the first one), the page's last responses wait.
    if (deliver) {
      if (site.reads(new URL(response.url))) deliver(response);
    } else {
      waiting.push(response);
      let chars = waiting.reduce((sum, entry) => sum + entry.body.length, 0);
      while (waiting.length > KEPT_RESPONSES || (waiting.length > 1 && chars > KEPT_CHARS)) chars -= waiting.shift()!.body.length;
    }
    if (!teaching) return;
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return; // the page's other responses (HTML, scripts, text): not orders
    }
    kept.push({ url: response.url, chars: response.body.length, body });
    let chars = kept.reduce((sum, entry) => sum + entry.chars, 0);
    while (kept.length > KEPT_RESPONSES || (kept.length > 1 && chars > KEPT_CHARS)) chars -= kept.shift()!.chars;
  };
  if (document.readyState === 'loading') connectTap(ctx, { patterns: [/^\//] }, keep);

  const seen = (): SeenResponse[] => kept.map(({ url, body }) => ({ url, body }));
  const teacher = installTeacher(document, ctx, seen, (draft) => void sendToBackground('teach/draft', draft).catch(() => undefined));
  let running = false;
  const hello = async () => {
    const reply = await sendToBackground('site/hello', {});
    recipes = reply.recipes;
    teaching = reply.teaching;
    // Not teaching: the page's JSON is kept no longer than a recipe reads it.
    if (!teaching) kept = [];
    teacher.setTeaching(reply.teaching);
    if (running) return;
    if (recipes.length === 0) {
      if (!teaching) waiting.splice(0);
      return;
    }
    running = true;
    runAdapter(ctx, site.adapter, sink, {
      responses: (next) => {
        deliver = next;
        // What the page loaded before the recipes came (the tap was on from the start).
        for (const response of waiting.splice(0)) if (site.reads(new URL(response.url))) next(response);
      },
    });
  };
  onBackgroundMessage('site/refresh', () => {
    void withRetry(hello).catch(() => undefined);
    return { ok: true };
  }, (error) => ({ ok: false, error }));
  // The background checked that this tab is being taught before it armed a field.
  onBackgroundMessage('teach/arm', ({ field }) => {
    teaching = true;
    teacher.setTeaching(true);
    return teacher.arm(field);
  }, (error) => ({ ok: false, error }));
  void withRetry(hello).catch((error: unknown) => console.warn('[BuyerLens] recipes not loaded', error));
}
