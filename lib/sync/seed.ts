import type { BuyerLensDatabase } from '../db/database';
import { shopRange } from '../schema/keys';
import { docOfChange, isShared, TEAM_SETTINGS, type Row, type RowChange } from './model';

/**
 * What a browser brings to a team when it joins: its annotations of a document's scope, as changes
 * from nothing (TeamSync.seed puts them into the document before its first sync, so they merge with
 * the team's). The RFM settings are the team's: a joining agent's do not replace them.
 */
export async function localRows(db: BuyerLensDatabase, name: string, team: string): Promise<RowChange[]> {
  const from = (table: RowChange['table'], key: string, after: object): RowChange => ({ table, key, before: null, after: after as Row });
  if (name.startsWith('team:')) {
    const [tags, templates, lists] = await Promise.all([db.tags.toArray(), db.replyTemplates.toArray(), db.settings.get(TEAM_SETTINGS.lists)]);
    const changes = [...tags.map((t) => from('tags', t.id, t)), ...templates.map((t) => from('replyTemplates', t.id, t)), ...(lists ? [from('settings', lists.key, lists)] : [])];
    return changes.filter((c) => isShared(c) && docOfChange(c, team) === name);
  }
  const [lower, upper] = shopRange(name.slice('shop:'.length));
  const [buyers, notes, flags] = await Promise.all([
    db.buyers.where('buyerKey').between(lower, upper, true, false).filter((b) => b.tagIds.length > 0 || b.personId !== undefined).toArray(),
    db.notes.where('buyerKey').between(lower, upper, true, false).toArray(),
    db.orderFlags.where('orderKey').between(lower, upper, true, false).toArray(),
  ]);
  return [
    ...buyers.map((b): RowChange => ({ table: 'buyers', key: b.buyerKey, before: { tagIds: [] }, after: { tagIds: b.tagIds, ...(b.personId ? { personId: b.personId } : {}) } })),
    ...notes.map((n) => from('notes', n.id, n)),
    ...flags.map((f) => from('orderFlags', f.orderKey, f)),
  ];
}
