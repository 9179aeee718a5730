/** findAutomationLoops: static cycles between automations, named. */
import type { Action, AutomationDefinition, Event } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { findAutomationLoops } from '../findAutomationLoops.js';
import { automation, buildApp, contract } from './harness.js';

function rule(id: string, trigger: Event, actions: Action[], enabled = true): AutomationDefinition {
  return automation({
    id,
    entity: 'contract',
    trigger,
    actions: actions as AutomationDefinition['actions'],
    ...(enabled ? {} : { enabled: false }),
  });
}
const watch = (...fields: string[]): Event => ({
  type: 'record.updated',
  changedFields: fields as [string, ...string[]],
});
const set = (field: string, value: unknown = 'high'): Action => ({
  type: 'setField',
  field,
  value,
});

function loops(definitions: AutomationDefinition[]) {
  const { automations } = buildApp({ entities: [contract], automations: definitions });
  expect(automations).toHaveLength(definitions.length);
  return findAutomationLoops(automations);
}

describe('findAutomationLoops', () => {
  it('names a cycle between two automations once, from the first in definition order', () => {
    const found = loops([
      rule('status-sets-priority', watch('status'), [set('priority')]),
      rule('unrelated', watch('title'), [{ type: 'addTag', tag: 'x' }]),
      rule('priority-sets-status', watch('priority'), [set('status', 'signed')]),
    ]);
    expect(found).toEqual([
      expect.objectContaining({
        code: 'RL5314',
        severity: 'warning',
        file: 'automations/status-sets-priority.json',
        pointer: '/trigger',
        params: {
          cycle: 'status-sets-priority → priority-sets-status → status-sets-priority',
          rounds: 16,
        },
      }),
    ]);
    expect(found[0]?.message['zh-CN']).toContain('status-sets-priority → priority-sets-status');
  });

  it('finds an automation that triggers itself', () => {
    expect(loops([rule('self', watch('counter'), [set('counter', 1)])])[0]?.params.cycle).toBe(
      'self → self',
    );
  });

  it('follows computed fields: writing amount changes amountWithTax', () => {
    const found = loops([rule('tax', watch('amountWithTax'), [set('amount', 1)])]);
    expect(found[0]?.params.cycle).toBe('tax → tax');
  });

  it('counts a trigger without changedFields as watching every field', () => {
    expect(loops([rule('any', { type: 'record.updated' }, [set('priority')])])).toHaveLength(1);
  });

  it('names the shortest cycle of a group, one diagnostic per group', () => {
    const found = loops([
      rule('a', watch('status'), [set('priority'), set('counter', 1)]),
      rule('b', watch('priority'), [set('financeStatus', 'pending')]),
      rule('c', watch('financeStatus', 'counter'), [set('status', 'signed')]),
    ]);
    expect(found.map((d) => d.params.cycle)).toEqual(['a → c → a']);
  });

  it('finds nothing when the chain ends, when a link is switched off, or across other triggers', () => {
    expect(
      loops([
        rule('a', watch('status'), [set('priority')]),
        rule('b', watch('priority'), [{ type: 'addTag', tag: '加急', field: 'tags' }]),
        rule('c', { type: 'record.created' }, [set('status', 'draft')]),
      ]),
    ).toEqual([]);
    expect(
      loops([
        rule('a', watch('status'), [set('priority')]),
        rule('b', watch('priority'), [set('status', 'signed')], false),
      ]),
    ).toEqual([]);
  });
});
