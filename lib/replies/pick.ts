import type { Translator } from '../i18n/i18n';
import type { PickedReply } from '../schema/messages';
import type { BuyerRecord, OrderRecord, RfmTier, ShopRecord } from '../schema/records';
import type { ReplyLanguage, ReplyTemplateRecord } from '../schema/replies';
import { rankingContextFor } from './context';
import { rankTemplates, searchTemplates } from './rank';
import { promptsOf, renderTemplate } from './render';
import { replyValuesIn } from './values';

const PICKER_SIZE = 6;

/** What the "/" picker knows of the buyer on screen in a tab (lib/db/queries.ts replyContextOf reads it). */
export interface PickContext {
  templates: readonly ReplyTemplateRecord[];
  buyer: BuyerRecord | undefined;
  orders: readonly OrderRecord[];
  shop: ShopRecord | undefined;
  rfm: RfmTier | undefined;
  tagNames: readonly string[];
  onScreenOrderKey: string | undefined;
  lastBuyerMessage: string | undefined;
  /** The language the agent chose for the buyer's shop, if any (else the market's). */
  shopLanguage: ReplyLanguage | undefined;
}

function chooseTemplates(languages: readonly string[], context: PickContext, ranking: ReturnType<typeof rankingContextFor> | undefined, query: string): ReplyTemplateRecord[] {
  const q = query.trim().toLowerCase();
  if (q) return searchTemplates(context.templates, q, 50).filter((tpl) => tpl.shortcut?.toLowerCase().startsWith(q) || tpl.title.toLowerCase().includes(q));
  if (ranking) return rankTemplates(context.templates, ranking.context, PICKER_SIZE).map((r) => r.template);
  return context.templates.filter((tpl) => tpl.language === languages[0] && tpl.conditions.orderStates === undefined).slice(0, PICKER_SIZE);
}

/**
 * What the "/" picker offers for the buyer on screen: the ranked replies, or, after "/pa", the
 * templates whose shortcut or title starts so, filled in; each fill-in prompt left as [label].
 */
export function pickReplies(
  t: Translator,
  context: PickContext,
  query: string,
  agentName: string,
  /** Reply languages, most wanted first (replyLanguagesFor). */
  languages: readonly string[],
  now = Date.now(),
): PickedReply[] {
  const { buyer } = context;
  const ranking = buyer
    ? rankingContextFor({
        buyer,
        orders: context.orders,
        rfm: context.rfm,
        tagNames: context.tagNames,
        onScreenOrderKey: context.onScreenOrderKey,
        lastBuyerMessage: context.lastBuyerMessage,
        languages,
        now,
      })
    : undefined;
  const data = { buyer, order: ranking?.order, shop: context.shop, rfm: context.rfm, agentName };
  return chooseTemplates(languages, context, ranking, query)
    .slice(0, PICKER_SIZE)
    .map((tpl) => {
      const placeholders = Object.fromEntries(promptsOf(tpl.body).map((label) => [label, `[${label}]`]));
      return {
        id: tpl.id,
        title: tpl.title,
        category: tpl.category,
        ...(tpl.shortcut ? { shortcut: tpl.shortcut } : {}),
        text: renderTemplate(tpl.body, replyValuesIn(t, tpl.language, data), placeholders).text,
      };
    });
}
