/**
 * Deterministic demo data for the demo consoles: a few hundred buyers per console with the histories
 * sellers see (one-off buyers, regulars, big spenders, lapsed buyers, cancellations and refunds),
 * kept in each marketplace's own terms so the demo pages can answer in the real JSON shapes.
 */

export type ShopeeStatus = 'unpaid' | 'toship' | 'shipping' | 'completed' | 'cancelled' | 'refund';
export type AmazonStatus = 'Pending' | 'Unshipped' | 'Shipped' | 'Canceled';

export interface DemoItem {
  title: string;
  variation?: string;
  sku: string;
  quantity: number;
  /** Unit price in minor units (cents). */
  unitMinor: number;
}

export interface ShopeeDemoOrder {
  orderId: string;
  orderSn: string;
  buyerUserId: string;
  username: string;
  createdAt: number; // epoch seconds
  status: ShopeeStatus;
  items: DemoItem[];
  totalMinor: number; // BRL cents
  tracking?: string;
}

export interface AmazonDemoOrder {
  orderId: string;
  buyerToken: string;
  buyerName: string;
  purchaseDate: number; // epoch seconds
  status: AmazonStatus;
  refunded: boolean;
  items: DemoItem[];
  shippingMinor: number;
  totalMinor: number; // USD cents
}

export interface DemoData {
  now: number;
  shopee: ShopeeDemoOrder[];
  amazon: AmazonDemoOrder[];
}

type Archetype = 'one-off' | 'regular' | 'big-spender' | 'lapsed' | 'canceller' | 'new';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_BR = ['ana', 'bruno', 'carla', 'diego', 'eduarda', 'felipe', 'gabriela', 'henrique', 'isabela', 'joao', 'larissa', 'lucas', 'mariana', 'matheus', 'natalia', 'pedro', 'rafaela', 'rodrigo', 'sofia', 'thiago', 'vitoria', 'yasmin'];
const LAST_BR = ['silva', 'souza', 'oliveira', 'santos', 'lima', 'pereira', 'costa', 'ferreira', 'almeida', 'ribeiro', 'carvalho', 'gomes', 'martins', 'rocha'];
const FIRST_US = ['Jennifer', 'Michael', 'Emily', 'David', 'Sarah', 'James', 'Jessica', 'Robert', 'Ashley', 'William', 'Amanda', 'Daniel', 'Megan', 'Christopher', 'Olivia', 'Kevin', 'Laura', 'Brian'];
const LAST_US = ['Wallace', 'Johnson', 'Martinez', 'Nguyen', 'Patel', 'Brown', 'Garcia', 'Miller', 'Davis', 'Anderson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker'];

const SHOPEE_PRODUCTS: { title: string; variations: string[]; minor: number }[] = [
  { title: 'Fone de Ouvido Bluetooth TWS Pro', variations: ['Preto', 'Branco'], minor: 6585 },
  { title: 'Capa Silicone iPhone 13', variations: ['Rosa', 'Azul', 'Preto'], minor: 2990 },
  { title: 'Película de Vidro 3D', variations: ['iPhone 13', 'iPhone 14', 'Galaxy S23'], minor: 2173 },
  { title: 'Carregador Turbo USB-C 20W', variations: ['Branco'], minor: 6975 },
  { title: 'Smartwatch D20 Fitness', variations: ['Azul', 'Preto', 'Rosa'], minor: 12498 },
  { title: 'Cabo USB-C Reforçado 2m', variations: ['Preto'], minor: 1890 },
  { title: 'Suporte Celular para Carro', variations: ['Magnético'], minor: 3450 },
  { title: 'Caixa de Som Bluetooth 10W', variations: ['Verde', 'Preto'], minor: 15990 },
  { title: 'Ring Light 26cm com Tripé', variations: ['Padrão'], minor: 8990 },
  { title: 'Teclado Sem Fio Compacto', variations: ['ABNT2'], minor: 11990 },
];
const AMAZON_PRODUCTS: { title: string; sku: string; minor: number }[] = [
  { title: 'Handmade Ceramic Coffee Mug 12 oz, Sage Green', sku: 'CERAMIC-MUG-12OZ-SAGE', minor: 1450 },
  { title: 'Cork Coasters Set of 4 with Holder', sku: 'COASTER-CORK-4PK', minor: 1349 },
  { title: 'Linen Table Runner 72 in, Natural', sku: 'RUNNER-LINEN-72', minor: 2499 },
  { title: 'Stoneware Serving Bowl, Speckled White', sku: 'BOWL-STONE-WHT', minor: 3899 },
  { title: 'Olive Wood Spoon Set of 3', sku: 'SPOON-OLIVE-3', minor: 2250 },
  { title: 'Glass Pour-Over Coffee Maker 20 oz', sku: 'POUROVER-20OZ', minor: 2995 },
  { title: 'Cotton Waffle Kitchen Towels, 4 Pack', sku: 'TOWEL-WAFFLE-4', minor: 1799 },
];

const DAY = 86_400;

