import { REPLY_LANGUAGES, type ReplyLanguage } from '../schema/replies';

/**
 * Which reply pack answers a market's language (BCP 47: a marketplace says `pt-BR`, `es-MX`, `zh-TW`,
 * `th`): the pack of that exact tag, else of its language in the region BuyerLens writes it for
 * (Spanish → Latin American, Portuguese → Brazilian, Chinese → Simplified unless Taiwan or Hong
 * Kong). Undefined where BuyerLens has no pack in the language (German, Japanese …).
 */
export function packLanguageFor(tag: string | undefined): ReplyLanguage | undefined {
  if (!tag) return undefined;
  const exact = REPLY_LANGUAGES.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const [language = '', region = ''] = tag.toLowerCase().split('-');
  if (language === 'zh') return ['tw', 'hk', 'mo', 'hant'].includes(region) ? 'zh-TW' : 'zh-CN';
  const byLanguage: Record<string, ReplyLanguage> = { pt: 'pt-BR', es: 'es-419', en: 'en', id: 'id', vi: 'vi', th: 'th', ms: 'ms' };
  return byLanguage[language];
}

/**
 * The languages replies are offered in, most wanted first: the one the agent chose for this shop,
 * else the shop's market's; then the agent's own interface language.
 */
export function replyLanguagesFor(shopChoice: ReplyLanguage | undefined, marketLanguage: string | undefined, interfaceLanguage: string): ReplyLanguage[] {
  const wanted = [shopChoice ?? packLanguageFor(marketLanguage), packLanguageFor(interfaceLanguage)];
  return [...new Set(wanted.filter((l): l is ReplyLanguage => l !== undefined))];
}
