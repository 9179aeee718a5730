/**
 * The browser-test harness: a temp copy of an example app, `ruleloom serve` on a free port,
 * chromium (Debian's, never downloaded) driven by playwright-core, and the gestures a
 * person makes (drag and drop with the mouse, shortcuts). New browser tests (gate editor,
 * formula editor, simulator) start with `openDesigner()` like the ones here.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** The repository root. */
export const repoRoot = join(import.meta.dirname, '..', '..', '..');
const cliBin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');
const imagesDir = join(repoRoot, 'docs', 'images');

/** Where chromium is; CI installs Debian's package there (.ci/run). */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Launches chromium headless (no sandbox, no GPU, no background traffic).
 *
 * @example
 * const browser = await launchBrowser();
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `chromium not found at ${chromiumPath}: install it with "apt-get update && apt-get install -y chromium"`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A running `ruleloom serve` on a temp copy of an app. */
export interface ServedApp {
  /** The temp app folder (the files on disk). */
  readonly dir: string;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Copies `examples/<example>` to a temp folder and starts `ruleloom serve <copy> --port 0`.
 *
 * @example
 * const served = await serveExample('sales-crm');
 */
export async function serveExample(example = 'sales-crm'): Promise<ServedApp> {
  const work = mkdtempSync(join(tmpdir(), 'ruleloom-e2e-'));
  const dir = join(work, example);
  cpSync(join(repoRoot, 'examples', example), dir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, [cliBin, 'serve', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`ruleloom serve did not start:\n${output}`)),
      20_000,
    );
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /ruleloom designer: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ruleloom serve exited with ${code}:\n${output}`));
    });
  });
  return {
    dir,
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the designer of a served app in a new page (Chinese UI) and waits for the first
 * screen (the lead form in the form designer) and a clean problems panel.
 *
 * @example
 * const page = await openDesigner(browser, served.url);
 */
export async function openDesigner(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  await page.getByTestId('form-designer').waitFor();
  await page
    .getByTestId('problems-count')
    .filter({ hasText: /^0 个错误/ })
    .waitFor();
  return page;
}

/**
 * Drags `source` onto `target` with the mouse, as a person does (press, move past the
 * drag threshold, move in steps, release). `offset` is where in the target to drop,
 * relative to its top-left corner (default: its centre).
 *
 * @example
 * await dragAndDrop(page, page.locator('[data-palette=dropdown]'), page.locator('[data-group=classification]'));
 */
export async function dragAndDrop(
  page: Page,
  source: Locator,
  target: Locator,
  offset?: { x: number; y: number },
): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not visible');
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = offset
    ? { x: to.x + offset.x, y: to.y + offset.y }
    : { x: to.x + to.width / 2, y: to.y + to.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 12, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 20 });
  await page.waitForTimeout(150);
  await page.mouse.up();
}

/**
 * Runs `ruleloom validate` on a folder and returns its exit code and output.
 *
 * @example
 * expect(validate(served.dir).code).toBe(0);
 */
export function validate(dir: string): { code: number; output: string } {
  const result = spawnSync(process.execPath, [cliBin, 'validate', dir], { encoding: 'utf8' });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/**
 * Reads a JSON file of the served app from disk.
 *
 * @example
 * readJson(served.dir, 'entities/lead.json');
 */
export function readJson<T = unknown>(dir: string, path: string): T {
  return JSON.parse(readFileSync(join(dir, path), 'utf8')) as T;
}

/**
 * Saves a screenshot to docs/images/<name>.png when RULELOOM_SCREENSHOTS is set
 * (`npm run screenshots -w @ruleloom/designer`); a normal test run leaves docs alone.
 *
 * @example
 * await snapshot(page, 'designer-form');
 */
export async function snapshot(page: Page, name: string): Promise<void> {
  if (!process.env['RULELOOM_SCREENSHOTS']) return;
  mkdirSync(imagesDir, { recursive: true });
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.querySelector('.shell-editor')?.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(imagesDir, `${name}.png`) });
}

/**
 * Changes one JSON file of an app folder on disk (read, `edit` in place, write back as
 * 2-space JSON).
 *
 * @example
 * editJson(dir, 'pipelines/opportunity.json', (p) => delete p.stages[2].entryGate);
 */
export function editJson<T = Record<string, unknown>>(
  dir: string,
  path: string,
  edit: (json: T) => void,
): void {
  const json = readJson<T>(dir, path);
  edit(json);
  writeFileSync(join(dir, path), `${JSON.stringify(json, null, 2)}\n`, 'utf8');
}

/**
 * Like {@link serveExample}, with the temp copy changed by `prepare` before the designer
 * opens it (`ruleloom serve` reads the folder on every request), e.g. to take out the rule a
 * test then builds in the designer.
 *
 * @example
 * const served = await serveExampleWith('sales-crm', (dir) => editJson(dir, 'app.json', (a) => {}));
 */
export async function serveExampleWith(
  example: string,
  prepare: (dir: string) => void,
): Promise<ServedApp> {
  const served = await serveExample(example);
  try {
    prepare(served.dir);
  } catch (error) {
    await served.stop();
    throw error;
  }
  return served;
}

/**
 * Runs `ruleloom test` on a folder and returns its exit code and output.
 *
 * @example
 * expect(runAppTests(served.dir).code).toBe(0);
 */
export function runAppTests(dir: string): { code: number; output: string } {
  const result = spawnSync(process.execPath, [cliBin, 'test', dir, '--lang', 'en'], {
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/**
 * Opens a definition file from the navigation, as a person does: expands its group
 * (流程, 决策表, 公式, …) when it is closed, then clicks the file.
 *
 * @example
 * await openFromNavigator(page, 'pipelines/opportunity.json');
 */
export async function openFromNavigator(page: Page, path: string): Promise<void> {
  const file = page.locator(`[data-nav="${path}"]`);
  if (!(await file.isVisible())) {
    const group = path.slice(0, path.indexOf('/'));
    await page.locator(`[data-nav-group="${group}"]`).click();
    await file.waitFor();
  }
  await file.click();
  await page.getByTestId('open-path').filter({ hasText: path }).waitFor();
}

/**
 * Submits the form preview until it shows a "required" error on each of `fields`, and
 * returns how many it shows then. The preview checks with the app as last compiled, and
 * compiling waits for typing to pause, so a submit right after an edit may not include it.
 *
 * @example
 * await expect.poll(() => submitPreview(page, ['source', 'intentGrade'])).toBe(2);
 */
export async function submitPreview(page: Page, fields: readonly string[]): Promise<number> {
  await page.getByTestId('preview-submit').click();
  return page
    .locator(
      fields.map((id) => `[data-preview-field=${id}] .ant-form-item-explain-error`).join(', '),
    )
    .count();
}
