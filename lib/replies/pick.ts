import type { BuyerLensDatabase } from '../db/database';
import { ordersOfBuyer } from '../db/queries';
import { tierOf } from '../rfm/tier';
import type { Translator } from '../i18n/i18n';
import type { ScreenState } from '../screen-state';
import { rankingContextFor } from './context';
import { rankTemplates, searchTemplates } from './rank';
import { promptsOf, renderTemplate } from './render';
import { replyValues } from './values';

/** One entry of the "/" picker in a console's reply box: ready to insert. */
export interface PickedReply {
  id: string;
  title: string;
  category: string;
  shortcut?: string;
  /** Filled in; each fill-in prompt left as [label] for the agent to type over. */
  text: string;
}

const PICKER_SIZE = 6;

/**
 * What the "/" picker offers for the buyer on screen in a tab: the ranked replies, or, after "/pa",
 * the templates whose shortcut or title starts so. Reads only what the panel reads.
 */
export async function pickReplies(db: BuyerLensDatabase, t: Translator, screen: ScreenState | null, query: string, agentName: string, now = Date.now()): Promise<PickedReply[]> {
  const buyerKey = screen?.buyerKey ?? (screen?.orderKey ? (await db.orders.get(screen.orderKey))?.buyerKey : undefined);
  const buyer = buyerKey ? await db.buyers.get(buyerKey) : undefined;
  const templates = await db.replyTemplates.toArray();
  const [orders, shop, tags] = buyer
    ? await Promise.all([ordersOfBuyer(db, buyer.buyerKey, 50), db.shops.get(buyer.shopKey), db.tags.bulkGet(buyer.tagIds)])
    : [[], undefined, []];
  const rfm = buyer ? tierOf(buyer, shop) : undefined;
  const tagNames = tags.flatMap((tag) => (tag ? [tag.name] : []));

  const ranking = buyer
    ? rankingContextFor({ buyer, orders, rfm, tagNames, onScreenOrderKey: screen?.orderKey, lastBuyerMessage: screen?.chat?.lastBuyerMessage, language: t.language, now })
    : undefined;
  let chosen;
  const q = query.trim().toLowerCase();
  if (q) {
    chosen = searchTemplates(templates, q, 50).filter((tpl) => tpl.shortcut?.toLowerCase().startsWith(q) || tpl.title.toLowerCase().includes(q));
  } else if (ranking) {
    chosen = rankTemplates(templates, ranking.context, PICKER_SIZE).map((r) => r.template);
  } else {
    chosen = templates.filter((tpl) => tpl.language === t.language && tpl.conditions.orderStates === undefined).slice(0, PICKER_SIZE);
  }
  const values = replyValues(t, { buyer, order: ranking?.order, shop, rfm, agentName });
  return chosen.slice(0, PICKER_SIZE).map((tpl) => {
    const placeholders = Object.fromEntries(promptsOf(tpl.body).map((label) => [label, `[${label}]`]));
    return {
      id: tpl.id,
      title: tpl.title,
      category: tpl.category,
      ...(tpl.shortcut ? { shortcut: tpl.shortcut } : {}),
      text: renderTemplate(tpl.body, values, placeholders).text,
    };
  });
}
