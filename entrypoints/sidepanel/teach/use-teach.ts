import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { teachItem, tabHealthItem, type TabHealth, type TeachSession } from '@/lib/teach-state';

/** A storage.session value of one tab, live; null for no tab (or until read). */
function useTabItem<T>(tabId: number | null, itemOf: (tabId: number) => WxtStorageItem<T | null, Record<string, unknown>>): T | null {
  const [state, setState] = useState<{ tabId: number; value: T | null } | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    const item = itemOf(tabId);
    void item.getValue().then((value) => setState({ tabId, value }));
    return item.watch((value) => setState({ tabId, value }));
  }, [tabId, itemOf]);
  return state !== null && state.tabId === tabId ? state.value : null;
}

/** The teaching session of a tab, live (null: none, or not yet). */
export function useTeachSession(tabId: number | null): TeachSession | null {
  return useTabItem(tabId, teachItem);
}

/** The address of a tab, live (the panel listens itself: a listener in the background would wake it on every tab change). */
function useTabUrl(tabId: number | null): string | null {
  const [state, setState] = useState<{ tabId: number; url: string | null } | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    void browser.tabs.get(tabId).then((tab) => setState({ tabId, url: tab.url ?? null }), () => setState({ tabId, url: null }));
    const onUpdated = (id: number, change: { url?: string }) => {
      if (id === tabId && change.url !== undefined) setState({ tabId, url: change.url });
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId]);
  return state !== null && state.tabId === tabId ? state.url : null;
}

/** Capture health of a tab's page, live: what its last reading said, while the tab still shows that page. */
export function useTabHealth(tabId: number | null): TabHealth | null {
  const health = useTabItem(tabId, tabHealthItem);
  const url = useTabUrl(tabId);
  return health !== null && health.pageUrl === url ? health : null;
}

export interface OpenTab {
  id: number;
  title: string;
  url: string;
}

/** Every open web page (http or https), the one the panel follows first. */
export async function openWebTabs(followed: number | null): Promise<OpenTab[]> {
  const own = await browser.tabs.getCurrent();
  const tabs = (await browser.tabs.query({})).flatMap((tab) =>
    tab.id !== undefined && tab.id !== own?.id && tab.url && /^https?:/.test(tab.url) ? [{ id: tab.id, title: tab.title ?? tab.url, url: tab.url }] : [],
  );
  return tabs.sort((a, b) => Number(b.id === followed) - Number(a.id === followed));
}
