/**
 * Deterministic bench data: capture batches in the shapes the Shopee and Amazon adapters send
 * (lib/schema/capture.ts), generated on demand from (size, batch index) so that a 200,000-order run
 * never holds all of it in memory. Runs in Node (sizes, buyer keys) and in the browser bundle
 * (batches are generated inside the extension page, outside the timed sections).
 *
 * Shape: three shops (Shopee BR 50 % of orders, Amazon.com 30 %, Shopee MY 20 %), buyers = orders / 5
 * per shop; at --scale 1m five (SHARES: Shopee TH and Amazon.co.uk join them). Every buyer has at least one order; the other orders go to buyers with a skew (a few
 * buyers have dozens of orders, most have one to five). Orders span two years before today (UTC) and
 * are captured newest first, 500 per batch, the shops' batches interleaved as a seller paging
 * through three consoles would. Names include Chinese names, commas, quotes and a leading `=`.
 */
import type { CaptureBatch, CapturedBuyer, CapturedOrder, CapturedShop } from '../../lib/schema/capture';
import type { OrderStatus } from '../../lib/schema/common';

export const BATCH_ORDERS = 500;
export const DEFAULT_ORDERS = 200_000;
export const ORDERS_PER_BUYER = 5;
/** `--scale 1m`: orders and shops (buyers = orders / 5). */
export const SCALE_1M = { orders: 1_000_000, shops: 5 } as const;
const SPAN_DAYS = 730;
const DAY_MS = 86_400_000;

export interface BenchShop {
  shop: CapturedShop;
  pageUrl: string;
  sourceUrl: string;
}

/** A Shopee region's shop, its order list page and the list's JSON, at the region's seller host. */
const shopee = (region: string, currency: string, host: string): BenchShop => ({
  shop: { shopKey: `shopee:${region.toLowerCase()}`, adapterId: 'shopee', region, currency },
  pageUrl: `https://${host}/portal/sale/order`,
  sourceUrl: `https://${host}/api/v3/order/get_order_list_card_list?SPC_CDS_VER=2`,
});

/** An Amazon marketplace's shop, its Manage Orders page and the search JSON, at its Seller Central host. */
const amazon = (domain: string, name: string, currency: string): BenchShop => ({
  shop: { shopKey: `amazon:${domain}`, adapterId: 'amazon', name, currency },
  pageUrl: `https://sellercentral.${domain}/orders-v3`,
  sourceUrl: `https://sellercentral.${domain}/orders-api/search`,
});

export const BENCH_SHOPS: readonly BenchShop[] = [
  shopee('BR', 'BRL', 'seller.shopee.com.br'),
  amazon('amazon.com', 'Amazon.com', 'USD'),
  shopee('MY', 'MYR', 'seller.shopee.com.my'),
  // The last two only at --scale 1m (SHARES).
  shopee('TH', 'THB', 'seller.shopee.co.th'),
  amazon('amazon.co.uk', 'Amazon.co.uk', 'GBP'),
];

/** Each shop's share of the orders, by how many shops a plan has (the first of BENCH_SHOPS). */
export const SHARES: Readonly<Record<number, readonly number[]>> = {
  3: [0.5, 0.3, 0.2],
  5: [0.35, 0.25, 0.15, 0.15, 0.1],
};
const ORIGINS = BENCH_SHOPS.map((s) => new URL(s.pageUrl).origin);

export interface BenchPlan {
  orders: number;
  buyers: number;
  shops: number;
  /** Today, 00:00 UTC: the data is the same every run of a day, dated back from here. */
  anchor: number;
  perShop: { orders: number; buyers: number }[];
  /** Capture batches in the order they are sent: [shop index, batch index within the shop]. */
  batches: [number, number][];
}

