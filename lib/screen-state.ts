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
}
export const captureHealthItem = storage.defineItem<CaptureHealth | null>('session:captureHealth', { fallback: null });
