import { createHash } from 'node:crypto';
import type { DemoData, ShopeeStatus } from './data';

/**
 * The Lazada Philippines demo console's data, derived from the demo's buyers: every third Shopee buyer
 * also buys on Lazada PH, under a Lazada buyer id and the Filipino name they use there, the same
 * products in English at peso prices. The answers are shaped field by field after test/fixtures/lazada
 * (which follow ../shared/reference/samples/lazada: the 2026 PH capture and the 2022 TH types), with no
 * key those lack: test/unit/real-shapes.test.ts checks each body.
 */
export const DEMO_LAZADA = 'https://sellercenter.lazada.com.ph';
/** The mtop gateway the PH console's pages call (another origin: its answers carry CORS headers). */
export const DEMO_LAZADA_GATEWAY = 'https://acs-m.lazada.com.ph';

export const LAZADA_LIST_API = 'mtop.lazada.seller.order.query.list';
export const LAZADA_DETAIL_API = 'mtop.lazada.seller.order.main.detail';

/**
 * An order's state as the list's `tabStatus` and its items' `itemStatus` say it (lib/adapters/lazada/
 * statuses.ts: the PH capture's tab words and Lazada's order statuses). The capture's tabs have
 * `shipping` and `shipped` and no delivered one: the demo keeps orders on their way under the first,
 * delivered ones under the second.
 */
export interface LazadaDemoStatus {
  tab: 'unpaid' | 'topack' | 'shipping' | 'shipped' | 'canceled' | 'returnRefund';
  item: 'unpaid' | 'pending' | 'shipped' | 'delivered' | 'canceled' | 'returned';
}

const STATUS: Readonly<Record<ShopeeStatus, LazadaDemoStatus>> = {
  unpaid: { tab: 'unpaid', item: 'unpaid' },
  toship: { tab: 'topack', item: 'pending' },
  shipping: { tab: 'shipping', item: 'shipped' },
  completed: { tab: 'shipped', item: 'delivered' },
  cancelled: { tab: 'canceled', item: 'canceled' },
  refund: { tab: 'returnRefund', item: 'returned' },
};

export interface LazadaDemoItem {
  title: string;
  /** `skuInfo`: "Color Family:Black", "Variation:iPhone 13". */
  skuInfo: string;
  sellerSku: string;
  quantity: number;
  /** Peso price of one unit, in centavos. */
  unitMinor: number;
  itemId: string;
  skuId: string;
  orderItemId: string;
  image: string;
}

export interface LazadaDemoOrder {
  orderNumber: string;
  /** A long in the list rows (`buyerId`), a string on the order page (`customerId`). */
  buyerId: string;
  /** The buyer's name as the console shows it: in full, or masked (`R*n`) for a few buyers. */
  buyerName: string;
  /** Whether the console masks this buyer's name (then BuyerLens stores no name). */
  masked: boolean;
  createdAtMs: number;
  status: LazadaDemoStatus;
  paymentMethod: 'COD' | 'MIXEDCARD';
  items: LazadaDemoItem[];
  /** totalRetailPrice: the items at the price sold, centavos. */
  itemsMinor: number;
  /** What the buyer pays for shipping (the row's shippingFee), and the fee before the platform's discount. */
  shippingMinor: number;
  shippingOriginalMinor: number;
  /** A seller voucher: only the order page shows it (its Grand Total), never the list row. */
  sellerDiscountMinor: number;
  location: { tree: string; address: string };
}

/** The Shopee demo's products as this seller lists them on Lazada PH: English names, peso prices. */
const PRODUCTS: Readonly<Record<string, { title: string; php: number }>> = {
  'Fone de Ouvido Bluetooth TWS Pro': { title: 'TWS Pro Bluetooth Earbuds with Charging Case', php: 689 },
  'Capa Silicone iPhone 13': { title: 'Liquid Silicone Case for iPhone 13', php: 309 },
  'Película de Vidro 3D': { title: '3D Full Cover Tempered Glass Screen Protector', php: 229 },
  'Carregador Turbo USB-C 20W': { title: '20W USB-C PD Fast Charger', php: 729 },
  'Smartwatch D20 Fitness': { title: 'D20 Fitness Smartwatch', php: 1309 },
  'Cabo USB-C Reforçado 2m': { title: 'Braided USB-C Cable 2m', php: 199 },
  'Suporte Celular para Carro': { title: 'Car Phone Holder', php: 359 },
  'Caixa de Som Bluetooth 10W': { title: '10W Portable Bluetooth Speaker', php: 1679 },
  'Ring Light 26cm com Tripé': { title: '26cm Ring Light with Tripod Stand', php: 939 },
  'Teclado Sem Fio Compacto': { title: 'Compact Wireless Keyboard', php: 1259 },
};
const COLORS: Readonly<Record<string, string>> = { Preto: 'Black', Branco: 'White', Rosa: 'Pink', Azul: 'Blue', Verde: 'Green' };
const VARIATIONS: Readonly<Record<string, string>> = { Magnético: 'Magnetic', Padrão: 'Standard', ABNT2: 'US Layout' };

