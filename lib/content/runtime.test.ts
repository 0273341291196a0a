import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { shopeeAdapter } from '../adapters/shopee';
import { atOnce } from '../adapters/slices';
import type { CaptureBatch, Screen } from '../schema/capture';
import { readDom } from './dom-reader';
import { networkReader } from './network-reader';
import { PageSession, TabMemory, type ConsolePage, type Lifetime } from './page';
import { installReplyBox } from './reply-box';
import { screenReporter } from './screen-reporter';
import { captureSender, type CaptureSink } from './sink';

/**
 * The content runtime's parts on a Shopee order page, with a sink that records what would go to the
 * background (the real order detail page and get_one_order body of test/fixtures/shopee).
 */
const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'shopee');
const ORDER_PAGE = 'https://seller.shopee.com.br/portal/sale/order/188140332017804';
const ONE_ORDER = 'https://seller.shopee.com.br/api/v3/order/get_one_order?SPC_CDS=x&SPC_CDS_VER=2&order_id=188140332017804';

const lifetime: Lifetime = {
  isValid: true,
  setTimeout: (handler, timeout) => setTimeout(handler, timeout) as unknown as number,
  addEventListener: (target, type, handler, options) => target.addEventListener(type, handler, options),
  onInvalidated: () => undefined,
};

function consolePage(url: string, html: string) {
  const captures: CaptureBatch[] = [];
  const screens: (Screen | null)[] = [];
  const sink: CaptureSink = {
    capture: async (batch) => void captures.push(batch),
    screen: async (screen) => void screens.push(screen),
  };
  const document = new JSDOM(html, { url }).window.document;
  let session = new PageSession(shopeeAdapter, new URL(url));
  const page: ConsolePage = { adapter: shopeeAdapter, document, lifetime, sink, memory: new TabMemory(), session: () => session };
  const navigate = (to: string) => (session = new PageSession(shopeeAdapter, new URL(to)));
  return { page, captures, screens, navigate };
}

