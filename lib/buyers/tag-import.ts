import Papa from 'papaparse';
import { buyerKeyFor, isOfAdapter } from '../schema/keys';
import type { BuyerRow } from './list';

export interface TagImportPreview {
  assignments: { buyerKey: string; tagNames: string[] }[];
  unmatched: { line: number; text: string }[];
  tagCount: number;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

interface ImportFile {
  records: Record<string, string>[];
  tagsColumn: string;
  keyColumn: string | undefined;
  /** The marketplace and buyer-id columns, where the file has both. */
  idColumns: { marketplace: string; id: string } | undefined;
  /** Marketplace id by its id or name, normalised. */
  adapterOf: Map<string, string>;
}

function readImportFile(text: string, marketplaceNames: Readonly<Record<string, string>>): ImportFile | null {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = (parsed.meta.fields ?? []).map((f) => [norm(f), f] as const);
  const column = (...names: string[]) => fields.find(([n]) => names.includes(n))?.[1];
  const tagsColumn = column('tags', 'tag', '标签');
  const keyColumn = column('buyer key', 'buyerkey');
  const marketplaceColumn = column('marketplace', 'platform', '平台');
  const idColumn = column('buyer id', 'platform buyer id', 'buyerid', '买家 id', '买家id');
  if (!tagsColumn || (!keyColumn && !(marketplaceColumn && idColumn))) return null;
  const adapterOf = new Map<string, string>();
  for (const [id, name] of Object.entries(marketplaceNames)) {
    adapterOf.set(norm(id), id);
    adapterOf.set(norm(name), id);
  }
  const idColumns = marketplaceColumn && idColumn ? { marketplace: marketplaceColumn, id: idColumn } : undefined;
  return { records: parsed.data, tagsColumn, keyColumn, idColumns, adapterOf };
}

/**
 * The buyer keys a file of buyers and tags may name (its buyer keys, and its marketplaces' buyer ids
 * in each of `shopKeys` of that marketplace), for the page to read just those buyers; null when the
 * file lacks the columns it needs.
 */
export function tagImportKeys(text: string, marketplaceNames: Readonly<Record<string, string>>, shopKeys: readonly string[]): string[] | null {
  const file = readImportFile(text, marketplaceNames);
  if (!file) return null;
  const keys = new Set<string>();
  for (const record of file.records) {
    const key = file.keyColumn ? record[file.keyColumn]?.trim() : undefined;
    if (key) keys.add(key);
    if (!file.idColumns) continue;
    const adapter = file.adapterOf.get(norm(record[file.idColumns.marketplace] ?? ''));
    const id = record[file.idColumns.id]?.trim();
    if (adapter && id) for (const shopKey of shopKeys) if (isOfAdapter(shopKey, adapter)) keys.add(buyerKeyFor(shopKey, id));
  }
  return [...keys];
}

/**
 * Reads a CSV of buyers and tags, matches every row to a buyer of `rows` (by buyer key, or by
 * marketplace and the marketplace's buyer id), and shows what it would do. Nothing changes until the
 * user confirms.
 */
export function previewTagImport(text: string, rows: readonly Pick<BuyerRow, 'buyerKey' | 'adapterId' | 'platformBuyerId'>[], marketplaceNames: Readonly<Record<string, string>>): TagImportPreview | null {
  const file = readImportFile(text, marketplaceNames);
  if (!file) return null;
  const { tagsColumn, keyColumn, idColumns, adapterOf } = file;
  type Match = (typeof rows)[number];
  const byKey = new Map(rows.map((r) => [r.buyerKey, r]));
  const byPlatformId = new Map<string, Match[]>();
  for (const r of rows) {
    const k = `${r.adapterId}|${r.platformBuyerId}`;
    byPlatformId.set(k, [...(byPlatformId.get(k) ?? []), r]);
  }
  const assignments = new Map<string, Set<string>>();
  const unmatched: TagImportPreview['unmatched'] = [];
  file.records.forEach((record, i) => {
    const tagNames = (record[tagsColumn] ?? '').split(/[;,，；]/).map((s) => s.trim()).filter(Boolean);
    let matches: Match[] = [];
    const key = keyColumn ? record[keyColumn]?.trim() : undefined;
    if (key && byKey.has(key)) matches = [byKey.get(key)!];
    else if (idColumns) {
      const adapter = adapterOf.get(norm(record[idColumns.marketplace] ?? ''));
      matches = adapter ? (byPlatformId.get(`${adapter}|${record[idColumns.id]?.trim()}`) ?? []) : [];
    }
    if (matches.length === 0 || tagNames.length === 0) {
      unmatched.push({ line: i + 2, text: Object.values(record).join(', ') });
      return;
    }
    for (const m of matches) {
      const set = assignments.get(m.buyerKey) ?? new Set<string>();
      tagNames.forEach((n) => set.add(n.slice(0, 60)));
      assignments.set(m.buyerKey, set);
    }
  });
  const list = [...assignments].map(([buyerKey, names]) => ({ buyerKey, tagNames: [...names] }));
  return { assignments: list, unmatched, tagCount: list.reduce((n, a) => n + a.tagNames.length, 0) };
}
