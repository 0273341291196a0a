import type { Adapter } from '../types';
import { shopeeChat } from './chat';
import { activeBuyer, extract } from './extract';
import { fromResponse } from './responses';
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
  activeBuyer,
  chat: shopeeChat,
};
