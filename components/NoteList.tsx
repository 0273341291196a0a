import { useState, type KeyboardEvent } from 'react';
import { ActionErrorText } from './ActionErrorText';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db/database';
import { notesOf } from '@/lib/db/queries';
import type { NoteRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { useAction } from './use-action';

const submitOnCtrlEnter = (submit: () => void) => (e: KeyboardEvent<HTMLTextAreaElement>) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    submit();
  }
};

function Note({ note }: { note: NoteRecord }) {
  const { t, dateTime, relative } = useI18n();
  const { run, error } = useAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const save = async () => {
    if (editing === null || !editing.trim()) return;
    if (await run('notes/update', { id: note.id, text: editing })) setEditing(null);
  };
  return (
    <li className="note" data-note-id={note.id}>
      {editing === null ? (
        <p className="note-text">{note.text}</p>
      ) : (
        <textarea
          className="note-edit"
          aria-label={t('notes.edit')}
          value={editing}
          rows={3}
          maxLength={5000}
          autoFocus
          onChange={(e) => setEditing(e.target.value)}
          onKeyDown={submitOnCtrlEnter(() => void save())}
        />
      )}
      <div className="note-foot">
        <span className="muted small" title={dateTime(note.createdAt)}>
          {relative(note.createdAt)}
          {note.updatedAt !== note.createdAt && ` · ${t('notes.edited', { when: relative(note.updatedAt) })}`}
        </span>
        <span className="note-actions">
          {editing !== null ? (
            <>
              <button type="button" className="small-button primary" onClick={() => void save()}>
                {t('notes.save')}
              </button>
              <button type="button" className="small-button" onClick={() => setEditing(null)}>
                {t('notes.cancel')}
              </button>
            </>
          ) : confirming ? (
            <>
              <span className="small">{t('notes.deleteConfirm')}</span>
              <button type="button" className="small-button danger" onClick={() => void run('notes/delete', { id: note.id })}>
                {t('notes.delete')}
              </button>
              <button type="button" className="small-button" onClick={() => setConfirming(false)}>
                {t('notes.cancel')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="small-button" onClick={() => setEditing(note.text)}>
                {t('notes.edit')}
              </button>
              <button type="button" className="small-button" onClick={() => setConfirming(true)}>
                {t('notes.delete')}
              </button>
            </>
          )}
        </span>
      </div>
      <ActionErrorText error={error} />
    </li>
  );
}

/** The team's notes on a buyer, newest first; add with Ctrl+Enter, edit and delete in place. */
export function NoteList({ buyerKey }: { buyerKey: string }) {
  const { t } = useI18n();
  const { run, error, busy } = useAction();
  const [draft, setDraft] = useState('');
  const notes = useLiveQuery(() => notesOf(db, buyerKey), [buyerKey]);
  const add = async () => {
    if (!draft.trim() || busy) return;
    if (await run('notes/add', { buyerKey, text: draft })) setDraft('');
  };
  return (
    <section className="section notes" aria-labelledby="notes-title">
      <h2 id="notes-title" className="section-title">
        {t('notes.title')}
      </h2>
      <div className="note-compose">
        <textarea
          data-testid="note-input"
          aria-label={t('notes.add')}
          placeholder={t('notes.placeholder')}
          value={draft}
          rows={2}
          maxLength={5000}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={submitOnCtrlEnter(() => void add())}
        />
        <button type="button" className="small-button primary" disabled={!draft.trim() || busy} onClick={() => void add()}>
          {t('notes.add')}
        </button>
      </div>
      <ActionErrorText error={error} />
      <ol className="note-list" data-testid="note-list">
        {notes?.map((note) => <Note key={note.id} note={note} />)}
      </ol>
      {notes?.length === 0 && <p className="muted small">{t('notes.empty')}</p>}
    </section>
  );
}
