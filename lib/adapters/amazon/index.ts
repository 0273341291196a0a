import type { Adapter } from '../types';
import { amazonCatalog } from './catalog';
import { amazonChat } from './chat';
import { activeBuyer, extract } from './extract';
import { fromResponse } from './responses';
import { detailSelectors, listSelectors, messagingSelectors, unverifiedSelectors } from './selectors';
import { api, detect, exampleUrls } from './urls';

export const amazonAdapter: Adapter = {
  ...amazonCatalog,
  detect,
  exampleUrls,
  api,
  fromResponse,
  extract,
  activeBuyer,
  chat: amazonChat,
  selectors: { groups: { listSelectors, detailSelectors, messagingSelectors }, unverified: unverifiedSelectors },
};
