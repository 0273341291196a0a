import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = Language | 'auto';

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** The UI language: the user's choice, else the first browser language we speak, else English. */
export function resolveLanguage(setting: LanguageSetting, browserLanguages: readonly string[]): Language {
  if (setting !== 'auto') return setting;
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

type Params = Record<string, string | number>;
type PluralKey<K extends string> = K extends `${infer Base}.one` ? Base : never;

export interface Translator {
  language: Language;
  t(key: MessageKey, params?: Params): string;
  /** `${key}.one` / `${key}.other` by the language's plural rules, with {count}. */
  plural(key: PluralKey<MessageKey>, count: number): string;
  money(minor: number, currency: string | undefined): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  /** "3 days ago", against `now`. */
  relative(iso: string, now?: number): string;
  number(value: number): string;
}

function interpolate(text: string, params: Params | undefined, format: (n: number) => string): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? format(value) : value;
  });
}

/**
 * The interface's words in `language`; numbers, money and dates in `locale` (the same by default; a
 * reply in Portuguese writes "R$ 65,85" and "3 de nov. de 2026" whatever the agent's interface).
 */
export function createTranslator(language: Language, locale: string = language): Translator {
  const dictionary = dictionaries[language];
  const numberFormat = new Intl.NumberFormat(locale);
  const pluralRules = new Intl.PluralRules(language);
  const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  /** A currency's format, and what its minor units are divided by (resolving options for each amount costs more than formatting it). */
  const moneyFormats = new Map<string, { f: Intl.NumberFormat; scale: number }>();
  const format = (n: number) => numberFormat.format(n);

  const t = (key: MessageKey, params?: Params) => interpolate(dictionary[key] ?? en[key], params, format);
  return {
    language,
    t,
    plural(key, count) {
      const rule = pluralRules.select(count);
      const specific = `${key}.${rule}` as MessageKey;
      return t(specific in dictionary ? specific : (`${key}.other` as MessageKey), { count });
    },
    money(minor, currency) {
      if (!currency) return numberFormat.format(minor);
      let money = moneyFormats.get(currency);
      if (!money) {
        const f = new Intl.NumberFormat(locale, { style: 'currency', currency });
        money = { f, scale: 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2) };
        moneyFormats.set(currency, money);
      }
      return money.f.format(minor / money.scale);
    },
    date: (iso) => dateFormat.format(new Date(iso)),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    relative(iso, now = Date.now()) {
      const days = Math.round((new Date(iso).getTime() - now) / 86_400_000);
      if (Math.abs(days) < 1) {
        const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
        if (Math.abs(minutes) < 1) return t('time.justNow');
        if (Math.abs(minutes) < 60) return relativeFormat.format(minutes, 'minute');
        return relativeFormat.format(Math.round(minutes / 60), 'hour');
      }
      if (Math.abs(days) < 45) return relativeFormat.format(days, 'day');
      const months = Math.round(days / 30.44);
      if (Math.abs(months) < 18) return relativeFormat.format(months, 'month');
      return relativeFormat.format(Math.round(days / 365.25), 'year');
    },
    number: format,
  };
}

