import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import type { DemoData } from './data';
import { amazonContactPage, demoApi, matchDemoPath, type DemoJsonEndpoint } from './responses';
import { DEMO_TIKTOK, tiktokConversations } from './tiktok';
import { DEMO_LAZADA, DEMO_LAZADA_GATEWAY } from './lazada';
import { DEMO_SHOP_ADMIN, shopAdminInbox, shopAdminPage } from './shop-admin';

const PAGES = join(import.meta.dirname, 'pages');
const page = (name: string) => readFileSync(join(PAGES, name), 'utf8');

export const DEMO_SHOPEE = 'https://seller.shopee.com.br';
export const DEMO_AMAZON = 'https://sellercentral.amazon.com';

const json = (route: Route, body: unknown, status = 200, headers: Record<string, string> = {}) =>
  route.fulfill({ status, contentType: 'application/json; charset=utf-8', headers, body: JSON.stringify(body) });
const html = (route: Route, body: string, status = 200, headers: Record<string, string> = {}) =>
  route.fulfill({ status, contentType: 'text/html; charset=utf-8', headers, body });
const script = (route: Route, body: string) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });

function requestJson(route: Route): Record<string, unknown> {
  try {
    return (route.request().postDataJSON() as Record<string, unknown> | null) ?? {};
  } catch {
    return {};
  }
}

/** Answers a request to one of the console's JSON endpoints; false when it is none of them or has no answer. */
async function answerJson(route: Route, data: DemoData, endpoints: readonly DemoJsonEndpoint[], headers: Record<string, string> = {}): Promise<boolean> {
  const url = new URL(route.request().url());
  for (const endpoint of endpoints) {
    const params = matchDemoPath(endpoint.path, url.pathname);
    if (!params) continue;
    const body = endpoint.answer(data, { url, body: requestJson(route), params });
    if (body === undefined) return false;
    await json(route, body, 200, headers);
    return true;
  }
  return false;
}

/** Answers as Shopee Seller Centre would, at its real URLs, from the demo data. */
async function shopee(route: Route, data: DemoData): Promise<void> {
  const url = new URL(route.request().url());
  if (url.pathname === '/__demo__/shopee-console.js') return script(route, page('shopee-console.js'));
  if (url.pathname === '/__demo__/shopee-chat.js') return script(route, page('shopee-chat.js'));
  if (await answerJson(route, data, demoApi.shopee)) return;
  if (url.pathname.startsWith('/portal/sale/order')) return html(route, page('shopee-console.html'));
  if (url.pathname.startsWith('/webchat/conversations')) return html(route, page('shopee-chat.html'));
  return html(route, '<!doctype html><title>Shopee</title><p>Not part of the demo console.</p>', 404);
}