const FIRST_PH = ['Maria', 'Jose', 'Angelica', 'Mark', 'Kristine', 'John Paul', 'Camille', 'Miguel', 'Patricia', 'Carlo', 'Jasmine', 'Rafael', 'Andrea', 'Paolo', 'Bea', 'Joshua', 'Nicole', 'Gabriel'];
const LAST_PH = ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Villanueva', 'Ramos', 'Aquino', 'Castillo', 'Dela Cruz', 'Gonzales', 'Flores', 'Navarro', 'Torres', 'Tan'];
const LOCATIONS = [
  { tree: 'Metro Manila, Quezon City, Bagumbayan', address: '17 Maginhawa St, Bagumbayan, Quezon City', shipping: 3_600 },
  { tree: 'Metro Manila, Makati City, Poblacion', address: '8 Jupiter St, Poblacion, Makati City', shipping: 3_600 },
  { tree: 'Laguna, Santa Rosa City, Balibago', address: '22 Rizal Ave, Balibago, Santa Rosa City', shipping: 5_800 },
  { tree: 'Cebu, Cebu City, Lahug', address: '5 Gorordo Ave, Lahug, Cebu City', shipping: 7_500 },
  { tree: 'Davao del Sur, Davao City, Poblacion', address: '31 San Pedro St, Poblacion, Davao City', shipping: 7_500 },
] as const;
/** The platform's shipping subsidy (`shipping-fee-discount`); orders from ₱999 ship free. */
const SHIPPING_DISCOUNT = 5_000;
const FREE_SHIPPING_FROM = 99_900;
const PH_OFFSET_MS = 8 * 3_600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
/** A number from a text, stable across runs. */
const digits = (text: string, count: number) => BigInt(`0x${md5(text).slice(0, 12)}`) % 10n ** BigInt(count);
/** How Lazada masks a name: its first and last characters (`Maria Santos` → `M*s`). */
export const maskName = (name: string) => `${name[0]}*${name.at(-1)}`;

function lazadaItem(title: string, variation: string | undefined, quantity: number, unitMinor: number, orderItemId: string): LazadaDemoItem {
  const product = PRODUCTS[title];
  const en = product?.title ?? title;
  const color = variation ? COLORS[variation] : undefined;
  const value = color ?? (variation ? (VARIATIONS[variation] ?? variation) : 'Standard');
  const sku = `${en.split(' ').slice(0, 2).map((w) => w.slice(0, 3).toUpperCase()).join('')}-${value.replace(/\s+/g, '').slice(0, 4).toUpperCase()}`;
  return {
    title: en,
    skuInfo: color ? `Color Family:${color}` : `Variation:${value}`,
    sellerSku: sku,
    quantity,
    // Pesos: the product's listed price, else the real's at ≈10.5 ₱ per R$, ending in 9.
    unitMinor: (product?.php ?? Math.round((unitMinor * 10.5) / 1000) * 10 - 1) * 100,
    itemId: String(2_800_000_000n + digits(en, 8)),
    skuId: String(14_000_000_000n + digits(`${en}|${value}`, 9)),
    orderItemId,
    image: `https://ph-live.slatic.net/p/${md5(`${en}|${value}`)}.jpg`,
  };
}

