import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and the per-tab "buyer on screen" (storage.session); alarms: daily RFM re-score.
    permissions: ['storage', 'alarms', 'contextMenus'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // world: 'MAIN' content scripts need Firefox 128.
            gecko: { id: 'buyerlens@buyerlens.app', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
});
