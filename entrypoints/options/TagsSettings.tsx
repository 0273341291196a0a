import { useState } from 'react';
import { ActionErrorText } from '@/components/ActionErrorText';
import { useLiveQuery } from 'dexie-react-hooks';
import { TagChip } from '@/components/TagChip';
import { useAction } from '@/components/use-action';
import { db } from '@/lib/db/database';
import type { TagRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';

function TagRow({ tag, buyers }: { tag: TagRecord; buyers: number }) {
  const { t } = useI18n();
  const { run, error } = useAction();
  const [name, setName] = useState(tag.name);
  const [confirming, setConfirming] = useState(false);
  const rename = () => {
    if (name.trim() && name.trim() !== tag.name) void run('tags/update', { id: tag.id, name }).then((done) => !done && setName(tag.name));
  };
  return (
    <tr data-testid="tag-row" data-tag-id={tag.id}>
      <td style={{ width: 40 }}>
        <input
          type="color"
          aria-label={t('options.tagColor')}
          value={tag.color}
          onChange={(e) => void run('tags/update', { id: tag.id, color: e.target.value })}
        />
      </td>
      <td>
        <input
          type="text"
          aria-label={t('options.tagName')}
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => e.key === 'Enter' && rename()}
        />
        <ActionErrorText error={error} />
      </td>
      <td className="tag-count">{t('options.tagCount', { count: buyers })}</td>
      <td style={{ width: 1, whiteSpace: 'nowrap' }}>
        {confirming ? (
          <span className="note-actions">
            <span className="small">{t('options.tagDeleteConfirm', { name: tag.name, count: buyers })}</span>
            <button type="button" className="small-button danger" onClick={() => void run('tags/delete', { id: tag.id })}>
              {t('options.tagDelete')}
            </button>
            <button type="button" className="small-button" onClick={() => setConfirming(false)}>
              {t('notes.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="small-button" onClick={() => setConfirming(true)}>
            {t('options.tagDelete')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Tags: rename, recolour, delete (off every buyer too), and create. */
export function TagsSettings() {
  const { t } = useI18n();
  const { run, error } = useAction();
  const [draft, setDraft] = useState('');
  const tags = useLiveQuery(async () => {
    const all = await db.tags.orderBy('name').toArray();
    const counts = await Promise.all(all.map((tag) => db.buyers.where('tagIds').equals(tag.id).count()));
    return all.map((tag, i) => ({ tag, buyers: counts[i]! }));
  });
  const create = async () => {
    if (draft.trim() && (await run('tags/create', { name: draft }))) setDraft('');
  };
  return (
    <section className="section" aria-labelledby="tags-title" data-testid="tags-settings">
      <h2 id="tags-title">{t('options.tags')}</h2>
      <p className="muted">{t('options.tagsHint')}</p>
      {tags && tags.length === 0 && <p className="muted small">{t('tags.none')}</p>}
      {tags && tags.length > 0 && (
        <table className="tag-table">
          <tbody>
            {tags.map(({ tag, buyers }) => (
              <TagRow key={`${tag.id}:${tag.name}`} tag={tag} buyers={buyers} />
            ))}
          </tbody>
        </table>
      )}
      <form
        className="new-tag"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input type="text" aria-label={t('options.tagNew')} placeholder={t('options.tagNew')} maxLength={60} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="small-button primary" disabled={!draft.trim()}>
          {t('tags.add')}
        </button>
      </form>
      {tags && tags.length > 0 && (
        <p className="tag-list" style={{ marginTop: 10 }} aria-hidden="true">
          {tags.map(({ tag }) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
        </p>
      )}
      <ActionErrorText error={error} />
    </section>
  );
}
