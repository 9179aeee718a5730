import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routingCatalogue } from '../../diagnostics/catalogue/routing.js';
import { appRoles, compile, leadEntity, s42Definition } from './world.js';

const SCHEMA = 'https://ruleloom.dev/schemas/v1/routing.schema.json';
const base = {
  $schema: SCHEMA,
  id: 'r',
  entity: 'lead',
  rules: [{ id: 'all', pool: { roles: ['sales-rep'] } }],
  fallback: { queue: 'q' },
};

/** Code, pointer and severity of each diagnostic of a definition compiled against the example app. */
function found(definition: unknown): [string, string, string][] {
  const { diagnostics } = compile(definition, { entity: leadEntity, roles: appRoles });
  return diagnostics.map((d) => [d.code, d.pointer, d.severity]);
}

describe('compileRouting diagnostics', () => {
  it.each([
    [
      'an unknown role in a pool',
      { ...base, rules: [{ id: 'all', pool: { roles: ['sales-rep', 'salesrep'] } }] },
      [['RL5504', '/rules/0/pool/roles/1', 'error']],
    ],
    [
      'an unknown role among the fallback recipients',
      { ...base, fallback: { queue: 'q', notify: [{ role: 'boss' }] } },
      [['RL5504', '/fallback/notify/0/role', 'error']],
    ],
    [
      'a fallback recipient field that holds no user',
      { ...base, fallback: { queue: 'q', notify: [{ managerOf: 'company' }] } },
      [['RL5503', '/fallback/notify/0/managerOf', 'error']],
    ],
    [
      'an empty pool',
      { ...base, rules: [{ id: 'all', pool: {} }] },
      [['RL5505', '/rules/0/pool', 'error']],
    ],
    [
      'a weight of 0 and a negative weight',
      {
        ...base,
        rules: [
          {
            id: 'all',
            pool: { users: ['a', 'b'] },
            strategy: { type: 'weighted', weights: { a: 0, b: -1 } },
          },
        ],
      },
      [
        ['RL5506', '/rules/0/strategy/weights/a', 'error'],
        ['RL5506', '/rules/0/strategy/weights/b', 'error'],
      ],
    ],
    [
      'a weight for a rep outside the listed pool',
      {
        ...base,
        rules: [
          { id: 'all', pool: { users: ['a'] }, strategy: { type: 'weighted', weights: { b: 2 } } },
        ],
      },
      [['RL5507', '/rules/0/strategy/weights/b', 'warning']],
    ],
    [
      'a condition on an unknown field',
      {
        ...base,
        rules: [{ id: 'all', when: { '>': [{ var: 'budgett' }, 1] }, pool: { users: ['a'] } }],
      },
      [['RL2007', '/rules/0/when/>/0/var', 'error']],
    ],
    [
      'a condition comparing text with a number',
      {
        ...base,
        rules: [{ id: 'all', when: { '>': [{ var: 'company' }, 1] }, pool: { users: ['a'] } }],
      },
      [['RL2008', '/rules/0/when/>/1', 'error']],
    ],
    [
      'a repeated rule id',
      {
        ...base,
        rules: [
          { id: 'x', when: true, pool: { users: ['a'] } },
          { id: 'x', pool: { users: ['b'] } },
        ],
      },
      [['RL5508', '/rules/1/id', 'error']],
    ],
    [
      'a rule after a catch-all',
      {
        ...base,
        rules: [
          { id: 'all', pool: { users: ['a'] } },
          { id: 'never', when: true, pool: { users: ['b'] } },
        ],
      },
      [['RL5510', '/rules/1', 'warning']],
    ],
    [
      'a customer limit without a customer field',
      { ...base, constraints: { maxOwnersPerCustomer: 1 } },
      [['RL5511', '/constraints/maxOwnersPerCustomer', 'error']],
    ],
    [
      'a customer field without a limit',
      { ...base, constraints: { customerField: 'customer' } },
      [['RL5512', '/constraints/customerField', 'warning']],
    ],
    [
      'an unknown customer field',
      { ...base, constraints: { customerField: 'client', maxOwnersPerCustomer: 1 } },
      [['RL5502', '/constraints/customerField', 'error']],
    ],
    [
      'a sticky strategy by an unknown field',
      { ...base, strategy: { type: 'sticky', by: 'client' } },
      [['RL5502', '/strategy/by', 'error']],
    ],
    [
      'an assign field that is not a user field',
      { ...base, assignField: 'company' },
      [['RL5503', '/assignField', 'error']],
    ],
    [
      'a repeated preference id and a preferred rep in no pool',
      {
        ...base,
        rules: [{ id: 'all', pool: { users: ['a'] } }],
        preferences: [
          { id: 'p', when: true, prefer: ['a'] },
          { id: 'p', when: true, prefer: ['zz'] },
        ],
      },
      [
        ['RL5509', '/preferences/1/id', 'error'],
        ['RL5513', '/preferences/1/prefer/0', 'warning'],
      ],
    ],
    [
      'an unknown strategy',
      { ...base, strategy: { type: 'random' } },
      [['RL5514', '/strategy/type', 'error']],
    ],
    ['a definition that is not an object', 'routing', [['RL5500', '', 'error']]],
    ['rules that are not a list', { ...base, rules: {} }, [['RL5500', '/rules', 'error']]],
    [
      'a fallback without a queue',
      { ...base, fallback: { notify: [{ role: 'sales-manager' }] } },
      [['RL5500', '/fallback', 'error']],
    ],
  ])('reports %s', (_name, definition, expected) => {
    expect(found(definition)).toEqual(expected);
  });

  it('compiles only when there is no error (warnings are fine)', () => {
    const withError = compile({ ...base, rules: [{ id: 'all', pool: {} }] });
    expect(withError.routing).toBeUndefined();
    const withWarning = compile(
      { ...base, constraints: { customerField: 'customer' } },
      { entity: leadEntity },
    );
    expect(withWarning.routing).toBeDefined();
  });

  it('locates diagnostics in the file and writes them in both languages', () => {
    const { diagnostics } = compile({ ...base, rules: [{ id: 'east', pool: {} }] });
    expect(diagnostics[0]).toMatchObject({
      file: 'routing/lead-routing.json',
      message: {
        'zh-CN': '规则 "east" 的候选人范围是空的：没有列出任何人员、角色或团队',
        en: 'the pool of the rule "east" is empty: it lists no users, roles or teams',
      },
    });
  });

  it('finds the entity among the app’s entities, or reports RL5501', () => {
    const entities = new Map([['lead', leadEntity]]);
    expect(compile(s42Definition, { entities, roles: appRoles }).diagnostics).toEqual([]);
    const { diagnostics } = compile({ ...base, entity: 'leads' }, { entities });
    expect(diagnostics.map((d) => [d.code, d.pointer, d.params['known']])).toEqual([
      ['RL5501', '/entity', 'lead'],
    ]);
  });

  it('reports an unknown zone', () => {
    expect(compile(base, { zone: 'Mars/Olympus' }).diagnostics.map((d) => d.code)).toEqual([
      'RL5500',
    ]);
  });

  it('never throws on the schema fixtures, and compiles the valid ones', () => {
    const root = new URL('../../../../schemas/fixtures/', import.meta.url);
    for (const kind of ['valid', 'invalid'] as const) {
      const folder = new URL(`${kind}/routing/`, root);
      for (const name of readdirSync(folder)) {
        const definition: unknown = JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
        const { routing, diagnostics } = compile(definition);
        if (kind === 'valid') {
          expect([name, diagnostics]).toEqual([name, []]);
          expect(routing).toBeDefined();
        }
      }
    }
  });

  it('has a catalogue entry with both languages for every code it uses', () => {
    for (const [code, entry] of Object.entries(routingCatalogue)) {
      expect(code).toMatch(/^RL55\d\d$/);
      const placeholders = (text: string) =>
        [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(entry.message['zh-CN'])).toEqual(placeholders(entry.message.en));
      expect(entry.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.hint['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
