// @vitest-environment jsdom
import '../testing/setup.js';
import type { AutomationDefinition } from '@ruleloom/schemas';
import { validateDefinitionSchema } from '@ruleloom/schemas';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EditorContext } from '../context.js';
import { exampleFile, exampleFiles } from '../testing/examples.js';
import { ACTION_TYPES, changeActionType, newAction, type ActionChoices } from './actionDefaults.js';
import { AutomationEditor } from './AutomationEditor.js';

const automation = exampleFile<AutomationDefinition>('automations/whitepaper-lead-tag.json');
const context: EditorContext = {
  files: exampleFiles(),
  path: 'automations/whitepaper-lead-tag.json',
  locale: 'zh-CN',
  diagnostics: [],
};

/** Opens an antd select and picks the option with this text. */
function pick(select: HTMLElement, option: string): void {
  fireEvent.mouseDown(select.closest('.ant-select') ?? select);
  const options = screen.getAllByTitle(option);
  fireEvent.click(options[options.length - 1]!);
}

describe('AutomationEditor', () => {
  it('shows the trigger, the condition rows and a typed form per action', () => {
    render(<AutomationEditor value={automation} onChange={vi.fn()} context={context} />);
    expect(screen.getByText('记录创建时')).toBeTruthy();
    expect(document.querySelectorAll('.rl-condition-rule')).toHaveLength(2);
    const types = [...document.querySelectorAll('.rl-action')].map((a) =>
      a.getAttribute('data-action-type'),
    );
    expect(types).toEqual(['addTag', 'notify']);
    expect((screen.getByLabelText('标签') as HTMLInputElement).value).toBe('官网-白皮书下载');
  });

  it('when an action is added, then the automation has one more action of that type', () => {
    const onChange = vi.fn();
    render(<AutomationEditor value={automation} onChange={onChange} context={context} />);
    pick(screen.getByLabelText('添加动作'), '标记颜色');
    const next = onChange.mock.calls[0]![0] as AutomationDefinition;
    expect(next.actions).toHaveLength(3);
    expect(next.actions[2]).toEqual({ type: 'mark', color: 'red' });
  });

  it('when the first action is moved down, then the order changes', () => {
    const onChange = vi.fn();
    render(<AutomationEditor value={automation} onChange={onChange} context={context} />);
    fireEvent.click(screen.getByLabelText('下移 1'));
    const next = onChange.mock.calls[0]![0] as AutomationDefinition;
    expect(next.actions.map((a) => a.type)).toEqual(['notify', 'addTag']);
  });

  it('when the tag is typed, then the action has the new tag', () => {
    const onChange = vi.fn();
    render(<AutomationEditor value={automation} onChange={onChange} context={context} />);
    fireEvent.change(screen.getByLabelText('标签'), { target: { value: '官网' } });
    const next = onChange.mock.calls[0]![0] as AutomationDefinition;
    expect(next.actions[0]).toMatchObject({ type: 'addTag', tag: '官网', id: 'tag-whitepaper' });
  });

  it('when the trigger becomes record.updated, then changed fields can be picked', () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <AutomationEditor value={automation} onChange={onChange} context={context} />,
    );
    pick(screen.getByLabelText('事件'), '记录更新时');
    const next = onChange.mock.calls[0]![0] as AutomationDefinition;
    expect(next.trigger).toEqual({ type: 'record.updated' });
    rerender(<AutomationEditor value={next} onChange={onChange} context={context} />);
    expect(screen.getByLabelText('仅当这些字段变化')).toBeTruthy();
  });
});

describe('AutomationEditor focus', () => {
  it('given a focus pointer into an action, then that action is outlined', () => {
    render(
      <AutomationEditor
        value={automation}
        onChange={vi.fn()}
        context={{ ...context, focusPointer: '/actions/1/recipients/0' }}
      />,
    );
    const cards = [...document.querySelectorAll('.rl-action')];
    expect(cards.map((c) => c.getAttribute('data-focused'))).toEqual(['false', 'true']);
  });
});

describe('new actions', () => {
  const choices: ActionChoices = {
    fields: [{ id: 'owner', label: '负责人', type: 'user' }],
    parties: { roles: [], userFields: [{ value: 'owner', label: '负责人' }] },
    routings: ['lead-routing'],
    timers: ['b-lead-48h'],
    locale: 'zh-CN',
  };

  it.each(ACTION_TYPES)('a new %s action is valid against the schema', (type) => {
    const definition = {
      $schema: 'https://ruleloom.dev/schemas/v1/automation.schema.json',
      id: 'a',
      entity: 'lead',
      trigger: { type: 'schedule', cron: '0 9 * * 1' },
      actions: [newAction(type, choices)],
    };
    expect(validateDefinitionSchema('automation', definition).errors).toEqual([]);
  });

  it('changing the type keeps the id and label', () => {
    const changed = changeActionType(
      { type: 'addTag', id: 'x', label: '打标签', tag: 't' },
      'mark',
      choices,
    );
    expect(changed).toEqual({ type: 'mark', color: 'red', id: 'x', label: '打标签' });
  });
});
