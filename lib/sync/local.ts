import * as Y from 'yjs';
import { FLAG_FIELDS, same, SEP, TAG_FIELDS, TEAM_SETTINGS, TEMPLATE_FIELDS, type Entry, type Row, type RowChange } from './model';

/**
 * A local change (a user's action, already stored) written into a team document: only what the
 * change changed, so a field another agent changed meanwhile keeps their value. `hidden` holds the
 * opaque form of the change's buyer or order key (model.ts keysToHide).
 */
export function applyLocalChange(doc: Y.Doc, change: RowChange, hidden: ReadonlyMap<string, string>): void {
  switch (change.table) {
    case 'tags':
      return writeFields(doc.getMap('tags'), change.key, change, TAG_FIELDS, true);
    case 'replyTemplates':
      return writeFields(doc.getMap('templates'), change.key, change, TEMPLATE_FIELDS, true);
    case 'orderFlags':
      return writeFields(doc.getMap('flags'), hidden.get(change.key)!, change, FLAG_FIELDS, false);
    case 'notes':
      return writeNote(doc.getMap('notes'), change);
    case 'settings':
      return change.key === TEAM_SETTINGS.lists ? writeLists(doc.getMap('lists'), change) : writeSetting(doc.getMap('settings'), change);
    case 'buyers':
      return writeBuyer(doc, change, hidden.get(change.key)!);
  }
}

const entry = (k: string, v: unknown): Entry => ({ k, v });

/** One entry per field that changed; a removed row is marked deleted (`tombstone`) or has its entries removed. */
function writeFields(map: Y.Map<unknown>, base: string, change: RowChange, fields: readonly string[], tombstone: boolean): void {
  const { before, after, key } = change;
  if (!after) {
    if (tombstone) map.set(`${base}${SEP}deleted`, entry(key, true));
    else for (const field of fields) map.delete(`${base}${SEP}${field}`);
    return;
  }
  for (const field of fields) {
    if (before && same(before[field], after[field])) continue;
    if (after[field] === undefined) map.delete(`${base}${SEP}${field}`);
    else map.set(`${base}${SEP}${field}`, entry(key, after[field]));
  }
  if (tombstone && !before) map.set(`${base}${SEP}deleted`, entry(key, false));
}

/** Notes: one entry per note (its id is random and made by one agent), its text a Y.Text changed by the smallest edit. */
function writeNote(notes: Y.Map<unknown>, change: RowChange): void {
  const { after, key } = change;
  if (!after) {
    notes.delete(key);
    return;
  }
  let note = notes.get(key);
  if (!(note instanceof Y.Map)) {
    note = new Y.Map<unknown>();
    notes.set(key, note);
  }
  const map = note as Y.Map<unknown>;
  for (const field of ['buyerKey', 'createdAt', 'updatedAt'] as const) if (map.get(field) !== after[field]) map.set(field, after[field]);
  let text = map.get('text');
  if (!(text instanceof Y.Text)) {
    text = new Y.Text();
    map.set('text', text);
  }
  editText(text as Y.Text, String(after.text ?? ''));
}

/** Turns a Y.Text into `wanted` by one delete and one insert between the common start and end. */
export function editText(text: Y.Text, wanted: string): void {
  const now = text.toString();
  if (now === wanted) return;
  let start = 0;
  while (start < now.length && start < wanted.length && now[start] === wanted[start]) start += 1;
  let end = 0;
  while (end < now.length - start && end < wanted.length - start && now[now.length - 1 - end] === wanted[wanted.length - 1 - end]) end += 1;
  const removed = now.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = wanted.slice(start, wanted.length - end);
  if (inserted) text.insert(start, inserted);
}

function writeSetting(settings: Y.Map<unknown>, change: RowChange): void {
  if (change.after) settings.set(change.key, entry(change.key, change.after.value));
  else settings.delete(change.key);
}

/** Saved lists: one entry per list name, so two agents saving different lists both keep theirs. */
function writeLists(lists: Y.Map<unknown>, change: RowChange): void {
  const byName = (row: Row | null) => new Map(((row?.value as { name: string; filter: unknown }[] | undefined) ?? []).map((list) => [list.name, list.filter]));
  const before = byName(change.before);
  const after = byName(change.after);
  for (const name of before.keys()) if (!after.has(name)) lists.delete(name);
  for (const [name, filter] of after) if (!before.has(name) || !same(before.get(name), filter)) lists.set(name, entry(name, filter));
}

/** A buyer's tags (their shop's document; their link: applyLinkChange, in the same document). */
function writeBuyer(doc: Y.Doc, change: RowChange, hiddenBuyer: string): void {
  const tags = doc.getMap('buyerTags');
  const before = new Set((change.before?.tagIds as string[] | undefined) ?? []);
  const after = new Set((change.after?.tagIds as string[] | undefined) ?? []);
  for (const tagId of before) if (!after.has(tagId)) tags.delete(`${hiddenBuyer}${SEP}${tagId}`);
  for (const tagId of after) if (!before.has(tagId)) tags.set(`${hiddenBuyer}${SEP}${tagId}`, entry(change.key, true));
  if (!change.after) {
    // Forgotten: every entry of theirs goes, the ones this browser did not know of too.
    for (const key of [...tags.keys()]) if (key.startsWith(`${hiddenBuyer}${SEP}`)) tags.delete(key);
  }
  applyLinkChange(doc, change, hiddenBuyer);
}

/** A buyer's link to a person (their shop's document): one winner per buyer. */
export function applyLinkChange(doc: Y.Doc, change: RowChange, hiddenBuyer: string): void {
  const links = doc.getMap('links');
  const before = change.before?.personId;
  const after = change.after?.personId;
  if (before === after) return;
  if (typeof after === 'string') links.set(hiddenBuyer, entry(change.key, after));
  else links.delete(hiddenBuyer);
}
