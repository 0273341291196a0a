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
 * - connect-src 'self' wss: ws://127.0.0.1:* ws://localhost:*: fetch, XHR, EventSource and beacons
 *   reach only the package; the one way out is a WebSocket, to the team sync server the user joins
 *   (lib/sync): over TLS, or on this machine. Nothing opens one until the user joins a team.
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
    'connect-src': ["'self'", 'wss:', 'ws://127.0.0.1:*', 'ws://localhost:*', ...(dev ? ['http://localhost:*'] : [])],
    'worker-src': ["'self'"],
    'style-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Sites a test build is granted at install (`BUYERLENS_TEST_ORIGINS=http://127.0.0.1:3000,…`): the
 * teaching tests ask for a site as a seller does, and the browser answers without a prompt for a
 * site already granted. Production builds set none and are granted nothing at install.
 */
function testOrigins(): string[] {
  const listed = process.env.BUYERLENS_TEST_ORIGINS ?? '';
  return listed
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => /^https?:\/\/[^/]+$/.test(origin))
    .map((origin) => `${origin}/*`);
}

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and the per-tab "buyer on screen" (storage.session); alarms: daily RFM re-score;
    // tabs: teaching lists the open tabs by title and address; scripting: a taught site's scripts are
    // registered at run time, on the sites the seller grants (optional_host_permissions), one by one.
    permissions: ['storage', 'alarms', 'contextMenus', 'tabs', 'scripting'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(testOrigins().length > 0 ? { host_permissions: testOrigins() } : {}),
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
