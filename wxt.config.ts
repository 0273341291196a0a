import { defineConfig } from 'wxt';

/**
 * The extension pages' (and the service worker's) Content Security Policy: what the README's
 * privacy section promises, enforced by the browser. Every page, the background and the export
 * worker load only the extension's own files and may connect to nothing else, so nothing can leave
 * the machine from the extension's own contexts (test/e2e/no-network.spec.ts).
 * - default-src 'self': whatever no directive below names (images, fonts, media, frames) comes
 *   from the package only.
 * - script-src 'self': only the packaged scripts; no remote, inline or eval'd code.
 * - object-src 'none': no plugins.
 * - connect-src 'self': fetch, XHR, WebSocket, EventSource and beacons reach only the package.
 * - worker-src 'self': the export worker is a packaged file (never a blob: or data: worker).
 * - style-src 'self': the built stylesheets; React sets style props through the CSSOM, which CSP allows.
 * - base-uri 'none', form-action 'none': no <base> that re-points relative URLs, no form posted anywhere.
 * `wxt` (dev) serves modules, inline styles and its reload socket from a localhost dev server:
 * only then are those allowed too (WXT itself adds the dev server to script-src).
 */
function extensionPagesCsp(command: 'build' | 'serve'): string {
  const dev = command === 'serve';
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'object-src': ["'none'"],
    'connect-src': ["'self'", ...(dev ? ['http://localhost:*', 'ws://localhost:*'] : [])],
    'worker-src': ["'self'"],
    'style-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and the per-tab "buyer on screen" (storage.session); alarms: daily RFM re-score.
    permissions: ['storage', 'alarms', 'contextMenus'],
    action: { default_title: '__MSG_actionTitle__' },
    content_security_policy: { extension_pages: extensionPagesCsp(command) },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'buyerlens@buyerlens.app',
              // world: 'MAIN' content scripts need Firefox 128; the data collection declaration is
              // read from 140 (the current ESR), so that is the least BuyerLens asks for.
              strict_min_version: '140.0',
              // BuyerLens collects and transmits nothing: all data stays in the browser (README, privacy).
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads the declaration from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
});
