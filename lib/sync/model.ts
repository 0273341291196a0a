import { partsOfKey } from '../schema/keys';

/**
 * What a team shares, as Yjs documents: `team:<teamId>` (tag definitions, reply templates, saved
 * lists, RFM settings) and `shop:<shopKey>` (one shop's buyer tags, notes, order flags and buyer
 * links: an agent invited to some shops sees no buyer of the others). Rules the design study (shared/design/team-sync.md) measured:
 *
 * - only flat keys at the top of a map: a nested map two agents create under one key at once loses
 *   one agent's entries. One entry per field (`<row>␀<field>`), so concurrent edits of different
 *   fields of one row both stay, and one winner per field (picked by Yjs, the same everywhere);
 * - map keys stay in a document forever, even deleted: a buyer or order key is never a map key in
 *   clear, only its HMAC with the team's salt (`opaque`); the clear key is in the value, which a
 *   deletion removes;
 * - every value is `{ k, v }`: the local key of the row it belongs to, and the field's value.
 *
 * The conflict rule per table:
 * - tags (team `tags`): one winner per field (name, colour); a deleted tag stays deleted unless
 *   created again; a tag created by name gets its id from the name, so one name created by two
 *   agents at once is one tag;
 * - buyer tags (shop `buyerTags`, `<h(buyer)>␀<tagId>` → true): a concurrent add wins over a remove;
 * - notes (shop `notes`, one entry per note under its random id): the text is a Y.Text and merges;
 * - order flags (shop `flags`): one winner per field (colour, memo);
 * - links (shop `links`, `h(buyer)` → person id): one winner per buyer;
 * - reply templates made or edited by a user (team `templates`): one winner per field;
 * - saved lists (team `lists`, by name) and the RFM settings (team `settings`): one winner per key.
 */

export const SEP = '\u0000';

/** The tables whose changes a team shares (some of their fields). */
export const SYNCED_TABLES = ['tags', 'buyers', 'notes', 'orderFlags', 'replyTemplates', 'settings'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** A change a local write made to one row of a synced table: the row before and after (null: none). */
export interface RowChange {
  table: SyncedTable;
  key: string;
  before: Row | null;
  after: Row | null;
}
export type Row = Record<string, unknown>;

export interface Entry {
  k: string;
  v: unknown;
}

export const teamDoc = (team: string) => `team:${team}`;
export const shopDoc = (shopKey: string) => `shop:${shopKey}`;

/** Settings a team shares (the rest, like retention and reply languages, are each browser's). */
export const TEAM_SETTINGS = { rfm: 'rfm', lists: 'buyerLists' } as const;

export const TAG_FIELDS = ['name', 'color', 'createdAt'] as const;
export const FLAG_FIELDS = ['color', 'memo', 'updatedAt'] as const;
export const TEMPLATE_FIELDS = ['title', 'body', 'language', 'category', 'conditions', 'shortcut', 'pack', 'createdAt', 'updatedAt'] as const;

const secrets = new Map<string, Promise<CryptoKey>>();

/** HMAC-SHA-256 of a key with the team's salt, base64url: what stands for a buyer or order key in a document's keys. */
export async function opaque(salt: string, key: string): Promise<string> {
  let imported = secrets.get(salt);
  if (!imported) {
    imported = crypto.subtle.importKey('raw', new TextEncoder().encode(salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    secrets.set(salt, imported);
  }
  const secret = await imported;
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', secret, new TextEncoder().encode(key)));
  return btoa(String.fromCharCode(...mac))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** The document a change goes to (null: the change is not shared). */
export function docOfChange(change: RowChange, team: string): string | null {
  switch (change.table) {
    case 'tags':
    case 'replyTemplates':
      return teamDoc(team);
    case 'settings':
      return Object.values(TEAM_SETTINGS).includes(change.key as never) ? teamDoc(team) : null;
    case 'buyers':
    case 'notes':
    case 'orderFlags': {
      const owner = change.table === 'notes' ? String((change.after ?? change.before)?.buyerKey ?? '') : change.key;
      return owner ? shopDoc(partsOfKey(owner).shopKey) : null;
    }
  }
}

/** Keys a change needs in opaque form (buyer and order keys). */
export function keysToHide(change: RowChange): string[] {
  return change.table === 'buyers' || change.table === 'orderFlags' ? [change.key] : [];
}

/** A template is shared once a user made or changed it; the default packs every browser has are not. */
export const isUserTemplate = (row: Row | null): boolean => row !== null && (row.pack === undefined || row.createdAt !== row.updatedAt);

/** Equal values, arrays and objects compared by their JSON. */
export const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Whether a change touches what a team shares (a capture that rewrites a buyer's stats does not). */
export function isShared(change: RowChange): boolean {
  const { before, after } = change;
  switch (change.table) {
    case 'buyers':
      if (!before || !after) return (before ?? after) !== null;
      return !same(before.tagIds, after.tagIds) || before.personId !== after.personId;
    case 'replyTemplates':
      if (!isUserTemplate(after) && !isUserTemplate(before)) return false;
      return !before || !after || TEMPLATE_FIELDS.some((f) => !same(before[f], after[f]));
    case 'settings':
      return !same(before?.value, after?.value);
    default:
      return !same(before, after);
  }
}