/** Every third Shopee buyer also buys on Lazada PH: their orders there, newest first. */
export function lazadaOrders(data: DemoData): LazadaDemoOrder[] {
  const out: LazadaDemoOrder[] = [];
  for (const [index, o] of data.shopee.entries()) {
    const shopeeId = Number(o.buyerUserId);
    if (shopeeId % 3 !== 1) continue;
    const person = Number(digits(o.buyerUserId, 6));
    const fullName = `${FIRST_PH[person % FIRST_PH.length]} ${LAST_PH[Math.floor(person / 100) % LAST_PH.length]}`;
    // One buyer in seven is shown masked, as the fixture's `R*n` (BuyerLens keeps no name then).
    const masked = Math.floor(person / 10) % 7 === 3;
    const location = LOCATIONS[person % LOCATIONS.length]!;
    const orderNumber = `${90_073_000_000 + index * 7_919}1005`;
    const items = o.items.map((item, i) => lazadaItem(item.title, item.variation, item.quantity, item.unitMinor, `${90_081_000_000 + index * 7_919 + i}1005`));
    const itemsMinor = items.reduce((sum, i) => sum + i.unitMinor * i.quantity, 0);
    const shippingOriginalMinor = location.shipping + SHIPPING_DISCOUNT;
    const status = STATUS[o.status];
    out.push({
      orderNumber,
      buyerId: String(500_000_000_000 + shopeeId),
      buyerName: masked ? maskName(fullName) : fullName,
      masked,
      createdAtMs: (o.createdAt - 2 * 3_600) * 1000 + (index % 1000),
      status,
      paymentMethod: status.tab === 'unpaid' || index % 3 === 0 ? 'MIXEDCARD' : 'COD',
      items,
      itemsMinor,
      shippingOriginalMinor,
      shippingMinor: itemsMinor >= FREE_SHIPPING_FROM ? 0 : shippingOriginalMinor - SHIPPING_DISCOUNT,
      // A 5% seller voucher on every third order of ₱300 or more, to the ten centavos.
      sellerDiscountMinor: index % 3 === 2 && itemsMinor >= 30_000 ? Math.round(itemsMinor * 0.005) * 10 : 0,
      location,
    });
  }
  return out.sort((a, b) => b.createdAtMs - a.createdAtMs);
}

/** The list row's total as BuyerLens reads it: items plus the shipping the buyer pays (no voucher). */
export const listTotalMinor = (o: LazadaDemoOrder) => o.itemsMinor + o.shippingMinor;
/** The order page's Grand Total: the list's total less the seller's voucher. */
export const grandTotalMinor = (o: LazadaDemoOrder) => listTotalMinor(o) - o.sellerDiscountMinor;

/** Pesos as the console writes them: "1199.00"; a discount "-49.60", none "-0.00". */
const pesos = (minor: number) => (minor / 100).toFixed(2);
const discount = (minor: number) => `-${pesos(minor)}`;
const phTime = (ms: number) => new Date(ms + PH_OFFSET_MS);
const pad = (n: number) => String(n).padStart(2, '0');

