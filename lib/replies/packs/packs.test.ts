import { describe, expect, it } from 'vitest';
import { REPLY_LANGUAGES, replyTemplateFieldsSchema, type ReplyTemplateFields } from '../../schema/replies';
import { parseTemplate, renderTemplate } from '../render';
import { COMPLAINT_WORDS, englishPack, REFUND_WORDS } from './en';
import { DEFAULT_PACKS } from './index';

/** zh-CN came first and kept the short prefix; every other pack's ids start with its language tag. */
const idPrefix = (language: string) => (language === 'zh-CN' ? 'default-zh-' : `default-${language}-`);
const suffixOf = (t: ReplyTemplateFields) => (t.id.startsWith(idPrefix(t.language)) ? t.id.slice(idPrefix(t.language).length) : undefined);

const english = new Map(englishPack.map((t) => [suffixOf(t)!, t]));
const all = DEFAULT_PACKS.flatMap((p) => p.templates);

describe.each(DEFAULT_PACKS.map((p) => [p.id, p] as const))('default pack %s', (packId, pack) => {
  const language = pack.templates[0]?.language;

  it('is one language, named in the pack id', () => {
    expect(language, packId).toBeDefined();
    expect(packId).toBe(`default-${language}`);
    expect(pack.templates.filter((t) => t.language !== language).map((t) => t.id)).toEqual([]);
  });

  it('has valid templates', () => {
    for (const t of pack.templates) {
      const parsed = replyTemplateFieldsSchema.safeParse(t);
      expect(parsed.success, `${t.id}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it('has one template per English template, ids default-<language>-<English suffix>', () => {
    expect(pack.templates.map((t) => t.id).filter((id) => !id.startsWith(idPrefix(language!))), `ids not starting ${idPrefix(language!)}`).toEqual([]);
    const suffixes = pack.templates.map(suffixOf);
    expect([...english.keys()].filter((s) => !suffixes.includes(s)), `${packId} misses templates`).toEqual([]);
    expect(suffixes.filter((s) => !english.has(s!)), `${packId} has templates English does not`).toEqual([]);
    expect(suffixes.length, `${packId} repeats a template`).toBe(new Set(suffixes).size);
  });

  it('matches each English template’s category and conditions', () => {
    for (const t of pack.templates) {
      const en = english.get(suffixOf(t)!);
      if (!en) continue; // reported by the test above
      expect(t.category, t.id).toBe(en.category);
      expect(t.conditions, t.id).toEqual(en.conditions);
    }
  });

  it('uses only known variables, fills every prompt with a label, keeps bodies chat-sized', () => {
    for (const t of pack.templates) {
      expect(renderTemplate(t.body, {}).unknown, t.id).toEqual([]);
      const prompts = parseTemplate(t.body).filter((p) => p.kind === 'prompt');
      expect(prompts.every((p) => p.label.length > 0), t.id).toBe(true);
      expect(t.body.length, t.id).toBeLessThanOrEqual(320);
    }
  });

  it('keeps the buyer on the marketplace: no links, e-mail, phone numbers or chat apps', () => {
    for (const t of pack.templates) {
      expect(t.body, t.id).not.toMatch(/https?:|www\.|@|\d{7,}|whats\s?app|\bline\b|zalo|telegram|wechat|微信|instagram/i);
    }
  });
});

describe('default packs together', () => {
  it('cover every reply language', () => {
    const languages = new Set(DEFAULT_PACKS.map((p) => p.templates[0]?.language));
    expect(REPLY_LANGUAGES.filter((l) => !languages.has(l))).toEqual([]);
  });

  it('have ids unique across all packs', () => {
    const ids = all.map((t) => t.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('have shortcuts unique across all packs, so "/shortcut" finds exactly one template', () => {
    expect(all.filter((t) => !t.shortcut).map((t) => t.id)).toEqual([]);
    const shortcuts = all.map((t) => t.shortcut!.toLocaleLowerCase());
    expect(shortcuts.filter((s, i) => shortcuts.indexOf(s) !== i)).toEqual([]);
  });

  it('share the keyword lists, written lower-case and each once', () => {
    for (const words of [REFUND_WORDS, COMPLAINT_WORDS]) {
      expect([...words].every((w) => typeof w === 'string' && w.length > 0), 'an empty or missing word').toBe(true);
      expect(words.length, 'a condition lists at most 50 keywords (replyConditionsSchema)').toBeLessThanOrEqual(50);
      expect(words.filter((w) => w !== w.toLocaleLowerCase() || w !== w.trim())).toEqual([]);
      expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
    }
  });
});
