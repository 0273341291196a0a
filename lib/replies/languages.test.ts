import { describe, expect, it } from 'vitest';
import { packLanguageFor, replyLanguagesFor } from './languages';

describe('reply languages', () => {
  it('answers each market in the pack of its language and region', () => {
    expect(['pt-BR', 'pt', 'es-MX', 'es-CO', 'es-ES', 'zh-TW', 'zh-HK', 'zh', 'zh-CN', 'th', 'vi', 'id', 'ms', 'en-SG', 'de', 'ja', undefined].map(packLanguageFor)).toEqual([
      'pt-BR', 'pt-BR', 'es-419', 'es-419', 'es-419', 'zh-TW', 'zh-TW', 'zh-CN', 'zh-CN', 'th', 'vi', 'id', 'ms', 'en', undefined, undefined, undefined,
    ]);
  });

  it('offers the shop’s chosen language first, else its market’s, then the agent’s interface language', () => {
    expect(replyLanguagesFor(undefined, 'pt-BR', 'en')).toEqual(['pt-BR', 'en']);
    expect(replyLanguagesFor('en', 'pt-BR', 'zh-CN')).toEqual(['en', 'zh-CN']);
    expect(replyLanguagesFor(undefined, 'de', 'zh-CN')).toEqual(['zh-CN']);
    expect(replyLanguagesFor(undefined, 'en-SG', 'en')).toEqual(['en']);
  });
});
