import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../../scripts/browser';
import { generateDemo } from '../../scripts/demo/data';
import { waitForConsole } from '../../scripts/demo/seed';
import { DEMO_SHOPEE, routeDemoConsoles } from '../../scripts/demo/serve';
import { busiestBuyer } from './expected';
import { expect, readTable, stopServiceWorker, test } from './fixtures';
import { forgedInvite, invite, revoke, startServer, startServices, type Services, type SyncServer } from '../../scripts/team-server';

/**
 * Team sync as agents live it: several browsers (each its own profile of the built extension), one
 * team server of two instances joined by Redis and stored in PostgreSQL (both from Debian, started
 * here). Agent A works on instance 1, agent B on instance 2.
 */

const demo = generateDemo({ seed: 7, now: Date.now(), shopeeBuyers: 30, amazonBuyers: 20 });
const buyerId = busiestBuyer(demo.shopee, (o) => o.buyerUserId);
const order = demo.shopee.find((o) => o.buyerUserId === buyerId)!;
const SHOP = 'shopee:br';

interface Agent {
  context: BrowserContext;
  panel: Page;
  options: Page;
}

let services: Services;
let servers: SyncServer[] = [];
const agents: Agent[] = [];

/** A browser of the extension that has opened the buyer's order (the panel shows them) and joined the team with `code`. */
async function agent(code: string, expectState = 'connected'): Promise<Agent> {
  const { context, extensionId, panelUrl } = await launchWithExtension({ headless: true });
  await routeDemoConsoles(context, demo);
  const page = await context.newPage();
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(page);
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order/${order.orderId}`);
  await waitForConsole(page);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(panelUrl);
  await expect(panel.getByTestId('buyer-name')).toHaveText(order.username);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('team-status')).toHaveAttribute('data-state', 'none');
  await options.getByTestId('team-invite').fill(code);
  await options.getByTestId('team-join').click();
  await expect(options.getByTestId('team-status')).toHaveAttribute('data-state', expectState);
  const made = { context, panel, options };
  agents.push(made);
  return made;
}

const chips = (a: Agent) => a.panel.getByTestId('tag-list').getByTestId('tag-chip');
async function addTag(a: Agent, name: string): Promise<void> {
  await a.panel.getByTestId('tag-input').fill(name);
  await a.panel.getByTestId('tag-input').press('Enter');
  await expect(chips(a).filter({ hasText: name })).toHaveCount(1);
}
async function addNote(a: Agent, text: string): Promise<void> {
  await a.panel.getByTestId('note-input').fill(text);
  await a.panel.getByTestId('note-input').press('Control+Enter');
  await expect(a.panel.getByTestId('note-list')).toContainText(text);
}
const tagNames = async (a: Agent) => (await chips(a).allTextContents()).map((t) => t.replace('×', '')).sort();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  services = startServices();
  servers = [await startServer(services.env, 0, 'one'), await startServer(services.env, 0, 'two')];
});

test.afterAll(async () => {
  for (const a of agents) await a.context.close().catch(() => undefined);
  for (const server of servers) await server.stop();
  services?.stop();
});

test('two agents on two server instances see each other’s tags and notes within 2 s; offline edits merge; a restart keeps everything', async ({}, testInfo) => {
  test.setTimeout(180_000);
  const a = await agent(invite(services.env, ['--shop', SHOP, '--role', 'rw', '--url', servers[0]!.url, '--name', 'Ana']));
  const b = await agent(invite(services.env, ['--shop', SHOP, '--role', 'rw', '--url', servers[1]!.url, '--name', 'Bruno']));

  await addTag(a, 'VIP');
  await expect(chips(b)).toHaveText(['VIP×'], { timeout: 2_000 });
  await addNote(b, 'Asked for an invoice.');
  await expect(a.panel.getByTestId('note-list')).toContainText('Asked for an invoice.', { timeout: 2_000 });
  const stored = await readTable<{ buyerKey: string; tagIds: string[] }>(b.panel, 'buyers');
  expect(stored.find((x) => x.buyerKey === `${SHOP}:${buyerId}`)?.tagIds).toEqual(['name:vip']);

  // The server goes away: both keep working, and say their changes wait.
  for (const server of servers) await server.stop();
  await expect(a.options.getByTestId('team-status')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await addTag(a, 'Wholesale');
  await addTag(b, 'Late payer');
  await b.panel.getByTestId('tag-list').getByTestId('tag-chip').filter({ hasText: 'VIP' }).getByRole('button').click();
  await addNote(a, 'Prefers mornings.');
  await expect(a.options.getByTestId('team-status')).toHaveAttribute('data-state', 'waiting');
  await a.options.screenshot({ path: testInfo.outputPath('settings-team-waiting.png') });

  // Back on the same ports, from PostgreSQL: both end with every change, B's removal of VIP included.
  servers = [await startServer(services.env, servers[0]!.port, 'one'), await startServer(services.env, servers[1]!.port, 'two')];
  await expect(a.options.getByTestId('team-status')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(b.options.getByTestId('team-status')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect.poll(() => tagNames(a), { timeout: 10_000 }).toEqual(['Late payer', 'Wholesale']);
  await expect.poll(() => tagNames(b), { timeout: 10_000 }).toEqual(['Late payer', 'Wholesale']);
  for (const x of [a, b]) {
    await expect(x.panel.getByTestId('note-list')).toContainText('Prefers mornings.');
    await expect(x.panel.getByTestId('note-list')).toContainText('Asked for an invoice.');
  }
  await a.panel.screenshot({ path: testInfo.outputPath('panel-team-a.png'), fullPage: true });
  await a.options.screenshot({ path: testInfo.outputPath('settings-team-connected.png') });
});

test('a read-only agent sees live changes and its own edits reach nobody; an agent of another shop cannot read this one', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const [a] = agents;
  // A new browser after the restart: everything the team had comes from the server (PostgreSQL).
  const readerCode = invite(services.env, ['--shop', SHOP, '--role', 'ro', '--url', servers[1]!.url, '--name', 'Reader']);
  const reader = await agent(readerCode);
  await expect.poll(() => tagNames(reader), { timeout: 10_000 }).toEqual(['Late payer', 'Wholesale']);
  await expect(reader.panel.getByTestId('note-list')).toContainText('Prefers mornings.');
  await expect(reader.options.getByTestId('team-status')).toContainText('read only');
  await addTag(reader, 'Spam');
  await addTag(a!, 'Gift');
  await expect.poll(() => tagNames(reader), { timeout: 2_000 }).toEqual(['Gift', 'Late payer', 'Spam', 'Wholesale']);
  // A's change reached the reader; the reader's never reached A, nor the server.
  expect(await tagNames(a!)).toEqual(['Gift', 'Late payer', 'Wholesale']);

  // Revoked: the server closes the reader's connection, refuses it again, and A's next change stays away.
  revoke(services.env, readerCode);
  await expect(reader.options.getByTestId('team-status')).toHaveAttribute('data-state', 'refused', { timeout: 10_000 });
  await expect(reader.options.getByTestId('team-status')).toContainText('agent revoked');
  await addTag(a!, 'Returns');
  await reader.panel.waitForTimeout(2_000);
  expect(await tagNames(reader)).toEqual(['Gift', 'Late payer', 'Spam', 'Wholesale']);

  const amazonOnly = invite(services.env, ['--shop', 'amazon:amazon.com', '--role', 'rw', '--url', servers[0]!.url]);
  const outsider = await agent(forgedInvite(amazonOnly, [SHOP]), 'refused');
  await expect(outsider.options.getByTestId('team-status')).toContainText(`shop:${SHOP}`);
  await outsider.panel.waitForTimeout(1_000);
  expect(await tagNames(outsider)).toEqual([]);
  await outsider.options.screenshot({ path: testInfo.outputPath('settings-team-refused.png') });
});

test('a worker Chrome stopped joins again on its own: what another agent changed meanwhile arrives, and nothing of its own is sent again', async () => {
  test.setTimeout(120_000);
  const [a, b] = agents;
  await stopServiceWorker(await a!.context.newCDPSession(a!.panel));
  await b!.panel.getByTestId('tag-list').getByTestId('tag-chip').filter({ hasText: 'Gift' }).getByRole('button').click();
  await addNote(b!, 'Wants the invoice by e-mail.');
  // A goes on working: the order page's capture wakes the worker, which joins the team again.
  const page = await a!.context.newPage();
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order/${order.orderId}`);
  await waitForConsole(page);
  await expect.poll(() => tagNames(a!), { timeout: 15_000 }).toEqual(['Late payer', 'Returns', 'Wholesale']);
  await expect(a!.panel.getByTestId('note-list')).toContainText('Wants the invoice by e-mail.', { timeout: 15_000 });
  await b!.panel.waitForTimeout(2_000);
  expect(await tagNames(b!)).toEqual(['Late payer', 'Returns', 'Wholesale']);
  // The settings opened after a stop say what the background says now, not what it said last.
  await stopServiceWorker(await a!.context.newCDPSession(a!.panel));
  await a!.options.reload();
  await expect(a!.options.getByTestId('team-status')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
});
