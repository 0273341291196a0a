import { createTranslator } from '../../lib/i18n/i18n';
import { englishPack } from '../../lib/replies/packs/en';
import { portuguesePack } from '../../lib/replies/packs/pt-BR';
import { renderTemplate } from '../../lib/replies/render';
import { waitForConsole } from '../../scripts/demo/seed';
import { DEMO_AMAZON, DEMO_SHOPEE } from '../../scripts/demo/serve';
import { shopeeConversations } from '../../scripts/demo/responses';
import type { DemoData } from '../../scripts/demo/data';
import { expect, readTable, test, waitForStore, type Extension } from './fixtures';

const en = createTranslator('en');

/**
 * Captures the demo order list, then opens the web chat of a buyer whose newest order is unpaid;
 * the panel shows that buyer.
 */
async function openUnpaidBuyersChat(extension: Extension, demo: DemoData) {
  const panel = await extension.openPanel();
  const page = await extension.context.newPage();
  await page.goto(`${DEMO_SHOPEE}/portal/sale/order?page_size=100`);
  await waitForConsole(page);
  await waitForStore(panel, 'replyTemplates', (rows) => rows.length > 0);
  const newest = new Map<string, DemoData['shopee'][number]>();
  for (const o of demo.shopee) if (!newest.has(o.buyerUserId)) newest.set(o.buyerUserId, o);
  const conversation = shopeeConversations(demo).find((c) => newest.get(String(c.to_id))?.status === 'unpaid')!;
  const order = newest.get(String(conversation.to_id))!;
  await waitForStore(panel, 'orders', (rows) => rows.some((r) => r.orderId === order.orderId));
  await page.goto(`${DEMO_SHOPEE}/webchat/conversations/${conversation.id}`);
  await expect(page.locator('.chat-input textarea')).toBeVisible();
  await expect(panel.getByTestId('buyer-name')).toHaveText(order.username);
  return { panel, page, order };
}

test('Shopee Brazil chat: an unpaid order gets the Portuguese payment reminder first; insert fills the chat box, resolved, and sends nothing; the shop can be answered in English instead', async ({ extension, demo }) => {
  const { panel, page, order } = await openUnpaidBuyersChat(extension, demo);

  const first = panel.getByTestId('reply-suggestions').getByTestId('reply-item').first();
  await expect(first).toHaveAttribute('data-category', 'payment-reminder');
  await expect(first).toHaveAttribute('data-lang', 'pt-BR');
  await expect(first).toContainText('unpaid order placed');
  // Every suggestion is in the buyer's language while the Portuguese pack has one for the case.
  for (const lang of await panel.getByTestId('reply-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-lang')))) expect(lang).toBe('pt-BR');
  const items = order.items.map((i) => (i.quantity > 1 ? `${i.title} ×${i.quantity}` : i.title)).slice(0, 3).join(', ');
  const expected = renderTemplate(portuguesePack.find((t) => t.category === 'payment-reminder')!.body, {
    'buyer.name': order.username,
    'order.id': order.orderSn,
    'order.items': order.items.length > 3 ? `${items} +${order.items.length - 3}` : items,
  }).text;
  await expect(first.locator('.reply-text')).toHaveText(expected);

  await first.getByTestId('reply-insert').click();
  await expect(first).toContainText('Inserted');
  await expect(page.locator('.chat-input textarea')).toHaveValue(expected);
  // The console's own state saw the text as typed: its counter and Send button follow it.
  expect(await page.evaluate(() => (window as unknown as { __demoChat: { draft: string } }).__demoChat.draft)).toBe(expected);
  await expect(page.locator('.chat-input .count')).toHaveText(`${expected.length}/600`);
  await expect(page.locator('[data-demo="send"]')).toBeEnabled();
  await expect(page.locator('.messages .message')).toHaveCount(3);
  await waitForStore(panel, 'replyTemplates', (rows) => rows.some((r) => r.id === 'default-pt-BR-payment-reminder' && r.useCount === 1));

  // The agent answers this shop in English: the English reminder comes first, and stays so for the shop.
  const language = panel.getByTestId('reply-language');
  await expect(language.locator('option:checked')).toHaveText('Brazilian Portuguese (market)');
  await language.selectOption('en');
  await expect(first).toHaveAttribute('data-lang', 'en');
  await expect(first.locator('.reply-text')).toHaveText(
    renderTemplate(englishPack.find((t) => t.category === 'payment-reminder')!.body, {
      'buyer.name': order.username,
      'order.id': order.orderSn,
      'order.items': order.items.length > 3 ? `${items} +${order.items.length - 3} more` : items,
    }).text,
  );
  await waitForStore(panel, 'settings', (rows) => rows.some((r) => r.key === 'replies.shopLanguages'));
  await language.selectOption('');
  await expect(first).toHaveAttribute('data-lang', 'pt-BR');

  // A fill-in prompt: asked in the panel, then part of the inserted text.
  await page.locator('.chat-input textarea').fill('');
  await panel.getByTestId('reply-suggestions').getByRole('searchbox').fill('/thanks');
  const thanks = panel.getByTestId('reply-item').filter({ hasText: 'Thank a loyal buyer' });
  await expect(thanks.getByTestId('reply-insert')).toBeDisabled();
  await thanks.getByRole('textbox', { name: 'Fill in: coupon code' }).fill('VOLTA10');
  await thanks.getByTestId('reply-insert').click();
  await expect(page.locator('.chat-input textarea')).toHaveValue(/code for your next order: VOLTA10\.$/);
});

