import en from 'zod/v4/locales/en.js';
import * as z from 'zod/mini';
import type { CapturedBuyer, Extraction } from '../../schema/capture';
import { unmaskedName } from '../../schema/masked';
import { queryFirst } from '../dom';
import { emptyExtraction, type AdapterChat, type Conversation, type TappedResponse } from '../types';
import { chatSelectors } from './selectors';
import { chatApi, shopOf } from './urls';
import { buyerKeyFor } from '../../schema/keys';

/*
 * Web chat API (EVIDENCE.md, Shopee "Chat"): POST /webchat/api/v1.2/conversations lists the
 * conversations; GET /webchat/api/v1.2/conversations/{id}/messages (and /mini/…) the messages, each
 * {id, conversation_id, from_id, from_shop_id, to_id, to_shop_id, type, created_timestamp,
 * content{text}} (kaojai-ai/omnichat-bridge, 2026-08). The conversation entries were not captured
 * from the web chat itself; their fields follow Shopee's own seller-chat API (get_conversation_list:
 * to_id, to_name, latest_message_content, …), which the web chat mirrors.
 */
function buildSchemas() {
  z.config(en());
  const id = z.pipe(z.union([z.number().check(z.int()), z.string().check(z.regex(/^\d+$/))]), z.transform(String));

  const conversationSchema = z.object({
    id: z.optional(id),
    conversation_id: z.optional(id),
    to_id: id,
    to_name: z.optional(z.string()),
    latest_message_content: z.optional(z.partial(z.object({ text: z.optional(z.string()) }))),
    latest_message_from_id: z.optional(id),
  });
  const conversationListSchema = z.union([z.array(conversationSchema), z.pipe(z.object({ conversations: z.array(conversationSchema) }), z.transform((o) => o.conversations))]);

  const messageSchema = z.object({
    id: id,
    conversation_id: id,
    from_id: id,
    from_shop_id: z.optional(id),
    to_id: id,
    to_shop_id: z.optional(id),
    type: z.string(),
    created_timestamp: z.number(),
    content: z.optional(z.partial(z.object({ text: z.optional(z.string()) }))),
  });
  const messageListSchema = z.union([z.array(messageSchema), z.pipe(z.object({ messages: z.array(messageSchema) }), z.transform((o) => o.messages))]);
  return { conversationListSchema, messageListSchema };
}

/** Built on first use, not at import (see responses.ts): most console pages are not the chat. */
let builtSchemas: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => (builtSchemas ??= buildSchemas());
type Message = z.infer<ReturnType<typeof schemas>['messageListSchema']>[number];

const isList = (url: URL) => chatApi[0]!.test(url.pathname + url.search);
const isMessages = (url: URL) => chatApi[1]!.test(url.pathname + url.search);
export const isChatApi = (url: URL) => chatApi.some((re) => re.test(url.pathname + url.search));

/** Buyers of the conversation list, as captured buyers (id and username). */
export function chatExtraction(response: TappedResponse, pageUrl: URL): Extraction {
  if (!isList(response.url)) return emptyExtraction();
  const shop = shopOf(pageUrl);
  const parsed = schemas().conversationListSchema.safeParse(response.body);
  if (!shop || !parsed.success) return { ...emptyExtraction(), problems: [{ where: response.url.pathname, reason: 'conversation list not understood' }] };
  const buyers: CapturedBuyer[] = parsed.data.map((c) => {
    const name = unmaskedName(c.to_name);
    return { buyerKey: buyerKeyFor(shop.shopKey, c.to_id), shopKey: shop.shopKey, platformBuyerId: c.to_id, ...(name ? { displayName: name } : {}) };
  });
  return { ...emptyExtraction(), buyers };
}

function conversationFrom(response: TappedResponse, pageUrl: URL): Conversation | undefined {
  const shop = shopOf(pageUrl);
  // Only a chat's messages say who the conversation is with (every tapped response comes here).
  if (!shop || !isMessages(response.url)) return undefined;
  const parsed = schemas().messageListSchema.safeParse(response.body);
  if (!parsed.success || parsed.data.length === 0) return undefined;
  // The buyer is the side without a shop: from_id on the buyer's messages, to_id on the seller's.
  const byBuyer = (m: Message) => !m.from_shop_id || m.from_shop_id === '0';
  const first = parsed.data[0]!;
  const buyerId = byBuyer(first) ? first.from_id : first.to_id;
  const lastBuyerMessage = parsed.data
    .filter((m) => byBuyer(m) && m.type === 'text' && m.content?.text)
    .sort((a, b) => a.created_timestamp - b.created_timestamp)
    .at(-1)?.content?.text;
  return { buyerKey: buyerKeyFor(shop.shopKey, buyerId), ...(lastBuyerMessage ? { lastBuyerMessage } : {}) };
}

export const shopeeChat: AdapterChat = {
  conversationFrom,
  // The page names no buyer in a documented place; the API response above is the source.
  conversationOnPage: () => undefined,
  replyBox: (document) => queryFirst(document, chatSelectors.replyBox) as HTMLElement | null,
};
