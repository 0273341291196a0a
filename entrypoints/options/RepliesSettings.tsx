import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActionErrorText } from '@/components/ActionErrorText';
import { download, FileButton, jsonOfFile } from '@/components/files';
import { useAction } from '@/components/use-action';
import { catalog, marketplaceName } from '@/lib/adapters/catalog';
import { db } from '@/lib/db/database';
import { exportPack } from '@/lib/db/queries';
import { REPLY_VARIABLES } from '@/lib/replies/render';
import { BUYER_KINDS, REPLY_CATEGORIES, REPLY_LANGUAGES, replyTemplateFieldsSchema, type ReplyOrderState, type ReplyTemplateFields, type ReplyTemplateRecord } from '@/lib/schema/replies';
import { orderStatusSchema } from '@/lib/schema/common';
import { describeIssues } from '@/lib/schema/issues';
import { agentNameItem } from '@/lib/settings';
import { useI18n } from '@/lib/i18n/react';

const ORDER_STATES: readonly ReplyOrderState[] = [...orderStatusSchema.options.filter((s) => s !== 'unknown'), 'late'];
const csv = (list: readonly string[] | undefined) => (list ?? []).join(', ');
const fromCsv = (text: string) => text.split(/[,，]/).map((s) => s.trim()).filter(Boolean);

function toggle<T>(list: readonly T[] | undefined, value: T, on: boolean): T[] | undefined {
  const next = on ? [...new Set([...(list ?? []), value])] : (list ?? []).filter((v) => v !== value);
  return next.length > 0 ? next : undefined;
}

