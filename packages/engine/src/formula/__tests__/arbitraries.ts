import fc from 'fast-check';
import type { FieldInfo } from '../../expr/types.js';
import { NAME_CLOSERS, isKeyword, isPlainSegment } from '../characters.js';
import { formulaFunctions, infixOperators } from '../functionTable.js';

/** Where generated logic stands: record fields, or the body of MAP/FILTER/… or REDUCE. */
type Scope = 'record' | 'item' | 'reduce';

/** One operator the generator may use, with the argument counts formula text can print. */
interface OperatorShape {
  readonly op: string;
  readonly min: number;
  readonly max: number;
  readonly body?: 'item' | 'reduce';
  readonly names?: 'every' | number;
}

const MOST_EXTRA_ARGS = 3;

// Derived from the table, then widened by the infix and unary forms of the same operators.
const shapes: OperatorShape[] = (() => {
  const byOp = new Map<string, OperatorShape>();
  const widen = (shape: OperatorShape): void => {
    const known = byOp.get(shape.op);
    byOp.set(
      shape.op,
      known
        ? { ...known, min: Math.min(known.min, shape.min), max: Math.max(known.max, shape.max) }
        : shape,
    );
  };
  for (const f of formulaFunctions) {
    if (!f.printed || f.op === 'var') continue;
    widen({
      op: f.op,
      min: f.arity[0],
      max: Math.min(f.arity[1], f.arity[0] + MOST_EXTRA_ARGS),
      ...(f.body ? { body: f.body } : {}),
      ...(f.names === undefined ? {} : { names: f.names }),
    });
  }
  for (const o of infixOperators)
    widen({ op: o.op, min: 2, max: Math.min(o.maxOperands, 2 + MOST_EXTRA_ARGS) });
  widen({ op: '-', min: 1, max: 1 });
  widen({ op: '+', min: 1, max: 1 });
  return [...byOp.values()];
})();

const infixShapes = shapes.filter((s) =>
  ['+', '-', '*', '/', 'cat', '==', '!=', '<', '<=', '>', '>='].includes(s.op),
);

/** Texts that stress quoting and escaping. */
const trickyText = fc.constantFrom(
  '',
  '"',
  '""',
  '\\',
  '\\"',
  'a\\',
  '\\\\',
  '“引号”',
  'x]y',
  '【】',
  '\n',
  'TRUE',
  'item',
);

/** Any text, including quotes, backslashes, control characters and lone surrogates. */
export const textArb = fc.oneof(
  trickyText,
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ maxLength: 8 }),
);

/** Finite JSON numbers, −0 included. */
export const numberArb = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.85, 1.2, 300000, 1e21, 5e-7, -1e-7),
);

const literalArb = fc.oneof(fc.constant(null), fc.boolean(), numberArb, textArb);

/** Var paths of the generated logic in each scope. */
export interface PathArbs {
  readonly record: fc.Arbitrary<string>;
}

const insidePath = fc.oneof(
  fc.constantFrom('amount', '金额', 'a.b', 'lines.0.qty', '', 'x..y', 'TRUE', 'item'),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const reducePath = fc.oneof(
  fc.constantFrom('current', 'accumulator'),
  fc
    .tuple(
      fc.constantFrom('current', 'accumulator'),
      insidePath.filter((p) => p !== ''),
    )
    .map(([h, p]) => `${h}.${p}`),
);

/**
 * Random canonical JsonLogic built from every operator formula text can write: what the
 * parser produces, so printing it must read back deep-equal.
 */
export function canonicalLogicArb(paths: PathArbs): fc.Arbitrary<unknown> {
  const tree = fc.letrec<Record<Scope, unknown>>((tie) => {
    const scoped = (scope: Scope): fc.Arbitrary<unknown> => {
      const own = tie(scope);
      const path = scope === 'record' ? paths.record : scope === 'item' ? insidePath : reducePath;
      const nameText = fc.oneof(path, textArb);
      const operationOf = (choices: readonly OperatorShape[]): fc.Arbitrary<unknown> =>
        fc.constantFrom(...choices).chain((shape) =>
          fc.integer({ min: shape.min, max: shape.max }).chain((count) =>
            fc
              .tuple(
                ...Array.from({ length: count }, (_, i): fc.Arbitrary<unknown> => {
                  if (shape.body && i === 1) return tie(shape.body);
                  if (shape.names === 'every' || shape.names === i) {
                    return fc.oneof(nameText, fc.array(nameText, { maxLength: 3 }), numberArb);
                  }
                  return own;
                }),
              )
              .map((args) => ({ [shape.op]: args })),
          ),
        );
      return fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 3, arbitrary: literalArb },
        { weight: 3, arbitrary: path.map((p) => ({ var: p })) },
        { weight: 1, arbitrary: fc.array(own, { maxLength: 3 }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(own, fc.option(own, { nil: undefined }))
            .map(([p, d]) => ({ var: d === undefined ? [p] : [p, d] })),
        },
        { weight: 3, arbitrary: operationOf(shapes) },
        // Operators that print infix, often nested in each other: where brackets matter.
        { weight: 3, arbitrary: operationOf(infixShapes) },
      );
    };
    return { record: scoped('record'), item: scoped('item'), reduce: scoped('reduce') };
  });
  return tree.record;
}

