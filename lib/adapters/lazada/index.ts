import type { Adapter } from '../types';
import { lazadaCatalog } from './catalog';
import { activeBuyer, extract } from './extract';
import { fromResponse } from './responses';
import { detailSelectors, listSelectors, unverifiedSelectors } from './selectors';
import { api, apiOrigins, detect, exampleUrls } from './urls';

export const lazadaAdapter: Adapter = {
  ...lazadaCatalog,
  detect,
  exampleUrls,
  api,
  // The JSON answers from the mtop gateway of the page's country (acs-m.lazada.<tld>), not the page's origin.
  apiOrigins,
  // Order lists run to hundreds of rows: the JSON and the page are both read a row per step.
  fromResponse,
  extract,
  activeBuyer,
  selectors: { groups: { listSelectors, detailSelectors }, unverified: unverifiedSelectors },
};
