import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebarAction {
  toggle(): Promise<void>;
}

/** The toolbar button opens the panel: Chrome's side panel, Firefox's sidebar. */
export function openPanelFromToolbar(): void {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  if (sidePanel) {
    void sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
  // Firefox: the toolbar button toggles the sidebar (MV3 `action`, MV2 `browserAction`).
  const button = browser.action ?? browser.browserAction;
  if (sidebar && button) button.onClicked.addListener(() => void sidebar.toggle());
}

const BUYERS_MENU = 'open-buyers';

/** The toolbar button's menu: the buyers page (lists, export, backup). */
export function addBuyersMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    menus.create({ id: BUYERS_MENU, title: browser.i18n.getMessage('openBuyers') || 'All buyers', contexts: ['action'] });
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId === BUYERS_MENU) void browser.tabs.create({ url: browser.runtime.getURL('/buyers.html') });
  });
}
