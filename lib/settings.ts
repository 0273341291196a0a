import { storage } from 'wxt/utils/storage';
import type { LanguageSetting } from './i18n/i18n';

/** User settings, in storage.local (small, synchronous-ish, and watched by every open page). */
export const languageSettingItem = storage.defineItem<LanguageSetting>('local:language', { fallback: 'auto' });

/** The agent's name, for `{{agent.name}}` in replies. Empty until they set it. */
export const agentNameItem = storage.defineItem<string>('local:agentName', { fallback: '' });
