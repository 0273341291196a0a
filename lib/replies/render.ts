/**
 * Template text: `{{buyer.name}}`, with a fallback `{{buyer.name | "there"}}`, and fill-in prompts
 * the agent answers before insert: `{{? coupon code}}`. Nothing else is special.
 */

export const REPLY_VARIABLES = [
  'buyer.name',
  'buyer.orders',
  'buyer.spent',
  'buyer.segment',
  'order.id',
  'order.status',
  'order.total',
  'order.items',
  'order.tracking',
  'order.date',
  'shop.name',
  'agent.name',
] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];
export type ReplyValues = Partial<Record<ReplyVariable, string>>;

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: string; fallback?: string; raw: string }
  | { kind: 'prompt'; label: string; raw: string };

const TOKEN = /\{\{\s*(\?)?\s*([^{}|]*?)\s*(?:\|\s*"([^"]*)"\s*)?\}\}/g;

export function parseTemplate(body: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    const [raw, prompt, name = '', fallback] = match;
    if (match.index > last) parts.push({ kind: 'text', text: body.slice(last, match.index) });
    if (prompt) parts.push({ kind: 'prompt', label: name, raw });
    else parts.push({ kind: 'variable', name, raw, ...(fallback !== undefined ? { fallback } : {}) });
    last = match.index + raw.length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/** The fill-in prompts of a template, each once, in order. */
export function promptsOf(body: string): string[] {
  return [...new Set(parseTemplate(body).flatMap((p) => (p.kind === 'prompt' ? [p.label] : [])))];
}

export interface Rendered {
  text: string;
  /** Variables with no value and no fallback: left as written so the agent sees the gap. */
  missing: string[];
  /** Names that are not variables at all (a typo in the template). */
  unknown: string[];
  /** Prompts not answered yet (left as written). */
  unanswered: string[];
}

export function renderTemplate(body: string, values: ReplyValues, answers: Readonly<Record<string, string>> = {}): Rendered {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const unanswered = new Set<string>();
  const text = parseTemplate(body)
    .map((part) => {
      if (part.kind === 'text') return part.text;
      if (part.kind === 'prompt') {
        const answer = answers[part.label]?.trim();
        if (answer) return answer;
        unanswered.add(part.label);
        return part.raw;
      }
      if (!(REPLY_VARIABLES as readonly string[]).includes(part.name)) {
        unknown.add(part.name);
        return part.raw;
      }
      const value = values[part.name as ReplyVariable]?.trim();
      if (value) return value;
      if (part.fallback !== undefined) return part.fallback;
      missing.add(part.name);
      return part.raw;
    })
    .join('');
  return { text, missing: [...missing], unknown: [...unknown], unanswered: [...unanswered] };
}
