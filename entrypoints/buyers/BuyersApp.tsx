import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActionErrorText } from '@/components/ActionErrorText';
import { LanguageSelect } from '@/components/LanguageSelect';
import { allEntries, shopLabel } from '@/lib/adapters/catalog';
import { useAction } from '@/components/use-action';
import { useTranslator } from '@/components/use-translator';
import { emptyFilter } from '@/lib/buyers/list';
import { type BuyerFilter } from '@/lib/schema/lists';
import { loadSavedLists } from '@/lib/db/settings-queries';
import { db } from '@/lib/db/database';
import { rfm11Segments, cn8Segments } from '@/lib/schema/rfm';
import { I18nProvider, useI18n } from '@/lib/i18n/react';
import { BuyersTable, rowsPerScreen } from './BuyersTable';
import { DataPanel } from './DataPanel';
import { ExportPanel } from './ExportPanel';
import { FiltersBar } from './FiltersBar';
import { TagImport } from './TagImport';
import { useBuyerList, useFollowBuyerList } from './use-buyer-list';

const SavedLists = memo(function SavedLists({ filter, onPick }: { filter: BuyerFilter; onPick: (filter: BuyerFilter) => void }) {
  const { t } = useI18n();
  const { run, error } = useAction();
  const lists = useLiveQuery(() => loadSavedLists(db)) ?? [];
  const [name, setName] = useState('');
  const [current, setCurrent] = useState('');
  return (
    <div className="saved-lists">
      <select
        aria-label={t('buyers.lists')}
        value={current}
        onChange={(e) => {
          setCurrent(e.target.value);
          const list = lists.find((l) => l.name === e.target.value);
          if (list) onPick(list.filter);
        }}
      >
        <option value="">{t('buyers.noList')}</option>
        {lists.map((l) => (
          <option key={l.name} value={l.name}>
            {l.name}
          </option>
        ))}
      </select>
      {current && (
        <button type="button" className="small-button" onClick={() => void run('lists/delete', { name: current }).then(() => setCurrent(''))}>
          {t('buyers.deleteList')}
        </button>
      )}
      <input type="text" placeholder={t('buyers.listName')} aria-label={t('buyers.listName')} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      <button
        type="button"
        className="small-button"
        disabled={!name.trim()}
        onClick={() =>
          void run('lists/save', { name, filter }).then((done) => {
            if (done) {
              setCurrent(name.trim());
              setName('');
            }
          })
        }
      >
        {t('buyers.saveList')}
      </button>
      <ActionErrorText error={error} />
    </div>
  );
});

/** Adds or removes a tag on every buyer the filter lists (the background walks them; the page holds none). */
const BulkTag = memo(function BulkTag({ filter, now, total, onDone }: { filter: BuyerFilter; now: number; total: number | null; onDone: () => void }) {
  const { t } = useI18n();
  const { run, error, busy } = useAction();
  const tags = useLiveQuery(() => db.tags.orderBy('name').toArray()) ?? [];
  const [tagId, setTagId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const apply = async (on: boolean) => {
    const done = await run('buyers/bulk-tag', { filter, now, tagId, on });
    if (done) {
      setMessage(t('buyers.bulkDone', { count: done.value }));
      onDone();
    }
  };
  return (
    <div className="bulk" data-testid="bulk-tag">
      <span className="small">{t('buyers.bulk', { count: total ?? '…' })}</span>
      <select aria-label={t('buyers.chooseTag')} value={tagId} onChange={(e) => setTagId(e.target.value)}>
        <option value="">{t('buyers.chooseTag')}</option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </select>
      <button type="button" className="small-button" disabled={!tagId || busy || total === 0} onClick={() => void apply(true)}>
        {t('buyers.bulkAdd')}
      </button>
      <button type="button" className="small-button" disabled={!tagId || busy || total === 0} onClick={() => void apply(false)}>
        {t('buyers.bulkRemove')}
      </button>
      {message && (
        <span className="small" role="status">
          {message}
        </span>
      )}
      <ActionErrorText error={error} />
    </div>
  );
});

function BuyersPage({ setting, onLanguage }: { setting: Parameters<typeof LanguageSelect>[0]['setting']; onLanguage: Parameters<typeof LanguageSelect>[0]['onChange'] }) {
  const { t, language } = useI18n();
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // Buyers captured while the page is open join it (their rows are made in the background).
  useFollowBuyerList(reload);
  const [filter, setFilter] = useState<BuyerFilter>(emptyFilter);
  const deferredFilter = useDeferredValue(filter);
  const [now] = useState(Date.now);
  const scroller = useRef<HTMLDivElement>(null);
  const screenRows = useCallback(() => rowsPerScreen(scroller.current), []);
  const list = useBuyerList(deferredFilter, now, generation, screenRows);
  const tagList = useLiveQuery(() => db.tags.orderBy('name').toArray(), [generation]);
  const shops = useLiveQuery(() => db.shops.toArray(), [generation]);
  const everyone = useLiveQuery(() => db.buyerList.count(), [generation]);

  const shopLabels = useMemo(() => Object.fromEntries((shops ?? []).map((s) => [s.shopKey, shopLabel(language, s.shopKey, s)])), [shops, language]);
  const shopKeys = useMemo(() => Object.keys(shopLabels), [shopLabels]);
  const tags = useMemo(() => new Map((tagList ?? []).map((tag) => [tag.id, tag])), [tagList]);
  const lookups = useMemo(
    () => ({
      tagNames: Object.fromEntries((tagList ?? []).map((tag) => [tag.id, tag.name])),
      shopLabels,
      marketplaceNames: Object.fromEntries(allEntries.map((entry) => [entry.id, entry.names[language]])),
      segmentNames: Object.fromEntries([...rfm11Segments, ...cn8Segments].map((s) => [s, t(`segment.${s}`)])),
    }),
    [tagList, shopLabels, t, language],
  );

  return (
    <div className="buyers-page" data-testid="buyers-page">
      <header className="app-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <span className="app-name">
          {t('app.name')} · {t('buyers.title')}
        </span>
        <LanguageSelect setting={setting} onChange={onLanguage} />
      </header>
      <div className="buyers-layout">
        <main className="buyers-main">
          <FiltersBar filter={filter} onChange={setFilter} tags={tagList ?? []} shopLabels={shopLabels} />
          <div className="buyers-toolbar">
            <strong data-testid="buyers-count" data-count={list.total ?? ''}>
              {list.total !== null ? t('buyers.count', { count: list.total, total: everyone ?? list.total }) : t('buyers.counting', { count: list.counted })}
            </strong>
            <SavedLists filter={filter} onPick={setFilter} />
          </div>
          <BulkTag filter={deferredFilter} now={now} total={list.total} onDone={reload} />
          <BuyersTable list={list} scroller={scroller} tags={tags} shopLabels={shopLabels} onChanged={reload} />
        </main>
        <aside className="buyers-side">
          <ExportPanel query={list.query} total={list.total} lookups={lookups} />
          <TagImport shopKeys={shopKeys} marketplaceNames={lookups.marketplaceNames} onDone={reload} />
          <DataPanel onChanged={reload} />
        </aside>
      </div>
    </div>
  );
}

export function BuyersApp() {
  const { translator, setting, setSetting } = useTranslator();
  return (
    <I18nProvider translator={translator}>
      <BuyersPage setting={setting} onLanguage={setSetting} />
    </I18nProvider>
  );
}
