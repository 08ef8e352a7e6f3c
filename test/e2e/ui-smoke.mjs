// UI smoke test on the packaged extension: installs dist/<name>-<version>.vsix into a fresh
// code-server, opens the fixture workspace in Chromium, opens a release from the Explorer and
// checks what a person sees: the language mode in the status bar, a coloured figure, and a hover
// card after a real mouse hover over a money figure. Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { installExtension, prepareRun, startCodeServer } from './lib/codeserver.mjs';
import { REPO_ROOT, RESULTS_DIR, log, poll, seconds } from './lib/util.mjs';

const RELEASE_FILE = '2021-10-political-consultations.release.md';
const FIGURE = 'USD 5.33 billion';
const FIGURE_CORE = '5.33';
const HOVER_EXPECTS = 'USD 5,330,000,000';
const LANGUAGE_NAME = 'Press Release';
const DATELINE = 'Phnom Penh, 23 October 2021';
const PARTY = 'Viet Nam';
const PARTY_LINE = 'Cambodia and Viet Nam met over a video link';
/** Another release of the fixture workspace that states the same Jan–Sep 2021 trade: a row of the card's table. */
const OTHER_RELEASE = '2022-01-trade-review.release.md';
/** The line of that release that states the figure. */
const OTHER_LINE = 10;

/**
 * Finds the rendered span holding `core` on the first editor line that contains `lineText` (after
 * the first line containing `after`, when given), with the colour of plain text on that line.
 */
function styleOf(page, { lineText, core, after }) {
  return page.evaluate(
    ({ lineText, core, after }) => {
      const norm = (s) => (s ?? '').replace(/\u00a0/g, ' ');
      const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')].sort(
        (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
      );
      const from = after ? lines.findIndex((l) => norm(l.textContent).includes(after)) + 1 : 0;
      const line = lines.slice(Math.max(from, 0)).find((l) => norm(l.textContent).includes(lineText));
      if (!line) return { found: false, lines: lines.length };
      const spans = [...line.querySelectorAll('span > span')];
      const span = spans.find((s) => norm(s.textContent).includes(core));
      const plain = spans.find((s) => s.classList.contains('mtk1'));
      if (!span) return { found: false, lines: lines.length };
      const rect = span.getBoundingClientRect();
      return {
        found: true,
        text: norm(span.textContent),
        className: span.className,
        color: getComputedStyle(span).color,
        plainColor: plain ? getComputedStyle(plain).color : getComputedStyle(line).color,
        box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      };
    },
    { lineText, core, after },
  );
}

const figureStyle = (page) => styleOf(page, { lineText: FIGURE, core: FIGURE_CORE });

/** Polls until the span is drawn in a colour other than plain text; returns a description. */
async function assertColoured(page, target, what, timeout) {
  let style;
  try {
    style = await poll(
      async () => {
        const seen = await styleOf(page, target);
        return seen.found && seen.color !== seen.plainColor ? seen : null;
      },
      { timeout, what: `${what} to be drawn in a colour other than plain text` },
    );
  } catch (error) {
    throw new Error(`${error.message}; seen: ${JSON.stringify(await styleOf(page, target))}`);
  }
  return `"${style.text}" ${style.color} (class ${style.className}) vs plain text ${style.plainColor}`;
}

