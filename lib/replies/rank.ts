import type { Segment } from '../schema/rfm';
import type { BuyerKind, ReplyOrderState, ReplyTemplateRecord } from '../schema/replies';

/** What the panel knows about the buyer and order on screen, for choosing replies. */
export interface RankingContext {
  /** Reply languages, most wanted first (lib/replies/languages.ts): a template in an earlier one goes first. */
  languages: readonly string[];
  marketplace: string | undefined;
  kinds: readonly BuyerKind[];
  segment: Segment | undefined;
  tagNames: readonly string[];
  orderStates: readonly ReplyOrderState[];
  /** Days since the order in focus was placed. */
  orderAgeDays: number | undefined;
  lastBuyerMessage: string | undefined;
}

/** Why a template is suggested, as an i18n key and its parameters. */
export type ReplyReason =
  | { kind: 'keyword'; word: string }
  | { kind: 'order'; state: ReplyOrderState; days: number | undefined }
  | { kind: 'buyer'; buyerKind: BuyerKind }
  | { kind: 'segment'; segment: Segment }
  | { kind: 'tag'; tag: string }
  | { kind: 'general' };

export interface RankedReply {
  template: ReplyTemplateRecord;
  score: number;
  reason: ReplyReason;
}

/**
 * How much each kind of match says about fit. The buyer's own words say most, then the order's
 * state, then who the buyer is; usage only breaks near-ties.
 */
const WEIGHT = { keyword: 8, order: 6, buyer: 3, segment: 3, tag: 2, marketplace: 1, general: 0.5 } as const;
const USE_WEIGHT = 0.4;
const USE_CAP = 2;

const lower = (s: string) => s.toLocaleLowerCase();

/**
 * Scores one template for the context, or undefined when a condition it sets does not hold. Every
 * condition a template sets must hold; the reason is the strongest one that matched.
 */
export function scoreTemplate(template: ReplyTemplateRecord, ctx: RankingContext): RankedReply | undefined {
  const c = template.conditions;
  const matches: { weight: number; reason: ReplyReason }[] = [];

  if (c.marketplaces?.length) {
    if (!ctx.marketplace || !c.marketplaces.includes(ctx.marketplace)) return undefined;
    matches.push({ weight: WEIGHT.marketplace, reason: { kind: 'general' } });
  }
  if (c.keywords?.length) {
    const message = ctx.lastBuyerMessage ? lower(ctx.lastBuyerMessage) : '';
    const word = c.keywords.find((k) => message.includes(lower(k)));
    if (!word) return undefined;
    matches.push({ weight: WEIGHT.keyword, reason: { kind: 'keyword', word } });
  }
  if (c.orderStates?.length) {
    // "late" is the more specific state: prefer it as the reason where both match.
    const state = [...ctx.orderStates].reverse().find((s) => c.orderStates!.includes(s));
    if (!state) return undefined;
    // A late order is news the buyer is waiting for: above what its plain status would suggest.
    matches.push({ weight: WEIGHT.order + (state === 'late' ? 1 : 0), reason: { kind: 'order', state, days: ctx.orderAgeDays } });
  }
  if (c.buyerKinds?.length) {
    const kind = [...ctx.kinds].reverse().find((k) => c.buyerKinds!.includes(k));
    if (!kind) return undefined;
    matches.push({ weight: WEIGHT.buyer, reason: { kind: 'buyer', buyerKind: kind } });
  }
  if (c.segments?.length) {
    if (!ctx.segment || !c.segments.includes(ctx.segment)) return undefined;
    matches.push({ weight: WEIGHT.segment, reason: { kind: 'segment', segment: ctx.segment } });
  }
  if (c.tagNames?.length) {
    const own = new Set(ctx.tagNames.map(lower));
    const tag = c.tagNames.find((t) => own.has(lower(t)));
    if (!tag) return undefined;
    matches.push({ weight: WEIGHT.tag, reason: { kind: 'tag', tag } });
  }
  if (matches.length === 0) matches.push({ weight: WEIGHT.general, reason: { kind: 'general' } });

  const strongest = matches.reduce((a, b) => (b.weight > a.weight ? b : a));
  const usage = Math.min(USE_CAP, Math.log2(1 + template.useCount) * USE_WEIGHT);
  const score = matches.reduce((sum, m) => sum + m.weight, 0) + usage;
  return { template, score, reason: strongest.reason };
}

/**
 * The templates that fit, best first, at most `limit`, one per category: in the buyer's language
 * where the library has one for the case, the next wanted language's otherwise.
 */
export function rankTemplates(templates: readonly ReplyTemplateRecord[], ctx: RankingContext, limit = 5): RankedReply[] {
  const preference = (t: ReplyTemplateRecord) => ctx.languages.indexOf(t.language);
  const ranked = templates
    .filter((t) => preference(t) >= 0)
    .map((t) => scoreTemplate(t, ctx))
    .filter((r): r is RankedReply => r !== undefined)
    .sort(
      (a, b) =>
        preference(a.template) - preference(b.template) ||
        b.score - a.score ||
        (b.template.lastUsedAt ?? '').localeCompare(a.template.lastUsedAt ?? '') ||
        a.template.title.localeCompare(b.template.title),
    );
  // Variety: the best of each category, so three greetings never crowd out the payment reminder.
  const seen = new Set<string>();
  const best: RankedReply[] = [];
  for (const r of ranked) {
    if (seen.has(r.template.category)) continue;
    seen.add(r.template.category);
    best.push(r);
    if (best.length === limit) break;
  }
  return best;
}

/** Free-text search over every template (title, body, category, shortcut), any language. */
export function searchTemplates(templates: readonly ReplyTemplateRecord[], query: string, limit = 20): ReplyTemplateRecord[] {
  const q = lower(query.trim().replace(/^\//, ''));
  if (!q) return [];
  const hit = (t: ReplyTemplateRecord) =>
    t.shortcut && lower(t.shortcut) === q ? 0 : lower(t.title).includes(q) ? 1 : t.category.includes(q) || lower(t.shortcut ?? '').startsWith(q) ? 2 : lower(t.body).includes(q) ? 3 : -1;
  return templates
    .map((t) => ({ t, rank: hit(t) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || b.t.useCount - a.t.useCount)
    .slice(0, limit)
    .map((x) => x.t);
}
