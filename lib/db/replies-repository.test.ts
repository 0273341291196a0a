import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../replies/packs';
import { BuyerLensDatabase } from './database';
import { deleteTemplate, ensureDefaultPacks, importPack, markTemplateUsed, saveTemplate } from './replies-repository';
import { exportPack } from './queries';

let db: BuyerLensDatabase;
beforeEach(async () => {
  db = new BuyerLensDatabase(`replies-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const total = DEFAULT_PACKS.reduce((n, p) => n + p.templates.length, 0);

describe('default packs', () => {
  it('are added once; a deleted default stays deleted and an edited one keeps its edits', async () => {
    expect(await ensureDefaultPacks(db)).toBe(total);
    await deleteTemplate(db, 'default-en-greeting-new');
    const edited = (await db.replyTemplates.get('default-en-payment-reminder'))!;
    await saveTemplate(db, { ...edited, body: 'Please pay {{order.id}}' });
    expect(await ensureDefaultPacks(db)).toBe(0);
    expect(await db.replyTemplates.get('default-en-greeting-new')).toBeUndefined();
    expect((await db.replyTemplates.get('default-en-payment-reminder'))?.body).toBe('Please pay {{order.id}}');
  });
});

describe('templates', () => {
  it('keep their usage across edits, and use counts', async () => {
    await ensureDefaultPacks(db);
    await markTemplateUsed(db, 'default-en-payment-reminder');
    await markTemplateUsed(db, 'default-en-payment-reminder');
    const t = (await db.replyTemplates.get('default-en-payment-reminder'))!;
    const saved = await saveTemplate(db, { ...t, title: 'Nudge to pay' });
    expect(saved.useCount).toBe(2);
    expect(saved.pack).toBe('default-en');
  });

  it('refuse an invalid template', async () => {
    await expect(saveTemplate(db, { id: 'x', title: '', body: 'b', language: 'en', category: 'greeting', conditions: {} })).rejects.toThrow();
    expect(await db.replyTemplates.count()).toBe(0);
  });
});

describe('packs import and export', () => {
  it('round-trip: what one team exports another imports, usage stays local', async () => {
    await ensureDefaultPacks(db);
    await markTemplateUsed(db, 'default-zh-payment-reminder');
    const pack = await exportPack(db);
    expect(pack.templates).toHaveLength(total);
    expect(JSON.stringify(pack)).not.toContain('useCount');

    const other = new BuyerLensDatabase(`replies-${crypto.randomUUID()}`);
    try {
      expect(await importPack(other, JSON.parse(JSON.stringify(pack)))).toEqual({ added: total, updated: 0 });
      expect(await other.replyTemplates.count()).toBe(total);
      expect(await importPack(db, pack)).toEqual({ added: 0, updated: total });
      expect((await db.replyTemplates.get('default-zh-payment-reminder'))?.useCount).toBe(1);
    } finally {
      await other.delete();
    }
  });

  it('refuse a bad file with a clear message and change nothing', async () => {
    await ensureDefaultPacks(db);
    const before = await db.replyTemplates.toArray();
    await expect(importPack(db, { hello: 'world' })).rejects.toThrow('This is not a BuyerLens reply pack.');
    const pack = await exportPack(db);
    const broken = { ...pack, templates: [...pack.templates, { ...pack.templates[0]!, id: 'new-one', category: 'not-a-category' }] };
    await expect(importPack(db, broken)).rejects.toThrow(/not valid.*category/);
    const dup = { ...pack, templates: [pack.templates[0]!, pack.templates[0]!] };
    await expect(importPack(db, dup)).rejects.toThrow('same template id twice');
    expect(await db.replyTemplates.toArray()).toEqual(before);
  });
});
