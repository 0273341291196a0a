import { memo, useEffect, useState, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ActionErrorText } from '@/components/ActionErrorText';
import { segmentTone } from '@/components/segment';
import { TagChip } from '@/components/TagChip';
import { useAction } from '@/components/use-action';
import type { BuyerRow, Sort, SortKey } from '@/lib/buyers/list';
import type { TagRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import type { BuyerList } from './use-buyer-list';

const ROW_HEIGHT = 48;
/** Rows rendered beyond each edge of the view. */
const OVERSCAN = 4;

/**
 * Rows a first screen renders: as many as the table's height holds (before it is laid out, the
 * window's: the table is never taller), and those rendered beyond its edge.
 */
export const rowsPerScreen = (scroller: HTMLElement | null) => Math.ceil((scroller?.clientHeight || window.innerHeight) / ROW_HEIGHT) + OVERSCAN;

const COLUMNS: { key: SortKey; label: Parameters<ReturnType<typeof useI18n>['t']>[0]; numeric?: boolean }[] = [
  { key: 'name', label: 'buyers.col.name' },
  { key: 'shopKey', label: 'buyers.col.shop' },
  { key: 'segment', label: 'buyers.col.segment' },
  { key: 'r', label: 'buyers.col.rfm', numeric: true },
  { key: 'orders', label: 'buyers.col.orders', numeric: true },
  { key: 'spentMinor', label: 'buyers.col.spent', numeric: true },
  { key: 'lastOrderAt', label: 'buyers.col.lastOrder', numeric: true },
];

/** Asks before erasing a buyer, in the row of the buyer the seller chose (one at a time, in the table). */
function EraseConfirm({ row, onErased, onClose }: { row: BuyerRow; onErased: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const { run, error } = useAction();
  return (
    <span className="erase-confirm" role="alertdialog">
      <span className="small">{t('buyers.eraseConfirm', { name: row.name ?? row.platformBuyerId })}</span>
      <button
        type="button"
        className="small-button danger"
        onClick={() =>
          void run('buyers/erase', { buyerKey: row.buyerKey }).then((done) => {
            if (!done) return;
            onClose();
            onErased();
          })
        }
      >
        {t('buyers.erase')}
      </button>
      <button type="button" className="small-button" onClick={onClose}>
        {t('notes.cancel')}
      </button>
      <ActionErrorText error={error} />
    </span>
  );
}

function HeadRow({ sort, onSort }: { sort: Sort; onSort: (sort: Sort) => void }) {
  const { t } = useI18n();
  return (
    <div className="buyers-row buyers-head" role="row">
      {COLUMNS.map((c) => {
        const active = sort.key === c.key;
        return (
          <span key={c.key} role="columnheader" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={c.numeric ? 'num' : undefined}>
            <button type="button" onClick={() => onSort({ key: c.key, dir: active && sort.dir === 'desc' ? 'asc' : active ? 'desc' : c.numeric ? 'desc' : 'asc' })}>
              {t(c.label)}
              {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
            </button>
          </span>
        );
      })}
      <span role="columnheader">{t('buyers.col.tags')}</span>
      <span role="columnheader" />
    </div>
  );
}

/** A row re-renders only when its buyer, place or lookups change (not on every render of the table). */
const BuyerTableRow = memo(function BuyerTableRow({
  row,
  index,
  top,
  tags,
  shopLabels,
  erasing,
  onErase,
  onChanged,
}: {
  row: BuyerRow;
  index: number;
  top: number;
  tags: ReadonlyMap<string, TagRecord>;
  shopLabels: Readonly<Record<string, string>>;
  /** The seller asked to erase this buyer and is asked to confirm. */
  erasing: boolean;
  /** Asks to confirm erasing a buyer (null: nobody). */
  onErase: (buyerKey: string | null) => void;
  onChanged: () => void;
}) {
  const { t, money, relative } = useI18n();
  return (
    <div
      className={erasing ? 'buyers-row erasing' : 'buyers-row'}
      role="row"
      data-testid="buyer-row"
      data-buyer-key={row.buyerKey}
      aria-rowindex={index + 2}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <span role="cell" className="cell-name">
        <b>{row.name ?? t('buyer.noName', { id: row.platformBuyerId })}</b>
        <span className="muted small">{row.platformBuyerId}</span>
      </span>
      <span role="cell" className="small">
        {shopLabels[row.shopKey] ?? row.shopKey}
      </span>
      <span role="cell">{row.segment && <span className={`tier-pill tier-${segmentTone(row.segment)}`}>{t(`segment.${row.segment}`)}</span>}</span>
      <span role="cell" className="num small">
        {row.r !== undefined ? `${row.r} ${row.f} ${row.m}` : '—'}
      </span>
      <span role="cell" className="num">
        {row.orders}
      </span>
      <span role="cell" className="num">
        {money(row.spentMinor, row.currency)}
      </span>
      <span role="cell" className="num small" title={row.lastOrderAt}>
        {row.lastOrderAt ? relative(row.lastOrderAt) : '—'}
      </span>
      <span role="cell" className="cell-tags">
        {row.tagIds.map((id) => {
          const tag = tags.get(id);
          return tag ? <TagChip key={id} tag={tag} /> : null;
        })}
        {row.hasNotes && <span className="note-dot" title={t('notes.title')} aria-label={t('notes.title')}>✎</span>}
      </span>
      <span role="cell" className="cell-actions">
        {erasing ? (
          <EraseConfirm row={row} onErased={onChanged} onClose={() => onErase(null)} />
        ) : (
          <button type="button" className="small-button" onClick={() => onErase(row.buyerKey)}>
            {t('buyers.erase')}
          </button>
        )}
      </span>
    </div>
  );
});

/** A row not read yet (the user scrolled past what was read): its place, until it is. */
function PendingRow({ index, top }: { index: number; top: number }) {
  return <div className="buyers-row pending" role="row" aria-rowindex={index + 2} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }} />;
}

/**
 * The buyers table: only the rows in view are in the DOM, and only the rows scrolled to are read
 * (use-buyer-list.ts), so 200,000 buyers open and scroll like 100. `aria-busy` is true while the
 * first screen of the current query is read.
 */
export function BuyersTable({
  list,
  scroller,
  tags,
  shopLabels,
  onChanged,
}: {
  list: BuyerList;
  /** The table's scrolling element (the page reads its height for a first screen's rows). */
  scroller: RefObject<HTMLDivElement | null>;
  tags: ReadonlyMap<string, TagRecord>;
  shopLabels: Readonly<Record<string, string>>;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  // The buyer whose erasing waits for the seller's confirmation: by key, so it never moves to the buyer sorted into that row.
  const [erasing, setErasing] = useState<string | null>(null);
  const { rows, total, done, loading, need, query, sortBy } = list;
  // Every match once counted; until then the rows read, and one more place while there are more.
  const count = total ?? rows.length + (done ? 0 : 1);
  // TanStack Virtual hands back functions the React compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const lastInView = items.length > 0 ? items[items.length - 1]!.index : 0;
  useEffect(() => {
    if (lastInView >= rows.length - 1) need(lastInView);
  }, [lastInView, rows.length, need]);

  return (
    <div className="buyers-table" role="table" aria-rowcount={count + 1}>
      <HeadRow sort={query.sort} onSort={sortBy} />
      <div className="buyers-scroll" ref={scroller} data-testid="buyers-table" aria-busy={loading}>
        {!loading && done && rows.length === 0 && <p className="muted pad">{t('buyers.empty')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return <PendingRow key={`pending-${item.index}`} index={item.index} top={item.start} />;
            // Keyed by place, not buyer: a new sort or filter fills the rows already in the DOM with
            // other buyers rather than removing them all and building new ones.
            return (
              <BuyerTableRow
                key={item.index}
                row={row}
                index={item.index}
                top={item.start}
                tags={tags}
                shopLabels={shopLabels}
                erasing={erasing === row.buyerKey}
                onErase={setErasing}
                onChanged={onChanged}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