const labelPool = [
  '回款率',
  '新品采购额',
  '预计 金额',
  '客户.等级',
  'Amount',
  'TRUE',
  'a.b',
  'x]y',
  '1号仓库',
  'amount',
];

/** A field list with random ids and labels that often collide, plus paths to its fields. */
export const fieldsArb: fc.Arbitrary<{ fields: FieldInfo[]; paths: fc.Arbitrary<string> }> = fc
  .uniqueArray(
    fc.record({
      id: fc.oneof(
        fc.constantFrom(
          'amount',
          'paymentRate',
          'customer',
          'a',
          'a.b',
          'item',
          'TRUE',
          'x y',
          '回款率',
        ),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
      ),
      label: fc.option(
        fc.oneof(
          fc.constantFrom(...labelPool),
          fc.string({ unit: 'grapheme', maxLength: 6 }),
          fc.record(
            { 'zh-CN': fc.constantFrom(...labelPool), en: fc.string({ maxLength: 6 }) },
            { requiredKeys: [] },
          ),
        ),
        { nil: undefined },
      ),
    }),
    { minLength: 1, maxLength: 6, selector: (f) => f.id },
  )
  .map((records) => {
    const fields: FieldInfo[] = records.map((r) => ({
      id: r.id,
      type: 'number',
      ...(r.label === undefined ? {} : { label: r.label }),
    }));
    const ids = fields.map((f) => f.id);
    const paths = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ids) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...ids), fc.constantFrom('grade', '等级', '0'))
          .map(([id, p]) => `${id}.${p}`),
      },
    );
    return { fields, paths };
  });

const formulaPieces = [
  'IF(',
  'AND(',
  'or(',
  'NOT(',
  'SUM(',
  'FILTER(',
  'REDUCE(',
  'MISSING(',
  'VAR(',
  'CONCAT(',
  '如果（',
  'MAX(',
  '(',
  ')',
  '（',
  '）',
  ',',
  '，',
  '{',
  '}',
  '[',
  ']',
  '【',
  '】',
  '"',
  '“',
  '”',
  '""',
  '\\"',
  '+',
  '-',
  '*',
  '/',
  '&',
  '=',
  '==',
  '<>',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '≥',
  '×',
  '%',
  '^',
  ';',
  '.',
  '。',
  '0',
  '5',
  '0.85',
  '85%',
  '1e3',
  '-3',
  'TRUE',
  'null',
  'a',
  'b',
  '回款率',
  'item',
  'acc',
  'item.x',
  'x.y',
  ' ',
  '　',
  '\n',
  'é',
  '😀',
];

/** Text made of formula pieces: mostly near-valid formulas, to reach the parser's corners. */
export const formulaishText = fc
  .array(fc.constantFrom(...formulaPieces), { maxLength: 24 })
  .map((p) => p.join(''));

const spaced = (text: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom('', ' ', '  ', '　'), fc.constantFrom('', ' ', '\n'))
    .map(([a, b]) => a + text + b);

