// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { insertIntoReplyBox } from './insert-text';

describe('insertIntoReplyBox', () => {
  it('inserts at the caret of a textarea and tells the page with an input event', () => {
    document.body.innerHTML = '<textarea>Hello  world</textarea>';
    const box = document.querySelector('textarea')!;
    const seen: string[] = [];
    // What a React or Vue console does: keep its state from input events.
    box.addEventListener('input', () => seen.push(box.value));
    box.setSelectionRange(6, 6);
    insertIntoReplyBox(box, 'dear');
    expect(box.value).toBe('Hello dear world');
    expect(seen).toEqual(['Hello dear world']);
    expect(box.selectionStart).toBe(10);
  });

  it('replaces the range it is given (the "/shortcut" the agent typed)', () => {
    document.body.innerHTML = '<textarea></textarea>';
    const box = document.querySelector('textarea')!;
    box.value = 'Hi /pay';
    insertIntoReplyBox(box, 'Please pay order 123.', { from: 3, to: 7 });
    expect(box.value).toBe('Hi Please pay order 123.');
  });

  it('appends to a contenteditable editor', () => {
    document.body.innerHTML = '<div contenteditable="true"></div>';
    const box = document.querySelector('div')!;
    let events = 0;
    box.addEventListener('input', () => events++);
    insertIntoReplyBox(box, '亲，您好');
    expect(box.textContent).toBe('亲，您好');
    expect(events).toBe(1);
  });
});
