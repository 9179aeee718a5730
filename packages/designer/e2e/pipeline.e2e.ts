/**
 * The pipeline designer in a browser, as an admin uses it: given `ruleloom serve` on a copy of
 * the sales CRM, when they click a transition and build its gate, or drag a stage, then the
 * pipeline file on disk changes, `ruleloom validate` passes and the app's tests still pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  editJson,
  launchBrowser,
  openDesigner,
  openFromNavigator,
  readJson,
  repoRoot,
  runAppTests,
  serveExample,
  serveExampleWith,
  snapshot,
  validate,
  type ServedApp,
} from './harness.js';

interface Pipeline {
  stages: { id: string; entryGate?: unknown }[];
  transitions: { id: string; gate?: { requiredFields?: string[] } }[];
  layout?: { positions?: Record<string, { x: number; y: number }> };
}

const PIPELINE = 'pipelines/opportunity.json';
const S38_TESTS = [
  's38-quote-needs-survey',
  's38-quote-missing-decision-role',
  's38-quote-survey-complete',
];

let browser: Browser;
let served: ServedApp | undefined;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
afterEach(async () => {
  await page?.close();
  await served?.stop();
  page = undefined;
  served = undefined;
});

/** The dirty-state text in the header. */
const dirtyState = (p: Page): Promise<string | null> => p.getByTestId('dirty-state').textContent();

/** Picks an option of an antd multiple select by typing part of it, as a person does. */
async function pickOption(p: Page, select: string, search: string, option: string): Promise<void> {
  await p.getByLabel(select, { exact: true }).click();
  await p.getByLabel(select, { exact: true }).fill(search);
  await p.locator(`.ant-select-item-option[title="${option}"]`).click();
}

describe('S38: the requirement-survey gate on 方案 → 报价', () => {
  it('given the sales CRM without the S38 gate, when the admin adds 预算范围 and 决策链角色 to the 方案 → 报价 transition and saves, then the file has the gate, validate passes and the S38 tests pass again', async () => {
    // The copy without the S38 gate on 报价: its tests fail until the admin builds it again.
    served = await serveExampleWith('sales-crm', (dir) =>
      editJson<Pipeline>(dir, PIPELINE, (pipeline) => {
        delete pipeline.stages.find((s) => s.id === 'quote')!.entryGate;
      }),
    );
    const before = runAppTests(served.dir);
    expect(before.code).toBe(1);
    expect(before.output).toMatch(/✗ S38\s+s38-quote-needs-survey/);

    page = await openDesigner(browser, served.url);
    await openFromNavigator(page, PIPELINE);
    await page.locator('.rl-transition-label', { hasText: '发送报价' }).click();
    const drawer = page.locator('.ant-drawer');
    const title = drawer.locator('.ant-drawer-title');
    await title.filter({ hasText: '流转闸门：方案 → 报价' }).waitFor();
    // A first-time admin is told what a gate is and where a gate for every way in goes.
    await drawer.getByText(/闸门是推进前必须满足的条件/).waitFor();
    await drawer.getByText(/请点击画布上的“报价”阶段/).waitFor();

    await pickOption(page, '必填字段', '预算', '预算范围 (budgetRange)');
    await pickOption(page, '必填字段', '决策', '决策链角色 (decisionRole)');
    // Done picking: a click on the drawer's title closes the option list.
    await title.click();
    const chosen = drawer.locator('.ant-select-selection-item', {
      hasText: /budgetRange|预算范围/,
    });
    await expect.poll(() => chosen.count()).toBe(1);
    await expect.poll(() => dirtyState(page!)).toBe('1 个文件未保存');
    await expect.poll(() => page!.getByTestId('problems-count').textContent()).toMatch(/^0 个错误/);
    // The edge now carries the lock of a gated transition.
    await expect
      .poll(() =>
        page!
          .locator('.rl-transition-label', { hasText: '发送报价' })
          .locator('.anticon-lock')
          .count(),
      )
      .toBe(1);
    // The drawer from its top (picking scrolled it), for the screenshot.
    await drawer.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, 0));
    await snapshot(page, 'designer-pipeline');

    await page.keyboard.press('ControlOrMeta+s');
    await expect.poll(() => dirtyState(page!)).toBe('已全部保存');

    const saved = readJson<Pipeline>(served.dir, PIPELINE);
    const sendQuote = saved.transitions.find((t) => t.id === 'send-quote');
    expect(sendQuote?.gate).toEqual({ requiredFields: ['budgetRange', 'decisionRole'] });
    // Only the gate was added: the approval and every other transition are as they were.
    expect(sendQuote).toMatchObject({ from: 'proposal', to: 'quote' });
    expect(saved.layout).toBeUndefined();

    const validated = validate(served.dir);
    expect(validated.output).toContain('0 errors');
    expect(validated.code).toBe(0);
    const tests = runAppTests(served.dir);
    for (const id of S38_TESTS) expect(tests.output).toMatch(new RegExp(`✓ S38\\s+${id}\\b`));
    expect(tests.output).toMatch(/\d+ passed, 0 failed/);
    expect(tests.code).toBe(0);
  });
});

