import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { lastScreenTabItem, screenItem, type ScreenState } from '@/lib/screen-state';

/**
 * The tab the panel follows, and its screen: the active tab of the panel's window. A panel opened as
 * a tab of its own (or while an extension page is in front) follows the tab that changed last.
 */
export function useScreen(): { screen: ScreenState | null; tabId: number | null } {
  const [screen, setScreen] = useState<ScreenState | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);

  useEffect(() => {
    let disposed = false;
    let unwatchTab: (() => void) | undefined;
    let generation = 0;

    const follow = async () => {
      const mine = ++generation;
      const own = await browser.tabs.getCurrent();
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      let target = active?.id;
      let value = target === undefined ? null : await screenItem(target).getValue();
      if (own && (target === own.id || value === null)) {
        target = (await lastScreenTabItem.getValue()) ?? undefined;
        value = target === undefined ? null : await screenItem(target).getValue();
      }
      if (disposed || mine !== generation) return;
      unwatchTab?.();
      unwatchTab = target === undefined ? undefined : screenItem(target).watch((next) => setScreen(next));
      setScreen(value);
      setTabId(target ?? null);
    };

    void follow();
    const onActivated = () => void follow();
    browser.tabs.onActivated.addListener(onActivated);
    const unwatchLast = lastScreenTabItem.watch(() => void follow());
    return () => {
      disposed = true;
      unwatchTab?.();
      unwatchLast();
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);

  return { screen, tabId };
}
