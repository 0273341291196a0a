import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import type { DemoData } from './data';
import { amazonContactPage, amazonOrder, amazonSearch, shopeeCards, shopeeConversations, shopeeIndex, shopeeMessages, shopeeOneOrder } from './responses';

const PAGES = join(import.meta.dirname, 'pages');
const page = (name: string) => readFileSync(join(PAGES, name), 'utf8');

export const DEMO_SHOPEE = 'https://seller.shopee.com.br';
export const DEMO_AMAZON = 'https://sellercentral.amazon.com';

const json = (route: Route, body: unknown, status = 200) =>
  route.fulfill({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
const html = (route: Route, body: string, status = 200) => route.fulfill({ status, contentType: 'text/html; charset=utf-8', body });
const script = (route: Route, body: string) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });

function requestJson(route: Route): Record<string, unknown> {
  try {
    return (route.request().postDataJSON() as Record<string, unknown> | null) ?? {};
  } catch {
    return {};
  }
}

/** Answers as Shopee Seller Centre would, at its real URLs, from the demo data. */
async function shopee(route: Route, data: DemoData): Promise<void> {
  const url = new URL(route.request().url());
  if (url.pathname === '/__demo__/shopee-console.js') return script(route, page('shopee-console.js'));
  if (url.pathname === '/api/v3/order/search_order_list_index') return json(route, shopeeIndex(data, requestJson(route)));
  if (url.pathname === '/api/v3/order/get_order_list_card_list') return json(route, shopeeCards(data, requestJson(route)));
  if (url.pathname === '/api/v3/order/get_one_order') return json(route, shopeeOneOrder(data, url.searchParams.get('order_id') ?? ''));
  if (url.pathname === '/__demo__/shopee-chat.js') return script(route, page('shopee-chat.js'));
  if (url.pathname === '/webchat/api/v1.2/conversations') return json(route, shopeeConversations(data));
  const messages = /^\/webchat\/api\/v1\.2\/conversations\/(\d+)\/messages$/.exec(url.pathname);
  if (messages) return json(route, shopeeMessages(data, messages[1]!) ?? [], 200);
  if (url.pathname.startsWith('/portal/sale/order')) return html(route, page('shopee-console.html'));
  if (url.pathname.startsWith('/webchat/conversations')) return html(route, page('shopee-chat.html'));
  return html(route, '<!doctype html><title>Shopee</title><p>Not part of the demo console.</p>', 404);
}

async function amazon(route: Route, data: DemoData): Promise<void> {
  const url = new URL(route.request().url());
  if (url.pathname === '/__demo__/amazon-console.js') return script(route, page('amazon-console.js'));
  if (url.pathname === '/orders-api/search') return json(route, amazonSearch(data, url.searchParams));
  const detail = /^\/orders-api\/order\/(\d{3}-\d{7}-\d{7})$/.exec(url.pathname);
  if (detail) {
    const body = amazonOrder(data, detail[1]!);
    return body ? json(route, body) : json(route, { reason: 'not found' }, 404);
  }
  if (url.pathname.startsWith('/orders-v3')) return html(route, page('amazon-console.html'));
  if (url.pathname === '/messaging/contact') return html(route, amazonContactPage(data, url.searchParams.get('orderID') ?? ''));
  return html(route, '<!doctype html><title>Seller Central</title><p>Not part of the demo console.</p>', 404);
}

/** Serves the demo consoles at the marketplaces' real URLs, so content scripts run as in the wild. */
export async function routeDemoConsoles(context: BrowserContext, data: DemoData): Promise<void> {
  await context.route(`${DEMO_SHOPEE}/**`, (route) => shopee(route, data));
  await context.route(`${DEMO_AMAZON}/**`, (route) => amazon(route, data));
}