test('Amazon messaging: the buyer of the order is on screen; a reply with a link shows the lint warning', async ({ extension, demo }) => {
  const panel = await extension.openPanel();
  const page = await extension.context.newPage();
  const order = demo.amazon[0]!;
  await page.goto(`${DEMO_AMAZON}/orders-v3/order/${order.orderId}`);
  await waitForConsole(page);
  // The JSON identifies the buyer, the page names them: both are in once the name is.
  await waitForStore(panel, 'buyers', (rows) => rows.some((r) => r.displayName === order.buyerName));

  await page.goto(`${DEMO_AMAZON}/messaging/contact?orderID=${order.orderId}&marketplaceID=ATVPDKIKX0DER`);
  await expect(panel.getByTestId('buyer-name')).toHaveText(order.buyerName);
  await expect(panel.getByTestId('reply-item').first().getByTestId('reply-insert')).toBeVisible();
  await expect(panel.getByTestId('reply-lint')).toHaveCount(0);

  // A team template with a link: fine on another console, against Amazon's messaging rules here.
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const editor = options.getByTestId('template-editor');
  await options.getByRole('button', { name: 'New reply' }).click();
  await editor.getByRole('textbox', { name: 'Title' }).fill('Size guide');
  await editor.getByRole('textbox', { name: 'Text' }).fill('Hi {{buyer.name | "there"}}, our size guide is at https://example-shop.com/sizes');
  await editor.getByRole('combobox', { name: 'Category' }).selectOption('other');
  await editor.getByRole('textbox', { name: 'Shortcut' }).fill('sizes');
  await editor.getByRole('button', { name: 'Save reply' }).click();
  await waitForStore(panel, 'replyTemplates', (rows) => rows.some((r) => r.title === 'Size guide'));

  await panel.getByTestId('reply-suggestions').getByRole('searchbox').fill('/sizes');
  const item = panel.getByTestId('reply-item').filter({ hasText: 'Size guide' });
  await expect(item.getByTestId('reply-lint')).toContainText(en.t('lint.no-links'));
  await item.getByTestId('reply-insert').click();
  // A warning, not a block: the agent decides.
  await expect(page.locator('#message')).toHaveValue(`Hi ${order.buyerName}, our size guide is at https://example-shop.com/sizes`);
  await expect(page.locator('#sent')).toHaveText('');
  expect((await readTable(panel, 'replyTemplates')).length).toBeGreaterThan(20);
});

test('Shopee chat: "/" in the reply box opens the picker; Enter inserts, prompts are selected to type over', async ({ extension, demo }, testInfo) => {
  const { panel, page } = await openUnpaidBuyersChat(extension, demo);

  const box = page.locator('.chat-input textarea');
  await box.click();
  await box.pressSequentially('/');
  // The picker's shadow root is closed: the page (and so this test) sees its host, never its replies.
  const picker = page.locator('buyerlens-reply-picker');
  await expect(picker).toHaveCount(1);
  expect(await picker.evaluate((host) => host.shadowRoot)).toBeNull();
  await page.screenshot({ path: testInfo.outputPath('picker.png') });
  await panel.screenshot({ path: testInfo.outputPath('panel-replies.png'), fullPage: true });
  await box.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(box).toHaveValue(/^Olá, .+! Seu pedido .+ está reservado/);
  await expect(page.locator('.messages .message')).toHaveCount(3); // Enter picked; it did not send

  await box.fill('');
  await box.pressSequentially('Obrigado! /thanks');
  await expect(picker).toHaveCount(1);
  await box.press('Tab');
  await box.pressSequentially('VOLTA10');
  await expect(box).toHaveValue(/^Obrigado! .+ here’s a code for your next order: VOLTA10\.$/);
  expect(await page.evaluate(() => (window as unknown as { __demoChat: { draft: string } }).__demoChat.draft)).toMatch(/VOLTA10\.$/);
});