const numberText = fc.constantFrom(
  '0',
  '300000',
  '0.85',
  '.5',
  '1.',
  '1.2e3',
  '1E-2',
  '85%',
  '12.5%',
  '３００',
  '0。85',
  '1e+21',
);
const stringText = fc.constantFrom(
  '"abc"',
  '"a""b"',
  '"a\\"b"',
  '"C:\\dir"',
  '"\\\\"',
  '“中文”',
  '”反向“',
  '""',
  '"回款"',
);
const literalText = fc.oneof(
  numberText,
  stringText,
  fc.constantFrom('TRUE', 'true', 'False', 'NULL', 'null'),
);
const recordName = fc.constantFrom(
  'a',
  'b',
  'amount',
  '回款率',
  'customer.grade',
  '[预计 金额]',
  '【预计 金额】',
  '[x]]y]',
  'items.0',
  '_x',
  'Item',
);
const itemName = fc.constantFrom('item', 'ITEM', 'item.amount', 'item.[预计 金额]', 'Item.x.y');
const reduceName = fc.oneof(itemName, fc.constantFrom('acc', 'ACC', 'acc.total'));
const infixText = fc.constantFrom(
  '+',
  '-',
  '*',
  '/',
  '&',
  '=',
  '==',
  '<>',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '≥',
  '≤',
  '≠',
  '×',
  '÷',
  '＋',
  '＞＝',
  '＜＞',
  '＝',
);

/**
 * Formula text as people type it: any letter case, aliases, full-width punctuation, Chinese
 * quotes, percent literals, redundant brackets and uneven spacing. Mostly valid.
 */
export function messyFormulaArb(
  recordNames: fc.Arbitrary<string> = recordName,
): fc.Arbitrary<string> {
  return fc
    .letrec<Record<Scope, string>>((tie) => {
      const scoped = (scope: Scope): fc.Arbitrary<string> => {
        const own = tie(scope);
        const names = scope === 'record' ? recordNames : scope === 'item' ? itemName : reduceName;
        const callText = fc.constantFrom(...formulaFunctions).chain((f) => {
          const spellings = [f.name, f.name.toLowerCase(), ...f.aliases];
          const max = Math.min(f.arity[1], f.arity[0] + 2);
          return fc
            .tuple(
              fc.constantFrom(...spellings),
              fc.integer({ min: f.arity[0], max }).chain((count) =>
                fc.tuple(
                  ...Array.from({ length: count }, (_, i): fc.Arbitrary<string> => {
                    if (f.body && i === 1) return tie(f.body);
                    if (f.op === 'var' && i === 0) return stringText;
                    return own;
                  }),
                ),
              ),
              fc.constantFrom(',', '，', ', '),
              fc.constantFrom(['(', ')'], ['（', '）']),
            )
            .map(
              ([spelling, args, comma, [open, close]]) =>
                `${spelling}${open}${args.join(comma)}${close}`,
            );
        });
        return fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          { weight: 3, arbitrary: literalText },
          { weight: 3, arbitrary: names },
          { weight: 3, arbitrary: callText },
          {
            weight: 3,
            arbitrary: fc
              .tuple(
                own,
                spaced('').chain(() => infixText.chain(spaced)),
                own,
              )
              .map(([a, op, b]) => a + op + b),
          },
          {
            weight: 1,
            arbitrary: fc.tuple(fc.constantFrom('-', '+', '－'), own).map(([op, a]) => op + a),
          },
          {
            weight: 2,
            arbitrary: fc
              .tuple(fc.constantFrom(['(', ')'], ['（', '）']), own)
              .map(([[o, c], a]) => o + a + c),
          },
          {
            weight: 1,
            arbitrary: fc.array(own, { maxLength: 3 }).map((items) => `{${items.join(', ')}}`),
          },
        );
      };
      return { record: scoped('record'), item: scoped('item'), reduce: scoped('reduce') };
    })
    .record.chain((text) => fc.constantFrom(text, `=${text}`, ` ${text} `));
}

/** Formula text as people type it, over a few fixed names. */
export const messyFormulaText = messyFormulaArb();

/** How a person would type a field's id or label: bare when it can be, else in brackets. */
function typedName(text: string): string {
  const plain = text.split('.').every((part, i) => isPlainSegment(part, i === 0));
  if (plain && !isKeyword(text)) return text;
  return `[${Array.from(text, (c) => (NAME_CLOSERS.has(c) ? c + c : c)).join('')}]`;
}

/** The ids and labels of the fields as typed names, and paths inside them. */
export function typedNamesOf(fields: readonly FieldInfo[]): fc.Arbitrary<string> {
  const texts = fields.flatMap((f) => [
    f.id,
    ...(typeof f.label === 'string' ? [f.label] : Object.values(f.label ?? {})),
  ]);
  const names = texts.filter((t) => t !== '').map(typedName);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((n) => `${n}.grade`) },
  );
}
