import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyLinkChange, applyLocalChange } from './local';
import { opaque, type Row, type RowChange } from './model';
import { BuyerIndex, everyRow, MAPS, rowOf, touchedBy, type Touched } from './remote';

/** Two agents' documents, exchanging updates only when `meet()` is called (offline between). */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const meet = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
  };
  return { a, b, meet };
}

const change = (table: RowChange['table'], key: string, before: Row | null, after: Row | null): RowChange => ({ table, key, before, after });
const BUYER = 'shopee:br:90412267';
const ORDER = 'shopee:br:2405170001';
const hidden = new Map([
  [BUYER, 'h-buyer'],
  [ORDER, 'h-order'],
]);
const local = (doc: Y.Doc, c: RowChange) => Y.transact(doc, () => applyLocalChange(doc, c, hidden), 'local');
const row = (doc: Y.Doc, touched: Touched, index?: BuyerIndex) => rowOf(doc, touched, index);

describe('team documents: the conflict rule of each table', () => {
  it('tags: one winner per field, so a rename and a new colour made at once both stay; a deleted tag stays deleted', () => {
    const { a, b, meet } = pair();
    local(a, change('tags', 'name:vip', null, { id: 'name:vip', name: 'VIP', color: '#0f766e', createdAt: '2026-12-01T00:00:00.000Z' }));
    meet();
    local(a, change('tags', 'name:vip', { name: 'VIP', color: '#0f766e' }, { name: 'VIP buyers', color: '#0f766e' }));
    local(b, change('tags', 'name:vip', { name: 'VIP', color: '#0f766e' }, { name: 'VIP', color: '#be123c' }));
    meet();
    for (const doc of [a, b]) expect(row(doc, { table: 'tags', key: 'name:vip' })).toEqual({ id: 'name:vip', name: 'VIP buyers', color: '#be123c', createdAt: '2026-12-01T00:00:00.000Z' });
    local(b, change('tags', 'name:vip', { name: 'VIP' }, null));
    meet();
    expect(row(a, { table: 'tags', key: 'name:vip' })).toBeNull();
  });

  it('buyer tags: an add made while another agent removes the same tag wins; different tags merge', () => {
    const { a, b, meet } = pair();
    local(a, change('buyers', BUYER, { tagIds: [] }, { tagIds: ['new'] }));
    meet();
    local(a, change('buyers', BUYER, { tagIds: ['new'] }, { tagIds: ['vip'] }));
    local(b, change('buyers', BUYER, { tagIds: ['new'] }, { tagIds: ['new', 'late'] }));
    // b removed nothing, a removed "new": the remove stands; both adds stay.
    meet();
    local(a, change('buyers', BUYER, { tagIds: ['vip', 'late'] }, { tagIds: ['late'] }));
    local(b, change('buyers', BUYER, { tagIds: ['vip', 'late'] }, { tagIds: ['vip', 'late'] }));
    Y.transact(b, () => b.getMap('buyerTags').set(`h-buyer\u0000vip`, { k: BUYER, v: true }), 'local');
    meet();
    for (const doc of [a, b]) expect(new BuyerIndex(doc).tagsOf('h-buyer').sort()).toEqual(['late', 'vip']);
  });

  it('notes: both agents edit one note offline and both edits are in the text', () => {
    const { a, b, meet } = pair();
    const note = { id: 'n1', buyerKey: BUYER, text: 'Asked for an invoice.', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' };
    local(a, change('notes', 'n1', null, note));
    meet();
    local(a, change('notes', 'n1', note, { ...note, text: 'Asked for an invoice. Sent 3 May.' }));
    local(b, change('notes', 'n1', note, { ...note, text: '[B2B] Asked for an invoice.' }));
    meet();
    for (const doc of [a, b]) expect(row(doc, { table: 'notes', key: 'n1' })?.text).toBe('[B2B] Asked for an invoice. Sent 3 May.');
    local(a, change('notes', 'n1', note, null));
    meet();
    expect(row(b, { table: 'notes', key: 'n1' })).toBeNull();
  });

  it('order flags: one winner per field; a colour and a memo set at once both stay', () => {
    const { a, b, meet } = pair();
    local(a, change('orderFlags', ORDER, null, { orderKey: ORDER, color: 'red', updatedAt: '2026-12-01T00:00:00.000Z' }));
    meet();
    local(a, change('orderFlags', ORDER, { color: 'red' }, { color: 'green', updatedAt: '2026-12-01T00:00:01.000Z' }));
    local(b, change('orderFlags', ORDER, { color: 'red' }, { color: 'red', memo: 'call first', updatedAt: '2026-12-01T00:00:02.000Z' }));
    meet();
    const [ra, rb] = [a, b].map((doc) => row(doc, { table: 'orderFlags', key: ORDER, hidden: 'h-order' }));
    expect(ra).toEqual(rb);
    expect(ra).toMatchObject({ orderKey: ORDER, color: 'green', memo: 'call first' });
  });

  it('saved lists: one entry per name, so two agents saving two lists both keep them', () => {
    const { a, b, meet } = pair();
    local(a, change('settings', 'buyerLists', null, { key: 'buyerLists', value: [{ name: 'VIP BR', filter: { tagMode: 'any' } }] }));
    local(b, change('settings', 'buyerLists', null, { key: 'buyerLists', value: [{ name: 'Late payers', filter: { tagMode: 'all' } }] }));
    meet();
    for (const doc of [a, b]) expect((row(doc, { table: 'settings', key: 'buyerLists' })?.value as { name: string }[]).map((l) => l.name)).toEqual(['Late payers', 'VIP BR']);
  });

  it('links: one winner per buyer', () => {
    const { a, b, meet } = pair();
    Y.transact(a, () => applyLinkChange(a, change('buyers', BUYER, { tagIds: [] }, { tagIds: [], personId: 'p-1' }), 'h-buyer'), 'local');
    meet();
    expect(row(b, { table: 'links', key: BUYER, hidden: 'h-buyer' })).toEqual({ buyerKey: BUYER, personId: 'p-1' });
  });
});

describe('team documents: what the other side reads', () => {
  it('names each row a remote transaction touched, nested note edits included, and keeps the buyer-tag index', () => {
    const { a, b, meet } = pair();
    const index = new BuyerIndex(b);
    const touched: Touched[] = [];
    for (const name of MAPS) b.getMap(name).observeDeep((events) => touched.push(...touchedBy(events, name, index)));
    const note = { id: 'n1', buyerKey: BUYER, text: 'hi', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' };
    local(a, change('notes', 'n1', null, note));
    local(a, change('buyers', BUYER, { tagIds: [] }, { tagIds: ['vip'] }));
    meet();
    expect(touched).toEqual(expect.arrayContaining([{ table: 'notes', key: 'n1' }, { table: 'buyerTags', key: BUYER, hidden: 'h-buyer' }]));
    expect(index.tagsOf('h-buyer')).toEqual(['vip']);
    touched.length = 0;
    local(a, change('notes', 'n1', note, { ...note, text: 'hi there' }));
    meet();
    expect(touched).toContainEqual({ table: 'notes', key: 'n1' });
    expect(everyRow(b).map((t) => t.table).sort()).toEqual(['buyerTags', 'notes']);
  });

  it('a forgotten buyer leaves no clear buyer or order key in the document, only their HMACs', async () => {
    const doc = new Y.Doc();
    const salt = 'team-salt-0123456789abcdef';
    const secret = new Map([
      [BUYER, await opaque(salt, BUYER)],
      [ORDER, await opaque(salt, ORDER)],
    ]);
    const apply = (c: RowChange) => Y.transact(doc, () => applyLocalChange(doc, c, secret), 'local');
    apply(change('buyers', BUYER, { tagIds: [] }, { tagIds: ['vip', 'late'] }));
    apply(change('orderFlags', ORDER, null, { orderKey: ORDER, color: 'red', updatedAt: '2026-12-01T00:00:00.000Z' }));
    const text = () => new TextDecoder('latin1').decode(Y.encodeStateAsUpdate(doc));
    expect(text()).toContain(BUYER);
    apply(change('buyers', BUYER, { tagIds: ['vip', 'late'] }, null));
    apply(change('orderFlags', ORDER, { color: 'red' }, null));
    expect(text()).not.toContain('90412267');
    expect(text()).not.toContain('2405170001');
    expect(secret.get(BUYER)).toMatch(/^[\w-]{43}$/);
  });
});
