import type { DemoData } from './data';

/**
 * A generic self-hosted shop admin, for teaching (issue "Teach BuyerLens any seller console"): no
 * marketplace BuyerLens has an adapter for, with its own markup and its own JSON, served at
 * http://127.0.0.1:3000 (the test build is granted that site; a seller's browser asks). Its buyers are
 * the demo's Amazon buyers, who also buy from the seller's own shop, in dollars.
 */
export const DEMO_SHOP_ADMIN = 'http://127.0.0.1:3000';
export const SHOP_ADMIN_PER_PAGE = 10;

export interface ShopAdminOrder {
  id: number;
  reference: string;
  customer: { id: number; display_name: string; email: string };
  placed_at: string;
  total: string;
  currency: 'USD';
  state: 'pending' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded';
  lines: { product: string; qty: number; price: string }[];
}

const STATES: readonly ShopAdminOrder['state'][] = ['paid', 'fulfilled', 'fulfilled', 'pending', 'fulfilled', 'cancelled', 'paid', 'refunded'];
const PRODUCTS = [
  { product: 'Walnut Cutting Board', cents: 4800 },
  { product: 'Beeswax Food Wraps, Set of 3', cents: 1650 },
  { product: 'Hand-thrown Tea Cup', cents: 2200 },
  { product: 'Linen Napkins, Set of 4', cents: 3400 },
];

/** 27 orders over three pages: nine buyers, some of whom come back (so order counts and totals add up per buyer). */
export function shopAdminOrders(data: DemoData): ShopAdminOrder[] {
  const buyers = [...new Map(data.amazon.map((order) => [order.buyerName, order])).values()].slice(0, 9);
  const orders: ShopAdminOrder[] = [];
  for (let i = 0; i < 27; i++) {
    const buyer = buyers[(i * 7) % buyers.length]!;
    const product = PRODUCTS[i % PRODUCTS.length]!;
    const qty = 1 + (i % 3);
    const customerId = 500 + buyers.indexOf(buyer);
    orders.push({
      id: 7100 + i,
      reference: `SO-${1042 + i}`,
      customer: { id: customerId, display_name: buyer.buyerName, email: `${buyer.buyerName.toLowerCase().replace(/\s+/g, '.')}@example.com` },
      placed_at: new Date((data.now - (27 - i) * 86_400_000 * 2) - (data.now % 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      total: ((product.cents * qty) / 100).toFixed(2),
      currency: 'USD',
      state: STATES[i % STATES.length]!,
      lines: [{ product: product.product, qty, price: (product.cents / 100).toFixed(2) }],
    });
  }
  return orders.reverse(); // newest first, as admins list them
}

/** `GET /api/v1/orders?page=N`: one page of orders, newest first. */
export function shopAdminPage(data: DemoData, page: number) {
  const all = shopAdminOrders(data);
  const pages = Math.ceil(all.length / SHOP_ADMIN_PER_PAGE);
  const current = Math.min(Math.max(1, page), pages);
  return {
    data: { orders: all.slice((current - 1) * SHOP_ADMIN_PER_PAGE, current * SHOP_ADMIN_PER_PAGE) },
    meta: { page: current, pages, total: all.length, per_page: SHOP_ADMIN_PER_PAGE },
  };
}
