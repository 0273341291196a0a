import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { catalogEntry } from '@/lib/adapters/catalog';
import { lintReply } from '@/lib/adapters/reply-rules';
import { act } from '@/lib/messaging/actions';
import { db } from '@/lib/db/database';
import { rankingContextFor } from '@/lib/replies/context';
import { rankTemplates, searchTemplates, type RankedReply, type ReplyReason } from '@/lib/replies/rank';
import { promptsOf, renderTemplate } from '@/lib/replies/render';
import { REPLY_LANGUAGES, type ReplyLanguage, type ReplyTemplateRecord } from '@/lib/schema/replies';
import { loadShopReplyLanguages } from '@/lib/db/settings-queries';
import { packLanguageFor, replyLanguagesFor } from '@/lib/replies/languages';
import { ActionErrorText } from '@/components/ActionErrorText';
import { useAction } from '@/components/use-action';
import { replyValuesIn, type replyValues } from '@/lib/replies/values';
import type { BuyerRecord, OrderRecord, RfmTier, ShopRecord, TagRecord } from '@/lib/schema/records';
import type { ScreenState } from '@/lib/screen-state';
import { agentNameItem } from '@/lib/settings';
import { useI18n } from '@/lib/i18n/react';

const KEYS = ['1', '2', '3', '4', '5'];

function useAgentName(): string {
  const [name, setName] = useState('');
  useEffect(() => {
    void agentNameItem.getValue().then(setName);
    return agentNameItem.watch(setName);
  }, []);
  return name;
}

type ReplyHow = 'insert' | 'copy';

function ReplyPrompts({
  templateId,
  prompts,
  answers,
  onAnswer,
  onEnter,
}: {
  templateId: string;
  prompts: readonly string[];
  answers: Record<string, string>;
  onAnswer: (label: string, answer: string) => void;
  onEnter: () => void;
}) {
  const { t } = useI18n();
  return prompts.map((label, i) => (
    <label key={label} className="reply-prompt">
      <span>{t('replies.prompt', { label })}</span>
      <input id={`prompt-${templateId}-${i}`} type="text" value={answers[label] ?? ''} onChange={(e) => onAnswer(label, e.target.value)} onKeyDown={(e) => e.key === 'Enter' && onEnter()} />
    </label>
  ));
}

function ReplyLint({ problems, replyLanguage }: { problems: ReturnType<typeof lintReply>; replyLanguage: string | undefined }) {
  const { t, language } = useI18n();
  const languageName = replyLanguage ? (new Intl.DisplayNames([language], { type: 'language' }).of(replyLanguage) ?? replyLanguage) : '';
  return (
    <ul className="reply-lint" data-testid="reply-lint" aria-label={t('lint.title')}>
      {problems.map((id) => (
        <li key={id} data-rule={id}>
          ⚠ {t(`lint.${id}` as Parameters<typeof t>[0], { language: languageName })}
        </li>
      ))}
    </ul>
  );
}

function ReplyActions({ index, canInsert, ready, status, onRun }: { index: number; canInsert: boolean; ready: boolean; status: string | null; onRun: (how: ReplyHow) => void }) {
  const { t } = useI18n();
  return (
    <div className="reply-actions">
      {canInsert && (
        <button type="button" className="small-button primary" data-testid="reply-insert" disabled={!ready} title={t('replies.insertHint', { n: String(index + 1) })} onClick={() => onRun('insert')}>
          {t('replies.insert')}
        </button>
      )}
      <button type="button" className={canInsert ? 'small-button' : 'small-button primary'} data-testid="reply-copy" disabled={!ready} onClick={() => onRun('copy')}>
        {t('replies.copy')}
      </button>
      {status && (
        <span className="reply-status small" role="status">
          {status}
        </span>
      )}
    </div>
  );
}

