import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conditionFromLogic,
  conditionToLogic,
  type ConditionGroup,
  type ConditionNode,
  type ConditionRule,
} from './conditionTree.js';

const field = fc.constantFrom('amount', 'intentGrade', 'customer.grade', '回款率', 'tags');
const literal = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
);
const literals = fc.array(literal, { maxLength: 4 });

const rule: fc.Arbitrary<ConditionRule> = fc.oneof(
  fc.record({
    kind: fc.constant('rule' as const),
    field,
    operator: fc.constantFrom('==', '!=', '>', '>=', '<', '<=', 'contains' as const),
    value: literal,
  }),
  fc.record({
    kind: fc.constant('rule' as const),
    field,
    operator: fc.constantFrom('in', 'notIn', 'hasAny' as const),
    value: literals,
  }),
  fc.record({
    kind: fc.constant('rule' as const),
    field,
    operator: fc.constantFrom('isEmpty', 'isNotEmpty', 'isBlankList', 'isFilledList' as const),
  }),
);

/** Logic the builder does not read as rows. */
const unreadable = fc.oneof(
  fc.constant<unknown>({ some: [{ var: 'lines' }, { '>': [{ var: 'qty' }, 100] }] }),
  fc.constant<unknown>({ var: ['discount', 0] }),
  fc.constant<unknown>(true),
  fc.constant<unknown>({ '>': [{ since: [{ var: 'createdAt' }, 'h'] }, 48] }),
  fc.constant<unknown>({ missing: ['a', 'b'] }),
  fc.constant<unknown>({ and: [] }),
  fc.constant<unknown>({ '==': [{ var: 'a' }, null] }),
);

const tree = fc.letrec<{ node: ConditionNode; group: ConditionGroup }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    rule,
    unreadable.map((logic) => ({ kind: 'raw' as const, logic })),
    tie('group'),
  ),
  group: fc.record({
    kind: fc.constant('group' as const),
    combinator: fc.constantFrom('and', 'or' as const),
    children: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
  }),
}));

/** JsonLogic mixing what the builder reads with what it does not. */
const logic = tree.node.map((node) =>
  conditionToLogic({ kind: 'group', combinator: 'or', children: [node] }),
);

describe('conditionFromLogic / conditionToLogic', () => {
  it('reads the gate and routing shapes as rows', () => {
    const logic = {
      and: [
        { '==': [{ var: 'source' }, 'website'] },
        { '>': [{ var: 'budget' }, 200000] },
        { in: [{ var: 'region' }, ['east', 'north']] },
        { '!': [{ missing: ['budgetRange'] }] },
        { or: [{ contains: [{ var: 'note' }, '付款'] }, { '!': [{ in: [{ var: 'g' }, ['C']] }] }] },
      ],
    };
    const root = conditionFromLogic(logic);
    expect(root.combinator).toBe('and');
    expect(root.children.map((c) => (c.kind === 'rule' ? c.operator : c.kind))).toEqual([
      '==',
      '>',
      'in',
      'isNotEmpty',
      'group',
    ]);
    expect(conditionToLogic(root)).toEqual(logic);
  });

  it('keeps logic it cannot show as a raw row', () => {
    const advanced = { some: [{ var: 'lines' }, { '>': [{ var: 'qty' }, 100] }] };
    const root = conditionFromLogic({ and: [advanced, { '==': [{ var: 'a' }, 1] }] });
    expect(root.children[0]).toEqual({ kind: 'raw', logic: advanced });
    expect(conditionToLogic(root)).toEqual({ and: [advanced, { '==': [{ var: 'a' }, 1] }] });
  });

  it('writes no condition for an empty builder and a lone row without a group', () => {
    expect(conditionToLogic(conditionFromLogic(undefined))).toBeUndefined();
    const one: ConditionGroup = {
      kind: 'group',
      combinator: 'and',
      children: [{ kind: 'rule', field: 'amount', operator: '>', value: 50000 }],
    };
    expect(conditionToLogic(one)).toEqual({ '>': [{ var: 'amount' }, 50000] });
  });

  it('drops empty sub-groups', () => {
    const root: ConditionGroup = {
      kind: 'group',
      combinator: 'or',
      children: [
        { kind: 'group', combinator: 'and', children: [] },
        { kind: 'rule', field: 'a', operator: 'isEmpty' },
      ],
    };
    expect(conditionToLogic(root)).toEqual({ or: [{ missing: ['a'] }] });
  });

  it('property: any JSON survives a round trip through the tree', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          logic,
          logic.map((l) => ({ and: [l] })),
        ),
        (value) => {
          const back = conditionToLogic(conditionFromLogic(value));
          // The one normalisation: a top-level AND of one item is the item itself.
          const loneAnd =
            typeof value === 'object' &&
            value !== null &&
            !Array.isArray(value) &&
            Object.keys(value).length === 1 &&
            Array.isArray((value as { and?: unknown }).and) &&
            (value as { and: unknown[] }).and.length === 1;
          const expected = loneAnd ? (value as { and: unknown[] }).and[0] : value;
          expect(back).toEqual(expected);
        },
      ),
    );
  });

  it('property: every tree the builder can show reads back as itself', () => {
    const shown = tree.group.filter(
      (g) =>
        !(g.combinator === 'and' && g.children.length === 1 && g.children[0]?.kind === 'group'),
    );
    fc.assert(
      fc.property(shown, (root) => {
        expect(conditionFromLogic(conditionToLogic(root))).toEqual(root);
      }),
    );
  });
});
