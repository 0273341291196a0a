import { defineConfig } from '@playwright/test';

// The extension is built by `npm test` before this runs (scripts/test.mjs); each test gets its own
// Chromium profile with it loaded (test/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  // Two cores: one Chromium with an extension at a time keeps timings honest.
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: { trace: 'retain-on-failure' },
  outputDir: 'test-results',
});
