import * as Y from 'yjs';
import { FLAG_FIELDS, SEP, TAG_FIELDS, TEAM_SETTINGS, TEMPLATE_FIELDS, type Entry, type Row } from './model';

/**
 * Changes other agents made, read from a team document: which local rows they touch (`Touched`,
 * from the Yjs events) and what each row is now (`rowOf`, from the document's state). The
 * background writes those rows into the store with the update that brought them (lib/db/sync-store.ts).
 */

export type Touched =
  | { table: 'tags' | 'replyTemplates'; key: string }
  | { table: 'notes'; key: string }
  | { table: 'settings'; key: string }
  | { table: 'orderFlags'; key: string; hidden: string }
  | { table: 'links'; key: string; hidden: string }
  /** `removed`: tags taken off the buyer by this change (a tag only this browser has stays). */
  | { table: 'buyerTags'; key: string; hidden: string; removed?: string[] };

const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && typeof (value as Entry).k === 'string';
const localKey = (value: unknown, old: unknown): string | undefined => (isEntry(value) ? value.k : isEntry(old) ? old.k : undefined);

/**
 * A shop document's buyer tags and links, by opaque buyer key (as the document holds them), and the
 * buyer key each entry claims. A claim counts once verified (its HMAC is the entry's key: an agent
 * cannot put tags on a buyer under another key): then a buyer this browser captures later starts with
 * them (the middleware asks synchronously, so no hashing there).
 */
export class BuyerIndex {
  private readonly tags = new Map<string, Set<string>>();
  private readonly persons = new Map<string, string>();
  private readonly claimed = new Map<string, string>();
  private readonly verified = new Map<string, string>();

  /** Reads every entry (when the document is loaded). */
  constructor(doc: Y.Doc) {
    doc.getMap('buyerTags').forEach((value, key) => {
      if (isEntry(value)) this.add(key.split(SEP)[0]!, value.k, key.slice(key.indexOf(SEP) + 1));
    });
    doc.getMap('links').forEach((value, hidden) => {
      if (isEntry(value) && typeof value.v === 'string') this.link(hidden, value.k, value.v);
    });
  }

  add(hidden: string, buyerKey: string, tagId: string): void {
    const set = this.tags.get(hidden) ?? new Set<string>();
    set.add(tagId);
    this.tags.set(hidden, set);
    this.claimed.set(hidden, buyerKey);
  }

  remove(hidden: string, tagId: string): void {
    const set = this.tags.get(hidden);
    set?.delete(tagId);
    if (set?.size === 0) this.tags.delete(hidden);
  }

  link(hidden: string, buyerKey: string, personId: string | undefined): void {
    this.claimed.set(hidden, buyerKey);
    if (personId === undefined) this.persons.delete(hidden);
    else this.persons.set(hidden, personId);
  }

  /** Each opaque key and the buyer key its entries claim (to verify). */
  claims(): [string, string][] {
    return [...this.claimed];
  }

  verify(buyerKey: string, hidden: string): void {
    this.verified.set(buyerKey, hidden);
  }

  tagsOf(hidden: string): string[] {
    return [...(this.tags.get(hidden) ?? [])];
  }

  /** A verified buyer's tags and link (undefined: the team gave them none, as far as this browser checked). */
  annotationsOf(buyerKey: string): { tagIds: string[]; personId?: string } | undefined {
    const hidden = this.verified.get(buyerKey);
    if (hidden === undefined) return undefined;
    const personId = this.persons.get(hidden);
    return { tagIds: this.tagsOf(hidden), ...(personId ? { personId } : {}) };
  }
}

/** The top-level maps of the team documents. */
export const MAPS = ['tags', 'templates', 'settings', 'lists', 'links', 'buyerTags', 'flags', 'notes'] as const;

/**
 * The rows the events of one top-level map (from its `observeDeep`) touch; keeps `index` (the shop
 * document's buyer tags) in step.
 */
export function touchedBy(events: readonly Y.YEvent<Y.AbstractType<unknown>>[], map: (typeof MAPS)[number], index?: BuyerIndex): Touched[] {
  const out = new Map<string, Touched>();
  // One entry per row, and per opaque key (a forged entry claiming a buyer is not the buyer's).
  const add = (t: Touched) => out.set(`${t.table}${SEP}${t.key}${'hidden' in t ? `${SEP}${t.hidden}` : ''}`, t);
  for (const event of events) {
    if (event.path.length > 0) {
      // Inside a note (its text or fields): the note's id is the first step of the path.
      add({ table: 'notes', key: String(event.path[0]) });
      continue;
    }
    event.changes.keys.forEach((change, key) => {
      const value = (event.target as Y.Map<unknown>).get(key);
      const k = localKey(value, change.oldValue);
      const base = key.split(SEP)[0]!;
      switch (map) {
        case 'tags':
          return add({ table: 'tags', key: base });
        case 'templates':
          return add({ table: 'replyTemplates', key: base });
        case 'notes':
          return add({ table: 'notes', key });
        case 'settings':
          return add({ table: 'settings', key });
        case 'lists':
          return add({ table: 'settings', key: TEAM_SETTINGS.lists });
        case 'flags':
          return k && add({ table: 'orderFlags', key: k, hidden: base });
        case 'links':
          if (!k) return;
          index?.link(base, k, change.action === 'delete' || !isEntry(value) || typeof value.v !== 'string' ? undefined : value.v);
          return add({ table: 'links', key: k, hidden: base });
        case 'buyerTags': {
          if (!k) return;
          const tagId = key.slice(key.indexOf(SEP) + 1);
          const seen = out.get(`buyerTags${SEP}${k}${SEP}${base}`) as { removed?: string[] } | undefined;
          const removed = (seen?.removed ?? []).filter((t) => t !== tagId);
          if (change.action === 'delete') {
            index?.remove(base, tagId);
            removed.push(tagId);
          } else index?.add(base, k, tagId);
          return add({ table: 'buyerTags', key: k, hidden: base, ...(removed.length > 0 ? { removed } : {}) });
        }
      }
    });
  }
  return [...out.values()];
}

