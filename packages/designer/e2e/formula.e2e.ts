/**
 * The formula and decision-table editors in a browser: given `ruleloom serve` on a copy of the
 * sales CRM, when the admin mistypes a formula, then the engine's diagnostic shows as they
 * type (an underline with a zh-CN message, and a row in the problems panel) and goes away
 * when they fix it; when they try the S36 rebate tier table, then the engine says which row
 * matched.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openDesigner,
  openFromNavigator,
  serveExample,
  snapshot,
  type ServedApp,
} from './harness.js';

let browser: Browser;
let served: ServedApp;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  served = await serveExample('sales-crm');
  page = await openDesigner(browser, served.url);
});
afterEach(async () => {
  await page?.close();
  await served?.stop();
});

const FORMULA = 'formulas/new-product-bonus.json';

describe('formula editor', () => {
  it('given the S36 new-product bonus formula, when a function name is mistyped, then the diagnostic shows as you type, and when it is fixed, then it goes away', async () => {
    await openFromNavigator(page, FORMULA);
    const editor = page.locator('.rl-formula-editor .monaco-editor');
    await editor.locator('.view-line', { hasText: 'MONEY_MUL(本单新品金额, 0.02, 2)' }).waitFor();
    const problems = page.locator('.rl-formula-editor .rl-formula-problems');
    await problems.getByText('公式无误').waitFor();

    // MONEY_MUL → MONY_MUL: click into the formula, go to the start, delete the E.
    await editor.locator('.view-line').first().click();
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Delete');
    await editor.locator('.view-line', { hasText: 'MONY_MUL(' }).waitFor();

    // Under the formula: the engine's message in zh-CN.
    const message = 'RL4005 公式第 1 列的函数 "MONY_MUL" 不存在';
    await problems.getByRole('alert').filter({ hasText: message }).waitFor();
    // In monaco: a red underline, and its hover says the message and the fix.
    const squiggle = editor.locator('.squiggly-error');
    await expect.poll(() => squiggle.count()).toBeGreaterThan(0);
    // In the problems panel: the same diagnostic on the formula file.
    const row = page.locator(`.problem-row[data-file="${FORMULA}"][data-code="RL4005"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('函数 "MONY_MUL" 不存在');
    await expect
      .poll(() => page.getByTestId('problems-count').textContent())
      .not.toMatch(/^0 个错误/);

    // The pointer on the misspelled name (the underline itself lies below the text).
    const hover = page.locator('.monaco-hover', { hasText: message });
    await editor.locator('.view-line span span', { hasText: 'MONY_MUL' }).hover();
    await hover.waitFor();
    expect(await hover.textContent()).toContain('相近的函数：MONEY_MUL');
    // Monaco's own words are in the UI language too.
    expect(await hover.textContent()).toContain('查看问题');
    // The same hover from the keyboard (Ctrl+K Ctrl+I), which stays for the screenshot.
    await page.mouse.move(0, 0);
    await page.keyboard.press('ControlOrMeta+k');
    await page.keyboard.press('ControlOrMeta+i');
    await hover.waitFor();
    await snapshot(page, 'designer-formula');
    await page.keyboard.press('Escape');

    // Fixed: the E typed back where it was (the cursor is still after MON).
    await page.keyboard.type('E');
    await editor.locator('.view-line', { hasText: 'MONEY_MUL(本单新品金额, 0.02, 2)' }).waitFor();
    await problems.getByText('公式无误').waitFor();
    await expect.poll(() => squiggle.count()).toBe(0);
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => page.getByTestId('problems-count').textContent()).toMatch(/^0 个错误/);
    // Back to the saved text: nothing to save.
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('已全部保存');
  });
});

describe('decision table editor', () => {
  it('given the S36 rebate tier table, when 回款率 90% and 新品采购额 35万 are tried, then row tier-a matches with coefficient 1.2', async () => {
    await openFromNavigator(page, 'tables/rebate-tier.json');
    const table = page.locator('.rl-table-editor');
    await expect.poll(() => table.locator('.rl-table-row').count()).toBe(4);
    await table.getByLabel('试算 paymentRate').fill('90%');
    await table.getByLabel('试算 newProductAmount').fill('35万');
    await table.getByRole('button', { name: /运\s*行/ }).click();
    const result = table.locator('.rl-table-try-result');
    await result.waitFor();
    expect(await result.locator('.ant-tag').allTextContents()).toEqual(['tier-a']);
    expect(await result.textContent()).toContain('{"coefficient":1.2}');
    await snapshot(page, 'designer-table');
  });
});
