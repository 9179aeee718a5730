/**
 * A first-time admin's new app: it opens on the app overview (not JSON), 实体 is
 * explained where it first appears, and a new form is named first, built on the entity
 * the admin picks by its label, and opens in the form designer under that title.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  launchBrowser,
  readJson,
  serveExampleWith,
  snapshot,
  validate,
  type ServedApp,
} from './harness.js';

let browser: Browser;
let served: ServedApp | undefined;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await page?.close();
  await served?.stop();
  await browser?.close();
});

/** A new app of two entities, 客户 listed before 线索, and no form yet. */
function newApp(dir: string): void {
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  const write = (path: string, json: unknown): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), `${JSON.stringify(json, null, 2)}\n`, 'utf8');
  };
  write('app.json', {
    $schema: 'https://ruleloom.dev/schemas/v1/app.schema.json',
    id: 'my-crm',
    name: { 'zh-CN': '我的销售管理', en: 'My CRM' },
    version: '0.1.0',
    zone: 'Asia/Shanghai',
    files: { entities: ['entities/customer.json', 'entities/lead.json'] },
  });
  write('entities/customer.json', {
    $schema: 'https://ruleloom.dev/schemas/v1/entity.schema.json',
    id: 'customer',
    label: { 'zh-CN': '客户', en: 'Customer' },
    fields: [{ id: 'name', label: { 'zh-CN': '客户名称', en: 'Name' }, type: 'text' }],
  });
  write('entities/lead.json', {
    $schema: 'https://ruleloom.dev/schemas/v1/entity.schema.json',
    id: 'lead',
    label: { 'zh-CN': '线索', en: 'Lead' },
    fields: [
      { id: 'contact', label: { 'zh-CN': '联系人', en: 'Contact' }, type: 'text' },
      { id: 'phone', label: { 'zh-CN': '手机号', en: 'Mobile' }, type: 'text', format: 'phone' },
    ],
  });
}

it('given a new app, when the admin adds a form named 新建线索 for 线索, then it opens in the form designer titled 新建线索', async () => {
  served = await serveExampleWith('sales-crm', newApp);
  const p = (page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  }));
  p.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await p.goto(served.url);

  // The overview, not JSON: name, zone and calendar in words.
  const overview = p.getByTestId('app-overview');
  await overview.waitFor();
  expect(await overview.getByTestId('app-name-zh').inputValue()).toBe('我的销售管理');
  expect(await overview.getByTestId('app-zone').textContent()).toBe('北京时间 (Asia/Shanghai)');
  expect(await p.locator('.monaco-editor').count()).toBe(0);
  await p
    .getByTestId('problems-count')
    .filter({ hasText: /^0 个错误/ })
    .waitFor();
  await snapshot(p, 'designer-app-overview');

  // 实体 says what it is.
  await p.getByTestId('entity-hint').hover();
  await p.getByRole('tooltip').filter({ hasText: '实体 = 一类业务数据' }).waitFor();

  // The form: its name first, then the entity by its label; the id follows.
  await overview.getByTestId('overview-add-forms').click();
  await p.getByTestId('add-file-name').fill('新建线索');
  await p.getByTestId('add-file-entity').click();
  await p.locator('.ant-select-item-option').filter({ hasText: '线索' }).click();
  expect(await p.getByTestId('add-file-id').inputValue()).toBe('lead-create');
  expect(await p.getByTestId('add-file-mode').textContent()).toBe('新建记录');
  await snapshot(p, 'designer-new-form');
  await p.getByRole('button', { name: '确 定' }).click();

  await p.getByTestId('form-designer').waitFor();
  await expect
    .poll(() => p.locator('.form-canvas-title h5').textContent())
    .toBe('新建线索 · 实体：线索');
  expect(await p.getByTestId('open-path').textContent()).toBe('forms/lead-create.json');
  expect(await p.locator('[data-nav="forms/lead-create.json"]').textContent()).toBe('新建线索');

  await p.keyboard.press('ControlOrMeta+s');
  await expect.poll(() => p.getByTestId('dirty-state').textContent()).toBe('已全部保存');
  expect(readJson(served.dir, 'forms/lead-create.json')).toMatchObject({
    id: 'lead-create',
    label: { 'zh-CN': '新建线索' },
    entity: 'lead',
    mode: 'create',
    fields: ['contact'],
  });
  const result = validate(served.dir);
  expect(result.output).toContain('0 errors');
  expect(result.code).toBe(0);
});
