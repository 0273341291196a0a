import { tiktokOrders } from '../../scripts/demo/tiktok';
import { grandTotalMinor, lazadaOrders, listTotalMinor } from '../../scripts/demo/lazada';
import type { AmazonDemoOrder, DemoData, ShopeeDemoOrder } from '../../scripts/demo/data';
import { createTranslator } from '../../lib/i18n/i18n';

const en = createTranslator('en');

/** What a seller should see for a Shopee buyer: every order counts, only purchases add to spend. */
export function shopeeExpectation(data: DemoData, buyerUserId: string) {
  const orders = data.shopee.filter((o) => o.buyerUserId === buyerUserId);
  const spent = orders.filter((o: ShopeeDemoOrder) => ['toship', 'shipping', 'completed'].includes(o.status)).reduce((s, o) => s + o.totalMinor, 0);
  return { orders, count: orders.length, spentText: en.money(spent, 'BRL') };
}

export function amazonExpectation(data: DemoData, buyerToken: string) {
  const orders = data.amazon.filter((o) => o.buyerToken === buyerToken);
  const spent = orders.filter((o: AmazonDemoOrder) => o.status !== 'Pending' && o.status !== 'Canceled' && !o.refunded).reduce((s, o) => s + o.totalMinor, 0);
  return { orders, count: orders.length, spentText: en.money(spent, 'USD') };
}

/** The buyer with the most orders: the richest history to check. */
export function busiestBuyer<T>(orders: readonly T[], keyOf: (o: T) => string): string {
  const counts = new Map<string, number>();
  for (const o of orders) counts.set(keyOf(o), (counts.get(keyOf(o)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** What a seller should see for a TikTok Shop buyer once their chat named them: every order counts, paid ones add to spend. */
export function tiktokExpectation(data: DemoData, buyerId: string) {
  const orders = tiktokOrders(data).filter((o) => o.buyerId === buyerId);
  const spent = orders.filter((o) => o.status !== 100 && o.status !== 140).reduce((s, o) => s + o.totalMinor, 0);
  return { orders, count: orders.length, spentText: en.money(spent, 'BRL') };
}

/**
 * What a seller should see for a Lazada PH buyer: every order of the list counts; paid ones add to
 * spend at the list's total (items + shipping), or at the Grand Total of an order whose own page was
 * opened (`opened`: its seller voucher is only there). Unpaid, cancelled and returned orders add nothing.
 */
export function lazadaExpectation(data: DemoData, buyerId: string, opened: readonly string[] = []) {
  const orders = lazadaOrders(data).filter((o) => o.buyerId === buyerId);
  const spent = orders
    .filter((o) => !['unpaid', 'canceled', 'returned'].includes(o.status.item))
    .reduce((s, o) => s + (opened.includes(o.orderNumber) ? grandTotalMinor(o) : listTotalMinor(o)), 0);
  return { orders, count: orders.length, spentText: en.money(spent, 'PHP') };
}
