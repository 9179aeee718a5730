import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.js';
import { salesCrmFiles } from '../testing/salesCrm.js';

const puts: { url: string; body: unknown }[] = [];

beforeEach(() => {
  puts.length = 0;
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (String(url).endsWith('/api/app')) {
        return new Response(
          JSON.stringify({ name: 'sales-crm', files: salesCrmFiles(), unreadable: [] }),
        );
      }
      puts.push({ url: String(url), body: JSON.parse(String(init?.body ?? 'null')) });
      return new Response(JSON.stringify({ ok: true }));
    }),
  );
});

afterEach(() => vi.unstubAllGlobals());

async function openDesigner(): Promise<void> {
  render(<App />);
  await screen.findByTestId('form-designer', {}, { timeout: 10_000 });
  await waitFor(() =>
    expect(screen.getByTestId('problems-count').textContent).toContain('0 个错误'),
  );
}

describe('the designer shell', () => {
  it('given ruleloom serve, when it opens, then the lead form is shown in Chinese with no problems', async () => {
    await openDesigner();
    expect(screen.getByTestId('app-name').textContent).toBe('销售管理系统');
    const nav = screen.getByTestId('navigator');
    for (const group of [
      '实体',
      '表单',
      '流程',
      '自动化',
      '分配规则',
      '决策表',
      '公式',
      '计时器',
      '测试',
    ])
      expect(within(nav).getByText(group)).toBeTruthy();
    expect(screen.getByTestId('dirty-state').textContent).toBe('已全部保存');
    // 实体 is explained where it first appears.
    fireEvent.mouseEnter(screen.getByTestId('entity-hint'));
    expect(
      await screen.findByText('实体 = 一类业务数据，如线索、商机、合同；表单和流程都建立在实体上'),
    ).toBeTruthy();
  });

  it('given a field, when it is made required, then the app is dirty; undo and redo; save writes the entity', async () => {
    await openDesigner();
    const canvas = screen.getByTestId('form-canvas');
    fireEvent.click(within(canvas).getByText('区域'));
    const panel = await screen.findByTestId('property-panel');
    expect((within(panel).getByTestId('prop-label-zh') as HTMLInputElement).value).toBe('区域');
    fireEvent.click(within(panel).getByTestId('prop-required'));
    expect(screen.getByTestId('dirty-state').textContent).toBe('1 个文件未保存');
    fireEvent.click(screen.getByTestId('undo'));
    expect(screen.getByTestId('dirty-state').textContent).toBe('已全部保存');
    fireEvent.click(screen.getByTestId('redo'));
    expect(screen.getByTestId('dirty-state').textContent).toBe('1 个文件未保存');

    // Ctrl+S (the keyboard shortcut) saves through the API.
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(puts).toHaveLength(1));

    expect(puts[0]!.url).toMatch(/\/api\/files\/entities\/lead\.json$/);
    const region = (puts[0]!.body as { fields: { id: string; required?: boolean }[] }).fields.find(
      (f) => f.id === 'region',
    );
    expect(region?.required).toBe(true);
    await waitFor(() => expect(screen.getByTestId('dirty-state').textContent).toBe('已全部保存'));
  });

  it('given the language switch, then the UI is in English', async () => {
    await openDesigner();
    fireEvent.click(screen.getByTestId('language'));
    expect(screen.getByTestId('dirty-state').textContent).toBe('All saved');
    expect(within(screen.getByTestId('navigator')).getByText('Forms')).toBeTruthy();
  });

  it('given the JSON tab, when the JSON is edited, then the store and the visual view follow', async () => {
    await openDesigner();
    fireEvent.click(screen.getByText('JSON'));
    const editor = (await screen.findByTestId(
      'monaco-stub',
      {},
      { timeout: 10_000 },
    )) as HTMLTextAreaElement;
    const form = JSON.parse(editor.value) as { label: Record<string, string> };
    form.label['zh-CN'] = '新线索登记';
    fireEvent.change(editor, { target: { value: JSON.stringify(form, null, 2) } });
    expect(screen.getByTestId('dirty-state').textContent).toBe('1 个文件未保存');
    expect(within(screen.getByTestId('navigator')).getByText('新线索登记')).toBeTruthy();
  });

  it('when the tests run, then every test of the app passes, with its scenario id', async () => {
    await openDesigner();
    fireEvent.click(screen.getByTestId('run-tests'));
    const summary = await screen.findByTestId('tests-summary', {}, { timeout: 20_000 });
    expect(summary.textContent).toMatch(/^\d+ 个通过，0 个失败$/);
    expect(screen.getAllByText('S1').length).toBeGreaterThan(0);
  });
});