export function benchPlan(orders = DEFAULT_ORDERS, anchor = Math.floor(Date.now() / DAY_MS) * DAY_MS, shops = 3): BenchPlan {
  const shares = SHARES[shops];
  if (!shares) throw new Error(`no bench plan with ${shops} shops`);
  const perShop = shares.map((share, i) => {
    const shopOrders = i === shares.length - 1 ? 0 : Math.round(orders * share);
    return { orders: shopOrders, buyers: 0 };
  });
  const last = perShop[perShop.length - 1]!;
  last.orders = orders - perShop.slice(0, -1).reduce((sum, s) => sum + s.orders, 0);
  for (const s of perShop) s.buyers = Math.max(1, Math.floor(s.orders / ORDERS_PER_BUYER));
  // Interleave the shops' batches so that all of them move from newest to oldest together.
  const batches: { at: number; ref: [number, number] }[] = [];
  perShop.forEach((s, shop) => {
    const count = Math.ceil(s.orders / BATCH_ORDERS);
    for (let k = 0; k < count; k++) batches.push({ at: (k + 0.5) / count, ref: [shop, k] });
  });
  batches.sort((a, b) => a.at - b.at || a.ref[0] - b.ref[0]);
  return {
    orders,
    buyers: perShop.reduce((sum, s) => sum + s.buyers, 0),
    shops: shares.length,
    anchor,
    perShop,
    batches: batches.map((b) => b.ref),
  };
}

/** A stateless random number in [0, 1) for (seed, n): the same everywhere, in any order. */
function unit(seed: number, n: number): number {
  let t = (Math.imul(n, 0x9e3779b1) ^ Math.imul(seed, 0x85ebca6b)) >>> 0;
  t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
  t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
  return ((t ^ (t >>> 15)) >>> 0) / 4294967296;
}

const pick = <T>(list: readonly T[], u: number): T => list[Math.floor(u * list.length)]!;

const FIRST_BR = ['ana', 'bruno', 'carla', 'diego', 'eduarda', 'felipe', 'gabriela', 'henrique', 'isabela', 'joao', 'larissa', 'lucas', 'mariana', 'matheus', 'natalia', 'pedro', 'rafaela', 'sofia', 'thiago', 'yasmin'];
const LAST_BR = ['silva', 'souza', 'oliveira', 'santos', 'lima', 'pereira', 'costa', 'ferreira', 'almeida', 'ribeiro', 'carvalho', 'gomes'];
const FIRST_US = ['Jennifer', 'Michael', 'Emily', 'David', 'Sarah', 'James', 'Jessica', 'Robert', 'Ashley', 'William', 'Amanda', 'Daniel', 'Megan', 'Olivia'];
const LAST_US = ['Wallace', 'Johnson', 'Martinez', 'Nguyen', 'Patel', 'Brown', 'Garcia', 'Miller', 'Davis', 'Anderson', 'Thompson', 'Clark'];
const CHINESE = ['王小明', '李娜', '张伟', '刘洋', '陈静', '杨帆', '黄磊', '赵敏'];
const PRODUCTS = [
  { title: 'Fone de Ouvido Bluetooth TWS Pro', variant: 'Preto', sku: 'FONE-PRE', minor: 6585 },
  { title: 'Capa Silicone iPhone 13', variant: 'Rosa', sku: 'CAPA-ROS', minor: 2990 },
  { title: 'Carregador Turbo USB-C 20W', variant: 'Branco', sku: 'CARR-BRA', minor: 6975 },
  { title: 'Smartwatch D20 Fitness', variant: 'Azul', sku: 'SMAR-AZU', minor: 12498 },
  { title: 'Caixa de Som Bluetooth 10W', variant: 'Verde', sku: 'CAIX-VER', minor: 15990 },
  { title: 'Handmade Ceramic Coffee Mug 12 oz, Sage Green', variant: undefined, sku: 'CERAMIC-MUG-12OZ-SAGE', minor: 1450 },
  { title: 'Linen Table Runner 72 in, Natural', variant: undefined, sku: 'RUNNER-LINEN-72', minor: 2499 },
];
const SHOPEE_STATUS_TEXT: Partial<Record<OrderStatus, string>> = {
  unpaid: 'Não pago',
  paid: 'A Enviar',
  shipped: 'Enviado',
  completed: 'Concluído',
  cancelled: 'Cancelado',
  refunded: 'Devolução/Reembolso',
};
const AMAZON_STATUS_TEXT: Partial<Record<OrderStatus, string>> = {
  unpaid: 'Pending',
  paid: 'Unshipped',
  shipped: 'Shipped',
  completed: 'Shipped',
  cancelled: 'Canceled',
  refunded: 'Shipped',
};

