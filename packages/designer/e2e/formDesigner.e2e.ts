/**
 * The designer in a browser, as an admin uses it: given `ruleloom serve` on a copy of the
 * sales CRM, when they drag, type, click and press keys, then the files on disk change and
 * still pass `ruleloom validate`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  dragAndDrop,
  launchBrowser,
  openDesigner,
  readJson,
  repoRoot,
  serveExample,
  snapshot,
  submitPreview,
  validate,
  type ServedApp,
} from './harness.js';

interface Field {
  id: string;
  type: string;
  required?: boolean;
  label?: unknown;
  options?: { id: string; label: unknown }[];
}

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

describe('form designer', () => {
  it('given the lead form, when a dropdown is dragged into 线索分类, given options and made required, then save writes the entity and the form, and validate passes', async () => {
    await snapshot(page, 'designer-shell');
    const group = page.locator('[data-group=classification]');
    const box = await group.boundingBox();
    await dragAndDrop(page, page.locator('[data-palette=dropdown]'), group, {
      x: (box?.width ?? 200) / 2,
      y: (box?.height ?? 100) - 5,
    });
    const panel = page.getByTestId('property-panel');
    await expect.poll(() => page.locator('[data-field=dropdown]').count()).toBe(1);
    await panel.getByTestId('prop-label-zh').fill('客户行业');
    await panel.getByTestId('prop-label-en').fill('Industry');
    await expect.poll(() => page.locator('[data-field=industry]').count()).toBe(1);

    const options = panel.getByTestId('options-editor');
    await options.getByRole('button', { name: '添加选项' }).click();
    const rows = options.locator('.option-row');
    await expect.poll(() => rows.count()).toBe(3);
    const names = [
      ['制造业', 'Manufacturing'],
      ['零售', 'Retail'],
      ['医疗', 'Healthcare'],
    ];
    for (const [index, [zh, en]] of names.entries()) {
      await rows.nth(index).getByLabel('选项名称').fill(zh!);
      await rows.nth(index).getByLabel('英文名称').fill(en!);
    }
    await panel.getByTestId('prop-required').click();
    await expect
      .poll(() => panel.getByTestId('prop-required').getAttribute('aria-checked'))
      .toBe('true');
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('2 个文件未保存');
    await snapshot(page, 'designer-form');

    await page.getByRole('tab', { name: '预览' }).click();
    // Submitted until the debounced compile includes the new required field.
    await expect.poll(() => submitPreview(page, ['industry'])).toBe(1);
    await snapshot(page, 'designer-preview');

    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('已全部保存');

    const lead = readJson<{ fields: Field[] }>(served.dir, 'entities/lead.json');
    const industry = lead.fields.find((f) => f.id === 'industry');
    expect(industry).toMatchObject({
      type: 'enum',
      display: 'dropdown',
      required: true,
      label: { 'zh-CN': '客户行业', en: 'Industry' },
    });
    expect(industry?.options?.map((o) => o.id)).toEqual(['manufacturing', 'retail', 'healthcare']);
    const form = readJson<{ sections: { id: string; fields: unknown[] }[] }>(
      served.dir,
      'forms/lead-create.json',
    );
    expect(form.sections.find((s) => s.id === 'classification')?.fields).toContain('industry');

    // Saved with the smallest change: the rest of the file keeps its formatting.
    const original = readFileSync(
      join(repoRoot, 'examples', 'sales-crm', 'forms', 'lead-create.json'),
      'utf8',
    ).split('\n');
    const saved = readFileSync(join(served.dir, 'forms', 'lead-create.json'), 'utf8').split('\n');
    expect(saved.filter((line) => !original.includes(line)).length).toBeLessThanOrEqual(2);

    const result = validate(served.dir);
    expect(result.output).toContain('0 errors');
    expect(result.code).toBe(0);
  });

  it('given an edit, when it is undone and redone with the keyboard and the toolbar, then the form follows', async () => {
    await page.locator('[data-field=region]').click();
    const required = page.getByTestId('prop-required');
    await required.click();
    const star = page.locator('[data-field=region] .required-mark');
    await expect.poll(() => star.count()).toBe(1);
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => star.count()).toBe(0);
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('已全部保存');
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect.poll(() => star.count()).toBe(1);
    await page.getByTestId('undo').click();
    await expect.poll(() => star.count()).toBe(0);
    await page.getByTestId('redo').click();
    await expect.poll(() => star.count()).toBe(1);
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('1 个文件未保存');
  });

  it('given a reordered field, when undone, then the order is back', async () => {
    const order = (): Promise<(string | null)[]> =>
      page
        .locator('[data-group=contact] [data-field]')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-field')));
    expect(await order()).toEqual(['name', 'company', 'phone']);
    await dragAndDrop(page, page.locator('[data-field=phone]'), page.locator('[data-field=name]'), {
      x: 40,
      y: 4,
    });
    await expect.poll(order).toEqual(['phone', 'name', 'company']);
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(order).toEqual(['name', 'company', 'phone']);
  });
});

describe('S1: a new lead form of required dropdowns', () => {
  it('given a new form, when the three classification fields are dragged onto it, then the preview requires them and save adds the form to app.json', async () => {
    await page.getByTestId('add-forms').click();
    // 修改已有记录: the form starts with one field (a 新建 form starts with the required ones).
    await page.getByTestId('add-file-mode').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '修改已有记录' }).click();
    await page.getByTestId('add-file-id').fill('lead-s1');
    await page.getByTestId('add-file-id').press('Enter');
    await expect.poll(() => page.getByTestId('open-path').textContent()).toBe('forms/lead-s1.json');
    const group = page.locator('[data-group=fields]');
    for (const id of ['source', 'firstTouch', 'intentGrade']) {
      const box = await group.boundingBox();
      await dragAndDrop(page, page.locator(`[data-unplaced=${id}]`), group, {
        x: (box?.width ?? 200) / 2,
        y: (box?.height ?? 60) - 4,
      });
      await expect.poll(() => group.locator(`[data-field=${id}]`).count()).toBe(1);
    }
    const order = await group
      .locator('[data-field]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-field')));
    expect(order).toEqual(['name', 'source', 'firstTouch', 'intentGrade']);
    await snapshot(page, 'designer-s1-form');

    await page.getByRole('tab', { name: '预览' }).click();
    // Submitted until the debounced compile includes all three.
    await expect.poll(() => submitPreview(page, ['source', 'firstTouch', 'intentGrade'])).toBe(3);

    await page.keyboard.press('ControlOrMeta+s');
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('已全部保存');
    expect(readJson(served.dir, 'forms/lead-s1.json')).toMatchObject({
      id: 'lead-s1',
      entity: 'lead',
      fields: ['name', 'source', 'firstTouch', 'intentGrade'],
    });
    const manifest = readJson<{ files: { forms: string[] } }>(served.dir, 'app.json');
    expect(manifest.files.forms).toContain('forms/lead-s1.json');
    expect(validate(served.dir).code).toBe(0);
  });
});

describe('problems panel', () => {
  it('given an option id cleared, when the problem is clicked, then the entity editor shows the field at that option, and the JSON tab is focused on it', async () => {
    await page.locator('[data-field=source]').click();
    const firstOptionId = page.getByTestId('options-editor').locator('.option-id').first();
    await firstOptionId.fill('');
    const problems = page.getByTestId('problems-panel');
    await expect
      .poll(() => page.getByTestId('problems-count').textContent())
      .not.toMatch(/^0 个错误/);
    const row = problems.locator('.problem-row[data-file="entities/lead.json"]').first();
    await expect.poll(() => row.count()).toBe(1);
    await snapshot(page, 'designer-problems');
    await row.click();
    await expect.poll(() => page.getByTestId('open-path').textContent()).toBe('entities/lead.json');
    // The visual editor selects the field and marks the option the problem is about.
    await page.locator('.entity-fields [data-field=source].selected').waitFor();
    await page
      .getByTestId('options-editor')
      .locator('.option-row.focused[data-option-index="0"]')
      .waitFor();
    expect(await page.getByTestId('canvas-problems').textContent()).toContain('不是有效的 ID');

    // The JSON tab shows the same place, selected and in view: the option's empty id.
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('.monaco-editor .selected-text').count())
      .toBeGreaterThan(0);
    expect(await page.locator('.monaco-editor .view-line', { hasText: '"id": ""' }).count()).toBe(
      1,
    );
    await snapshot(page, 'designer-json');
  });
});

describe('tests', () => {
  it('when 运行测试 is clicked, then every test of the app passes, each with its scenario id', async () => {
    const manifest = readJson<{ tests: string[] }>(served.dir, 'app.json');
    await page.getByTestId('run-tests').click();
    const summary = page.getByTestId('tests-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe(`${manifest.tests.length} 个通过，0 个失败`);
    expect(await page.locator('[data-passed=true]').count()).toBe(manifest.tests.length);
    expect(
      await page.locator('.tests-drawer').getByText('S38', { exact: true }).count(),
    ).toBeGreaterThan(0);
    await snapshot(page, 'designer-tests');
  });
});
