import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/architecture.md), as import rules: each zone lists what its files may not import.
 * Patterns match the import as written, relative (`../db/queries`) or through the `@/` alias.
 */
const never = (regex, message) => ({ regex, message });
const DB = never('(^|/)db/', 'Content scripts run in the marketplace’s origin: an IndexedDB opened there belongs to the site. Only the background writes the store, through lib/db.');
const DEXIE = never('^dexie($|-)', 'Only lib/db uses Dexie.');
const CONTENT_RUNTIME = never('(^|/)content/', 'lib/content is the content script’s runtime: only content script entrypoints start it.');
const ANY_ADAPTER = never('(^|/)adapters/(?!(slices|types|catalog)$)', 'An adapter is read through its Adapter object, which the content script that runs it passes in.');
const BROWSER = never('^(wxt|@webext-core)(/|$)', 'The domain is plain functions: browser APIs belong to entrypoints, lib/messaging and lib/content.');
const SYNC = never('(^|/)sync/', 'Team sync (lib/sync) runs in the background and writes the store (lib/db/sync-store): pages read its status (lib/schema/team.ts) and send team/* actions; nothing else imports it.');
/** The top-level helpers that hold browser storage (lib/settings.ts and the rest), as a file below lib/ imports them. */
const STORAGE_HELPERS = never('^((\\.\\./)+|@/lib/)(capture-queue|screen-state|settings|teach-state)$', 'lib/capture-queue, screen-state, settings and teach-state hold browser storage: the domain and recipes are plain functions.');

const zones = [
  {
    files: ['lib/schema/**'],
    patterns: [never('^(?!zod(/|$)|\\./)', 'lib/schema is the bottom layer: it imports only zod and its own files.')],
  },
  {
    // The pure domain: plain functions over records, testable without a database or a browser.
    files: ['lib/rfm/**', 'lib/replies/**', 'lib/buyers/**', 'lib/export/**'],
    patterns: [
      never('(^|/)(db|adapters|content|messaging)(/|$)', 'The domain (rfm, replies, buyers, export) never imports lib/db, lib/adapters, lib/content or lib/messaging: pass it the records it needs.'),
      SYNC,
      DEXIE,
      BROWSER,
      STORAGE_HELPERS,
    ],
  },
  {
    files: ['lib/db/migrations/**'],
    patterns: [never('^(?!\\./step$)', 'A migration step is frozen: it imports nothing but ./step (derived data is rebuilt by lib/db/derived.ts, with today’s code).')],
  },
  {
    files: ['lib/db/**'],
    ignores: ['lib/db/migrations/**'],
    patterns: [
      never('(^|/)(adapters|content|messaging)/', 'lib/db knows records, not consoles or messages.'),
      never('(^|/)sync/(?!(model|remote)$)', 'lib/db knows team sync’s documents (lib/sync/model, remote) only; the engine that runs them imports lib/db, never the other way.'),
    ],
  },
  {
    files: ['lib/messaging/**'],
    patterns: [never('(^|/)(db|adapters|content|sync|rfm|replies|buyers|export)/', 'lib/messaging is the protocol: its payloads and replies are lib/schema types.')],
  },
  {
    // Team sync: the documents, their conflict rules and the engine the background runs. It reaches
    // the store only through its own side of lib/db (sync-store.ts, and the database's type).
    files: ['lib/sync/**'],
    patterns: [
      never('(^|/)db/(?!(database|sync-store)$)', 'Team sync writes the store only through lib/db/sync-store.ts, whose transactions mark remote rows so they are not sent back.'),
      never('(^|/)(adapters|content|messaging|recipes)/', 'Team sync knows records and documents, not consoles, pages or messages.'),
      DEXIE,
    ],
  },
  {
    // Small helpers every layer may share (lib/*.ts: browser storage keys, the capture queue; lib/i18n).
    // They sit just above lib/schema, so importing one never reaches the store or a console.
    files: ['lib/*.ts', 'lib/i18n/**'],
    ignores: ['lib/money.ts', 'lib/tab-budget.ts', 'lib/first-by.ts'],
    patterns: [never('(^|/)(db|adapters|content|messaging|sync|recipes|rfm|replies|buyers|export)/', 'lib/*.ts and lib/i18n are small helpers every layer may share: they import only lib/schema, lib/i18n, zod, React (i18n/react) and browser storage (wxt).'), DEXIE],
  },
  {
    // money.ts (imported by the domain and the adapters), tab-budget.ts and first-by.ts are plain functions.
    files: ['lib/money.ts', 'lib/tab-budget.ts', 'lib/first-by.ts'],
    patterns: [never('^(?!\\./schema/)', 'lib/money.ts, lib/tab-budget.ts and lib/first-by.ts are plain functions the domain and the adapters share: they import only lib/schema.')],
  },
  {
    // An adapter's folder: its own files, the shared adapter helpers, schema and money.
    files: ['lib/adapters/*/**'],
    patterns: [DB, DEXIE, CONTENT_RUNTIME, SYNC, never('^\\.\\./(?!\\.\\.)[^/]+/', 'An adapter never imports another adapter’s files.')],
  },
  { files: ['lib/adapters/*.ts'], patterns: [DB, DEXIE, CONTENT_RUNTIME, SYNC] },
  {
    // Recipes (taught sites): plain functions over the page and its JSON, like an adapter's folder, run
    // by the content runtime and checked by the background; no store, no messages, no browser APIs.
    files: ['lib/recipes/**'],
    patterns: [DB, DEXIE, CONTENT_RUNTIME, BROWSER, SYNC, STORAGE_HELPERS, never('(^|/)messaging/', 'Recipes read pages; lib/content and the background send what they read.'), never('(^|/)adapters/[^/]+/', 'Recipes share the adapters’ helpers (types, slices, dates), never an adapter’s files.')],
  },
  { files: ['lib/content/**'], patterns: [DB, DEXIE, ANY_ADAPTER, SYNC] },
  { files: ['entrypoints/*.content.ts'], patterns: [DB, DEXIE, SYNC] },
  {
    // Pages read the store and send actions; they bundle no adapter parser and no content runtime.
    files: ['components/**', 'entrypoints/sidepanel/**', 'entrypoints/options/**', 'entrypoints/buyers/**'],
    patterns: [
      never('(^|/)adapters/(?!(catalog|reply-rules|types)$)', 'Pages read the adapter catalog (lib/adapters/catalog.ts), never an adapter’s parsers or the registry.'),
      never('(^|/)db/(?!(database|queries|settings-queries|buyer-list|backup)$)', 'Pages read through lib/db’s queries and change data through lib/messaging actions (backup restore is the one exception).'),
      never('(^|/)messaging/(background|content)$', 'Pages send messages (lib/messaging/actions.ts); only the background and content scripts receive them.'),
      SYNC,
      CONTENT_RUNTIME,
    ],
  },
  {
    files: ['entrypoints/background/**'],
    patterns: [ANY_ADAPTER, CONTENT_RUNTIME],
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['components/**', 'entrypoints/**', 'lib/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Playwright fixtures take `{}` when they need no other fixture.
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Short functions: each says one thing (tests' describe blocks are lists of cases, not functions).
    files: ['lib/**', 'entrypoints/**', 'components/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  ...zones.map(({ files, ignores = [], patterns }) => ({
    files,
    ignores: [...ignores, '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
);
