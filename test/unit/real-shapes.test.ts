import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo, type DemoData } from '../../scripts/demo/data';
import { amazonOrder, demoApi, matchDemoPath, shopeeConversations, type DemoRequest } from '../../scripts/demo/responses';
import { fixtureCases, FIXTURES_DIR, readExpected } from '../fixture-cases';
import { tiktokOrders } from '../../scripts/demo/tiktok';
import { DEMO_LAZADA_GATEWAY, lazadaOrders } from '../../scripts/demo/lazada';
import { ALLOWED, committedKeyPathsOf, KEYED_BY, keyPathsFile, REAL_SHAPES } from '../real-shapes';

/**
 * Demo consoles and fixtures carry only keys the real consoles send (issue 14). Each JSON body the
 * demo consoles serve (scripts/demo/responses.ts, `demoApi`) and each JSON body of a fixture
 * (test/fixtures/<adapter>/: its .json files and the bodies inside its .har files) is reduced to its
 * key paths (`order.orderItems[].Title`) and compared with the key paths of the real samples of the
 * same endpoint (../shared/reference/samples). A path no real sample has fails, unless the
 * adapter's test/fixtures/<id>/real-shapes/citations.ts cites the public source that documents it. An
 * endpoint without a real sample has every key cited there.
 *
 * Each adapter's real samples' key paths are kept in test/fixtures/<id>/real-shapes/key-paths.json
 * (key names only: ../shared/reference/README.md asks not to copy the samples, which have no stated
 * licence), so the test also runs where ../shared is not checked out (a CI clone). Where it is, the
 * file is checked against the samples of the folder citations.ts names (and written for a new
 * adapter); after a sample changes, `npx vitest run test/unit/real-shapes.test.ts -u` writes it again.
 */

const root = join(import.meta.dirname, '..', '..');
const SAMPLES = join(root, '..', 'shared', 'reference', 'samples');

/** Each adapter's folder of real samples in ../shared/reference/samples (its real-shapes/citations.ts). */
const SAMPLE_FOLDERS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(REAL_SHAPES).flatMap(([id, s]) => (s.samples ? [[id, s.samples]] : [])));

/** One API of an mtop capture transcription: its request, and its answer or (order pages) the answer's modules. */
interface MtopBlock {
  request?: { url?: string };
  response?: unknown;
  response_modules?: unknown[];
}

/**
 * An mtop capture transcription (lazada/SOURCES.md: blocks keyed by API name). An order page's answer
 * is transcribed as its modules only; the document says where they are (`data.data[]`, split by
 * `name`), so they are put back there. Blocks with a request alone (a note for the answer) have no keys to give.
 */
function mtopBodies(json: Readonly<Record<string, MtopBlock>>): [string, unknown][] {
  return Object.entries(json).flatMap(([api, block]): [string, unknown][] => {
    if (!api.startsWith('mtop.')) return [];
    const endpoint = block.request?.url ? new URL(block.request.url).pathname : `/h5/${api}/1.0/`;
    if (block.response !== undefined) return [[endpoint, block.response]];
    if (Array.isArray(block.response_modules)) return [[endpoint, { data: { data: block.response_modules } }]];
    return [];
  });
}

type KeyPaths = Readonly<Record<string, Readonly<Record<string, { samples: string[]; paths: string[] }>>>>;

/**
 * Every key path of a JSON value: object keys joined by '.', an array's elements as '[]'. Keys that
 * are ids (an answer keyed by order id) are written as the placeholder `keyedBy` gives them.
 */
function keyPaths(value: unknown, keyedBy?: { key: RegExp; as: string }, prefix = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const element of value) keyPaths(element, keyedBy, `${prefix}[]`, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [rawKey, child] of Object.entries(value)) {
      const key = keyedBy?.key.test(rawKey) ? keyedBy.as : rawKey;
      const path = prefix ? `${prefix}.${key}` : key;
      into.add(path);
      keyPaths(child, keyedBy, path, into);
    }
  }
  return into;
}

/** The endpoint a request path is for: the demo's path pattern it matches, else the path itself. */
function endpointOf(adapter: string, pathname: string): string {
  const patterns = [...(demoApi[adapter as keyof typeof demoApi] ?? []).map((e) => e.path), ...Object.keys(ALLOWED[adapter] ?? {})];
  return patterns.find((pattern) => matchDemoPath(pattern, pathname)) ?? pathname;
}

