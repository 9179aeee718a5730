import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../app/kinds.js';
import { I18nProvider } from '../i18n/I18n.js';
import {
  DesignerStoreProvider,
  useDesignerStore,
  type DesignerStore,
} from '../store/DesignerStore.js';
import { designerReducer, initialDesignerState } from '../store/designerState.js';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { AddFileDialog } from './FileDialogs.js';

const forms = KINDS.find((info) => info.list === 'forms')!;

/** The new-file dialog of a kind over the sales CRM; `store()` is the live store. */
function renderDialog(info = forms): { store: () => DesignerStore; closed: () => boolean } {
  let current: DesignerStore | undefined;
  let closed = false;
  const Grab = (props: { children: ReactNode }): ReactNode => {
    current = useDesignerStore();
    return props.children;
  };
  const initial = designerReducer(initialDesignerState, {
    type: 'load',
    appName: 'sales-crm',
    origin: 'server',
    files: salesCrmFiles(),
  });
  render(
    <I18nProvider locale="zh-CN">
      <DesignerStoreProvider initial={initial}>
        <Grab>
          <AddFileDialog info={info} onClose={() => (closed = true)} />
        </Grab>
      </DesignerStoreProvider>
    </I18nProvider>,
  );
  return { store: () => current!, closed: () => closed };
}

const input = (testId: string): HTMLInputElement => screen.getByTestId(testId) as HTMLInputElement;

/** Opens an antd select by its test id and picks the option with this text. */
async function choose(testId: string, option: string): Promise<void> {
  const select = screen.getByTestId(testId);
  fireEvent.mouseDown(within(select).getByRole('combobox'));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find(
      (element) => element.textContent === option,
    );
    if (!found) throw new Error(`no option ${option}`);
    return found;
  });
  fireEvent.click(item);
}

describe('the new-file dialog', () => {
  it('given a new form, then it asks for the name first and offers the entities by label', async () => {
    renderDialog();
    // The name is the first question; the id comes last.
    const fields = [...document.querySelectorAll('.ant-modal [data-testid^=add-file-]')];
    expect(fields.map((field) => field.getAttribute('data-testid'))).toEqual([
      'add-file-name',
      'add-file-entity',
      'add-file-mode',
      'add-file-id',
    ]);
    expect(screen.getByTestId('add-file-entity').textContent).toBe('线索');
    fireEvent.mouseDown(within(screen.getByTestId('add-file-entity')).getByRole('combobox'));
    await waitFor(() =>
      expect(
        [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent),
      ).toEqual(expect.arrayContaining(['线索', '商机', '合同'])),
    );
  });

  it('given the name 新建商机 and the entity 商机, then the id follows as opportunity-create until it is edited', async () => {
    renderDialog();
    fireEvent.change(input('add-file-name'), { target: { value: '新建商机' } });
    await choose('add-file-entity', '商机');
    expect(input('add-file-id').value).toBe('opportunity-create');
    expect(screen.getByTestId('add-file-mode').textContent).toBe('新建记录');
    fireEvent.change(input('add-file-name'), { target: { value: 'Quick opportunity' } });
    expect(input('add-file-id').value).toBe('quick-opportunity');
    fireEvent.change(input('add-file-id'), { target: { value: '商机快录' } });
    fireEvent.change(input('add-file-name'), { target: { value: '快速录入商机' } });
    expect(input('add-file-id').value).toBe('商机快录');
  });

  it('when the form is created, then it has the title, the entity and the purpose, and it is open', async () => {
    const { store, closed } = renderDialog();
    fireEvent.change(input('add-file-name'), { target: { value: '新建商机' } });
    await choose('add-file-entity', '商机');
    act(() => fireEvent.keyDown(input('add-file-name'), { key: 'Enter', keyCode: 13 }));
    expect(closed()).toBe(true);
    const path = 'forms/opportunity-create.json';
    expect(store().state.selected).toBe(path);
    expect(store().files[path]).toMatchObject({
      id: 'opportunity-create',
      label: { 'zh-CN': '新建商机' },
      entity: 'opportunity',
      mode: 'create',
    });
    expect((store().files['app.json'] as { files: { forms: string[] } }).files.forms).toContain(
      path,
    );
  });

  it('given an id already used, then it is refused', () => {
    renderDialog();
    fireEvent.change(input('add-file-id'), { target: { value: 'lead-create' } });
    expect(screen.getByText(/不能重复/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '确 定' }).hasAttribute('disabled')).toBe(true);
  });
});