const fieldsOf = (map: Y.Map<unknown>, base: string, fields: readonly string[]): Row => {
  const row: Row = {};
  for (const field of fields) {
    const value = map.get(`${base}${SEP}${field}`);
    if (isEntry(value) && value.v !== undefined) row[field] = value.v;
  }
  return row;
};

const isDeleted = (map: Y.Map<unknown>, base: string): boolean => {
  const value = map.get(`${base}${SEP}deleted`);
  return isEntry(value) && value.v === true;
};

/** A touched row as the team document has it now (null: it is gone, or not whole yet). */
export function rowOf(doc: Y.Doc, touched: Touched, index?: BuyerIndex): Row | null {
  switch (touched.table) {
    case 'tags': {
      const map = doc.getMap('tags');
      return isDeleted(map, touched.key) ? null : { id: touched.key, ...fieldsOf(map, touched.key, TAG_FIELDS) };
    }
    case 'replyTemplates': {
      const map = doc.getMap('templates');
      return isDeleted(map, touched.key) ? null : { id: touched.key, ...fieldsOf(map, touched.key, TEMPLATE_FIELDS) };
    }
    case 'orderFlags': {
      const row = fieldsOf(doc.getMap('flags'), touched.hidden, FLAG_FIELDS);
      return Object.keys(row).length === 0 ? null : { orderKey: touched.key, ...row };
    }
    case 'notes':
      return noteOf(doc.getMap('notes').get(touched.key), touched.key);
    case 'settings':
      return settingOf(doc, touched.key);
    case 'buyerTags':
      return { buyerKey: touched.key, tagIds: index?.tagsOf(touched.hidden) ?? [], removed: touched.removed ?? [] };
    case 'links': {
      const value = doc.getMap('links').get(touched.hidden);
      return { buyerKey: touched.key, personId: isEntry(value) && typeof value.v === 'string' ? value.v : undefined };
    }
  }
}

function noteOf(value: unknown, id: string): Row | null {
  if (!(value instanceof Y.Map)) return null;
  const text = value.get('text');
  return { id, buyerKey: value.get('buyerKey'), text: text instanceof Y.Text ? text.toString() : '', createdAt: value.get('createdAt'), updatedAt: value.get('updatedAt') };
}

function settingOf(doc: Y.Doc, key: string): Row | null {
  if (key === TEAM_SETTINGS.lists) {
    const lists: { name: string; filter: unknown }[] = [];
    doc.getMap('lists').forEach((value, name) => {
      if (isEntry(value)) lists.push({ name, filter: value.v });
    });
    return { key, value: lists.sort((a, b) => a.name.localeCompare(b.name)) };
  }
  const value = doc.getMap('settings').get(key);
  return isEntry(value) ? { key, value: value.v } : null;
}

/** Every row a document holds, as touched rows (a document loaded for the first time is written whole). */
export function everyRow(doc: Y.Doc): Touched[] {
  const out: Touched[] = [];
  const bases = (name: string) => new Set([...doc.getMap(name).keys()].map((key) => key.split(SEP)[0]!));
  for (const key of bases('tags')) out.push({ table: 'tags', key });
  for (const key of bases('templates')) out.push({ table: 'replyTemplates', key });
  for (const key of doc.getMap('notes').keys()) out.push({ table: 'notes', key });
  for (const key of doc.getMap('settings').keys()) out.push({ table: 'settings', key });
  if (doc.getMap('lists').size > 0) out.push({ table: 'settings', key: TEAM_SETTINGS.lists });
  const withKey = (name: 'flags' | 'links' | 'buyerTags', table: 'orderFlags' | 'links' | 'buyerTags') => {
    const seen = new Set<string>();
    doc.getMap(name).forEach((value, key) => {
      const hidden = key.split(SEP)[0]!;
      if (isEntry(value) && !seen.has(hidden)) {
        seen.add(hidden);
        out.push({ table, key: value.k, hidden } as Touched);
      }
    });
  };
  withKey('flags', 'orderFlags');
  withKey('links', 'links');
  withKey('buyerTags', 'buyerTags');
  return out;
}
