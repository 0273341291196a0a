import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

export const NO_CHROMIUM = [
  'BuyerLens needs Chromium to run its browser tests and the demo, and none was found.',
  '  Debian/Ubuntu:  sudo apt-get install chromium',
  '  Elsewhere:      npx playwright install chromium   (then it is found automatically)',
  '  Or point to one: CHROMIUM_PATH=/path/to/chromium npm test',
  '(Google Chrome does not load unpacked extensions from the command line; use Chromium.)',
].join('\n');

/** The Chromium to drive: $CHROMIUM_PATH, the system's, or the one Playwright installed. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const system = CANDIDATES.find((path) => existsSync(path));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    return bundled && existsSync(bundled) ? bundled : undefined;
  } catch {
    return undefined;
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  panelUrl: string;
}

/** Chromium with the built extension loaded, in a fresh profile. */
export async function launchWithExtension(options: { headless: boolean; userDataDir?: string; viewport?: { width: number; height: number } | null }): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`The extension is not built (${EXTENSION_DIR}): run npm run build first.`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'buyerlens-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, userDataDir, panelUrl: `chrome-extension://${extensionId}/sidepanel.html` };
}
