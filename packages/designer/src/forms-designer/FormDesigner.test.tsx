import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { CompiledAppProvider } from '../compile/useCompiledApp.js';
import { I18nProvider } from '../i18n/I18n.js';
import {
  DesignerStoreProvider,
  useDesignerStore,
  type DesignerStore,
} from '../store/DesignerStore.js';
import { designerReducer, initialDesignerState } from '../store/designerState.js';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { FormDesigner } from './FormDesigner.js';
import type { FormDef } from './formModel.js';

const FORM = 'forms/lead-create.json';

/** The form designer of the lead form in the app's store; `store()` is the live store. */
function renderDesigner(): { store: () => DesignerStore } {
  let current: DesignerStore | undefined;
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
        <CompiledAppProvider>
          <Grab>
            <FormDesigner path={FORM} />
          </Grab>
        </CompiledAppProvider>
      </DesignerStoreProvider>
    </I18nProvider>,
  );
  return { store: () => current! };
}

const groupTitles = (): string[] =>
  screen.getAllByTestId('section-title').map((title) => title.textContent ?? '');

describe('the form designer', () => {
  it('given nothing selected, then the side panel holds the form settings', () => {
    renderDesigner();
    const settings = screen.getByTestId('form-settings');
    expect((within(settings).getByTestId('form-title-zh') as HTMLInputElement).value).toBe(
      '新建线索',
    );
  });

  it('given a problem pointer into a group field, when it is focused, then that field is selected and open in the property panel', () => {
    const { store } = renderDesigner();
    act(() => store().select(FORM, '/sections/1/fields/2'));
    expect(
      document.querySelector('.form-canvas .field-card.selected')?.getAttribute('data-field'),
    ).toBe('firstTouch');
    expect((screen.getByTestId('prop-label-zh') as HTMLInputElement).value).toBe('首次触达方式');
  });

  it('given a problem pointer to a group, when it is focused, then the group panel opens', () => {
    const { store } = renderDesigner();
    act(() => store().select(FORM, '/sections/0/label'));
    expect((screen.getByTestId('section-label-zh') as HTMLInputElement).value).toBe('联系人信息');
  });

  it('when a group is added and titled in the panel, then the canvas shows the title and the form has the section', () => {
    const { store } = renderDesigner();
    fireEvent.click(screen.getByTestId('add-section'));
    expect(groupTitles()).toEqual(['联系人信息', '线索分类', '新分组']);
    fireEvent.change(screen.getByTestId('section-label-zh'), { target: { value: '跟进' } });
    expect(groupTitles()).toEqual(['联系人信息', '线索分类', '跟进']);
    const form = store().files[FORM] as FormDef;
    expect(form.sections?.at(-1)).toEqual({
      id: 'group',
      label: { 'zh-CN': '跟进', en: 'New group' },
      fields: [],
    });
  });

  it('when a group is moved down with its button, then the groups swap', () => {
    renderDesigner();
    const contact = document.querySelector('[data-group=contact]') as HTMLElement;
    fireEvent.click(within(contact).getByLabelText('下移分组'));
    expect(groupTitles()).toEqual(['线索分类', '联系人信息']);
  });
});
