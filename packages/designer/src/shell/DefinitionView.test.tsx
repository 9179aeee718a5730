import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18n.js';
import {
  DesignerStoreProvider,
  useDesignerStore,
  type DesignerStore,
} from '../store/DesignerStore.js';
import { designerReducer, initialDesignerState } from '../store/designerState.js';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { DefinitionView } from './DefinitionView.js';

const LEAD_FORM = 'forms/lead-create.json';
const COPY = 'forms/lead-copy.json';

/** The sales CRM with a second lead form (a copy of the first). */
function twoLeadForms(): Record<string, unknown> {
  const files = salesCrmFiles();
  files[COPY] = { ...(files[LEAD_FORM] as object), id: 'lead-copy' };
  (files['app.json'] as { files: { forms: string[] } }).files.forms.push(COPY);
  return files;
}

/** The definition view over `files` as loaded; `store()` is the live store. */
function renderView(files: Record<string, unknown>): { store: () => DesignerStore } {
  let current: DesignerStore | undefined;
  const Grab = (props: { children: ReactNode }): ReactNode => {
    current = useDesignerStore();
    return props.children;
  };
  const initial = designerReducer(initialDesignerState, {
    type: 'load',
    appName: 'app',
    origin: 'server',
    files,
  });
  render(
    <I18nProvider locale="zh-CN">
      <DesignerStoreProvider initial={initial}>
        <Grab>
          <DefinitionView />
        </Grab>
      </DesignerStoreProvider>
    </I18nProvider>,
  );
  return { store: () => current! };
}

describe('the definition view', () => {
  it('given a gate drawer open on one pipeline, when another pipeline opens, then no drawer is open on it', async () => {
    const { store } = renderView(salesCrmFiles());
    act(() => store().select('pipelines/opportunity.json', '/transitions/1'));
    expect(await screen.findByText('流转闸门：方案 → 报价', {}, { timeout: 10_000 })).toBeTruthy();

    act(() => store().select('pipelines/contract.json'));
    expect(screen.getByTestId('definition-view').getAttribute('data-path')).toBe(
      'pipelines/contract.json',
    );
    await screen.findAllByText('添加阶段');
    expect(screen.queryByText(/^流转闸门：/)).toBeNull();
  });

  it('given a problem on the other form, when it is clicked, then that form opens with the field selected; undo keeps it open', () => {
    const { store } = renderView(twoLeadForms());
    act(() => store().select(COPY, '/sections/0/fields/0'));
    const panel = screen.getByTestId('property-panel');
    const label = (within(panel).getByTestId('prop-label-zh') as HTMLInputElement).value;
    expect(label).not.toBe('');

    fireEvent.click(within(panel).getByTestId('prop-required'));
    expect(store().canUndo).toBe(true);
    act(() => store().undo());
    expect(store().canUndo).toBe(false);
    expect(screen.getByTestId('definition-view').getAttribute('data-path')).toBe(COPY);
    expect(
      (
        within(screen.getByTestId('property-panel')).getByTestId(
          'prop-label-zh',
        ) as HTMLInputElement
      ).value,
    ).toBe(label);
  });

  it('given a new app with no form, when it opens, then the app overview shows its name, zone and calendar, not JSON', () => {
    const files = salesCrmFiles();
    const manifest = files['app.json'] as { files: Record<string, string[]> };
    manifest.files = { entities: manifest.files['entities']! };
    renderView(files);
    const overview = screen.getByTestId('app-overview');
    expect((within(overview).getByTestId('app-name-zh') as HTMLInputElement).value).toBe(
      '销售管理系统',
    );
    expect(within(overview).getByTestId('app-zone').textContent).toBe('北京时间 (Asia/Shanghai)');
    expect(within(overview).getByTestId('app-holidays').textContent).toBe(
      '中国法定节假日（含调休）',
    );
    expect(screen.getByRole('tab', { name: '可视化', selected: true })).toBeTruthy();
    expect(screen.queryByTestId('monaco-stub')).toBeNull();
  });
});
