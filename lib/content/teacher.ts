import type { RecipeField, TeachDraft } from '../schema/recipes';
import { describeElement, inferDomSource, readDomRows, type RowValues } from '../recipes/infer';
import { findJsonSource, readJsonRows, type SeenResponse } from '../recipes/json-match';
import { pageMatches } from '../recipes/pages';
import { currencyHintOf } from '../recipes/values';
import type { Lifetime } from './page';

/** Events a pick swallows: none of the click that picks reaches the page (no link followed, no button pressed). */
const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'auxclick', 'dblclick', 'contextmenu'] as const;

/** The overlay the seller sees while teaching: in a closed shadow root (the page cannot read or restyle it), and never in the way of a click. */
function overlay(document: Document): { show(boxes: { element: Element; label: string; hover?: boolean }[]): void; remove(): void } {
  const host = document.createElement('buyerlens-teach');
  const root = host.attachShadow({ mode: 'closed' });
  const layer = document.createElement('div');
  layer.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483647;';
  root.append(layer);
  return {
    show(boxes) {
      if (!host.isConnected) document.documentElement.append(host);
      layer.replaceChildren(
        ...boxes.map(({ element, label, hover }) => {
          const rect = element.getBoundingClientRect();
          const box = document.createElement('div');
          const colour = hover ? '#2563eb' : '#16a34a';
          box.style.cssText = `position:fixed;left:${rect.left - 2}px;top:${rect.top - 2}px;width:${rect.width + 4}px;height:${rect.height + 4}px;outline:2px solid ${colour};background:${colour}22;border-radius:3px;`;
          const tag = document.createElement('span');
          tag.textContent = label;
          tag.style.cssText = `position:absolute;left:0;top:-18px;font:600 11px/16px system-ui,sans-serif;color:#fff;background:${colour};padding:0 4px;border-radius:3px;white-space:nowrap;`;
          box.append(tag);
          return box;
        }),
      );
    },
    remove: () => host.remove(),
  };
}

/** Where an element sits in its page (`html > body:nth-of-type(1) > …`), to find it again after the page re-renders it. */
function pathOf(el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node && node.parentElement; node = node.parentElement) {
    const same = [...node.parentElement.children].filter((sibling) => sibling.localName === node!.localName);
    steps.unshift(`${CSS.escape(node.localName)}:nth-of-type(${same.indexOf(node) + 1})`);
  }
  return `:root > ${steps.join(' > ')}`;
}

/** What the seller picked, by field, with where each sits, to find it again after the page re-renders it (an SPA's list refreshing). */
class Picks {
  private readonly elements = new Map<RecipeField, Element>();
  private readonly paths = new Map<RecipeField, string>();
  constructor(private readonly document: Document) {}

  set(field: RecipeField, element: Element): void {
    this.elements.set(field, element);
    this.paths.set(field, pathOf(element));
  }

  clear(): void {
    this.elements.clear();
    this.paths.clear();
  }

  /** The picked elements now: one the page replaced is the element at the same place. */
  current(): Map<RecipeField, Element> {
    for (const [field, element] of this.elements) {
      if (element.isConnected) continue;
      const again = this.document.querySelector(this.paths.get(field) ?? ':not(*)');
      if (again) this.elements.set(field, again);
    }
    return new Map(this.elements);
  }
}

export interface Teacher {
  /** Whether the seller is teaching in this tab (the background says so). */
  setTeaching(on: boolean): void;
  /** The next trusted click picks this field. */
  arm(field: RecipeField): { ok: true } | { ok: false; error: string };
}

/** The example order's values: the row holding the picked order number (the document, on a page that is one order). */
function exampleOf(rows: readonly RowValues[], picked: Partial<Record<RecipeField, string>>): RowValues | undefined {
  return rows.find((row) => picked.orderNumber !== undefined && row.orderNumber?.[0] !== undefined && picked.orderNumber.includes(row.orderNumber[0])) ?? rows[0];
}

/**
 * Teaching on the page: the seller arms a field in the panel, and the next trusted click on the page
 * picks that element (the click itself is swallowed in the capture phase, so the page never sees
 * it). After each pick the recipe is inferred again (lib/recipes/infer.ts), read on the whole page,
 * matched against the JSON the page loaded, and reported to the panel through the background.
 */
export function installTeacher(document: Document, lifetime: Lifetime, responses: () => readonly SeenResponse[], report: (draft: TeachDraft) => void): Teacher {
  const win = document.defaultView!;
  const picked = new Picks(document);
  const shade = overlay(document);
  let teaching = false;
  let armed: RecipeField | null = null;

  const draw = (hover?: Element) =>
    shade.show([...[...picked.current()].map(([field, element]) => ({ element, label: field })), ...(hover && armed ? [{ element: hover, label: armed, hover: true }] : [])]);

  const send = () => {
    const picks = picked.current();
    const inferred = picks.size > 0 ? inferDomSource(Object.fromEntries(picks)) : { error: 'Nothing picked yet.' };
    const dom = 'error' in inferred ? null : inferred;
    const texts = Object.fromEntries([...picks].map(([field, element]) => [field, (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 1000)]));
    const domRows = dom ? readDomRows(document, dom) : [];
    const currencyHint = currencyHintOf(texts.total);
    const example = exampleOf(domRows, texts);
    const json = dom && example ? findJsonSource(responses(), example, { currency: currencyHint ?? 'USD', locale: document.documentElement.lang || navigator.language }) : undefined;
    const latest = json && [...responses()].reverse().find((response) => URL.canParse(response.url) && pageMatches(json.api, new URL(response.url)));
    const rows = json && latest ? readJsonRows(latest.body, json) : domRows;
    report({
      pageUrl: win.location.href,
      ...(document.documentElement.lang ? { pageLanguage: document.documentElement.lang.slice(0, 35) } : {}),
      picking: armed,
      picks: Object.fromEntries([...picks].map(([field, element]) => [field, { label: describeElement(element).slice(0, 200), text: texts[field] ?? '' }])),
      dom,
      json: json ?? null,
      ...('error' in inferred ? { error: inferred.error.slice(0, 500) } : {}),
      rows: rows.slice(0, 100),
      rowCount: rows.length,
      ...(currencyHint ? { currencyHint } : {}),
    });
  };

  const swallow = (event: Event) => {
    if (!teaching || !armed || !event.isTrusted) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type !== 'click') return;
    const target = event.composedPath()[0];
    if (!(target instanceof win.Element)) return;
    picked.set(armed, target);
    armed = null;
    draw();
    send();
  };
  for (const type of SWALLOWED) lifetime.addEventListener(win, type, swallow, { capture: true });
  lifetime.addEventListener(win, 'mouseover', (event) => {
    const target = event.composedPath()[0];
    if (teaching && armed && event.isTrusted && target instanceof win.Element) draw(target);
  }, { capture: true });
  lifetime.addEventListener(win, 'keydown', (event) => {
    if (teaching && armed && event.isTrusted && (event as KeyboardEvent).key === 'Escape') {
      armed = null;
      draw();
      send();
    }
  }, { capture: true });
  lifetime.addEventListener(win, 'scroll', () => teaching && draw(), { capture: true, passive: true });
  lifetime.onInvalidated(() => shade.remove());

  return {
    setTeaching(on) {
      teaching = on;
      if (!on) {
        armed = null;
        picked.clear();
        shade.remove();
      } else send();
    },
    arm(field) {
      if (!teaching) return { ok: false, error: 'Teaching is not on in this tab.' };
      armed = field;
      send();
      return { ok: true };
    },
  };
}