/** Buyer number `b` of shop `shop`: key, platform id and name. */
export function benchBuyer(shop: number, b: number): CapturedBuyer {
  const { shop: s } = BENCH_SHOPS[shop]!;
  const seed = 1000 + shop;
  let platformBuyerId: string;
  if (s.adapterId === 'amazon') {
    platformBuyerId = Array.from({ length: 15 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(unit(seed + 7 * i, b) * 36)]).join('');
  } else {
    platformBuyerId = String(73_000_000 + b * 7919);
  }
  let displayName: string;
  if (b % 97 === 5) displayName = pick(CHINESE, unit(seed, b));
  else if (b % 211 === 7) displayName = `Silva, "Ana" ${b}`;
  else if (b % 503 === 11) displayName = `=HYPERLINK("x") ${b}`;
  else if (s.adapterId === 'amazon') displayName = `${pick(FIRST_US, unit(seed + 1, b))} ${pick(LAST_US, unit(seed + 2, b))}`;
  else displayName = `${pick(FIRST_BR, unit(seed + 1, b))}.${pick(LAST_BR, unit(seed + 2, b))}${b % 89}`;
  return { buyerKey: `${s.shopKey}:${platformBuyerId}`, shopKey: s.shopKey, platformBuyerId, displayName };
}

/** Which buyer of the shop placed the shop's order `j` (orders are numbered newest first). */
function buyerOfOrder(j: number, buyers: number, seed: number): number {
  // Every fifth order goes to the next buyer of a fixed permutation, so every buyer has one; the
  // others go to buyers drawn with a skew towards the permutation's start.
  const step = buyers % 7919 === 0 ? 7907 : 7919;
  if (j % ORDERS_PER_BUYER === 0 && j / ORDERS_PER_BUYER < buyers) return ((j / ORDERS_PER_BUYER) * step + 13) % buyers;
  const skewed = Math.floor(buyers * unit(seed, j) ** 1.6);
  return (skewed * step + 13) % buyers;
}

function statusOf(u: number, ageDays: number): OrderStatus {
  if (ageDays < 2) return u < 0.4 ? 'unpaid' : 'paid';
  if (ageDays < 8) return u < 0.5 ? 'paid' : 'shipped';
  if (u < 0.05) return 'cancelled';
  if (u < 0.08) return 'refunded';
  return 'completed';
}

function amazonOrderId(j: number, shop: number): string {
  const digits = String(1_000_000_000_000 + j * 7_654_321 + shop).padStart(14, '0').slice(-14);
  return `11${j % 5}-${digits.slice(0, 7)}-${digits.slice(7, 14)}`;
}

