import type { Adapter } from '../types';
import { amazonChat } from './chat';
import { activeBuyer, extract } from './extract';
import { fromResponse } from './responses';
import { api, detect, exampleUrls, matches } from './urls';

export const amazonAdapter: Adapter = {
  id: 'amazon',
  name: 'Amazon Seller Central',
  matches,
  detect,
  exampleUrls,
  api,
  fromResponse,
  extract,
  activeBuyer,
  chat: amazonChat,
};