/** The key paths of an adapter's real samples in ../shared/reference/samples, by endpoint. */
function sampleKeyPaths(adapter: string, folder: string): KeyPaths[string] {
  const byEndpoint: Record<string, { samples: Set<string>; paths: Set<string> }> = {};
  const add = (endpoint: string, sample: string, body: unknown) => {
    const entry = (byEndpoint[endpoint] ??= { samples: new Set(), paths: new Set() });
    entry.samples.add(sample);
    keyPaths(body, KEYED_BY[endpoint], '', entry.paths);
  };
  for (const file of readdirSync(join(SAMPLES, folder)).filter((f) => f.endsWith('.json')).sort()) {
    const sample = `${folder}/${file}`;
    const json = JSON.parse(readFileSync(join(SAMPLES, sample), 'utf8')) as { respostas?: { url: string; corpo: unknown }[] };
    if (Array.isArray(json.respostas)) {
      // copiloto "retratos": the captured responses, each with its request URL (shopee/SOURCES.md).
      for (const r of json.respostas) add(endpointOf(adapter, new URL(r.url).pathname), sample, r.corpo);
    } else if (typeof (json as { url?: unknown }).url === 'string' && 'response' in json) {
      // A capture with its request (tiktok_shop/SOURCES.md): the response of that URL.
      const capture = json as unknown as { url: string; response: unknown };
      add(endpointOf(adapter, new URL(capture.url).pathname), sample, capture.response);
    } else if (file === 'side_endpoints.shapes.json') {
      // Small shapes keyed "METHOD path" (tiktok_shop/SOURCES.md), each with its response (or a verbatim US one).
      for (const [key, entry] of Object.entries(json as Record<string, { response?: unknown; response_us_verbatim?: unknown }>)) {
        const path = /^(?:GET|POST) (\/[^\s?|]+)/.exec(key)?.[1];
        const body = entry?.response ?? entry?.response_us_verbatim;
        if (path && body !== undefined) add(endpointOf(adapter, path), sample, body);
      }
    } else if (Object.keys(json).some((key) => key.startsWith('mtop.'))) {
      for (const [endpoint, body] of mtopBodies(json as Record<string, MtopBlock>)) add(endpointOf(adapter, endpoint), sample, body);
    } else {
      const endpoint = REAL_SHAPES[adapter]?.bareSamples?.find(([name]) => name.test(file))?.[1];
      if (!endpoint) throw new Error(`${sample}: which endpoint does it answer? Add it to bareSamples in test/fixtures/${adapter}/real-shapes/citations.ts (see its SOURCES.md).`);
      add(endpoint, sample, json);
    }
  }
  return Object.fromEntries(
    Object.entries(byEndpoint)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([endpoint, { samples, paths }]) => [endpoint, { samples: [...samples], paths: [...paths].sort() }]),
  );
}

/** Every adapter's committed key paths (test/fixtures/<id>/real-shapes/key-paths.json), by adapter and endpoint. */
const committedKeyPaths = (): KeyPaths => Object.fromEntries(Object.keys(REAL_SHAPES).flatMap((id) => (committedKeyPathsOf(id) ? [[id, committedKeyPathsOf(id)!]] : [])));

/** The paths of `body` that neither a real sample of its endpoint nor a citation accounts for. */
function inventedPaths(adapter: string, endpoint: string, body: unknown, real: KeyPaths = committedKeyPaths()): string[] {
  const sample = new Set(real[adapter]?.[endpoint]?.paths ?? []);
  const cited = new Set((ALLOWED[adapter]?.[endpoint] ?? []).flatMap((c) => c.paths));
  return [...keyPaths(body, KEYED_BY[endpoint])].filter((p) => !sample.has(p) && !cited.has(p)).sort();
}

interface Body {
  /** Where the body comes from, for the test name. */
  where: string;
  adapter: string;
  endpoint: string;
  body: unknown;
  /** Why the body could not be read or placed (the test fails with it). */
  problem?: string;
}

const DEMO: DemoData = generateDemo({ seed: 7, now: Date.UTC(2026, 11, 1) });

const request = (url: string, body: Record<string, unknown> = {}, params: string[] = []): DemoRequest => ({ url: new URL(url), body, params });