function Checkboxes<T extends string>({ legend, values, chosen, label, onChange }: { legend: string; values: readonly T[]; chosen: readonly T[] | undefined; label: (v: T) => string; onChange: (v: T[] | undefined) => void }) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="checkbox" checked={chosen?.includes(v) ?? false} onChange={(e) => onChange(toggle(chosen, v, e.target.checked))} /> {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

type Conditions = ReplyTemplateFields['conditions'];

function useTemplateDraft(initial: ReplyTemplateFields, onDone: () => void) {
  const { run, error } = useAction();
  const [draft, setDraft] = useState(initial);
  const [tagsText, setTagsText] = useState(csv(initial.conditions.tagNames));
  const [keywordsText, setKeywordsText] = useState(csv(initial.conditions.keywords));
  const [problem, setProblem] = useState<string | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const c = draft.conditions;
  const edit = (change: Partial<ReplyTemplateFields>) => setDraft({ ...draft, ...change });
  const setConditions = (change: Partial<Conditions>) => setDraft({ ...draft, conditions: { ...c, ...change } });

  const insertVariable = (name: string) => {
    const el = body.current;
    const token = `{{${name}}}`;
    const at = el?.selectionStart ?? draft.body.length;
    setDraft({ ...draft, body: draft.body.slice(0, at) + token + draft.body.slice(el?.selectionEnd ?? at) });
  };
  const save = async () => {
    const tagNames = fromCsv(tagsText);
    const keywords = fromCsv(keywordsText);
    const fields = {
      ...draft,
      conditions: { ...c, tagNames: tagNames.length ? tagNames : undefined, keywords: keywords.length ? keywords : undefined },
      ...(draft.shortcut ? { shortcut: draft.shortcut.replace(/^\//, '') } : { shortcut: undefined }),
    };
    const parsed = replyTemplateFieldsSchema.safeParse(JSON.parse(JSON.stringify(fields)));
    if (!parsed.success) return setProblem(describeIssues(parsed.error));
    setProblem(null);
    if (await run('replies/save', parsed.data)) onDone();
  };
  return { draft, edit, setConditions, tagsText, setTagsText, keywordsText, setKeywordsText, problem, error, body, insertVariable, save };
}

/** A reply language by its own name ("Português (Brasil)", "ไทย"), as a native speaker looks for it. */
function languageName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

function LanguageCategoryShortcut({ draft, onEdit }: { draft: ReplyTemplateFields; onEdit: (change: Partial<ReplyTemplateFields>) => void }) {
  const { t } = useI18n();
  return (
    <div className="row">
      <label className="field">
        <span>{t('options.replyLanguage')}</span>
        <select aria-label={t('options.replyLanguage')} value={draft.language} onChange={(e) => onEdit({ language: e.target.value as ReplyTemplateFields['language'] })}>
          {REPLY_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('options.replyCategory')}</span>
        <select aria-label={t('options.replyCategory')} value={draft.category} onChange={(e) => onEdit({ category: e.target.value as ReplyTemplateFields['category'] })}>
          {REPLY_CATEGORIES.map((cat) => (
            <option key={cat} value={cat}>
              {t(`category.${cat}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('options.replyShortcut')}</span>
        <input type="text" aria-label={t('options.replyShortcut')} value={draft.shortcut ?? ''} maxLength={31} onChange={(e) => onEdit({ shortcut: e.target.value || undefined })} />
      </label>
    </div>
  );
}

function WhenToSuggest({
  conditions: c,
  setConditions,
  tagsText,
  setTagsText,
  keywordsText,
  setKeywordsText,
}: {
  conditions: Conditions;
  setConditions: (change: Partial<Conditions>) => void;
  tagsText: string;
  setTagsText: (text: string) => void;
  keywordsText: string;
  setKeywordsText: (text: string) => void;
}) {
  const { t, language } = useI18n();
  return (
    <>
      <h3>{t('options.replyWhen')}</h3>
      <Checkboxes legend={t('options.replyOrderStates')} values={ORDER_STATES} chosen={c.orderStates} label={(s) => t(`status.${s}`)} onChange={(orderStates) => setConditions({ orderStates })} />
      <Checkboxes legend={t('options.replyBuyerKinds')} values={BUYER_KINDS} chosen={c.buyerKinds} label={(k) => t(`kind.${k}`)} onChange={(buyerKinds) => setConditions({ buyerKinds })} />
      <Checkboxes legend={t('options.replyMarketplaces')} values={catalog.map((entry) => entry.id)} chosen={c.marketplaces} label={(id) => marketplaceName(id, language)} onChange={(marketplaces) => setConditions({ marketplaces })} />
      <label className="field">
        <span>{t('options.replyTags')}</span>
        <input type="text" value={tagsText} onChange={(e) => setTagsText(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('options.replyKeywords')}</span>
        <input type="text" value={keywordsText} onChange={(e) => setKeywordsText(e.target.value)} />
      </label>
    </>
  );
}

function TemplateEditor({ initial, onDone }: { initial: ReplyTemplateFields; onDone: () => void }) {
  const { t } = useI18n();
  const { draft, edit, setConditions, tagsText, setTagsText, keywordsText, setKeywordsText, problem, error, body, insertVariable, save } = useTemplateDraft(initial, onDone);

  return (
    <form
      className="template-editor"
      data-testid="template-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>{t('options.replyTitle')}</span>
        <input type="text" aria-label={t('options.replyTitle')} value={draft.title} maxLength={120} onChange={(e) => edit({ title: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('options.replyBody')}</span>
        <textarea ref={body} aria-label={t('options.replyBody')} rows={5} value={draft.body} maxLength={5000} onChange={(e) => edit({ body: e.target.value })} />
      </label>
      <p className="variables">
        {t('options.replyVariables')}{' '}
        {REPLY_VARIABLES.map((v) => (
          <button key={v} type="button" className="small-button" onClick={() => insertVariable(v)}>
            {v}
          </button>
        ))}
      </p>
      <LanguageCategoryShortcut draft={draft} onEdit={edit} />
      <p className="hint">{t('options.replyShortcutHint')}</p>
      <WhenToSuggest
        conditions={draft.conditions}
        setConditions={setConditions}
        tagsText={tagsText}
        setTagsText={setTagsText}
        keywordsText={keywordsText}
        setKeywordsText={setKeywordsText}
      />
      <div className="form-actions">
        <button type="submit" className="small-button primary">
          {t('options.replySave')}
        </button>
        <button type="button" className="small-button" onClick={onDone}>
          {t('options.replyCancel')}
        </button>
      </div>
      {problem && <p className="inline-error">{t('options.invalid', { message: problem })}</p>}
      <ActionErrorText error={error} />
    </form>
  );
}

function TemplateRow({ template, onEdit }: { template: ReplyTemplateRecord; onEdit: () => void }) {
  const { t } = useI18n();
  const { run, error } = useAction();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-testid="template-row" data-template-id={template.id}>
      <td>
        <b>{template.title}</b>
        <div className="muted small">
          {t(`category.${template.category}`)} · {template.language === 'en' ? 'English' : '中文'}
          {template.shortcut ? ` · /${template.shortcut}` : ''} · {t('options.replyUses', { count: template.useCount })}
        </div>
        <ActionErrorText error={error} />
      </td>
      <td className="row-actions">
        {confirming ? (
          <>
            <span className="small">{t('options.replyDeleteConfirm', { title: template.title })}</span>
            <button type="button" className="small-button danger" onClick={() => void run('replies/delete', { id: template.id })}>
              {t('options.replyDelete')}
            </button>
            <button type="button" className="small-button" onClick={() => setConfirming(false)}>
              {t('options.replyCancel')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="small-button" onClick={onEdit}>
              {t('options.replyEdit')}
            </button>
            <button type="button" className="small-button" onClick={() => setConfirming(true)}>
              {t('options.replyDelete')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

/** The team's reply library: edit, add, delete; share as a pack file (export and import). */
export function RepliesSettings() {
  const { t, language } = useI18n();
  const { run, error } = useAction();
  const [editing, setEditing] = useState<ReplyTemplateFields | null>(null);
  const [filter, setFilter] = useState<string>(language);
  const [message, setMessage] = useState<string | null>(null);
  const [agentName, setAgentName] = useState('');
  useEffect(() => {
    void agentNameItem.getValue().then(setAgentName);
  }, []);
  const templates = useLiveQuery(() => db.replyTemplates.orderBy('category').toArray()) ?? [];
  const shown = templates.filter((tpl) => filter === 'all' || tpl.language === filter);

  const savePack = async () => {
    const pack = await exportPack(db);
    download(new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' }), `buyerlens-replies-${pack.exportedAt?.slice(0, 10) ?? 'pack'}.json`);
  };
  const upload = async (file: File) => {
    const parsed = await jsonOfFile(file);
    if (!parsed) {
      setMessage(t('options.replyImportFailed', { message: t('options.replyNotJson') }));
      return;
    }
    const done = await run('replies/import', parsed.json);
    setMessage(done ? t('options.replyImported', { added: done.value.added, updated: done.value.updated }) : null);
  };

  return (
    <section className="section" aria-labelledby="replies-title" data-testid="replies-settings">
      <h2 id="replies-title">{t('options.replies')}</h2>
      <p className="muted">{t('options.repliesHint')}</p>
      <label className="field">
        <span>{t('options.agentName')}</span>
        <input type="text" value={agentName} maxLength={60} onChange={(e) => setAgentName(e.target.value)} onBlur={() => void agentNameItem.setValue(agentName.trim())} />
      </label>
      <div className="form-actions">
        <button type="button" className="small-button primary" onClick={() => setEditing({ id: crypto.randomUUID(), title: '', body: '', language: language, category: 'other', conditions: {} })}>
          {t('options.replyNew')}
        </button>
        <button type="button" className="small-button" data-testid="replies-export" onClick={() => void savePack()}>
          {t('options.replyExport')}
        </button>
        <FileButton accept="application/json,.json" testId="replies-import" onFile={(file) => void upload(file)}>
          {t('options.replyImport')}
        </FileButton>
        <select aria-label={t('options.replyLanguage')} value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="all">{t('options.replyAll')}</option>
          <option value="en">English</option>
          <option value="zh-CN">中文</option>
        </select>
      </div>
      {message && (
        <p className="small" role="status" data-testid="replies-import-result">
          {message}
        </p>
      )}
      <ActionErrorText error={error} />
      {editing && <TemplateEditor key={editing.id} initial={editing} onDone={() => setEditing(null)} />}
      <table className="tag-table">
        <tbody>
          {shown.map((tpl) => (
            <TemplateRow key={tpl.id} template={tpl} onEdit={() => setEditing(tpl)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
