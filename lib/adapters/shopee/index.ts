import type { Adapter } from '../types';
import { shopeeCatalog } from './catalog';
import { shopeeChat } from './chat';
import { activeBuyer, extract } from './extract';
import { fromResponse } from './responses';
import { chatSelectors, detailSelectors, listSelectors, unverifiedSelectors } from './selectors';
import { api, detect, exampleUrls } from './urls';

export const shopeeAdapter: Adapter = {
  ...shopeeCatalog,
  detect,
  exampleUrls,
  api,
  // Order lists run to hundreds of cards (the JSON and the page alike): both read a card per step.
  fromResponse,
  extract,
  activeBuyer,
  chat: shopeeChat,
  selectors: { groups: { listSelectors, detailSelectors, chatSelectors }, unverified: unverifiedSelectors },
};