/** The requests each demo endpoint is asked, to reach every shape of its answer (every order, the not-found ones). */
const DEMO_REQUESTS: Readonly<Record<string, (data: DemoData) => DemoRequest[]>> = {
  '/api/v3/order/search_order_list_index': () =>
    [1, 2, 99].map((page) => request('https://seller.shopee.com.br/api/v3/order/search_order_list_index', { pagination: { page_number: page, page_size: 200 } })),
  '/api/v3/order/get_order_list_card_list': (data) => [
    request('https://seller.shopee.com.br/api/v3/order/get_order_list_card_list', { order_param_list: data.shopee.map((o) => ({ order_id: Number(o.orderId), shop_id: 412095871, region_id: 'BR' })) }),
  ],
  '/api/v3/order/get_one_order': (data) =>
    [...data.shopee.map((o) => o.orderId), '1'].map((id) => request(`https://seller.shopee.com.br/api/v3/order/get_one_order?order_id=${id}`)),
  '/webchat/api/v1.2/conversations': () => [request('https://seller.shopee.com.br/webchat/api/v1.2/conversations', { limit: 50, direction: 'older' })],
  '/webchat/api/v1.2/conversations/{id}/messages': (data) =>
    [...shopeeConversations(data).map((c) => c.id), '1'].map((id) => request(`https://seller.shopee.com.br/webchat/api/v1.2/conversations/${id}/messages?limit=20`, {}, [id])),
  '/orders-api/search': (data) =>
    Array.from({ length: Math.ceil(data.amazon.length / 200) + 1 }, (_, page) =>
      request(`https://sellercentral.amazon.com/orders-api/search?limit=200&offset=${page * 200}&sort=order_date_desc&date-range=last-365`),
    ),
  '/orders-api/order/{id}': (data) =>
    [...data.amazon.map((o) => o.orderId), '111-0000000-0000000'].map((id) => request(`https://sellercentral.amazon.com/orders-api/order/${id}`, {}, [id])),
  '/api/fulfillment/order/list': () => [
    request('https://seller-br.tiktok.com/api/fulfillment/order/list', { offset: 0, count: 50 }),
    request('https://seller-br.tiktok.com/api/fulfillment/order/list', { offset: 10_000, count: 50 }),
  ],
  '/api/fulfillment/order/get': (data) => [
    ...tiktokOrders(data).map((o) => request('https://seller-br.tiktok.com/api/fulfillment/order/get', { main_order_id: [o.mainOrderId] })),
    request('https://seller-br.tiktok.com/api/fulfillment/order/get', { main_order_id: ['578200000000000001'] }),
  ],
  '/api/v1/shop_im/shop/user/mget_info_v2': (data) => [
    request('https://seller-br.tiktok.com/api/v1/shop_im/shop/user/mget_info_v2', { imcloud_conversation_ids: [`76${tiktokOrders(data)[0]!.buyerId}`] }),
  ],
  '/api/v1/shop_im/shop/workbench/data/list': (data) => [
    request('https://seller-br.tiktok.com/api/v1/shop_im/shop/workbench/data/list', {
      order_workbench_query: { seller_order_req: { search_condition: { condition_list: { buyer_user_id: { value: [tiktokOrders(data)[0]!.buyerId] } } } } },
    }),
  ],
  // Lazada's mtop gateway: GET, the request as URL-encoded JSON in `data` (every tab, a page past the end; every order, an unknown one).
  '/h5/mtop.lazada.seller.order.query.list/1.0/': () =>
    [...['all', 'unpaid', 'topack', 'shipping', 'shipped', 'canceled', 'returnRefund'].map((tab) => ({ page: 1, pageSize: 100, tab })), { page: 99, pageSize: 100, tab: 'all' }].map((data) =>
      request(`${DEMO_LAZADA_GATEWAY}/h5/mtop.lazada.seller.order.query.list/1.0/?jsv=2.6.1&appKey=4272&v=1.0&type=originaljson&data=${encodeURIComponent(JSON.stringify(data))}`),
    ),
  '/h5/mtop.lazada.seller.order.main.detail/1.0/': (data) =>
    [...lazadaOrders(data).map((o) => o.orderNumber), '900000000001005'].map((id) =>
      request(`${DEMO_LAZADA_GATEWAY}/h5/mtop.lazada.seller.order.main.detail/1.0/?jsv=2.6.1&appKey=4272&v=1.0&type=originaljson&data=${encodeURIComponent(JSON.stringify({ tradeOrderId: id }))}`),
    ),
  '/orders-st/resolve': (data) => [
    request('https://sellercentral.amazon.com/orders-st/resolve', { blobs: data.amazon.map((o) => amazonOrder(data, o.orderId)!.order.blob) }),
  ],
};

/** Every JSON body the demo consoles serve for DEMO_REQUESTS, one per endpoint and kind of answer. */
function demoBodies(): Body[] {
  return Object.entries(demoApi).flatMap(([adapter, endpoints]) =>
    endpoints.flatMap((endpoint) =>
      (DEMO_REQUESTS[endpoint.path]?.(DEMO) ?? []).flatMap((r) => {
        const body = endpoint.answer(DEMO, r);
        // undefined: the demo answers with its 404 page, as there is no JSON for the request.
        return body === undefined ? [] : [{ where: '', adapter, endpoint: endpoint.path, body }];
      }),
    ),
  );
}

