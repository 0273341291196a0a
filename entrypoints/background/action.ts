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
