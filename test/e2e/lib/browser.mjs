// Debian's Chromium driven by playwright-core (never `npx playwright install`: no browser download).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './install.mjs';
import { onCleanup } from './util.mjs';

export async function launchBrowser(run) {
  const home = join(run.dir, 'chromium');
  mkdirSync(home, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-background-networking'],
    env: {
      ...run.env,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
    },
    timeout: 60_000,
    // run.mjs handles the signals and closes the browser after the test, in order.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = async () => {
    if (browser.isConnected()) await browser.close().catch(() => {});
  };
  onCleanup(close);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  return { browser, context, close };
}
