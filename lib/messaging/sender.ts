import { browser } from 'wxt/browser';

/** The parts of a runtime message's sender that say who sent it. */
export interface Sender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined; active?: boolean | undefined } | undefined;
  frameId?: number | undefined;
}

/**
 * Who sent a message, as far as BuyerLens trusts it: one of its own pages (side panel, buyers page,
 * settings: origin `extensionOrigin`), its content script in a tab (whose page is a marketplace's,
 * so whatever it sends is page data), or nobody it listens to. The one check every receiver uses.
 */
export type SenderTrust = 'page' | 'content';

export function trustOf(sender: Sender, extensionId: string, extensionOrigin: string): SenderTrust | undefined {
  if (!sender.id || sender.id !== extensionId) return undefined;
  // Chromium may leave out a service worker's URL: no tab and no URL is then the extension itself.
  if (sender.url?.startsWith(extensionOrigin) || (sender.url === undefined && sender.tab === undefined)) return 'page';
  return sender.tab !== undefined ? 'content' : undefined;
}

/**
 * Whether a sender may send in a direction: pages may send what content scripts send (the bench, for
 * one, sends captures from a page), content scripts never what pages send; a message to a content
 * script must come from the extension itself, never from another tab.
 */
export function mayReceiveFrom(direction: 'content' | 'page' | 'background', trust: SenderTrust | undefined, sender: Sender): boolean {
  if (direction === 'content') return trust === 'content' || trust === 'page';
  if (direction === 'page') return trust === 'page';
  return trust === 'page' && sender.tab === undefined;
}

/** The one check every receiver makes: may this sender send in this direction, as this extension sees it. */
export function isAllowed(direction: 'content' | 'page' | 'background', sender: Sender): boolean {
  return mayReceiveFrom(direction, trustOf(sender, browser.runtime.id, browser.runtime.getURL('/')), sender);
}

/** The page a content script's message came from: its frame's URL (the tab's where the frame has none). */
export function pageOfSender(sender: Sender): URL | undefined {
  const href = sender.url ?? sender.tab?.url;
  if (!href) return undefined;
  try {
    return new URL(href);
  } catch {
    return undefined;
  }
}
