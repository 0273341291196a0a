import { BuyerLensDatabase } from './database';

let counter = 0;

/** A fresh, empty database per test (fake-indexeddb, set up in vitest.config.ts). */
export function freshDatabase(): BuyerLensDatabase {
  counter += 1;
  return new BuyerLensDatabase(`buyerlens-test-${process.pid}-${counter}`);
}
