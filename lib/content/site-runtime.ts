import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onBackgroundMessage } from '../messaging/content';
import { sendToBackground } from '../messaging/send';
import { recipeAdapter } from '../recipes/adapter';
import type { SeenResponse } from '../recipes/json-match';
import type { Recipe } from '../schema/recipes';
import { runAdapter } from './run-adapter';
import { withRetry, type CaptureSink } from './sink';
import { installTeacher } from './teacher';
import { connectTap } from './tap/tap-bridge';
import type { TapResponse } from './tap/tap-protocol';

/** JSON responses kept for teaching (the page's last ones), and their size in all. */
const KEPT_RESPONSES = 20;
const KEPT_CHARS = 20_000_000;

/**
 * A taught site's page (registered by the background only on sites the seller granted): the tap is
 * connected at once, before the page's scripts run, for any JSON of the page's own origin; the
 * recipes and whether the seller is teaching here come from the background. With recipes, the same
 * runtime as the built-in consoles reads the page (lib/content/run-adapter.ts) with the recipe
 * adapter; while teaching, the teacher picks what the seller points at. Reads only, ever.
 */
export function runSite(ctx: ContentScriptContext, sink: CaptureSink): void {
  const kept: { response: TapResponse; body: unknown }[] = [];
  let recipes: readonly Recipe[] = [];
  let deliver: ((response: TapResponse) => void) | undefined;
  const origin = location.origin;
  const adapter = recipeAdapter(() => recipes, origin);

  const keep = (response: TapResponse) => {
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return; // the page's other responses (HTML, scripts, text): not orders
    }
    kept.push({ response, body });
    let chars = kept.reduce((sum, entry) => sum + entry.response.body.length, 0);
    while (kept.length > KEPT_RESPONSES || (kept.length > 1 && chars > KEPT_CHARS)) chars -= kept.shift()!.response.body.length;
    // Only what a recipe reads goes on to the capture pipeline.
    const path = new URL(response.url).pathname + new URL(response.url).search;
    if (deliver && adapter.api.some((api) => api.test(path))) deliver(response);
  };
  if (document.readyState === 'loading') connectTap(ctx, { patterns: [/^\//] }, keep);

  const seen = (): SeenResponse[] => kept.map(({ response, body }) => ({ url: response.url, body }));
  const teacher = installTeacher(document, ctx, seen, (draft) => void sendToBackground('teach/draft', draft).catch(() => undefined));
  let running = false;
  const hello = async () => {
    const reply = await sendToBackground('site/hello', {});
    recipes = reply.recipes;
    teacher.setTeaching(reply.teaching);
    if (running || recipes.length === 0) return;
    running = true;
    runAdapter(ctx, adapter, sink, {
      responses: (next) => {
        deliver = next;
        // What the page loaded before the recipes came (the tap was on from the start).
        for (const { response } of kept) {
          const path = new URL(response.url).pathname + new URL(response.url).search;
          if (adapter.api.some((api) => api.test(path))) next(response);
        }
      },
    });
  };
  onBackgroundMessage('site/refresh', () => {
    void withRetry(hello).catch(() => undefined);
    return { ok: true };
  }, (error) => ({ ok: false, error }));
  onBackgroundMessage('teach/arm', ({ field }) => teacher.arm(field), (error) => ({ ok: false, error }));
  void withRetry(hello).catch((error: unknown) => console.warn('[BuyerLens] recipes not loaded', error));
}