function ReplyItem({
  template,
  reason,
  index,
  values,
  canInsert,
  insert,
  copy,
  replyLanguage,
  rules,
  registerTrigger,
}: {
  template: ReplyTemplateRecord;
  reason: string | undefined;
  index: number;
  values: ReturnType<typeof replyValues>;
  canInsert: boolean;
  insert: (template: ReplyTemplateRecord, text: string) => Promise<string>;
  copy: (template: ReplyTemplateRecord, text: string) => Promise<string>;
  replyLanguage: string | undefined;
  rules: Parameters<typeof lintReply>[0];
  registerTrigger: (index: number, trigger: () => void) => () => void;
}) {
  const { t } = useI18n();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const prompts = useMemo(() => promptsOf(template.body), [template.body]);
  const rendered = renderTemplate(template.body, values, answers);
  const problems = lintReply(rules, rendered.text, replyLanguage);
  const ready = rendered.unanswered.length === 0;

  const run = async (how: ReplyHow) => {
    if (!ready) {
      document.getElementById(`prompt-${template.id}-0`)?.focus();
      return;
    }
    setStatus(await (how === 'insert' ? insert(template, rendered.text) : copy(template, rendered.text)));
  };
  useEffect(() => registerTrigger(index, () => void run(canInsert ? 'insert' : 'copy')));

  return (
    <li className="reply-item" data-testid="reply-item" data-category={template.category} data-template-id={template.id} data-lang={template.language} lang={template.language}>
      <div className="reply-head">
        {index < KEYS.length && <kbd aria-hidden="true">{KEYS[index]}</kbd>}
        <span className="reply-title">{template.title}</span>
        {t(`category.${template.category}`) !== template.title && <span className="reply-category">{t(`category.${template.category}`)}</span>}
      </div>
      {reason && <p className="reply-reason">{reason}</p>}
      <p className="reply-text">{rendered.text}</p>
      <ReplyPrompts
        templateId={template.id}
        prompts={prompts}
        answers={answers}
        onAnswer={(label, answer) => setAnswers({ ...answers, [label]: answer })}
        onEnter={() => ready && void run(canInsert ? 'insert' : 'copy')}
      />
      {rendered.missing.length > 0 && <p className="reply-missing small">{t('replies.missing', { names: rendered.missing.join(', ') })}</p>}
      {problems.length > 0 && <ReplyLint problems={problems} replyLanguage={replyLanguage} />}
      <ReplyActions index={index} canInsert={canInsert} ready={ready} status={status} onRun={(how) => void run(how)} />
    </li>
  );
}

/** Why a reply is suggested, in the seller's words; `order` is the one the ranking looked at. */
function useReasonText(order: OrderRecord | undefined) {
  const { t, relative } = useI18n();
  return (reason: ReplyReason): string => {
    switch (reason.kind) {
      case 'keyword':
        return t('reason.keyword', { word: reason.word });
      case 'order':
        return t(`reason.order.${reason.state}`, { days: order?.placedAt ? relative(order.placedAt) : t('reason.today') });
      case 'buyer':
        return t(`reason.buyer.${reason.buyerKind}`);
      case 'segment':
        return t('reason.segment', { segment: t(`segment.${reason.segment}`) });
      case 'tag':
        return t('reason.tag', { tag: reason.tag });
      default:
        return t('reason.general');
    }
  };
}

/** Copy, or insert into the console's reply box; each answers with the status line to show. */
function useReplyDelivery(screen: ScreenState | null) {
  const { t } = useI18n();
  const copy = async (template: ReplyTemplateRecord, text: string): Promise<string> => {
    await navigator.clipboard.writeText(text);
    void act('replies/used', { id: template.id }).catch(() => undefined);
    return t('replies.copied');
  };
  const insert = async (template: ReplyTemplateRecord, text: string): Promise<string> => {
    let error: string;
    try {
      await act('chat/insert', { tabId: screen!.tabId, text });
      void act('replies/used', { id: template.id }).catch(() => undefined);
      return t('replies.inserted');
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    await navigator.clipboard.writeText(text).catch(() => undefined);
    return t('replies.insertFailed', { message: error });
  };
  return { copy, insert };
}

/** One keystroke: 1–5 insert (or copy) that reply, unless the agent is typing somewhere. */
function useReplyKeys() {
  const triggers = useRef(new Map<number, () => void>());
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, select, [contenteditable]')) return;
      const index = KEYS.indexOf(e.key);
      if (index >= 0) triggers.current.get(index)?.();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (index: number, trigger: () => void) => {
    triggers.current.set(index, trigger);
    return () => {
      if (triggers.current.get(index) === trigger) triggers.current.delete(index);
    };
  };
}

type ReplyInputs = {
  buyer: BuyerRecord;
  orders: readonly OrderRecord[];
  shop: ShopRecord | undefined;
  rfm: RfmTier | null;
  tags: readonly TagRecord[];
  screen: ScreenState | null;
};

/**
 * The languages this buyer's replies are offered in, most wanted first: the one the agent chose for
 * the shop, else the market's (lib/adapters/catalog.ts), then the agent's interface language.
 */
function useReplyLanguages(buyer: BuyerRecord) {
  const { language } = useI18n();
  const chosen = useLiveQuery(async () => (await loadShopReplyLanguages(db))[buyer.shopKey], [buyer.shopKey]);
  const market = catalogEntry(buyer.adapterId)?.replyLanguage(buyer.shopKey);
  return { languages: replyLanguagesFor(chosen, market, language), chosen, market };
}

/** The language this shop's buyers are answered in: the market's by default, or the agent's choice. */
function ReplyLanguageSelect({ shopKey, chosen, market }: { shopKey: string; chosen: ReplyLanguage | undefined; market: string | undefined }) {
  const { t, language } = useI18n();
  const { run, error } = useAction();
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const name = (tag: string) => names.of(tag) ?? tag;
  const marketPack = packLanguageFor(market);
  return (
    <label className="reply-language small">
      <span className="visually-hidden">{t('replies.language')}</span>
      <select
        data-testid="reply-language"
        aria-label={t('replies.language')}
        value={chosen ?? ''}
        onChange={(e) => void run('shops/reply-language', { shopKey, language: (e.target.value || null) as ReplyLanguage | null })}
      >
        <option value="">{marketPack ? t('replies.languageMarket', { language: name(marketPack) }) : t('replies.languageAgent')}</option>
        {REPLY_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {name(l)}
          </option>
        ))}
      </select>
      <ActionErrorText error={error} />
    </label>
  );
}

