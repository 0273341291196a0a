import { memo } from 'react';
import type { BuyerFilter } from '@/lib/schema/lists';
import { rfm11Segments, cn8Segments, type Segment } from '@/lib/schema/rfm';
import type { TagRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';

const num = (value: string): number | undefined => (value.trim() === '' || !Number.isFinite(Number(value)) ? undefined : Math.max(0, Number(value)));
const int = (value: string): number | undefined => {
  const n = num(value);
  return n === undefined ? undefined : Math.floor(n);
};

type RangeEnd = { label: string; value: number | undefined; onChange: (value: string) => void };

function RangeFilter({ legend, low, high }: { legend: string; low: RangeEnd; high: RangeEnd }) {
  const input = (end: RangeEnd) => <input type="number" min={0} placeholder={end.label} aria-label={`${legend} ${end.label}`} value={end.value ?? ''} onChange={(e) => end.onChange(e.target.value)} />;
  return (
    <fieldset className="filter range">
      <legend>{legend}</legend>
      {input(low)}
      {input(high)}
    </fieldset>
  );
}

function TagFilter({ filter, tags, set }: { filter: BuyerFilter; tags: readonly TagRecord[]; set: (change: Partial<BuyerFilter>) => void }) {
  const { t } = useI18n();
  return (
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
  );
}

function SegmentFilter({ filter, set }: { filter: BuyerFilter; set: (change: Partial<BuyerFilter>) => void }) {
  const { t } = useI18n();
  const segments: readonly Segment[] = [...rfm11Segments, ...cn8Segments];
  return (
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
  );
}

/** Every filter of the buyers table; each change narrows the list live. */
export const FiltersBar = memo(function FiltersBar({
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
  const [min, max] = [t('buyers.min'), t('buyers.max')];
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
      <TagFilter filter={filter} tags={tags} set={set} />
      <SegmentFilter filter={filter} set={set} />
      <RangeFilter legend={t('buyers.spent')} low={{ label: min, value: filter.spentMin, onChange: (v) => set({ spentMin: num(v) }) }} high={{ label: max, value: filter.spentMax, onChange: (v) => set({ spentMax: num(v) }) }} />
      <RangeFilter legend={t('buyers.orders')} low={{ label: min, value: filter.ordersMin, onChange: (v) => set({ ordersMin: int(v) }) }} high={{ label: max, value: filter.ordersMax, onChange: (v) => set({ ordersMax: int(v) }) }} />
      <RangeFilter
        legend={t('buyers.lastOrder')}
        low={{ label: t('buyers.olderThan'), value: filter.lastOrderOlderThanDays, onChange: (v) => set({ lastOrderOlderThanDays: int(v) }) }}
        high={{ label: t('buyers.within'), value: filter.lastOrderWithinDays, onChange: (v) => set({ lastOrderWithinDays: int(v) }) }}
      />
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
});
