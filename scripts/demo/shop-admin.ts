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

/**
 * The shop admin's inbox: the conversation open with the buyer of its latest order, and a reply box
 * (a textarea). Its own markup, nothing like a marketplace's chat; sending is the page's own button.
 */
export function shopAdminInbox(data: DemoData): string {
  const buyer = shopAdminOrders(data)[0]!.customer.display_name;
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!doctype html>
<html lang="en-US">
  <head><meta charset="utf-8" /><title>Inbox · Aurora Home Goods admin</title>
    <style>
      body { font: 14px/1.4 system-ui, sans-serif; margin: 0; background: #f6f5f2; color: #222; }
      header.topbar { background: #23303b; color: #fff; padding: 12px 20px; }
      .inbox { display: grid; grid-template-columns: 220px 1fr; min-height: 80vh; }
      .threads { border-right: 1px solid #e2e0da; padding: 12px; }
      .thread { padding: 16px; display: flex; flex-direction: column; gap: 10px; }
      .thread-head h2 { margin: 0; font-size: 18px; }
      .bubble { background: #fff; border: 1px solid #e2e0da; border-radius: 10px; padding: 8px 12px; max-width: 60%; }
      textarea.composer-input { width: 100%; min-height: 80px; font: inherit; }
    </style>
  </head>
  <body>
    <header class="topbar"><b>Aurora Home Goods</b> · Inbox</header>
    <div class="inbox">
      <nav class="threads"><a class="thread-link active" href="/admin/inbox">${escape(buyer)}</a></nav>
      <section class="thread">
        <header class="thread-head"><h2 class="thread-with">${escape(buyer)}</h2><span class="muted">Customer since 2025</span></header>
        <div class="bubble">Hi! Has my order shipped yet?</div>
        <form class="composer" onsubmit="return false"><textarea class="composer-input" placeholder="Write a reply…"></textarea><button type="submit">Send</button></form>
      </section>
    </div>
  </body>
</html>`;
}
