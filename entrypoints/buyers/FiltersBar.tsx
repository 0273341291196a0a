import type { BuyerFilter } from '@/lib/schema/lists';
import { rfm11Segments, cn8Segments, type Segment } from '@/lib/schema/rfm';
import type { TagRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';

const num = (value: string): number | undefined => (value.trim() === '' || !Number.isFinite(Number(value)) ? undefined : Math.max(0, Number(value)));
const int = (value: string): number | undefined => {
  const n = num(value);
  return n === undefined ? undefined : Math.floor(n);
};

/** Every filter of the buyers table; each change narrows the list live. */
export function FiltersBar({
  filter,
  onChange,
  tags,
  shopLabels,
}: {
  filter: BuyerFilter;
  onChange: (filter: BuyerFilter) => void;
  tags: readonly TagRecord[];
  shopLabels: Readonly<Record<string, string>>;
}) {
  const { t } = useI18n();
  const set = (change: Partial<BuyerFilter>) => {
    const next: BuyerFilter = { ...filter, ...change };
    for (const key of Object.keys(next) as (keyof BuyerFilter)[]) {
      const v = next[key];
      if (v === undefined || (Array.isArray(v) && v.length === 0) || v === '') delete next[key];
    }
    onChange({ ...next, tagMode: next.tagMode ?? 'any' });
  };
  const segments: readonly Segment[] = [...rfm11Segments, ...cn8Segments];
  return (
    <div className="filters" role="search" aria-label={t('buyers.filters')}>
      <label className="filter wide">
        <span>{t('buyers.search')}</span>
        <input type="search" value={filter.query ?? ''} onChange={(e) => set({ query: e.target.value || undefined })} />
      </label>
      <label className="filter">
        <span>{t('buyers.shop')}</span>
        <select value={filter.shopKeys?.[0] ?? ''} onChange={(e) => set({ shopKeys: e.target.value ? [e.target.value] : undefined })}>
          <option value="">{t('buyers.anyShop')}</option>
          {Object.entries(shopLabels).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="filter">
        <span>
          {t('buyers.tags')}{' '}
          <select aria-label={t('buyers.tags')} value={filter.tagMode} onChange={(e) => set({ tagMode: e.target.value as BuyerFilter['tagMode'] })}>
            <option value="any">{t('buyers.tagMode.any')}</option>
            <option value="all">{t('buyers.tagMode.all')}</option>
            <option value="none">{t('buyers.tagMode.none')}</option>
          </select>
        </span>
        <select
          multiple
          size={Math.min(4, Math.max(2, tags.length))}
          data-testid="filter-tag"
          aria-label={t('buyers.tags')}
          value={filter.tagIds ?? []}
          onChange={(e) => set({ tagIds: [...e.target.selectedOptions].map((o) => o.value) })}
        >
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
      </div>
      <label className="filter">
        <span>{t('buyers.segment')}</span>
        <select value={filter.segments?.[0] ?? ''} onChange={(e) => set({ segments: e.target.value ? [e.target.value as Segment] : undefined })}>
          <option value="">{t('buyers.anySegment')}</option>
          {segments.map((s) => (
            <option key={s} value={s}>
              {t(`segment.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="filter range">
        <legend>{t('buyers.spent')}</legend>
        <input type="number" min={0} placeholder={t('buyers.min')} aria-label={`${t('buyers.spent')} ${t('buyers.min')}`} value={filter.spentMin ?? ''} onChange={(e) => set({ spentMin: num(e.target.value) })} />
        <input type="number" min={0} placeholder={t('buyers.max')} aria-label={`${t('buyers.spent')} ${t('buyers.max')}`} value={filter.spentMax ?? ''} onChange={(e) => set({ spentMax: num(e.target.value) })} />
      </fieldset>
      <fieldset className="filter range">
        <legend>{t('buyers.orders')}</legend>
        <input type="number" min={0} placeholder={t('buyers.min')} aria-label={`${t('buyers.orders')} ${t('buyers.min')}`} value={filter.ordersMin ?? ''} onChange={(e) => set({ ordersMin: int(e.target.value) })} />
        <input type="number" min={0} placeholder={t('buyers.max')} aria-label={`${t('buyers.orders')} ${t('buyers.max')}`} value={filter.ordersMax ?? ''} onChange={(e) => set({ ordersMax: int(e.target.value) })} />
      </fieldset>
      <fieldset className="filter range">
        <legend>{t('buyers.lastOrder')}</legend>
        <input type="number" min={0} placeholder={t('buyers.olderThan')} aria-label={`${t('buyers.lastOrder')} ${t('buyers.olderThan')}`} value={filter.lastOrderOlderThanDays ?? ''} onChange={(e) => set({ lastOrderOlderThanDays: int(e.target.value) })} />
        <input type="number" min={0} placeholder={t('buyers.within')} aria-label={`${t('buyers.lastOrder')} ${t('buyers.within')}`} value={filter.lastOrderWithinDays ?? ''} onChange={(e) => set({ lastOrderWithinDays: int(e.target.value) })} />
      </fieldset>
      <label className="filter">
        <span>{t('buyers.hasNotes')}</span>
        <select value={filter.hasNotes === undefined ? '' : String(filter.hasNotes)} onChange={(e) => set({ hasNotes: e.target.value === '' ? undefined : e.target.value === 'true' })}>
          <option value="">{t('buyers.hasNotes.any')}</option>
          <option value="true">{t('buyers.hasNotes.yes')}</option>
          <option value="false">{t('buyers.hasNotes.no')}</option>
        </select>
      </label>
      <button type="button" className="small-button" onClick={() => onChange({ tagMode: 'any' })}>
        {t('buyers.clear')}
      </button>
    </div>
  );
}