/** Lets the sink's promises (retry wrapper included) settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('content runtime', () => {
  it('sends the page’s reading, then the JSON’s, and says who is on screen as each learns more', async () => {
    const { page, captures, screens } = consolePage(ORDER_PAGE, readFileSync(join(fixtures, 'order-detail-dom.html'), 'utf8'));
    const send = captureSender(page);
    const screen = screenReporter(page);

    atOnce(readDom(page, send, screen));
    await settled();
    expect(captures.map((c) => [c.source, c.orders.length])).toEqual([['dom', 1]]);
    expect(screens).toEqual([expect.objectContaining({ orderKey: 'shopee:br:188140332017804', buyerName: 'mariana.costa92' })]);
    expect(screens[0]).not.toHaveProperty('buyerKey');

    const body = readFileSync(join(fixtures, 'order-detail.json'), 'utf8');
    atOnce(networkReader(page, send, screen)({ type: 'response', nonce: 'n', url: ONE_ORDER, method: 'GET', status: 200, body }));
    await settled();
    expect(captures.map((c) => [c.source, c.orders.length])).toEqual([['dom', 1], ['network', 1]]);
    expect(captures[1]).toMatchObject({ adapterId: 'shopee', pageKind: 'order-detail', pageUrl: ORDER_PAGE, sourceUrl: ONE_ORDER });
    expect(screens.at(-1)).toMatchObject({ buyerKey: 'shopee:br:73810455', orderKey: 'shopee:br:188140332017804' });

    // The page read again: its order came with the JSON, and the screen has not changed, so nothing more is sent.
    atOnce(readDom(page, send, screen));
    await settled();
    expect(captures).toHaveLength(2);
    expect(screens).toHaveLength(2);
  });

  it('reports a response that is not JSON as a problem of the capture, and says so again only when asked', async () => {
    const { page, captures, screens } = consolePage(ORDER_PAGE, '<html><body></body></html>');
    const screen = screenReporter(page);
    atOnce(networkReader(page, captureSender(page), screen)({ type: 'response', nonce: 'n', url: ONE_ORDER, method: 'GET', status: 200, body: '<html>sign in</html>' }));
    await settled();
    expect(captures[0]?.problems).toEqual([{ where: '/api/v3/order/get_one_order', reason: 'response is not JSON' }]);
    expect(screens).toHaveLength(1);
    screen.update();
    await settled();
    expect(screens).toHaveLength(1);
    screen.again();
    await settled();
    expect(screens).toHaveLength(2);
  });

  it('starts each page afresh after navigation: the same reading on a new page is sent again, and the chat’s buyer goes on screen', async () => {
    const chat = 'https://seller.shopee.com.br/webchat/conversations/873229651';
    const { page, captures, screens, navigate } = consolePage(ORDER_PAGE, readFileSync(join(fixtures, 'order-detail-dom.html'), 'utf8'));
    const send = captureSender(page);
    const screen = screenReporter(page);
    atOnce(readDom(page, send, screen));
    navigate(ORDER_PAGE);
    atOnce(readDom(page, send, screen));
    await settled();
    expect(captures.map((c) => c.source)).toEqual(['dom', 'dom']);

    navigate(chat);
    const messages = [{ id: '1', conversation_id: '873229651', from_id: 73229651, from_shop_id: 0, to_id: 900000001, to_shop_id: 412095871, type: 'text', created_timestamp: 1763651000, content: { text: 'Olá!' } }];
    atOnce(networkReader(page, send, screen)({ type: 'response', nonce: 'n', url: 'https://seller.shopee.com.br/webchat/api/v1.2/conversations/873229651/messages', method: 'GET', status: 200, body: JSON.stringify(messages) }));
    await settled();
    expect(page.session().conversation).toEqual({ buyerKey: 'shopee:br:73229651', lastBuyerMessage: 'Olá!' });
    expect(screens.at(-1)).toMatchObject({ pageKind: 'chat', buyerKey: 'shopee:br:73229651', chat: { replyBox: false, lastBuyerMessage: 'Olá!' } });
  });

  it('puts a reply from the panel into the chat’s reply box, and refuses where the page has none', () => {
    const chat = 'https://seller.shopee.com.br/webchat/conversations/873229651';
    for (const [url, expected] of [
      [chat, { ok: true }],
      [ORDER_PAGE, { ok: false, error: 'This page has no reply box.' }],
    ] as const) {
      const { page } = consolePage(url, '<html><body><div data-testid="chat-input"><textarea placeholder="Digite"></textarea></div></body></html>');
      let insert: ((text: string) => unknown) | undefined;
      installReplyBox({ ...page, sink: { ...page.sink, onInsert: (handler) => ((insert = handler), () => undefined) } });
      expect(insert?.('Olá, Ana!'), url).toEqual(expected);
      expect(page.document.querySelector('textarea')!.value, url).toBe(expected.ok ? 'Olá, Ana!' : '');
    }
  });

  it('remembers one entry per order in the tab, its readings joined (the page’s name, the JSON’s buyer)', () => {
    const memory = new TabMemory();
    const order = { orderKey: 'shopee:br:1', orderId: '1', shopKey: 'shopee:br' };
    memory.remember([{ ...order, buyerName: 'mariana.costa92', status: 'shipped' }]);
    memory.remember([{ ...order, buyerKey: 'shopee:br:73810455', buyerName: undefined }, { ...order, orderKey: 'shopee:br:2', orderId: '2' }]);
    expect(memory.orders).toEqual([
      { ...order, buyerName: 'mariana.costa92', status: 'shipped', buyerKey: 'shopee:br:73810455' },
      { ...order, orderKey: 'shopee:br:2', orderId: '2' },
    ]);
  });

  it('keeps a capture the background does not answer after the retries in the durable queue, and sends each only once', async () => {
    vi.useFakeTimers();
    try {
      const { page } = consolePage(ORDER_PAGE, '<html><body></body></html>');
      let attempts = 0;
      const queued: [CaptureBatch, string][] = [];
      const send = captureSender({
        ...page,
        sink: {
          ...page.sink,
          capture: () => Promise.reject(new Error(`Could not establish connection (${++attempts})`)),
          queue: async (batch, reason) => (queued.push([batch, reason]), true),
        },
      });
      send('network', { shops: [], buyers: [], orders: [{ orderKey: 'shopee:br:1', orderId: '1', shopKey: 'shopee:br' }], problems: [] }, page.session());
      await vi.advanceTimersByTimeAsync(1000);
      expect(queued).toEqual([]);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(attempts).toBe(4);
      expect(queued).toHaveLength(1);
      expect(queued[0]![0]).toMatchObject({ pageUrl: ORDER_PAGE, orders: [{ orderKey: 'shopee:br:1' }] });
      expect(queued[0]![1]).toBe('Could not establish connection (4)');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports capture health of a console’s order page: how many orders its reading found there', async () => {
    const list = 'https://seller.shopee.com.br/portal/sale/order?type=all';
    const reports: unknown[] = [];
    const { page } = consolePage(list, readFileSync(join(fixtures, 'order-list-dom.html'), 'utf8'));
    page.sink.health = async (report) => void reports.push(report);
    atOnce(readDom(page, captureSender(page), screenReporter(page)));
    await settled();
    expect(reports).toEqual([expect.objectContaining({ reader: 'shopee:order-list', pageKind: 'order-list', missing: [] })]);
    expect((reports[0] as { found: number }).found).toBeGreaterThan(0);
    // An empty page says nothing (a filter with no match, a list still loading)…
    page.document.body.innerHTML = '<div class="new-order-grid"></div>';
    atOnce(readDom(page, captureSender(page), screenReporter(page)));
    await settled();
    expect(reports).toHaveLength(1);
    // …but where the console's JSON brought this page's orders and the page's reading finds none, the
    // console changed its markup: said once.
    page.session().networkOrders = 40;
    atOnce(readDom(page, captureSender(page), screenReporter(page)));
    atOnce(readDom(page, captureSender(page), screenReporter(page)));
    await settled();
    expect(reports).toHaveLength(2);
    expect(reports[1]).toMatchObject({ reader: 'shopee:order-list', found: 0 });
  });
});