async function amazon(route: Route, data: DemoData): Promise<void> {
  const url = new URL(route.request().url());
  if (url.pathname === '/__demo__/amazon-console.js') return script(route, page('amazon-console.js'));
  if (await answerJson(route, data, demoApi.amazon)) return;
  if (url.pathname.startsWith('/orders-v3')) return html(route, page('amazon-console.html'));
  if (url.pathname === '/messaging/contact') return html(route, amazonContactPage(data, url.searchParams.get('orderID') ?? ''));
  return html(route, '<!doctype html><title>Seller Central</title><p>Not part of the demo console.</p>', 404);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The chat page with its list of conversations (tiktokConversations: the real list is not JSON). */
function tiktokChatPage(data: DemoData, url: URL): string {
  const list = tiktokConversations(data, url.searchParams.get('conversation') ?? '')
    .map((c) => `<button class="conversation" data-demo="conversation" data-conversation="${escapeHtml(c.conversation)}">${escapeHtml(c.nickname)}</button>`)
    .join('');
  return page('tiktok-chat.html').replace('<!--conversations-->', list);
}

/** Answers as TikTok Shop Seller Center (Brazil) would, at its real URLs, from the demo data. */
async function tiktok(route: Route, data: DemoData): Promise<void> {
  const url = new URL(route.request().url());
  if (/^\/__demo__\/tiktok-(?:console|detail|chat)\.js$/.test(url.pathname)) return script(route, page(url.pathname.slice('/__demo__/'.length)));
  if (await answerJson(route, data, demoApi.tiktok)) return;
  if (url.pathname === '/order') return html(route, page('tiktok-console.html'));
  if (url.pathname === '/order/detail') return html(route, page('tiktok-detail.html'));
  if (url.pathname === '/chat') return html(route, tiktokChatPage(data, url));
  return html(route, '<!doctype html><title>TikTok Shop</title><p>Not part of the demo console.</p>', 404);
}

/** Answers as Lazada Seller Center (Philippines) would, at its real URLs: the pages; their JSON comes from the gateway. */
async function lazada(route: Route): Promise<void> {
  const url = new URL(route.request().url());
  if (/^\/__demo__\/lazada-(?:mtop|console|detail)\.js$/.test(url.pathname)) return script(route, page(url.pathname.slice('/__demo__/'.length)));
  if (url.pathname === '/apps/order/list') return html(route, page('lazada-console.html'));
  if (url.pathname === '/apps/order/detail') return html(route, page('lazada-detail.html'));
  return html(route, '<!doctype html><title>Lazada Seller Center</title><p>Not part of the demo console.</p>', 404);
}

/**
 * Answers as the PH mtop gateway (acs-m.lazada.com.ph) would. It is another origin than the pages', so
 * its answers allow the Seller Center's origin with credentials (the pages send the seller's cookies),
 * and no other: without these headers Chromium hands the page no response.
 */
async function lazadaGateway(route: Route, data: DemoData): Promise<void> {
  const origin = await route.request().headerValue('origin');
  const cors: Record<string, string> =
    origin === DEMO_LAZADA ? { 'access-control-allow-origin': DEMO_LAZADA, 'access-control-allow-credentials': 'true', vary: 'Origin' } : { vary: 'Origin' };
  if (route.request().method() === 'OPTIONS') {
    const preflight: Record<string, string> = origin === DEMO_LAZADA ? { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' } : {};
    return route.fulfill({ status: 204, headers: { ...cors, ...preflight } });
  }
  if (await answerJson(route, data, demoApi.lazada, cors)) return;
  return html(route, '<!doctype html><title>mtop</title><p>Not part of the demo console.</p>', 404, cors);
}

/** The generic shop admin BuyerLens has no adapter for (a seller teaches it): its pages and its own JSON. */
async function shopAdmin(route: Route, data: DemoData): Promise<void> {
  const url = new URL(route.request().url());
  if (url.pathname === '/static/shop-admin.js') return script(route, page('shop-admin.js'));
  if (url.pathname === '/api/v1/orders') return json(route, shopAdminPage(data, Number(url.searchParams.get('page') ?? '1')));
  if (url.pathname === '/admin/orders') return html(route, page('shop-admin.html'));
  if (url.pathname === '/admin/inbox') return html(route, shopAdminInbox(data));
  return html(route, '<!doctype html><title>Aurora admin</title><p>Not part of the demo shop.</p>', 404);
}

export { DEMO_LAZADA, DEMO_SHOP_ADMIN, DEMO_TIKTOK };

/** Serves the demo consoles at the marketplaces' real URLs, so content scripts run as in the wild. */
export async function routeDemoConsoles(context: BrowserContext, data: DemoData): Promise<void> {
  await context.route(`${DEMO_SHOPEE}/**`, (route) => shopee(route, data));
  await context.route(`${DEMO_AMAZON}/**`, (route) => amazon(route, data));
  await context.route(`${DEMO_TIKTOK}/**`, (route) => tiktok(route, data));
  await context.route(`${DEMO_LAZADA}/**`, (route) => lazada(route));
  await context.route(`${DEMO_LAZADA_GATEWAY}/**`, (route) => lazadaGateway(route, data));
  await context.route(`${DEMO_SHOP_ADMIN}/**`, (route) => shopAdmin(route, data));
}
