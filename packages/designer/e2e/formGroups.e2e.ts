/**
 * Groups (分组) in the form designer, a problem shown where it is on the canvas, and a
 * first-time admin's walkthrough: given `ruleloom serve` on an app, when the admin works
 * only with the mouse and the keyboard, then the files on disk change and still pass
 * `ruleloom validate`.
 */
import { readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  dragAndDrop,
  editJson,
  launchBrowser,
  openDesigner,
  readJson,
  serveExample,
  serveExampleWith,
  snapshot,
  submitPreview,
  validate,
  type ServedApp,
} from './harness.js';

interface Field {
  id: string;
  type: string;
  required?: boolean;
  display?: string;
  label?: unknown;
  options?: { id: string; label: unknown }[];
}
interface Form {
  label?: unknown;
  mode?: string;
  submitLabel?: unknown;
  fields?: unknown[];
  sections?: { id: string; label?: unknown; fields: unknown[] }[];
}

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

/** The groups of the canvas and their fields, in order: `['contact:name,company', …]`. */
function canvasGroups(p: Page): Promise<string[]> {
  return p
    .locator('.form-canvas [data-group]')
    .evaluateAll((groups) =>
      groups.map(
        (group) =>
          `${group.getAttribute('data-group')}:${[...group.querySelectorAll('[data-field]')]
            .map((card) => card.getAttribute('data-field'))
            .join(',')}`,
      ),
    );
}

/** Drops `source` at the bottom of `group` (after its last field). */
async function dropAtEnd(p: Page, source: Locator, group: Locator): Promise<void> {
  await group.scrollIntoViewIfNeeded();
  const box = await group.boundingBox();
  await dragAndDrop(p, source, group, {
    x: (box?.width ?? 200) / 2,
    y: (box?.height ?? 60) - 5,
  });
}

/** Opens the designer of a served app without waiting for a clean problems panel. */
async function openWithProblems(url: string): Promise<Page> {
  const opened = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  opened.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await opened.goto(url);
  return opened;
}