describe('stage positions', () => {
  it('given the opportunity pipeline, when a stage is dragged, then it is one undo step, and save writes layout.positions in whole pixels', async () => {
    served = await serveExample('sales-crm');
    page = await openDesigner(browser, served.url);
    await openFromNavigator(page, PIPELINE);
    const lost = page.locator('.rl-stage-node[data-stage="lost"]');
    await lost.waitFor();
    const box = (await lost.boundingBox())!;
    // Drag the 输单 stage down by the mouse, in small steps, as a person does.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 30, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 90, { steps: 10 });
    // While the stage is held, nothing is edited yet.
    expect(await dirtyState(page)).toBe('已全部保存');
    await page.mouse.up();
    await expect.poll(() => dirtyState(page!)).toBe('1 个文件未保存');
    const moved = (await lost.boundingBox())!;
    expect(moved.y).toBeGreaterThan(box.y + 40);

    // One drag, one undo step: undo puts the stage back and the file is as saved.
    await page.getByTestId('undo').click();
    await expect.poll(() => dirtyState(page!)).toBe('已全部保存');
    await expect.poll(async () => (await lost.boundingBox())!.y).toBeCloseTo(box.y, 0);
    await page.getByTestId('redo').click();
    await expect.poll(() => dirtyState(page!)).toBe('1 个文件未保存');

    await page.getByTestId('save').click();
    await expect.poll(() => dirtyState(page!)).toBe('已全部保存');
    const saved = readJson<Pipeline>(served.dir, PIPELINE);
    const positions = saved.layout?.positions ?? {};
    expect(Object.keys(positions).sort()).toEqual(saved.stages.map((s) => s.id).sort());
    for (const at of Object.values(positions)) {
      expect(Number.isInteger(at.x) && Number.isInteger(at.y)).toBe(true);
    }
    // 输单 is now lower than 回款, which dagre puts on the same column above it.
    expect(positions['lost']!.y - positions['payment']!.y).toBeGreaterThan(150);

    // The rest of the file keeps its text: the save only adds the layout.
    const original = readFileSync(join(repoRoot, 'examples', 'sales-crm', PIPELINE), 'utf8');
    const text = readFileSync(join(served.dir, PIPELINE), 'utf8');
    const kept = original.trimEnd().replace(/\n}$/, '');
    expect(text.startsWith(kept)).toBe(true);
    expect(validate(served.dir).code).toBe(0);

    // Reopened, the stage is drawn where it was left.
    await page.reload();
    await page.getByTestId('form-designer').waitFor();
    await openFromNavigator(page, PIPELINE);
    await lost.waitFor();
    const payment = page.locator('.rl-stage-node[data-stage="payment"]');
    const reopened = (await lost.boundingBox())!;
    expect(reopened.y - (await payment.boundingBox())!.y).toBeGreaterThan(60);
  });
});
