import type { PickedReply } from '../schema/messages';
import { insertIntoReplyBox } from './insert-text';
import type { Lifetime } from './page';
import type { ReplySource } from './sink';

/** "/" at the start of the box or after a space, then up to 30 letters: the agent is picking a reply. */
const TRIGGER = /(?:^|\s)\/([\p{L}\p{N}_-]{0,30})$/u;

const STYLE = `
  :host { all: initial; }
  .picker { position: fixed; z-index: 2147483647; max-height: 280px; overflow: auto; box-sizing: border-box;
    font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif;
    background: #fff; color: #1b1f24; border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 8px 24px rgb(0 0 0 / 0.18); padding: 4px; }
  .item { padding: 6px 8px; border-radius: 6px; cursor: pointer; }
  .item[aria-selected='true'] { background: #d7f0ec; }
  .title { font-weight: 600; } .shortcut { color: #5f6b7a; font-weight: 400; margin-left: 6px; }
  .text { color: #5f6b7a; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .brand { font-size: 11px; color: #0f766e; padding: 2px 8px 4px; font-weight: 600; }
`;

/** The picker while open: which box, which text it will replace ("/pa"), the replies, the one chosen. */
interface OpenPicker {
  box: HTMLElement;
  from: number;
  to: number;
  items: PickedReply[];
  active: number;
}

function textBeforeCaret(box: HTMLElement): { text: string; caret: number } | undefined {
  if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) {
    const caret = box.selectionStart ?? box.value.length;
    return { text: box.value.slice(0, caret), caret };
  }
  const text = box.textContent ?? '';
  return { text, caret: text.length };
}

function pickerRow(document: Document, item: PickedReply, selected: boolean, choose: () => void): HTMLElement {
  const row = document.createElement('div');
  row.className = 'item';
  row.setAttribute('role', 'option');
  row.setAttribute('aria-selected', String(selected));
  row.dataset.templateId = item.id;
  const title = document.createElement('div');
  title.className = 'title';
  title.textContent = item.title;
  if (item.shortcut) {
    const shortcut = document.createElement('span');
    shortcut.className = 'shortcut';
    shortcut.textContent = `/${item.shortcut}`;
    title.append(shortcut);
  }
  const text = document.createElement('div');
  text.className = 'text';
  text.textContent = item.text;
  row.append(title, text);
  row.addEventListener('mousedown', (e) => {
    e.preventDefault();
    choose();
  });
  return row;
}

/** The list above the reply box, drawn into the picker's shadow root (the console's styles cannot reach it). */
function renderPicker(root: ShadowRoot, open: OpenPicker, choose: (index: number) => void): void {
  const document = root.ownerDocument;
  root.replaceChildren();
  const style = document.createElement('style');
  style.textContent = STYLE;
  const list = document.createElement('div');
  list.className = 'picker';
  list.setAttribute('role', 'listbox');
  const rect = open.box.getBoundingClientRect();
  list.style.left = `${Math.max(8, rect.left)}px`;
  list.style.width = `${Math.min(Math.max(rect.width, 280), 440)}px`;
  list.style.bottom = `${Math.max(8, (document.defaultView?.innerHeight ?? 0) - rect.top + 6)}px`;
  const brand = document.createElement('div');
  brand.className = 'brand';
  brand.textContent = 'BuyerLens';
  list.append(brand, ...open.items.map((item, i) => pickerRow(document, item, i === open.active, () => choose(i))));
  root.append(style, list);
}

/** Puts the chosen reply in place of "/pa", its first fill-in prompt selected so that typing replaces it. */
function insertChoice(box: HTMLElement, from: number, to: number, text: string): void {
  insertIntoReplyBox(box, text, { from, to });
  if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) {
    const prompt = /\[[^\]\n]{1,60}\]/.exec(box.value.slice(from, from + text.length));
    if (prompt) box.setSelectionRange(from + prompt.index, from + prompt.index + prompt[0].length);
  }
}

/**
 * The inline picker: typing "/" in the console's reply box lists the replies for the buyer on screen
 * (or, after "/pa", the ones whose shortcut starts so); arrows move, Enter or Tab inserts in place of
 * "/pa", Escape closes. Fill-in prompts arrive as [label], selected for the agent to type over.
 */
export function installReplyPicker(lifetime: Lifetime, document: Document, replyBox: () => Element | null, source: ReplySource): void {
  let host: HTMLElement | undefined;
  // Closed: a page script cannot read the listed replies from it or click one (and its synthetic keys are ignored).
  let shadow: ShadowRoot | undefined;
  let open: OpenPicker | undefined;
  let asked = 0;

  const close = () => {
    host?.remove();
    host = undefined;
    shadow = undefined;
    open = undefined;
  };
  const choose = (index: number) => {
    if (!open) return;
    const { box, from, to, items } = open;
    const item = items[index];
    close();
    if (!item) return;
    insertChoice(box, from, to, item.text);
    source.picked(item.id);
  };
  const render = () => {
    if (!open) return close();
    if (!host || !shadow) {
      host = document.createElement('buyerlens-reply-picker');
      shadow = host.attachShadow({ mode: 'closed' });
      document.documentElement.append(host);
    }
    renderPicker(shadow, open, choose);
  };

  // Only what the agent types: a page's synthetic events cannot list or insert the replies.
  const onInput = (event: Event) => {
    if (!event.isTrusted) return;
    const box = replyBox();
    if (!box || event.target !== box) return;
    const before = textBeforeCaret(box as HTMLElement);
    const match = before ? TRIGGER.exec(before.text) : null;
    if (!before || !match) return close();
    const query = match[1] ?? '';
    const ticket = ++asked;
    void source.pick(query).then((items) => {
      if (ticket !== asked) return;
      if (items.length === 0) return close();
      open = { box: box as HTMLElement, from: before.caret - query.length - 1, to: before.caret, items, active: 0 };
      render();
    });
  };
  const onKey = (event: Event) => {
    if (!event.isTrusted || !open || event.target !== open.box) return;
    const current = open;
    const keys: Record<string, () => void> = {
      ArrowDown: () => (current.active = (current.active + 1) % current.items.length),
      ArrowUp: () => (current.active = (current.active - 1 + current.items.length) % current.items.length),
      Enter: () => choose(current.active),
      Tab: () => choose(current.active),
      Escape: () => close(),
    };
    const act = keys[(event as KeyboardEvent).key];
    if (!act) return;
    // The console must not see these keys: Enter would send its message.
    event.preventDefault();
    event.stopImmediatePropagation();
    act();
    if (open) render();
  };

  lifetime.addEventListener(document, 'input', onInput, { capture: true });
  lifetime.addEventListener(document, 'keydown', onKey, { capture: true });
  lifetime.addEventListener(document, 'focusout', () => setTimeout(() => open && document.activeElement !== open.box && close(), 150));
  lifetime.onInvalidated(close);
}
