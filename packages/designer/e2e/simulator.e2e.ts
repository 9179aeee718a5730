/**
 * The simulator (试运行) in a browser, as an admin tries the app: given `ruleloom serve` on a
 * copy of the sales CRM, when they bring in the B-grade sample lead and move the virtual clock,
 * then the engine's timers fire at their due time (S3: red and an alert to the area manager at
 * 48 h, not before), and a move the pipeline does not allow is refused in red; with the
 * automation that assigns new leads, a created lead is routed (S42) and the decision explained.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, openDesigner, serveExample, snapshot, type ServedApp } from './harness.js';

let browser: Browser;
let served: ServedApp;
let page: Page;
let simulator: Locator;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  // The sales CRM assigns new leads without an owner (automations/s42-assign-new-leads.json).
  served = await serveExample('sales-crm');
  page = await openDesigner(browser, served.url);
  await page.getByTestId('open-simulator').click();
  simulator = page.getByTestId('simulator');
  await simulator.getByTestId('sim-clock').waitFor();
});
afterEach(async () => {
  await page?.close();
  await served?.stop();
});

const clock = (): Promise<string | null> => simulator.getByTestId('sim-clock').textContent();
const lead = (id: string): Locator => simulator.locator(`[data-record="${id}"]`);

/** Starts the run on Monday 2026-03-02 09:00 (Shanghai) and brings in a sample lead as new. */
async function startWithSampleLead(id: string): Promise<void> {
  await simulator.getByTestId('sim-start').fill('2026-03-02 09:00');
  await simulator.getByTestId('sim-reset').click();
  await expect.poll(clock).toBe('2026-03-02 周一 09:00');
  await simulator.getByTestId('sim-sample-entity').click();
  await page.locator('.ant-select-item-option', { hasText: '线索' }).first().click();
  await simulator.locator(`[data-sample="lead/${id}"]`).click();
  await simulator.getByTestId('sim-import').click();
  await lead(id).waitFor();
}

describe('S3: a B-grade lead not advanced within 48 h', () => {
  it('given a B-grade lead, when the clock advances 48 h, then it turns red and the area manager is alerted', async () => {
    await startWithSampleLead('L1');
    const timer = simulator.getByTestId('sim-timers').locator('[data-timer="b-lead-48h@L1"]');
    expect(await timer.textContent()).toContain('2026-03-04 周三 09:00');
    expect(await lead('L1').locator('[data-mark]').count()).toBe(0);

    await simulator.getByTestId('sim-plus-48h').click();
    await expect.poll(clock).toBe('2026-03-04 周三 09:00');
    const mark = lead('L1').locator('[data-mark="red"]');
    await expect.poll(() => mark.textContent()).toBe('标记 红色');

    const fired = simulator
      .getByTestId('sim-timeline')
      .locator('[data-step-kind=timer]', { hasText: 'B级线索48小时未推进' });
    await expect.poll(() => fired.count()).toBe(1);
    const text = (await fired.textContent()) ?? '';
    expect(text).toContain('「B级线索48小时未推进」48h · 线索 L1');
    expect(text).toContain('通知 wecom → 周敏、张伟');
    expect(text).toContain('2026-03-04 周三 09:00');
    // The next escalation step (the regional director at 72 h) is pending.
    expect(await timer.textContent()).toContain('2026-03-05 周四 09:00');
    // The trace: the timer fired because its condition held (B-grade, still 新线索).
    await fired.getByText('规则追踪', { exact: false }).click();
    const tree = fired.locator('.ant-tree');
    await tree.locator('.ant-tree-switcher').first().click();
    await expect.poll(() => tree.textContent()).toContain('and → true');
    await fired.scrollIntoViewIfNeeded();
    await tree.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await snapshot(page, 'designer-simulator');
  });

  it('given a B-grade lead, when the clock advances 47 h 59 min, then it is not red yet; one minute later it is', async () => {
    await startWithSampleLead('L1');
    await simulator.getByTestId('sim-advance-input').fill('47h59m');
    await simulator.getByTestId('sim-advance').click();
    await expect.poll(clock).toBe('2026-03-04 周三 08:59');
    expect(await lead('L1').locator('[data-mark]').count()).toBe(0);
    expect(
      await simulator.getByTestId('sim-timeline').getByText('通知 wecom → 周敏、张伟').count(),
    ).toBe(0);

    await simulator.getByTestId('sim-advance-input').fill('1m');
    await simulator.getByTestId('sim-advance').click();
    await expect.poll(() => lead('L1').locator('[data-mark="red"]').count()).toBe(1);
  });
});