describe('groups of a form', () => {
  it('given the lead form, when 线索分类 is renamed in place, moved above 联系人信息 by its handle and a field is dragged across, then save writes the sections in that order and validate passes', async () => {
    served = await serveExample('sales-crm');
    const p = (page = await openDesigner(browser, served.url));
    const classification = p.locator('[data-group=classification]');

    await classification.getByTestId('rename-section').click();
    const title = classification.getByTestId('section-title-input');
    await title.fill('线索分类（必选）');
    await title.press('Enter');
    await expect
      .poll(() => classification.getByTestId('section-title').textContent())
      .toBe('线索分类（必选）');

    await dragAndDrop(
      p,
      classification.getByTestId('section-handle'),
      p.locator('[data-group=contact] [data-testid=section-handle]'),
      { x: 4, y: 0 },
    );
    await expect
      .poll(async () => (await canvasGroups(p)).map((g) => g.split(':')[0]))
      .toEqual(['classification', 'contact']);

    await dropAtEnd(p, p.locator('[data-field=region]'), p.locator('[data-group=contact]'));
    await expect
      .poll(() => canvasGroups(p))
      .toEqual([
        'classification:source,websiteForm,firstTouch,intentGrade,owner',
        'contact:name,company,phone,region',
      ]);

    await p.keyboard.press('ControlOrMeta+s');
    await expect.poll(() => p.getByTestId('dirty-state').textContent()).toBe('已全部保存');
    const form = readJson<Form>(served.dir, 'forms/lead-create.json');
    expect(form.sections?.map((s) => s.id)).toEqual(['classification', 'contact']);
    expect(form.sections?.[0]?.label).toEqual({
      'zh-CN': '线索分类（必选）',
      en: 'Classification',
    });
    expect(form.sections?.[1]?.fields.at(-1)).toBe('region');
    expect(validate(served.dir).code).toBe(0);
  });

  it('given 线索分类, when it is deleted, then the admin is told where its fields go, they join 联系人信息, and undo brings the group back', async () => {
    served = await serveExample('sales-crm');
    const p = (page = await openDesigner(browser, served.url));
    await p.locator('[data-group=classification]').getByTestId('delete-section').click();
    const confirm = p.locator('.ant-popover').filter({ hasText: '删除分组“线索分类”' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('其中的 6 个字段会移到“联系人信息”，不会被删除');
    await confirm.getByRole('button', { name: '删除分组' }).click();
    await expect
      .poll(() => canvasGroups(p))
      .toEqual([
        'contact:name,company,phone,source,websiteForm,firstTouch,intentGrade,region,owner',
      ]);
    await expect.poll(() => p.getByTestId('problems-count').textContent()).toMatch(/^0 个错误/);

    await p.keyboard.press('ControlOrMeta+z');
    await expect
      .poll(() => canvasGroups(p))
      .toEqual([
        'contact:name,company,phone',
        'classification:source,websiteForm,firstTouch,intentGrade,region,owner',
      ]);
  });

  it('given a new empty group, then it says it needs a field, its problem opens the group, and a field dropped in clears it', async () => {
    served = await serveExample('sales-crm');
    const p = (page = await openDesigner(browser, served.url));
    await p.getByTestId('add-section').click();
    const group = p.locator('[data-group=group]');
    await group.waitFor();
    expect(await group.textContent()).toContain('分组里至少要有一个字段');
    // The new group is selected: its title can be typed at once.
    await p.getByTestId('section-label-zh').fill('跟进');
    await expect.poll(() => group.getByTestId('section-title').textContent()).toBe('跟进');

    await p.locator('[data-field=name]').click();
    const row = p.locator('.problem-row[data-file="forms/lead-create.json"]');
    await expect.poll(() => row.count()).toBe(1);
    await row.click();
    const panel = p.getByTestId('section-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('canvas-problems').textContent()).toContain(
      '分组里至少要有一个字段',
    );

    await dropAtEnd(p, p.locator('[data-unplaced=budget]'), group);
    await expect.poll(() => canvasGroups(p)).toContain('group:budget');
    await expect.poll(() => p.getByTestId('problems-count').textContent()).toMatch(/^0 个错误/);
  });
});

describe('a problem on the canvas', () => {
  it('given a form field whose condition names an unknown field, when its problem is clicked, then the field is selected on the canvas and open in the property panel with the problem', async () => {
    served = await serveExampleWith('sales-crm', (dir) =>
      editJson<Form>(dir, 'forms/lead-create.json', (form) => {
        form.sections![1]!.fields[4] = {
          field: 'region',
          visibleWhen: { '==': [{ var: 'sorce' }, 'expo'] },
        };
      }),
    );
    const p = (page = await openWithProblems(served.url));
    await p.getByTestId('form-designer').waitFor();
    const row = p.locator('.problem-row[data-file="forms/lead-create.json"]');
    await row.waitFor();
    await row.click();

    await p.locator('.form-canvas [data-field=region].selected').waitFor();
    expect(await p.locator('[data-field=region].has-problem').count()).toBe(1);
    const panel = p.getByTestId('property-panel');
    expect(await panel.getByTestId('prop-label-zh').inputValue()).toBe('区域');
    expect(await p.getByTestId('canvas-problems').textContent()).toContain('未知字段 "sorce"');
    // The visual tab stays open: the canvas shows the place.
    expect(await p.getByRole('tab', { name: '可视化', selected: true }).count()).toBe(1);
    expect(await p.locator('.monaco-editor').count()).toBe(0);
  });
});

/** A sales-ops admin's new app: a lead entity with contact fields only, and no form yet. */
function starterApp(dir: string): void {
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
    locale: 'zh-CN',
    zone: 'Asia/Shanghai',
    files: { entities: ['entities/lead.json'] },
  });
  write('entities/lead.json', {
    $schema: 'https://ruleloom.dev/schemas/v1/entity.schema.json',
    id: 'lead',
    label: { 'zh-CN': '线索', en: 'Lead' },
    titleField: 'name',
    fields: [
      { id: 'name', label: { 'zh-CN': '联系人', en: 'Contact' }, type: 'text', required: true },
      { id: 'company', label: { 'zh-CN': '公司名称', en: 'Company' }, type: 'text' },
      { id: 'phone', label: { 'zh-CN': '手机号', en: 'Mobile' }, type: 'text', format: 'phone' },
    ],
  });
}