export function generateDemo(options: { seed?: number; now?: number; shopeeBuyers?: number; amazonBuyers?: number } = {}): DemoData {
  const random = rng(options.seed ?? 20261123);
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const archetypes: Archetype[] = ['one-off', 'one-off', 'one-off', 'regular', 'regular', 'big-spender', 'lapsed', 'lapsed', 'canceller', 'new'];

  /** Order times of a buyer of this archetype, oldest first. */
  const orderTimes = (archetype: Archetype): number[] => {
    const count = { 'one-off': 1, regular: int(4, 9), 'big-spender': int(2, 5), lapsed: int(2, 4), canceller: int(3, 6), new: 1 }[archetype];
    const newest = { 'one-off': int(1, 300), regular: int(0, 20), 'big-spender': int(0, 60), lapsed: int(200, 420), canceller: int(0, 90), new: int(0, 6) }[archetype];
    const times: number[] = [];
    let day = newest;
    for (let i = 0; i < count; i++) {
      times.push(now - day * DAY - int(0, DAY - 1));
      day += int(12, 70);
    }
    return times.reverse();
  };

  const shopee: ShopeeDemoOrder[] = [];
  let shopeeSeq = 0;
  for (let b = 0; b < (options.shopeeBuyers ?? 240); b++) {
    const archetype = archetypes[b % archetypes.length]!;
    const username = `${pick(FIRST_BR)}${pick(['.', '_', ''])}${pick(LAST_BR)}${random() < 0.6 ? int(1, 99) : ''}`;
    const buyerUserId = String(73_000_000 + b * 7919);
    const times = orderTimes(archetype);
    times.forEach((createdAt, index) => {
      const newest = index === times.length - 1;
      const items = Array.from({ length: random() < 0.25 ? 2 : 1 }, (): DemoItem => {
        const p = pick(SHOPEE_PRODUCTS);
        const variation = pick(p.variations);
        return {
          title: p.title,
          variation,
          sku: `${p.title.slice(0, 4).toUpperCase()}-${variation.slice(0, 3).toUpperCase()}`,
          quantity: archetype === 'big-spender' ? int(2, 6) : random() < 0.2 ? 2 : 1,
          unitMinor: p.minor,
        };
      });
      const age = (now - createdAt) / DAY;
      let status: ShopeeStatus = age < 2 ? pick(['unpaid', 'toship'] as const) : age < 8 ? pick(['toship', 'shipping', 'shipping'] as const) : 'completed';
      if (archetype === 'canceller' && random() < 0.5) status = random() < 0.6 ? 'cancelled' : 'refund';
      if (archetype === 'new' && newest) status = 'unpaid';
      shopeeSeq += 1;
      const date = new Date((createdAt + 8 * 3600) * 1000); // order numbers carry the UTC+8 date
      const yymmdd = `${String(date.getUTCFullYear()).slice(2)}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
      const order: ShopeeDemoOrder = {
        orderId: String(180_000_000_000_000 + shopeeSeq * 104_729),
        orderSn: `${yymmdd}${(shopeeSeq * 2_654_435_761).toString(36).toUpperCase().padStart(8, 'K').slice(-8)}`,
        buyerUserId,
        username,
        createdAt,
        status,
        items,
        totalMinor: items.reduce((sum, i) => sum + i.unitMinor * i.quantity, 0),
      };
      if (status === 'shipping' || status === 'completed') order.tracking = `BR24${String(3_800_000_000 + shopeeSeq * 37).slice(0, 10)}D`;
      shopee.push(order);
    });
  }

  const amazon: AmazonDemoOrder[] = [];
  let amazonSeq = 0;
  for (let b = 0; b < (options.amazonBuyers ?? 160); b++) {
    const archetype = archetypes[(b + 3) % archetypes.length]!;
    // Two names exports must survive: Chinese characters, and one a spreadsheet would run as a formula.
    const buyerName = b === 7 ? '王小明' : b === 11 ? '=HYPERLINK("https://example.com","Ana Lima")' : `${pick(FIRST_US)} ${pick(LAST_US)}`;
    // The token of the buyer's proxy address, <token>@marketplace.amazon.com.
    const buyerToken = Array.from({ length: 15 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[int(0, 35)]).join('');
    orderTimes(archetype).forEach((purchaseDate) => {
      const items = Array.from({ length: random() < 0.3 ? 2 : 1 }, (): DemoItem => {
        const p = pick(AMAZON_PRODUCTS);
        return { title: p.title, sku: p.sku, quantity: archetype === 'big-spender' ? int(3, 8) : random() < 0.25 ? 2 : 1, unitMinor: p.minor };
      });
      const age = (now - purchaseDate) / DAY;
      let status: AmazonStatus = age < 1 ? pick(['Pending', 'Unshipped'] as const) : age < 3 ? 'Unshipped' : 'Shipped';
      let refunded = false;
      if (archetype === 'canceller' && random() < 0.5) {
        if (random() < 0.6) status = 'Canceled';
        else refunded = true;
      }
      amazonSeq += 1;
      const shippingMinor = random() < 0.5 ? 499 : 0;
      const id = 1_000_000_000_000 + amazonSeq * 7_654_321;
      const digits = String(id).padStart(14, '0');
      amazon.push({
        orderId: `11${amazonSeq % 5}-${digits.slice(0, 7)}-${digits.slice(7, 14)}`,
        buyerToken,
        buyerName,
        purchaseDate,
        status,
        refunded,
        items,
        shippingMinor,
        totalMinor: items.reduce((sum, i) => sum + i.unitMinor * i.quantity, 0) + shippingMinor,
      });
    });
  }

  shopee.sort((a, b) => b.createdAt - a.createdAt);
  amazon.sort((a, b) => b.purchaseDate - a.purchaseDate);
  return { now: now * 1000, shopee, amazon };
}