/** One body per shape (distinct key set) of each endpoint, so the test list names each shape once. */
function distinct(bodies: Body[]): Body[] {
  const shapes = new Map<string, Body[]>();
  for (const b of bodies) {
    const endpoint = `demo ${b.adapter} ${b.endpoint}`;
    const shape = [...keyPaths(b.body, KEYED_BY[b.endpoint])].sort().join(',');
    const list = shapes.get(endpoint) ?? [];
    if (!list.some((o) => o.where === shape)) list.push({ ...b, where: shape });
    shapes.set(endpoint, list);
  }
  return [...shapes].flatMap(([endpoint, list]) => list.map((b, n) => ({ ...b, where: list.length > 1 ? `${endpoint} (shape ${n + 1} of ${list.length})` : endpoint })));
}

/** The adapters with fixtures (test/fixtures/<adapter>/ with .expected.json files; db/ is not one). */
const fixtureAdapters = () =>
  readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && readdirSync(join(FIXTURES_DIR, d.name)).some((f) => f.endsWith('.expected.json')))
    .map((d) => d.name);

interface HarEntry {
  request?: { url?: string };
  response?: { content?: { text?: string; mimeType?: string } };
}

/** Every JSON body of the fixtures: the .json files (with the request of their .expected.json) and the .har entries. */
function fixtureBodies(): Body[] {
  return fixtureAdapters().flatMap((adapter) =>
    fixtureCases(adapter).flatMap((c): Body[] => {
      const where = `test/fixtures/${adapter}/${c.name}`;
      if (c.name.endsWith('.json')) {
        const responseUrl = existsSync(c.expectedFile) ? readExpected(c).input.responseUrl : undefined;
        if (!responseUrl) return [{ where, adapter, endpoint: '?', body: null, problem: `${where}: no .expected.json with the responseUrl it answered, so its endpoint is unknown` }];
        return [{ where, adapter, endpoint: endpointOf(adapter, new URL(responseUrl).pathname), body: JSON.parse(readFileSync(c.file, 'utf8')) }];
      }
      if (c.name.endsWith('.har')) {
        const entries = (JSON.parse(readFileSync(c.file, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
        return entries.flatMap((e, n) => {
          const text = e.response?.content?.text;
          // Only JSON answers: a HAR may also hold the page, scripts, images.
          if (!text || !e.request?.url || !/json/.test(e.response?.content?.mimeType ?? '')) return [];
          const pathname = new URL(e.request.url).pathname;
          return [{ where: `${where} entry ${n} (${pathname})`, adapter, endpoint: endpointOf(adapter, pathname), body: JSON.parse(text) as unknown }];
        });
      }
      return [];
    }),
  );
}

const BODIES = [...distinct(demoBodies()), ...fixtureBodies()];

describe('real shapes: the key paths of a body', () => {
  it('are its object keys joined by dots, array elements as []', () => {
    const body = { order: { amazonOrderId: '1', orderItems: [{ Title: 'a', ItemCost: { UnitPrice: null } }, { Title: 'b' }], actions: ['x'] } };
    expect([...keyPaths(body)].sort()).toEqual(['order', 'order.actions', 'order.amazonOrderId', 'order.orderItems', 'order.orderItems[].ItemCost', 'order.orderItems[].ItemCost.UnitPrice', 'order.orderItems[].Title']);
    expect([...keyPaths({ '113-5829047-3316241': { buyerName: 'x' } }, KEYED_BY['/orders-st/resolve'])]).toEqual(['{orderId}', '{orderId}.buyerName']);
  });

  it('report a key the real console does not send: the Amazon order JSON with a buyerName', () => {
    const order = demoApi.amazon.find((e) => e.path === '/orders-api/order/{id}')!;
    const id = DEMO.amazon[0]!.orderId;
    const body = order.answer(DEMO, request(`https://sellercentral.amazon.com/orders-api/order/${id}`, {}, [id])) as { order: Record<string, unknown> };
    expect(inventedPaths('amazon', '/orders-api/order/{id}', body)).toEqual([]);
    const withName = { ...body, order: { ...body.order, buyerName: DEMO.amazon[0]!.buyerName } };
    expect(inventedPaths('amazon', '/orders-api/order/{id}', withName)).toEqual(['order.buyerName']);
    const fixture = JSON.parse(readFileSync(join(FIXTURES_DIR, 'amazon', 'order-detail.json'), 'utf8')) as { order: object };
    expect(inventedPaths('amazon', '/orders-api/order/{id}', { ...fixture, order: { ...fixture.order, buyerName: 'Jennifer Wallace' } })).toEqual(['order.buyerName']);
  });

  it('report every key of an endpoint that has neither a real sample nor citations', () => {
    expect(inventedPaths('amazon', '/orders-api/order/{id}/feedback', { feedback: { rating: 5 } })).toEqual(['feedback', 'feedback.rating']);
  });
});

describe('real shapes: the real samples', () => {
  describe.skipIf(!existsSync(SAMPLES))('where ../shared/reference/samples is checked out', () => {
    it.each(Object.entries(SAMPLE_FOLDERS))('test/fixtures/%s/real-shapes/key-paths.json holds the key paths of its real samples', async (adapter, folder) => {
      expect(existsSync(join(SAMPLES, folder)), `test/fixtures/${adapter}/real-shapes/citations.ts: samples — no folder ../shared/reference/samples/${folder}`).toBe(true);
      const about = `Key paths of the real samples in ../shared/reference/samples/${folder} (key names only; the samples themselves are not copied, see ../shared/reference/README.md). Written by test/unit/real-shapes.test.ts (-u); the test compares this adapter's demo and fixture bodies with them.`;
      await expect(`${JSON.stringify({ about, ...sampleKeyPaths(adapter, folder) }, null, 1)}\n`).toMatchFileSnapshot(keyPathsFile(adapter));
    });
  });

  it('cover the endpoints the demo consoles and fixtures answer, or those endpoints have cited keys', () => {
    const real = committedKeyPaths();
    const uncovered = [...new Set(BODIES.filter((b) => !b.problem).map((b) => `${b.adapter} ${b.endpoint}`))].filter((e) => {
      const [adapter, endpoint] = e.split(' ') as [string, string];
      return !real[adapter]?.[endpoint] && !ALLOWED[adapter]?.[endpoint]?.length;
    });
    expect(uncovered, 'no real sample and no cited keys (test/fixtures/<adapter>/real-shapes/citations.ts)').toEqual([]);
  });
});

describe('real shapes: demo responses and fixtures carry only keys of the real consoles', () => {
  it('asks every JSON endpoint of the demo consoles', () => {
    expect(Object.values(demoApi).flatMap((endpoints) => endpoints.map((e) => e.path)).sort()).toEqual(Object.keys(DEMO_REQUESTS).sort());
    for (const endpoint of Object.keys(DEMO_REQUESTS)) expect(BODIES.some((b) => b.endpoint === endpoint), endpoint).toBe(true);
  });

  it('reads every JSON fixture', () => {
    const json = fixtureAdapters().flatMap((a) => fixtureCases(a).filter((c) => /\.(json|har)$/.test(c.name)).map((c) => `test/fixtures/${a}/${c.name}`));
    for (const file of json) expect(BODIES.some((b) => b.where.startsWith(file)), file).toBe(true);
  });

  it.each(BODIES.map((b) => [b.where, b] as const))('%s', (_where, b) => {
    expect(b.problem).toBeUndefined();
    expect(
      inventedPaths(b.adapter, b.endpoint, b.body),
      `keys of ${b.adapter} ${b.endpoint} that no real sample has: remove them, or cite the public source that documents each in test/fixtures/${b.adapter}/real-shapes/citations.ts`,
    ).toEqual([]);
  });

  it('cites only keys a body uses and no real sample already has, each with its source', () => {
    const real = committedKeyPaths();
    for (const [adapter, endpoints] of Object.entries(ALLOWED)) {
      for (const [endpoint, citations] of Object.entries(endpoints)) {
        const used = new Set(BODIES.filter((b) => b.adapter === adapter && b.endpoint === endpoint).flatMap((b) => [...keyPaths(b.body, KEYED_BY[endpoint])]));
        const sample = new Set(real[adapter]?.[endpoint]?.paths ?? []);
        for (const { source, paths, shape } of citations) {
          expect(source.length, `${adapter} ${endpoint}: a citation without its source`).toBeGreaterThan(40);
          if (!shape) expect(paths.filter((p) => !used.has(p)), `${adapter} ${endpoint}: cited keys no demo response or fixture has`).toEqual([]);
          expect(paths.filter((p) => sample.has(p)), `${adapter} ${endpoint}: cited keys the real sample already has`).toEqual([]);
        }
      }
    }
  });
});
