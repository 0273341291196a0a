import { browser } from 'wxt/browser';
import { db } from '@/lib/db/database';
import { applyRetention } from '@/lib/db/buyers-repository';
import { refreshBuyerList } from '@/lib/db/buyer-list-writer';
import { rescoreAll, rescoreShop } from '@/lib/db/rfm-repository';

/** After a burst of captures a shop is re-scored once, this long after the last one. */
const DEBOUNCE_MS = 1500;
const ALARM = 'rfm-daily';

/**
 * Keeps RFM tiers current: a shop is re-scored (from its buyers' aggregates) shortly after captures
 * touch it, everything when the settings change, and once a day as recency moves on. After each, the
 * buyers table's rows of the buyers that changed are made again (captures and tiers leave marks).
 */
export function createRfmScheduler() {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();

  const run = (work: () => Promise<unknown>) => {
    running = running.then(work).then(
      () => undefined,
      (error: unknown) => console.error('[BuyerLens] RFM scoring failed', error),
    );
    return running;
  };

  const flush = () => {
    timer = undefined;
    const shops = [...pending];
    pending.clear();
    return run(async () => {
      for (const shopKey of shops) await rescoreShop(db, shopKey);
      await refreshBuyerList(db);
    });
  };

  browser.alarms?.create(ALARM, { periodInMinutes: 12 * 60, delayInMinutes: 1 });
  browser.alarms?.onAlarm.addListener((alarm) => {
    // Once a day: orders past the retention period go (when the user set one), then every tier moves on.
    if (alarm.name === ALARM)
      void run(async () => {
        await applyRetention(db);
        await rescoreAll(db);
        await refreshBuyerList(db);
      });
  });
  const everything = async () => {
    await rescoreAll(db);
    await refreshBuyerList(db);
  };
  browser.runtime.onStartup.addListener(() => void run(everything));

  return {
    shopsChanged(shopKeys: readonly string[]) {
      for (const key of shopKeys) pending.add(key);
      if (pending.size === 0) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    rescoreEverything: () => run(everything),
  };
}