describe('refused events', () => {
  it('given a new lead, when it is moved to 已转商机 without going through the stages, then the refusal shows in red', async () => {
    await startWithSampleLead('L3');
    await simulator.getByTestId('sim-move-to').click();
    await page.locator('.ant-select-item-option', { hasText: '已转商机' }).click();
    await simulator.getByTestId('sim-move').click();
    const refused = simulator.locator('[data-refused=true]');
    await refused.waitFor();
    expect(await refused.getByTestId('sim-refusal').textContent()).toContain('被拒绝');
    const color = await refused
      .locator('.ant-typography-danger')
      .first()
      .evaluate((element) => getComputedStyle(element).color);
    expect(color).toMatch(/^rgb\((2[0-9]{2}), ([0-9]{1,2}), ([0-9]{1,2})\)$/);
  });
});

describe('S42: routing decisions in 试运行', () => {
  /** Creates a lead with the event form at the clock's time. */
  async function createLead(values: Record<string, unknown>): Promise<void> {
    await simulator.getByRole('tab', { name: '新建' }).click();
    await simulator.getByTestId('sim-create-values').fill(JSON.stringify(values));
    await simulator.locator('button[type=submit]', { hasText: '新建记录' }).click();
  }
  const bigWebsiteLead = {
    name: '沈佳怡',
    company: '宁波甬优医疗器械有限公司',
    phone: '13805741234',
    source: 'website',
    firstTouch: 'phone',
    intentGrade: 'A',
    budget: 250000,
    region: 'east',
  };
  const routed = (): Locator =>
    simulator.getByTestId('sim-timeline').locator('[data-step-kind=routing]');

  it('given a 官网 lead with budget 25万, when it is created in 试运行, then it is assigned to 张伟 and the explanation lists the preference rule', async () => {
    await simulator.getByTestId('sim-start').fill('2026-03-02 10:00');
    await simulator.getByTestId('sim-reset').click();
    await expect.poll(clock).toBe('2026-03-02 周一 10:00');
    await createLead(bigWebsiteLead);
    await expect.poll(() => routed().count()).toBe(1);
    const step = routed().first();
    expect(await step.getByTestId('sim-assignee').textContent()).toBe('张伟');
    expect(await step.locator('.sim-headline').textContent()).toContain('→ 张伟');
    // The owner is set by a follow-up update, which starts S42b's 4 h count.
    const update = simulator
      .getByTestId('sim-timeline')
      .locator('[data-step-kind=event]', { hasText: '分配后4小时未联系' });
    await expect.poll(() => update.count()).toBeGreaterThan(0);

    await step.getByText('分配说明', { exact: false }).click();
    const why = step.getByTestId('sim-routing-why');
    await expect.poll(() => why.textContent()).toContain('规则「官网·20万以上·华东」：符合');
    const text = (await why.textContent()) ?? '';
    expect(text).toContain('优先规则「官网大单优先张伟、李娜」适用：选中 张伟');
    expect(text).toContain('结果：分配给 张伟（优先规则「官网大单优先张伟、李娜」）');
    // 张伟's load went up by the assignment.
    const zhang = simulator.getByTestId('sim-reps').locator('[data-rep=zhangwei]');
    await expect.poll(() => zhang.locator('input').last().inputValue()).toBe('1');

    // "张伟出差 → 李娜": the admin sets his status in the reps table and tries again.
    await zhang.getByTestId('sim-rep-status').click();
    await page.locator('.ant-select-item-option', { hasText: '出差' }).click();
    await createLead({ ...bigWebsiteLead, name: '周立' });
    await expect.poll(() => routed().count()).toBe(2);
    expect(await routed().nth(1).getByTestId('sim-assignee').textContent()).toBe('李娜');
    await routed().nth(1).getByText('分配说明', { exact: false }).click();
    await expect
      .poll(() => routed().nth(1).getByTestId('sim-routing-why').textContent())
      .toContain('张伟 不可分配（状态为「出差」），选中 李娜');
    await routed().nth(1).scrollIntoViewIfNeeded();
    await simulator
      .getByTestId('sim-reps')
      .evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await snapshot(page, 'designer-simulator-routing');
  });
});