/** The replies matching the search, or else ranked for the buyer and order on screen. */
function useRankedReplies({ buyer, orders, rfm, tags, screen }: ReplyInputs, query: string, languages: readonly string[]) {
  const templates = useLiveQuery(() => db.replyTemplates.toArray(), []) ?? [];
  // When the panel opened on this buyer: what "late" and "placed 2 days ago" are measured from.
  const [now] = useState(Date.now);

  const tagNames = tags.filter((tag) => buyer.tagIds.includes(tag.id)).map((tag) => tag.name);
  const { context, order } = rankingContextFor({
    buyer,
    orders,
    rfm: rfm ?? undefined,
    tagNames,
    onScreenOrderKey: screen?.orderKey,
    lastBuyerMessage: screen?.chat?.lastBuyerMessage,
    languages,
    now,
  });
  const ranked: RankedReply[] = query.trim()
    ? searchTemplates(templates, query).map((template) => ({ template, score: 0, reason: { kind: 'general' } as const }))
    : rankTemplates(templates, context);
  return { ranked, order };
}

/**
 * The replies that fit the buyer and order on screen, best first, each with why; insert into the
 * console's reply box where the page has one (keys 1–5), copy everywhere else. Never sends.
 */
export function ReplySuggestions(inputs: ReplyInputs) {
  const { buyer, shop, rfm, screen } = inputs;
  const translator = useI18n();
  const { t } = translator;
  const agentName = useAgentName();
  const [query, setQuery] = useState('');
  const { languages, chosen, market } = useReplyLanguages(buyer);
  const { ranked, order } = useRankedReplies(inputs, query, languages);
  const registerTrigger = useReplyKeys();
  const reasonText = useReasonText(order);
  const { copy, insert } = useReplyDelivery(screen);
  const marketplace = catalogEntry(buyer.adapterId);
  const replyLanguage = chosen ?? market;
  // `screen` is given only when this buyer is the one on screen (directly or through the order).
  const canInsert = screen?.chat?.replyBox === true;
  const valuesFor = (language: string) => replyValuesIn(translator, language, { buyer, order, shop, rfm: rfm ?? undefined, agentName });

  return (
    <section className="section replies" data-testid="reply-suggestions" aria-labelledby="replies-title">
      <div className="section-head">
        <h2 id="replies-title" className="section-title">
          {t('replies.title')}
        </h2>
        <ReplyLanguageSelect shopKey={buyer.shopKey} chosen={chosen} market={market} />
      </div>
      <label className="search compact">
        <span className="visually-hidden">{t('replies.search')}</span>
        <input type="search" placeholder={t('replies.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {ranked.length === 0 ? (
        <p className="muted small">{t('replies.none')}</p>
      ) : (
        <ol className="reply-list">
          {ranked.map((r, i) => (
            <ReplyItem
              key={r.template.id}
              template={r.template}
              reason={query.trim() ? undefined : reasonText(r.reason)}
              index={i}
              values={valuesFor(r.template.language)}
              canInsert={canInsert}
              insert={insert}
              copy={copy}
              replyLanguage={replyLanguage}
              rules={marketplace?.replyRules ?? []}
              registerTrigger={registerTrigger}
            />
          ))}
        </ol>
      )}
      {ranked.length > 0 && <p className="muted small">{t('replies.keys')}</p>}
    </section>
  );
}
