import Papa from 'papaparse';
import type { BuyerRow } from './list';

export interface TagImportPreview {
  assignments: { buyerKey: string; tagNames: string[] }[];
  unmatched: { line: number; text: string }[];
  tagCount: number;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/**
 * Reads a CSV of buyers and tags, matches every row to a buyer (by buyer key, or by marketplace and
 * the marketplace's buyer id), and shows what it would do. Nothing changes until the user confirms.
 */
export function previewTagImport(text: string, rows: readonly BuyerRow[], marketplaceNames: Readonly<Record<string, string>>): TagImportPreview | null {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = (parsed.meta.fields ?? []).map((f) => [norm(f), f] as const);
  const column = (...names: string[]) => fields.find(([n]) => names.includes(n))?.[1];
  const tagsColumn = column('tags', 'tag', '标签');
  const keyColumn = column('buyer key', 'buyerkey');
  const marketplaceColumn = column('marketplace', 'platform', '平台');
  const idColumn = column('buyer id', 'platform buyer id', 'buyerid', '买家 id', '买家id');
  if (!tagsColumn || (!keyColumn && !(marketplaceColumn && idColumn))) return null;

  const byKey = new Map(rows.map((r) => [r.buyerKey, r]));
  const adapterOf = new Map<string, string>();
  for (const [id, name] of Object.entries(marketplaceNames)) {
    adapterOf.set(norm(id), id);
    adapterOf.set(norm(name), id);
  }
  const byPlatformId = new Map<string, BuyerRow[]>();
  for (const r of rows) {
    const k = `${r.adapterId}|${r.platformBuyerId}`;
    byPlatformId.set(k, [...(byPlatformId.get(k) ?? []), r]);
  }
  const assignments = new Map<string, Set<string>>();
  const unmatched: TagImportPreview['unmatched'] = [];
  parsed.data.forEach((record, i) => {
    const tagNames = (record[tagsColumn] ?? '').split(/[;,，；]/).map((s) => s.trim()).filter(Boolean);
    let matches: BuyerRow[] = [];
    const key = keyColumn ? record[keyColumn]?.trim() : undefined;
    if (key && byKey.has(key)) matches = [byKey.get(key)!];
    else if (marketplaceColumn && idColumn) {
      const adapter = adapterOf.get(norm(record[marketplaceColumn] ?? ''));
      matches = adapter ? (byPlatformId.get(`${adapter}|${record[idColumn]?.trim()}`) ?? []) : [];
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