/** The request's `data` parameter (mtop GET: URL-encoded JSON). */
export function mtopData(url: URL): Record<string, unknown> {
  try {
    const data = JSON.parse(url.searchParams.get('data') ?? '{}') as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function listRow(o: LazadaDemoOrder) {
  const placed = phTime(o.createdAtMs);
  const total = pesos(o.itemsMinor);
  return {
    orderNumber: o.orderNumber,
    buyerId: Number(o.buyerId),
    buyerName: o.buyerName,
    createDate: `${pad(placed.getUTCDate())} ${MONTHS[placed.getUTCMonth()]} ${placed.getUTCFullYear()}`,
    createTime: `${pad(placed.getUTCHours())}:${pad(placed.getUTCMinutes())}`,
    creationTime: o.createdAtMs,
    paymentMethod: o.paymentMethod,
    cashOnDelivery: o.paymentMethod === 'COD',
    orderType: 'Normal',
    tabStatus: o.status.tab,
    totalQuantity: o.items.reduce((sum, i) => sum + i.quantity, 0),
    totalUnitPrice: total,
    totalRetailPrice: total,
    shippingFee: pesos(o.shippingMinor),
    skus: o.items.map((i) => ({
      orderItemId: i.orderItemId,
      orderNumber: o.orderNumber,
      buyerName: o.buyerName,
      productName: i.title,
      sellerSku: i.sellerSku,
      skuInfo: i.skuInfo,
      quantity: i.quantity,
      unitPrice: pesos(i.unitMinor),
      retailPrice: pesos(i.unitMinor),
      itemStatus: o.status.item,
      deliveryType: 'STANDARD',
      warehouseType: 'dropshipping',
      image: i.image,
    })),
  };
}

/**
 * GET acs-m.lazada.com.ph/h5/mtop.lazada.seller.order.query.list/1.0/?…&data={page, pageSize, tab, …}:
 * a page of order rows, newest first, of the tab asked ('all' or a tabStatus).
 */
export function lazadaOrderList(data: DemoData, request: Record<string, unknown>) {
  const tab = typeof request.tab === 'string' ? request.tab : 'all';
  const pageSize = Math.min(Math.max(Number(request.pageSize) || 20, 1), 100);
  const page = Math.max(Math.floor(Number(request.page) || 1), 1);
  const all = lazadaOrders(data).filter((o) => tab === 'all' || o.status.tab === tab);
  return {
    api: LAZADA_LIST_API,
    data: { data: { pageInfo: { total: all.length, pageSize, page }, dataSource: all.slice((page - 1) * pageSize, page * pageSize).map(listRow) } },
    ret: ['SUCCESS::调用成功'],
    v: '1.0',
  };
}

const promotion = (by: 'seller' | 'platform', id: string, minor: number) => JSON.stringify([{ 'Promotion by': `SponsorType-${by}`, ID: id, 'Discount(off)': pesos(minor) }]);

/**
 * GET …/h5/mtop.lazada.seller.order.main.detail/1.0/?…&data={"tradeOrderId": …}: the order page's
 * modules (orderInfo, basicInfo, shippingAddress, buyerPaymentInformation, itemTable), as the PH
 * capture has them. Undefined for an order the demo does not have (its 404 page).
 */
export function lazadaOrderDetail(data: DemoData, request: Record<string, unknown>) {
  const all = lazadaOrders(data);
  const o = all.find((x) => x.orderNumber === String(request.tradeOrderId));
  if (!o) return undefined;
  const placed = phTime(o.createdAtMs);
  const buyers = all.filter((x) => x.buyerId === o.buyerId);
  const delivered = buyers.filter((x) => x.status.item === 'delivered').length;
  const returned = buyers.filter((x) => x.status.item === 'returned').length;
  const phone = o.buyerId.at(-1);
  const shippingDiscount = o.shippingOriginalMinor - o.shippingMinor;
  return {
    api: LAZADA_DETAIL_API,
    data: {
      data: [
        { name: 'orderInfo', orderDate: `${placed.getUTCFullYear()}-${pad(placed.getUTCMonth() + 1)}-${pad(placed.getUTCDate())}`, orderNumber: o.orderNumber },
        {
          name: 'basicInfo',
          customName: o.buyerName,
          customerId: o.buyerId,
          finishOrderCount: delivered,
          isBlockedBySeller: false,
          isNewBuyer: buyers.length === 1,
          phone: `0*${phone}`,
          // (sic): the console's own label.
          phoneLabel: 'Reveiver Phone',
          successfulDeliveryRate: `${delivered + returned === 0 ? 0 : Math.round((100 * delivered) / (delivered + returned))}%`,
          tags: [null],
        },
        {
          name: 'shippingAddress',
          detailAddress: o.location.address.split(', ').map(maskName).join(','),
          locationTree: o.location.tree,
          receiver: maskName(o.buyerName),
          receiverPhone: `6*${phone}`,
          isWork: false,
          tags: [null],
        },
        {
          name: 'buyerPaymentInformation',
          dataSource: [
            { key: 'subtotal', name: 'Subtotal:', total: pesos(o.itemsMinor), isVat: true },
            {
              key: 'shipping_fee',
              name: 'Shipping Fee',
              total: pesos(o.shippingMinor),
              isVat: true,
              children: [
                { key: 'shipping-fee-original', name: 'Shipping Fee Original:', total: pesos(o.shippingOriginalMinor), isVat: false },
                { key: 'shipping-fee-discount', name: 'Shipping Fee Discount:', total: discount(shippingDiscount), isVat: false },
              ],
            },
            { key: 'lacing-discount-total', name: 'Lazada Discount Total:', total: discount(0), isVat: false },
            { key: 'seller-discount-total', name: 'Seller Discount Total:', total: discount(o.sellerDiscountMinor), isVat: false },
            { key: 'adjust_amount_label', name: 'Adjust amount', total: '0.00', isVat: false },
            { key: 'grand_total', name: 'Grand Total:', total: pesos(grandTotalMinor(o)), isVat: false },
          ],
        },
        {
          name: 'itemTable',
          // One line per SKU; the order's shipping fee and promotions on its first line, as in the capture's one-line order.
          dataSource: o.items.map((i, n) => ({
            orderLineId: i.orderItemId,
            itemId: i.itemId,
            skuId: i.skuId,
            itemName: i.title,
            itemImgUrl: i.image,
            sellerSku: i.sellerSku,
            skuInfo: i.skuInfo,
            status: o.status.item,
            deliveryOption: 'STANDARD',
            quantity: i.quantity,
            // A whole-peso line total is written without decimals ("1199"), as in the capture.
            totalAmount: (i.unitMinor * i.quantity) % 100 === 0 ? String((i.unitMinor * i.quantity) / 100) : pesos(i.unitMinor * i.quantity),
            shippingFee: pesos(n === 0 ? o.shippingOriginalMinor : 0),
            warehouseType: 'dropshipping',
            allowReturn: false,
            promotions: n === 0 && o.sellerDiscountMinor > 0 ? promotion('seller', `9000000${o.orderNumber.slice(3, 11)}`, o.sellerDiscountMinor) : '',
            shippingFeePromo: n === 0 && shippingDiscount > 0 ? promotion('platform', `9000000${o.orderNumber.slice(4, 12)}`, shippingDiscount) : '',
            otherFees: '',
          })),
        },
      ],
    },
    ret: ['SUCCESS::调用成功'],
    v: '1.0',
  };
}
