import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Screen } from './schema/capture';

/**
 * "Buyer on screen" per tab, in storage.session: it survives the service worker being stopped and
 * is gone when the browser closes. Written by the background only; the panel reads and watches it.
 */
export interface ScreenState extends Screen {
  tabId: number;
  at: string;
}

export const screenItem = (tabId: number) => storage.defineItem<ScreenState | null>(`session:screen:${tabId}`, { fallback: null });

/** The tab whose screen changed last: what a panel opened as a tab of its own follows. */
export const lastScreenTabItem = storage.defineItem<number | null>('session:lastScreenTab', { fallback: null });

/** The last capture the background could not store, until the next one succeeds. */
export interface CaptureHealth {
  message: string;
  at: string;
  /** The browser refused the write for lack of space (QuotaExceededError). */
  full?: true;
}
export const captureHealthItem = storage.defineItem<CaptureHealth | null>('session:captureHealth', { fallback: null });

/** Clears every tab's "on screen" that names an erased buyer or one of their orders: the panel shows nobody there. */
export async function forgetOnScreens(buyerKey: string, orderKeys: readonly string[]): Promise<void> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  const orders = new Set(orderKeys);
  const named = Object.entries(all).filter(([key, value]) => {
    if (!key.startsWith('screen:') || typeof value !== 'object' || value === null) return false;
    const screen = value as Partial<ScreenState>;
    return screen.buyerKey === buyerKey || (screen.orderKey !== undefined && orders.has(screen.orderKey));
  });
  if (named.length > 0) await browser.storage.session.set(Object.fromEntries(named.map(([key]) => [key, null])));
}

/** Everything BuyerLens keeps for the browser session (who is on screen per tab, capture health): gone on a wipe. */
export async function clearSessionState(): Promise<void> {
  await browser.storage.session.clear();
}
