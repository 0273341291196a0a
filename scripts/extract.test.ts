import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'test', 'fixtures');

function extract(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'extract.ts'), ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run extract', () => {
  it('prints what BuyerLens reads from a HAR of the Shopee order list', () => {
    const { code, stdout } = extract('--url', 'https://seller.shopee.com.br/portal/sale/order?type=toship', join(fixtures, 'shopee', 'order-list.har'));
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['adapter', 'pageKind', 'orders', 'buyers', 'problems']);
    expect(output.adapter).toBe('shopee');
    expect(output.pageKind).toBe('order-list');
    expect(output.orders).toHaveLength(4);
    for (const order of output.orders) {
      expect(Object.keys(order)).toEqual(expect.arrayContaining(['orderKey', 'orderId', 'buyerKey', 'placedAt', 'status', 'statusText', 'totalMinor', 'currency', 'items']));
      expect(Number.isInteger(order.totalMinor)).toBe(true);
      expect(order.placedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it('reads a saved JSON body given the request it answered', () => {
    const { code, stdout } = extract(
      '--url',
      'https://sellercentral.amazon.com/orders-v3/order/113-5829047-3316241',
      '--response-url',
      'https://sellercentral.amazon.com/orders-api/order/113-5829047-3316241',
      join(fixtures, 'amazon', 'order-detail.json'),
    );
    expect(code).toBe(0);
    // The real body names the buyer by their proxy e-mail only; the page shows the name (order-detail-dom).
    expect(JSON.parse(stdout).buyers).toEqual([{ buyerKey: 'amazon:amazon.com:7pzxq0m4vl2r9kd', shopKey: 'amazon:amazon.com', platformBuyerId: '7pzxq0m4vl2r9kd' }]);
  });

  it('exits 0 with zero orders for a console page with none on it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    writeFileSync(join(dir, 'empty.html'), '<!doctype html><title>Meus Pedidos</title><div class="order-list-table-all"></div>');
    const { code, stdout } = extract('--url', 'https://seller.shopee.com.br/portal/sale/order', join(dir, 'empty.html'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ adapter: 'shopee', pageKind: 'order-list', orders: [], buyers: [], problems: [] });
  });

  it('exits 2 with the reason when no adapter reads the URL', () => {
    const { code, stderr, stdout } = extract('--url', 'https://www.example.com/orders', join(fixtures, 'shopee', 'order-detail-dom.html'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no adapter reads https:\/\/www\.example\.com/);
  });

  it('exits 2 when the file cannot be read', () => {
    const { code, stderr } = extract('--url', 'https://seller.shopee.com.br/portal/sale/order', '/nonexistent/page.html');
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read \/nonexistent\/page\.html: ENOENT/);
  });

  it('exits 2 when a JSON body comes without its request URL, or is not JSON', () => {
    expect(extract('--url', 'https://seller.shopee.com.br/portal/sale/order', join(fixtures, 'shopee', 'order-detail.json')).stderr).toMatch(/--response-url/);
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    writeFileSync(join(dir, 'login.json'), '<html>login</html>');
    const { code, stderr } = extract(
      '--url',
      'https://seller.shopee.com.br/portal/sale/order/1',
      '--response-url',
      'https://seller.shopee.com.br/api/v3/order/get_one_order?order_id=1',
      join(dir, 'login.json'),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/not JSON/);
  });
});
