import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    // Dexie binds to the global indexedDB when it loads: provide it before any test module.
    setupFiles: ['fake-indexeddb/auto', './test/node-globals.ts'],
    // Dexie and jsdom start-up dominate on a 2-core machine; files run in parallel, tests in order.
    testTimeout: 20_000,
  },
});
