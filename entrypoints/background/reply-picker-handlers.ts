import { browser } from 'wxt/browser';
import { z } from 'zod';
import { db } from '@/lib/db/database';
import { markTemplateUsed } from '@/lib/db/replies-repository';
import { createTranslator, resolveLanguage } from '@/lib/i18n/i18n';
import { onMessage } from '@/lib/messaging';
import { pickReplies } from '@/lib/replies/pick';
import { screenItem } from '@/lib/screen-state';
import { agentNameItem, languageSettingItem } from '@/lib/settings';

const pickSchema = z.object({ query: z.string().max(40) });
const pickedSchema = z.object({ id: z.string().min(1).max(120) });

/**
 * The "/" picker in a console's reply box (content script → background): the replies for the buyer
 * on screen in the sender's tab, and "this one was used". Nothing else is readable from a tab.
 */
export function registerReplyPickerHandlers(): void {
  onMessage('replies/pick', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    const parsed = pickSchema.safeParse(data);
    if (sender.id !== browser.runtime.id || tabId === undefined || !parsed.success) return [];
    const translator = createTranslator(resolveLanguage(await languageSettingItem.getValue(), navigator.languages));
    return pickReplies(db, translator, await screenItem(tabId).getValue(), parsed.data.query, await agentNameItem.getValue());
  });
  onMessage('replies/picked', async ({ data, sender }) => {
    const parsed = pickedSchema.safeParse(data);
    if (sender.id !== browser.runtime.id || !parsed.success) return;
    await markTemplateUsed(db, parsed.data.id);
  });
}
