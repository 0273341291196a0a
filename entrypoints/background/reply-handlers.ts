import { catalogEntry } from '@/lib/adapters/catalog';
import { db } from '@/lib/db/database';
import { replyContextOf } from '@/lib/db/queries';
import { markTemplateUsed } from '@/lib/db/replies-repository';
import { createTranslator, resolveLanguage } from '@/lib/i18n/i18n';
import { onContentMessage, onPageMessage } from '@/lib/messaging/background';
import { sendToTab } from '@/lib/messaging/send';
import { replyLanguagesFor } from '@/lib/replies/languages';
import { pickReplies } from '@/lib/replies/pick';
import { screenItem } from '@/lib/screen-state';
import { agentNameItem, languageSettingItem } from '@/lib/settings';

/**
 * Replies in a console's reply box. The "/" picker (content script → background): the replies for
 * the buyer on screen in the sender's tab, and "this one was used"; nothing else is readable from a
 * tab. And the panel's Insert (page → background → that tab's content script).
 */
export function registerReplyHandlers(): void {
  onContentMessage('replies/pick', {
    refuse: () => [],
    async handle({ query }, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return [];
      const translator = createTranslator(resolveLanguage(await languageSettingItem.getValue(), navigator.languages));
      const context = await replyContextOf(db, await screenItem(tabId).getValue());
      const { buyer } = context;
      const market = buyer ? catalogEntry(buyer.adapterId)?.replyLanguage(buyer.shopKey) : undefined;
      return pickReplies(translator, context, query, await agentNameItem.getValue(), replyLanguagesFor(context.shopLanguage, market, translator.language));
    },
  });
  onContentMessage('replies/picked', {
    refuse: () => undefined,
    handle: ({ id }) => markTemplateUsed(db, id),
  });
  onPageMessage('chat/insert', async ({ tabId, text }) => {
    const inserted = await sendToTab(tabId, 'reply-box/insert', { text });
    if (!inserted.ok) throw new Error(inserted.error);
  });
}
