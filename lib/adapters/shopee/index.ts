import type { Adapter } from '../types';
import { shopeeChat } from './chat';
import { activeBuyer, extract, extractInSlices } from './extract';
import { fromResponse, fromResponseInSlices } from './responses';
import { api, detect, exampleUrls, matches } from './urls';

export const shopeeAdapter: Adapter = {
  id: 'shopee',
  name: 'Shopee Seller Centre',
  matches,
  detect,
  exampleUrls,
  api,
  fromResponse,
  extract,
  // Order lists run to hundreds of cards (the JSON and the page alike).
  inSlices: { fromResponse: fromResponseInSlices, extract: extractInSlices },
  activeBuyer,
  chat: shopeeChat,
};
