type TextField = HTMLTextAreaElement | HTMLInputElement;

const isTextField = (el: Element): el is TextField => el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';

/**
 * Puts text into a console's reply box the way typing does, so the console's own React or Vue state
 * sees it: at the caret (replacing a selection), as an input event. Never submits.
 *
 * `insertText` goes through the browser's editing pipeline (trusted input events, undo works). Where
 * it is unavailable or does nothing, the value is set through the element's native setter, which the
 * frameworks' value trackers do not intercept, followed by an input event.
 */
export function insertIntoReplyBox(box: HTMLElement, text: string, replace?: { from: number; to: number }): void {
  const document = box.ownerDocument;
  // The page's own event class where the box is in another document (a test's jsdom page).
  const InputEvent = typeof globalThis.InputEvent === 'function' && document === globalThis.document ? globalThis.InputEvent : document.defaultView!.InputEvent;
  box.focus();
  if (isTextField(box)) {
    const from = replace?.from ?? box.selectionStart ?? box.value.length;
    const to = replace?.to ?? box.selectionEnd ?? from;
    const expected = box.value.slice(0, from) + text + box.value.slice(to);
    box.setSelectionRange(from, to);
    const done = typeof document.execCommand === 'function' && document.execCommand('insertText', false, text);
    if (done && box.value === expected) return;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box) as object, 'value')?.set;
    if (setter) setter.call(box, expected);
    else box.value = expected;
    box.setSelectionRange(from + text.length, from + text.length);
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return;
  }
  // contenteditable editors
  const done = typeof document.execCommand === 'function' && document.execCommand('insertText', false, text);
  if (!done) {
    box.append(document.createTextNode(text));
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
}
