import { describe, expect, it } from 'vitest';
import { toBuyerRow } from './list';
import { previewTagImport, tagImportKeys } from './tag-import';
import { emptyStats } from '../schema/records';

const buyer = (adapterId: string, shopKey: string, id: string, name: string) =>
  toBuyerRow(
    { buyerKey: `${shopKey}:${id}`, shopKey, adapterId, platformBuyerId: id, displayName: name, tagIds: [], stats: emptyStats(), firstSeenAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
    false,
  );
const rows = [buyer('shopee', 'shopee:br', '73229651', 'vitoria'), buyer('amazon', 'amazon:amazon.com', 'abc123', '王小明')];
const names = { shopee: 'Shopee', amazon: 'Amazon' };

describe('previewTagImport', () => {
  it('matches by buyer key or by marketplace and buyer id, and reports rows that matched nothing', () => {
    const csv = '\uFEFFbuyer key,Marketplace,Buyer ID,Tags\r\nshopee:br:73229651,,,VIP; Black Friday\r\n,Amazon,abc123,VIP\r\n,Shopee,999,VIP\r\n';
    const preview = previewTagImport(csv, rows, names)!;
    expect(preview.assignments).toEqual([
      { buyerKey: 'shopee:br:73229651', tagNames: ['VIP', 'Black Friday'] },
      { buyerKey: 'amazon:amazon.com:abc123', tagNames: ['VIP'] },
    ]);
    expect(preview.tagCount).toBe(3);
    expect(preview.unmatched).toEqual([{ line: 4, text: ', Shopee, 999, VIP' }]);
  });

  it('says when the file lacks the columns it needs', () => {
    expect(previewTagImport('name,email\r\nana,a@x.com\r\n', rows, names)).toBeNull();
    expect(tagImportKeys('name,email\r\nana,a@x.com\r\n', names, ['shopee:br'])).toBeNull();
  });

  it('names the buyers a file may mean, in every shop of its marketplaces, so only those are read', () => {
    const csv = 'buyer key,Marketplace,Buyer ID,Tags\r\nshopee:br:73229651,,,VIP\r\n,Shopee,999,VIP\r\n,Amazon,abc123,VIP\r\n,Etsy,5,VIP\r\n';
    expect(tagImportKeys(csv, names, ['shopee:br', 'shopee:my', 'amazon:amazon.com'])).toEqual(['shopee:br:73229651', 'shopee:br:999', 'shopee:my:999', 'amazon:amazon.com:abc123']);
  });
});