export function benchOrder(plan: BenchPlan, shop: number, j: number): { order: CapturedOrder; buyer: CapturedBuyer } {
  const { shop: s } = BENCH_SHOPS[shop]!;
  const { orders, buyers } = plan.perShop[shop]!;
  const seed = 2000 + shop * 31;
  const buyer = benchBuyer(shop, buyerOfOrder(j, buyers, seed));
  const placed = plan.anchor - Math.floor(((j + unit(seed + 1, j)) / orders) * SPAN_DAYS * DAY_MS);
  const ageDays = (plan.anchor - placed) / DAY_MS;
  const status = statusOf(unit(seed + 2, j), ageDays);
  const itemCount = unit(seed + 3, j) < 0.25 ? 2 : 1;
  const items = Array.from({ length: itemCount }, (_, i) => {
    const p = pick(PRODUCTS, unit(seed + 4 + i, j));
    const quantity = 1 + Math.floor(unit(seed + 6 + i, j) * 3);
    return { title: p.title, quantity, sku: p.sku, unitPriceMinor: p.minor, ...(p.variant ? { variant: p.variant } : {}) };
  });
  const amazon = s.adapterId === 'amazon';
  const orderId = amazon ? amazonOrderId(j, shop) : String(190_000_000_000_000 + (j * 3 + shop) * 104_729);
  const statusText = (amazon ? AMAZON_STATUS_TEXT : SHOPEE_STATUS_TEXT)[status];
  const origin = ORIGINS[shop]!;
  const order: CapturedOrder = {
    orderKey: `${s.shopKey}:${orderId}`,
    orderId,
    shopKey: s.shopKey,
    buyerKey: buyer.buyerKey,
    placedAt: new Date(placed).toISOString(),
    status,
    totalMinor: items.reduce((sum, i) => sum + i.unitPriceMinor * i.quantity, 0),
    currency: s.currency!,
    items,
    consoleUrl: amazon ? `${origin}/orders-v3/order/${orderId}` : `${origin}/portal/sale/order/${orderId}`,
    ...(statusText ? { statusText } : {}),
    ...(amazon ? {} : { orderNumber: `${new Date(placed).toISOString().slice(2, 10).replace(/-/g, '')}${(j * 2_654_435_761 + shop).toString(36).toUpperCase().slice(-8)}` }),
    ...(buyer.displayName ? { buyerName: buyer.displayName } : {}),
    ...(status === 'shipped' || status === 'completed' ? { carrier: amazon ? 'USPS' : 'Shopee Xpress', trackingNumber: `BR24${String(3_800_000_000 + j * 37)}D` } : {}),
  };
  return { order, buyer };
}

/** Capture batch number `n` of the plan, as an adapter's content script would send it. */
export function benchBatch(plan: BenchPlan, n: number, capturedAt: string): CaptureBatch & { orders: CapturedOrder[]; buyers: CapturedBuyer[] } {
  const [shop, k] = plan.batches[n]!;
  return benchShopBatch(plan, shop, k, capturedAt);
}

/** The shop's capture batch `k` (its orders k × BATCH_ORDERS onwards, newest first). */
export function benchShopBatch(plan: BenchPlan, shop: number, k: number, capturedAt: string): CaptureBatch & { orders: CapturedOrder[]; buyers: CapturedBuyer[] } {
  const { shop: s, pageUrl, sourceUrl } = BENCH_SHOPS[shop]!;
  const total = plan.perShop[shop]!.orders;
  const orders: CapturedOrder[] = [];
  const buyers: CapturedBuyer[] = [];
  for (let j = k * BATCH_ORDERS; j < Math.min(total, (k + 1) * BATCH_ORDERS); j++) {
    const { order, buyer } = benchOrder(plan, shop, j);
    orders.push(order);
    buyers.push(buyer);
  }
  return {
    adapterId: s.adapterId,
    pageKind: 'order-list',
    pageUrl: `${pageUrl}?page=${k + 1}&page_size=${BATCH_ORDERS}`,
    source: 'network',
    sourceUrl,
    capturedAt,
    shops: [s],
    buyers,
    orders,
    problems: [],
  };
}

/** `count` distinct buyer keys drawn from the whole plan, the same every run. */
export function sampleBuyerKeys(plan: BenchPlan, count: number): string[] {
  const keys = new Set<string>();
  for (let n = 0; keys.size < Math.min(count, plan.buyers); n++) {
    const shop = Math.floor(unit(9001, n) * plan.shops);
    const b = Math.floor(unit(9002, n) * plan.perShop[shop]!.buyers);
    keys.add(benchBuyer(shop, b).buyerKey);
  }
  return [...keys];
}

/** How many of each shop's batches the plan's first `count` batches are (its newest orders). */
export function leadingBatchesPerShop(plan: BenchPlan, count: number): number[] {
  const out = plan.perShop.map(() => 0);
  for (const [shop] of plan.batches.slice(0, count)) out[shop]! += 1;
  return out;
}
