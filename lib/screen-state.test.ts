import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureHealthItem, clearSessionState, forgetOnScreens, screenItem, type ScreenState } from './screen-state';

const screen = (tabId: number, fields: Partial<ScreenState>): ScreenState => ({
  tabId,
  at: '2026-11-01T00:00:00.000Z',
  adapterId: 'shopee',
  pageKind: 'order-detail',
  pageUrl: 'https://seller.shopee.com.br/portal/sale/order/1',
  ...fields,
});

describe('session state', () => {
  beforeEach(() => fakeBrowser.reset());

  it('forgets an erased buyer on every tab that shows them or one of their orders, and only there', async () => {
    await screenItem(1).setValue(screen(1, { buyerKey: 'shopee:br:7' }));
    await screenItem(2).setValue(screen(2, { orderKey: 'shopee:br:10' }));
    await screenItem(3).setValue(screen(3, { buyerKey: 'shopee:br:8' }));
    await forgetOnScreens('shopee:br:7', ['shopee:br:10']);
    expect(await screenItem(1).getValue()).toBeNull();
    expect(await screenItem(2).getValue()).toBeNull();
    expect((await screenItem(3).getValue())?.buyerKey).toBe('shopee:br:8');
  });

  it('is all gone on a wipe', async () => {
    await screenItem(1).setValue(screen(1, { buyerKey: 'shopee:br:7' }));
    await captureHealthItem.setValue({ message: 'QuotaExceededError', at: '2026-11-01T00:00:00.000Z' });
    await clearSessionState();
    expect(await screenItem(1).getValue()).toBeNull();
    expect(await captureHealthItem.getValue()).toBeNull();
  });
});
