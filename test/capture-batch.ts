import type { CaptureBatch } from '../lib/schema/capture';

/**
 * A capture of the Shopee Brazil order list with `fields` (buyers and orders, mostly) over an empty
 * one: what tests feed the pipeline. Kept outside lib/: the registry test keeps marketplace ids in
 * their adapters' folders.
 */
export const shopeeListBatch = (fields: Partial<CaptureBatch> = {}): CaptureBatch => ({
  adapterId: 'shopee',
  pageKind: 'order-list',
  pageUrl: 'https://seller.shopee.com.br/portal/sale/order',
  source: 'network',
  capturedAt: '2026-11-01T00:00:00.000Z',
  shops: [],
  buyers: [],
  orders: [],
  problems: [],
  ...fields,
});
