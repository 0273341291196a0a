import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fixtureCases, readExpected } from '../../test/fixture-cases';
import { adapters } from './registry';

/**
 * Every selector an adapter uses, counted on its offline fixtures (the pages of test/fixtures/<id>/,
 * written after real pages). One that matches no fixture must say which real page variant it serves
 * and the date to drop it by (selectors.ts `unverifiedSelectors`), so fallbacks for vanished
 * variants do not pile up unseen.
 */
const today = new Date().toISOString().slice(0, 10);

function selectorsOf(groups: (typeof adapters)[number]['selectors']['groups']): { name: string; selector: string }[] {
  return Object.entries(groups).flatMap(([group, fields]) =>
    Object.entries(fields).flatMap(([field, value]) =>
      (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []).map((selector: string) => ({ name: `${group}.${field}`, selector })),
    ),
  );
}

describe.each(adapters.map((a) => [a.id, a] as const))('%s selectors', (id, adapter) => {
  const pages = fixtureCases(id)
    .filter((c) => c.name.endsWith('.html'))
    .map((c) => new JSDOM(readFileSync(c.file, 'utf8'), { url: readExpected(c).input.url }).window.document);
  const selectors = selectorsOf(adapter.selectors.groups);
  const matches = (selector: string) => pages.reduce((n, page) => n + page.querySelectorAll(selector).length, 0);
  const { unverified } = adapter.selectors;

  it.each(selectors.map((s) => [`${s.name}: ${s.selector}`, s] as const))('%s', (_label, { selector }) => {
    const count = matches(selector);
    const note = unverified[selector];
    if (count > 0) {
      expect(note, `matches ${count} element(s) on the fixtures: remove its unverifiedSelectors note`).toBeUndefined();
      return;
    }
    expect(note, `matches no fixture of lib/adapters/${id}: add a fixture of the page variant it serves, or say in unverifiedSelectors which variant it is for and when to drop it`).toBeDefined();
    expect(note!.variant.trim().length, 'the real page variant it serves').toBeGreaterThan(10);
    expect(note!.drop, 'a date (YYYY-MM-DD) to drop it by').toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(note!.drop > today, `past its date (${note!.drop}): drop it, or find a page of its variant`).toBe(true);
  });

  it('notes only selectors it uses', () => {
    const used = new Set(selectors.map((s) => s.selector));
    expect(Object.keys(unverified).filter((selector) => !used.has(selector))).toEqual([]);
  });
});
