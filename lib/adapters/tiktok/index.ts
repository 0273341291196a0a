import type { Adapter } from '../types';
import { tiktokCatalog } from './catalog';
import { activeBuyer, extract, replyBox } from './extract';
import { conversationFrom, fromResponse } from './responses';
import { chatSelectors, detailSelectors, listSelectors, unverifiedSelectors } from './selectors';
import { api, apiOrigins, detect, exampleUrls } from './urls';

export const tiktokAdapter: Adapter = {
  ...tiktokCatalog,
  detect,
  exampleUrls,
  api,
  apiOrigins,
  fromResponse,
  extract,
  activeBuyer,
  chat: { conversationFrom, conversationOnPage: () => undefined, replyBox },
  selectors: { groups: { listSelectors, detailSelectors, chatSelectors }, unverified: unverifiedSelectors },
};