describe('S1: a first-time admin builds the lead form', () => {
  it('given a new app, when the admin names a new form 新建线索, adds the group 基本信息, drags fields, sets options and required, then saves, then the form is the S1 lead form and validate passes', async () => {
    served = await serveExampleWith('sales-crm', starterApp);
    const p = (page = await openWithProblems(served.url));
    await p
      .getByTestId('problems-count')
      .filter({ hasText: /^0 个错误/ })
      .waitFor();

    // A new app opens on its overview; a new form is named first, its id follows.
    await p.getByTestId('app-overview').waitFor();
    await p.getByTestId('add-forms').click();
    await p.getByTestId('add-file-name').fill('新建线索');
    expect(await p.getByTestId('add-file-id').inputValue()).toBe('lead-create');
    await p.getByTestId('add-file-name').press('Enter');
    await p.getByTestId('form-designer').waitFor();

    // Nothing selected: the side panel holds the form's own settings.
    const settings = p.getByTestId('form-settings');
    expect(await settings.getByTestId('form-title-zh').inputValue()).toBe('新建线索');
    expect(await settings.getByTestId('form-mode').textContent()).toBe('新建记录');
    await settings.getByTestId('form-title-en').fill('New lead');
    await settings.getByTestId('form-submit-zh').fill('保存线索');
    await settings.getByTestId('form-submit-en').fill('Save lead');
    await expect
      .poll(() => p.locator('.form-canvas-title h5').textContent())
      .toBe('新建线索 · 实体：线索');

    // 添加分组: the fields already on the form become 基本信息, a new group follows.
    await p.getByTestId('add-section').click();
    const basic = p.locator('[data-group=main]');
    const classification = p.locator('[data-group=group]');
    await classification.waitFor();
    expect(await basic.getByTestId('section-title').textContent()).toBe('基本信息');
    await p.getByTestId('section-label-zh').fill('线索分类');
    await p.getByTestId('section-label-en').fill('Classification');

    for (const id of ['company', 'phone']) {
      await dropAtEnd(p, p.locator(`[data-unplaced=${id}]`), basic);
      await expect.poll(() => basic.locator(`[data-field=${id}]`).count()).toBe(1);
    }

    const panel = p.getByTestId('property-panel');
    const choices = [
      {
        palette: 'dropdown',
        zh: '来源渠道',
        en: 'Source',
        options: [
          ['抖音留资', 'Douyin'],
          ['展会扫码', 'Trade show'],
          ['老客转介', 'Referral'],
          ['官网表单', 'Website'],
        ],
      },
      {
        palette: 'radio',
        zh: '首次触达方式',
        en: 'First touch',
        options: [
          ['电话', 'Phone'],
          ['企微', 'WeCom'],
          ['面访', 'In person'],
        ],
      },
      {
        palette: 'radio',
        zh: '当前意向等级',
        en: 'Intent grade',
        options: [['A'], ['B'], ['C']],
      },
    ];
    for (const choice of choices) {
      await dropAtEnd(p, p.locator(`[data-palette=${choice.palette}]`), classification);
      await expect.poll(() => panel.getByTestId('prop-label-zh').count()).toBe(1);
      await panel.getByTestId('prop-label-zh').fill(choice.zh);
      // Typed key by key, as a person types: the id follows, the input keeps the focus.
      await panel.getByTestId('prop-label-en').pressSequentially(choice.en);
      const options = panel.getByTestId('options-editor');
      const rows = options.locator('.option-row');
      while ((await rows.count()) < choice.options.length) {
        await options.getByRole('button', { name: '添加选项' }).click();
      }
      for (const [index, [zh, en]] of choice.options.entries()) {
        await rows.nth(index).getByLabel('选项名称').fill(zh!);
        if (en) await rows.nth(index).getByLabel('英文名称').fill(en);
      }
      await panel.getByTestId('prop-required').click();
    }
    await expect
      .poll(() => canvasGroups(p))
      .toEqual(['main:name,company,phone', 'group:source,firstTouch,intentGrade']);
    // No English placeholder, no id, no engine jargon left on the canvas.
    const canvasText = (await p.getByTestId('form-canvas').textContent()) ?? '';
    for (const leak of ['Dropdown', 'Radio', 'main', 'Option'])
      expect(canvasText).not.toContain(leak);
    await expect.poll(() => p.getByTestId('problems-count').textContent()).toMatch(/^0 个错误/);
    await classification.getByTestId('section-title').click();
    await p.getByTestId('section-panel').waitFor();
    await snapshot(p, 'designer-form-groups');

    // The preview asks for the three choices, as a rep would see it.
    await p.getByRole('tab', { name: '预览' }).click();
    expect(await p.getByTestId('preview-submit').textContent()).toBe('保存线索');
    // Submitted until the debounced compile includes all three.
    await expect.poll(() => submitPreview(p, ['source', 'firstTouch', 'intentGrade'])).toBe(3);

    await p.keyboard.press('ControlOrMeta+s');
    await expect.poll(() => p.getByTestId('dirty-state').textContent()).toBe('已全部保存');
    const form = readJson<Form>(served.dir, 'forms/lead-create.json');
    expect(form).toMatchObject({
      label: { 'zh-CN': '新建线索', en: 'New lead' },
      mode: 'create',
      submitLabel: { 'zh-CN': '保存线索', en: 'Save lead' },
      sections: [
        {
          id: 'main',
          label: { 'zh-CN': '基本信息', en: 'Basic information' },
          fields: ['name', 'company', 'phone'],
        },
        {
          label: { 'zh-CN': '线索分类', en: 'Classification' },
          fields: ['source', 'firstTouch', 'intentGrade'],
        },
      ],
    });
    expect(form.fields).toBeUndefined();
    const lead = readJson<{ fields: Field[] }>(served.dir, 'entities/lead.json');
    const byId = new Map(lead.fields.map((field) => [field.id, field]));
    // Required choices, no free text (S1).
    for (const id of ['source', 'firstTouch', 'intentGrade']) {
      expect(byId.get(id)).toMatchObject({ type: 'enum', required: true });
    }
    expect(byId.get('source')?.display).toBe('dropdown');
    expect(byId.get('source')?.options).toEqual([
      { id: 'douyin', label: { 'zh-CN': '抖音留资', en: 'Douyin' } },
      { id: 'tradeShow', label: { 'zh-CN': '展会扫码', en: 'Trade show' } },
      { id: 'referral', label: { 'zh-CN': '老客转介', en: 'Referral' } },
      { id: 'website', label: { 'zh-CN': '官网表单', en: 'Website' } },
    ]);
    expect(byId.get('firstTouch')?.options?.map((o) => o.id)).toEqual([
      'phone',
      'wecom',
      'inPerson',
    ]);
    expect(byId.get('intentGrade')?.options).toEqual([
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ]);
    const manifest = readJson<{ files: { forms: string[] } }>(served.dir, 'app.json');
    expect(manifest.files.forms).toEqual(['forms/lead-create.json']);

    const result = validate(served.dir);
    expect(result.output).toContain('0 errors');
    expect(result.code).toBe(0);
  });
});