export async function runUiSmoke({ vsix, workspace, timeout = 30_000 }) {
  const started = Date.now();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const checks = [];
  const run = prepareRun('ui', { 'workbench.colorTheme': 'Default Dark Modern', 'workbench.reduceMotion': 'on' });
  installExtension(run, vsix);
  log(`installed ${relative(REPO_ROOT, vsix)} into a fresh extensions folder in ${seconds(Date.now() - started)}`);
  const server = await startCodeServer(run);
  const launched = Date.now();
  const { context, close } = await launchBrowser(run);
  log(`Chromium launched in ${seconds(Date.now() - launched)}`);
  const pageErrors = [];
  let page;
  const shot = async (name) => {
    const path = join(RESULTS_DIR, `ui-smoke-${name}.png`);
    try {
      await page.screenshot({ path });
      return relative(REPO_ROOT, path);
    } catch (error) {
      return `(screenshot failed: ${error.message})`;
    }
  };
  const check = async (name, fn) => {
    const t0 = Date.now();
    try {
      const detail = await fn();
      checks.push({ name, ok: true });
      console.log(`  ✓ ${name}${detail ? ` — ${detail}` : ''} (${seconds(Date.now() - t0)})`);
      return true;
    } catch (error) {
      const screenshot = await shot(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
      checks.push({ name, ok: false });
      console.log(`  ✗ ${name}\n      ${String(error.message ?? error).replace(/\n/g, '\n      ')}\n      screenshot: ${screenshot}`);
      return false;
    }
  };

  try {
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const url = `${server.base}/?folder=${encodeURIComponent(workspace)}`;
    const opened = await check('the workbench opens the fixture workspace', async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout });
    });
    const editorOpen =
      opened &&
      (await check(`the Explorer opens releases/${RELEASE_FILE}`, async () => {
        const exactly = (name) => new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
        const row = (name) => page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: exactly(name) }).first();
        const file = row(RELEASE_FILE);
        if (!(await file.isVisible())) {
          await row('releases').click();
          await file.waitFor({ state: 'visible', timeout });
        }
        await file.click();
        await page.locator('.tabs-container .tab.active', { hasText: RELEASE_FILE }).waitFor({ state: 'visible', timeout });
        await poll(async () => (await figureStyle(page)).found, { timeout, what: `the line with "${FIGURE}" to render` });
      }));

    if (editorOpen) {
      await check(`the status bar shows the language mode "${LANGUAGE_NAME}"`, async () => {
        const mode = page.locator('[id="status.editor.mode"]');
        let seen = '';
        await poll(
          async () => {
            seen = ((await mode.textContent({ timeout: 1000 })) ?? '').trim();
            return seen === LANGUAGE_NAME;
          },
          { timeout, what: `the language mode "${LANGUAGE_NAME}" (status bar shows ${JSON.stringify(seen)})` },
        ).catch((error) => {
          throw new Error(`${error.message}; the status bar shows ${JSON.stringify(seen)}`);
        });
        return `status bar: ${seen}`;
      });

      await check(`the figure "${FIGURE}" is coloured`, () =>
        assertColoured(page, { lineText: FIGURE, core: FIGURE_CORE }, `"${FIGURE_CORE}"`, timeout),
      );
      // The TextMate grammar has no rule for parties: colour here comes from the server's tokens.
      await check(`the party "${PARTY}" is coloured by the server's semantic tokens`, () =>
        assertColoured(page, { lineText: PARTY_LINE, core: PARTY, after: DATELINE }, `"${PARTY}"`, timeout),
      );
      await shot('1-release-open');

      await check(`a mouse hover over "${FIGURE}" shows a card with ${HOVER_EXPECTS}`, async () => {
        const hover = page.locator('.monaco-editor .monaco-hover').filter({ hasText: HOVER_EXPECTS });
        let lastText = '';
        await poll(
          async () => {
            const style = await figureStyle(page);
            if (!style.found) return false;
            const x = style.box.x + style.box.width / 2;
            const y = style.box.y + style.box.height / 2;
            // A real pointer move away and back onto the figure: the editor's hover needs mouse events.
            await page.mouse.move(x, y + 200);
            await page.mouse.move(x, y, { steps: 5 });
            try {
              await hover.first().waitFor({ state: 'visible', timeout: 3000 });
              return true;
            } catch {
              lastText = ((await page.locator('.monaco-editor .monaco-hover').allTextContents()) ?? []).join(' | ');
              return false;
            }
          },
          { timeout, interval: 100, what: `a hover card containing ${HOVER_EXPECTS}` },
        ).catch((error) => {
          throw new Error(`${error.message}; hover text seen: ${JSON.stringify(lastText || '(no hover card)')}`);
        });
        // Let the card finish fading in before the screenshot.
        await poll(() => hover.first().evaluate((el) => el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running')), {
          timeout: 5000,
          interval: 50,
          what: 'the hover card to finish its animation',
        });
        const text = (await hover.first().textContent()) ?? '';
        return `card: ${JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 160))}`;
      });
      await shot('2-hover');

      await check(`the card lists "${FIGURE}" in the other releases as a table with links`, async () => {
        const card = page.locator('.monaco-editor .monaco-hover').filter({ hasText: HOVER_EXPECTS }).first();
        const table = card.locator('table').first();
        await poll(async () => (await card.locator('table').count()) > 0, { timeout: 5000, interval: 100, what: 'a table in the hover card' });
        const rows = (await table.locator('tr').allTextContents()).map((r) => r.replace(/\s+/g, ' ').trim());
        const other = rows.find((r) => r.includes(OTHER_RELEASE));
        if (!other) throw new Error(`no row for ${OTHER_RELEASE} in ${JSON.stringify(rows)}`);
        if (!other.includes('January–September 2021') || !other.includes(FIGURE)) throw new Error(`the row for ${OTHER_RELEASE} reads ${JSON.stringify(other)}`);
        if ((await table.locator('a', { hasText: OTHER_RELEASE }).count()) === 0) throw new Error(`${OTHER_RELEASE} is not a link in the table`);
        // Bring the table into the card's view for the screenshot.
        await table.evaluate((el) => el.scrollIntoView({ block: 'nearest' })).catch(() => {});
        return `rows: ${JSON.stringify(rows)}`;
      });
      await shot('3-hover-table');

      await check(`a click on ${OTHER_RELEASE} in the card opens that release at the figure's line`, async () => {
        const card = page.locator('.monaco-editor .monaco-hover').filter({ hasText: HOVER_EXPECTS }).first();
        await card.locator('table a', { hasText: OTHER_RELEASE }).first().click();
        const tab = page.locator('.tabs-container .tab.active', { hasText: OTHER_RELEASE });
        await poll(async () => (await tab.count()) > 0, { timeout, interval: 100, what: `the ${OTHER_RELEASE} tab to be active` });
        // The status bar shows the cursor's line: the figure's line in the other release.
        let seen = '';
        await poll(
          async () => {
            seen = ((await page.locator('.statusbar-item').allTextContents()) ?? []).join(' | ');
            return seen.includes(`Ln ${OTHER_LINE},`);
          },
          { timeout: 10_000, interval: 100, what: `the cursor on line ${OTHER_LINE}` },
        ).catch((error) => {
          throw new Error(`${error.message}; status bar: ${JSON.stringify(seen)}`);
        });
        return `active tab ${OTHER_RELEASE}, cursor on line ${OTHER_LINE}`;
      });
      await shot('4-link-opened');
    }
  } finally {
    if (pageErrors.length) log(`errors on the workbench page: ${pageErrors.slice(-5).join(' | ')}`);
    await close();
    await server.stop();
  }
  const passed = checks.filter((c) => c.ok).length;
  return { passed, failed: checks.length - passed, ms: Date.now() - started };
}
