import { useMemo, useState, type KeyboardEvent } from 'react';
import { ActionErrorText } from './ActionErrorText';
import type { BuyerRecord, TagRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { TagChip } from './TagChip';
import { useAction } from './use-action';

type Option = { kind: 'tag'; tag: TagRecord } | { kind: 'create'; name: string };

/** The tags the buyer lacks whose name contains the query, prefix matches first; else "create". */
function useTagOptions(q: string, tags: readonly TagRecord[], buyerTagIds: readonly string[]): Option[] {
  return useMemo(() => {
    if (!q) return [];
    const lower = q.toLowerCase();
    const matches = tags
      .filter((tag) => !buyerTagIds.includes(tag.id) && tag.name.toLowerCase().includes(lower))
      .sort((a, b) => Number(!a.name.toLowerCase().startsWith(lower)) - Number(!b.name.toLowerCase().startsWith(lower)) || a.name.localeCompare(b.name))
      .slice(0, 6)
      .map((tag): Option => ({ kind: 'tag', tag }));
    const exact = tags.some((tag) => tag.name.toLowerCase() === lower);
    return exact ? matches : [...matches, { kind: 'create', name: q }];
  }, [q, tags, buyerTagIds]);
}

function useTagEditor(buyer: BuyerRecord, tags: readonly TagRecord[]) {
  const { run, error } = useAction();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const byId = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags]);
  const own = buyer.tagIds.map((id) => byId.get(id)).filter((tag): tag is TagRecord => tag !== undefined);
  const options = useTagOptions(query.trim(), tags, buyer.tagIds);
  const untag = (tagId: string) => void run('buyers/tag', { buyerKey: buyer.buyerKey, tagId, on: false });

  const choose = async (option: Option | undefined) => {
    if (!option) return;
    const tagId = option.kind === 'tag' ? option.tag.id : (await run('tags/create', { name: option.name }))?.value.id;
    if (!tagId) return;
    if (await run('buyers/tag', { buyerKey: buyer.buyerKey, tagId, on: true })) {
      setQuery('');
      setActive(0);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void choose(options[active]);
    } else if (e.key === 'Escape') {
      setQuery('');
    } else if (e.key === 'Backspace' && query === '' && own.length > 0) {
      untag(own[own.length - 1]!.id);
    }
  };
  const changeQuery = (text: string) => {
    setQuery(text);
    setActive(0);
  };

  return { error, query, changeQuery, active, setActive, own, options, choose, untag, onKeyDown };
}

function TagOptions({ listId, options, active, onChoose, onActive }: { listId: string; options: readonly Option[]; active: number; onChoose: (option: Option) => void; onActive: (index: number) => void }) {
  const { t } = useI18n();
  return (
    <ul className="tag-options" role="listbox" id={listId}>
      {options.map((option, i) => (
        <li
          key={option.kind === 'tag' ? option.tag.id : 'create'}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(option);
          }}
          onMouseEnter={() => onActive(i)}
        >
          {option.kind === 'tag' ? <TagChip tag={option.tag} /> : <span className="tag-create">{t('tags.create', { name: option.name })}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * The buyer's tags, each removable in one click, and a type-ahead that adds an existing tag or
 * creates a new one: type two letters, Enter.
 */
export function TagEditor({ buyer, tags }: { buyer: BuyerRecord; tags: readonly TagRecord[] }) {
  const { t } = useI18n();
  const { error, query, changeQuery, active, setActive, own, options, choose, untag, onKeyDown } = useTagEditor(buyer, tags);
  const listId = `tag-options-${buyer.buyerKey}`;
  return (
    <div className="tag-editor">
      <ul className="tag-list" data-testid="tag-list" aria-label={t('tags.title')}>
        {own.map((tag) => (
          <li key={tag.id}>
            <TagChip tag={tag}>
              <button type="button" className="tag-remove" aria-label={t('tags.remove', { name: tag.name })} title={t('tags.remove', { name: tag.name })} onClick={() => untag(tag.id)}>
                ×
              </button>
            </TagChip>
          </li>
        ))}
        <li className="tag-input-wrap">
          <input
            type="text"
            data-testid="tag-input"
            className="tag-input"
            role="combobox"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-activedescendant={options.length > 0 ? `${listId}-${active}` : undefined}
            aria-label={t('tags.add')}
            placeholder={own.length === 0 ? t('tags.placeholder') : t('tags.add')}
            value={query}
            maxLength={60}
            onChange={(e) => changeQuery(e.target.value)}
            onKeyDown={onKeyDown}
          />
          {options.length > 0 && <TagOptions listId={listId} options={options} active={active} onChoose={(option) => void choose(option)} onActive={setActive} />}
        </li>
      </ul>
      <ActionErrorText error={error} />
    </div>
  );
}
