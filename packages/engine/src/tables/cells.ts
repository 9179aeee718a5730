import { appendPointer } from '../diagnostics/diagnostic.js';
import type { Diagnostic, LocalizedText } from '../diagnostics/types.js';
import { compileExpression } from '../expr/compile.js';
import type { OperatorRegistry } from '../expr/registry.js';
import type { EvaluationContext, FieldInfo } from '../expr/types.js';
import { truthy } from '../expr/values.js';
import { columnKind, describeValue, instantOf, typeName, type ColumnKind } from './columns.js';
import {
  ANY,
  meet,
  numbers,
  numberTest,
  OPAQUE,
  values as valueDomain,
  type Domain,
} from './domains.js';
import {
  complement,
  interval,
  normalize,
  point,
  type Interval,
  type IntervalSet,
} from './intervals.js';
import { formatNumber, scanNumber } from './numbers.js';
import { tablesDiagnostic } from './reporting.js';
import { parseUnaryTest, type EndpointReader, type TestItem } from './unaryTests.js';

/** Tests a column's value (normalized); `record` holds every column's value for expressions. */
export type CellPredicate = (
  value: unknown,
  record: Readonly<Record<string, unknown>>,
  context: EvaluationContext | undefined,
) => boolean;

/** A compiled cell: what it accepts (for the checks) and its test (none for "any"). */
export interface CompiledCell {
  readonly domain: Domain;
  readonly test?: CellPredicate;
}

/** What compiling a cell needs to know. */
export interface CellScope {
  readonly columnId: string;
  readonly type: string;
  readonly label: LocalizedText;
  readonly file: string | undefined;
  readonly zone: string;
  /** The table's input columns, for expressions. */
  readonly fields: readonly FieldInfo[];
  readonly operators: OperatorRegistry | undefined;
  report(diagnostic: Diagnostic): void;
}

/** A part of a cell: a domain and (unless it accepts anything) a test. */
interface Part {
  readonly domain: Domain;
  readonly test?: CellPredicate;
}

const ANY_PART: Part = { domain: ANY };
const ANY_TEXTS: ReadonlySet<string> = new Set(['-', '－', '—', '–']);
const COMPARISON_KEYS = ['==', '!=', '<', '<=', '>', '>='] as const;

const valueNames: Readonly<Record<'number' | 'instant', LocalizedText>> = {
  number: { 'zh-CN': '数字', en: 'a number' },
  instant: { 'zh-CN': '日期', en: 'a date' },
};

/**
 * Compiles one cell of a row: the unary-test text, literal, list or comparison object the
 * schema allows, checked against the column's type. Problems are reported with the pointer
 * of the cell (or of the part of it at fault); a cell with errors returns undefined.
 *
 * @example
 * compileCell('[5万..20万)', '/rows/0/when/budget', scope)?.test?.(80000, {}, undefined); // true
 */
export function compileCell(
  cell: unknown,
  pointer: string,
  scope: CellScope,
): CompiledCell | undefined {
  return new CellCompiler(scope).compile(cell, pointer);
}

class CellCompiler {
  private failed = false;
  private readonly kind: ColumnKind;

  constructor(private readonly scope: CellScope) {
    this.kind = columnKind(scope.type);
  }

  compile(cell: unknown, pointer: string): CompiledCell | undefined {
    let part: Part;
    if (typeof cell === 'string') part = this.text(cell, pointer);
    else if (Array.isArray(cell)) part = this.list(cell, pointer);
    else if (typeof cell === 'object' && cell !== null) part = this.comparisons(cell, pointer);
    else part = this.equal(cell, pointer);
    if (this.failed) return undefined;
    return part.test ? { domain: part.domain, test: part.test } : { domain: part.domain };
  }

  // A string: "-" is any; in number and date columns, unary-test text; elsewhere a value.
  private text(cell: string, pointer: string): Part {
    if (ANY_TEXTS.has(cell.trim())) return ANY_PART;
    if (this.kind !== 'number' && this.kind !== 'instant') return this.equal(cell, pointer);
    const parsed = parseUnaryTest(cell, this.reader(), valueNames[this.kind]);
    if (!parsed.ok) {
      this.failed = true;
      this.scope.report(
        tablesDiagnostic(
          'RL5401',
          pointer,
          {
            column: this.scope.label,
            text: cell,
            detail: parsed.detail,
            position: parsed.position,
          },
          { file: this.scope.file, column: parsed.position },
        ),
      );
      return ANY_PART;
    }
    if (parsed.test.kind === 'any') return ANY_PART;
    const set = union(parsed.test.items.map((item) => this.itemSet(item, pointer)));
    return this.numberPart(parsed.test.negated ? complement(set) : set);
  }

  private itemSet(item: TestItem, pointer: string): IntervalSet {
    if (item.kind === 'range') {
      this.checkPercent(item.lo.value, item.lo.percent, pointer);
      this.checkPercent(item.hi.value, item.hi.percent, pointer);
      return [interval(item.lo.value, item.loClosed, item.hi.value, item.hiClosed)];
    }
    this.checkPercent(item.value.value, item.value.percent, pointer);
    return comparisonSet(item.op, item.value.value);
  }

  private reader(): EndpointReader {
    if (this.kind === 'number') return scanNumber;
    const { type, zone } = this.scope;
    return (text) => {
      const match =
        /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?(?:Z|[+-]\d{2}:?\d{2})?/.exec(
          text,
        );
      if (!match) return undefined;
      const value = instantOf(match[0], type, zone);
      return value === undefined ? undefined : { value, length: match[0].length, percent: false };
    };
  }

  // A list: any of its items (values, or in number and date columns unary tests).
  private list(cell: readonly unknown[], pointer: string): Part {
    if (this.kind === 'list') {
      const wanted = cell.map((item, i) => this.listItem(item, appendPointer(pointer, i)));
      return { domain: OPAQUE, test: (v) => Array.isArray(v) && wanted.some((w) => v.includes(w)) };
    }
    const parts = cell.map((item, i) =>
      typeof item === 'string'
        ? this.text(item, appendPointer(pointer, i))
        : this.equal(item, appendPointer(pointer, i)),
    );
    if (parts.some((p) => p.domain.kind === 'any')) return ANY_PART;
    if (this.kind === 'number' || this.kind === 'instant') {
      return this.numberPart(
        union(parts.map((p) => (p.domain.kind === 'numbers' ? p.domain.set : []))),
      );
    }
    if (this.kind === 'text' || this.kind === 'boolean') {
      const items = parts.flatMap((p) => (p.domain.kind === 'values' ? [...p.domain.values] : []));
      return this.valuesPart(items, false);
    }
    return ANY_PART;
  }

  // One value: equal to it (a list column holds it).
  private equal(value: unknown, pointer: string): Part {
    switch (this.kind) {
      case 'number':
      case 'instant': {
        const n = this.literalNumber(value, pointer);
        return n === undefined ? ANY_PART : this.numberPart([point(n)]);
      }
      case 'text':
      case 'boolean': {
        const v = this.literalValue(value, pointer);
        return v === undefined ? ANY_PART : this.valuesPart([v], false);
      }
      case 'list': {
        const wanted = this.listItem(value, pointer);
        return { domain: OPAQUE, test: (v) => Array.isArray(v) && v.includes(wanted) };
      }
      case 'other':
        this.mismatch(value, pointer);
        return ANY_PART;
    }
  }

  // An object of comparisons: all of them must hold.
  private comparisons(cell: object, pointer: string): Part {
    const parts: Part[] = [];
    for (const [key, operand] of Object.entries(cell)) {
      const at = appendPointer(pointer, key);
      if ((COMPARISON_KEYS as readonly string[]).includes(key)) {
        parts.push(this.comparison(key as (typeof COMPARISON_KEYS)[number], operand, at));
      } else if (key === 'between') {
        parts.push(this.between(operand, at));
      } else if (key === 'in' || key === 'notIn') {
        parts.push(this.membership(operand, key === 'notIn', at));
      } else if (key === 'expression') {
        parts.push(this.expression(operand, at));
      } else {
        this.failed = true;
        this.scope.report(
          tablesDiagnostic(
            'RL5401',
            at,
            {
              column: this.scope.label,
              text: key,
              detail: { 'zh-CN': '未知的比较方式', en: 'unknown comparison' },
              position: 1,
            },
            { file: this.scope.file },
          ),
        );
      }
    }
    return allOf(parts);
  }

  private comparison(op: (typeof COMPARISON_KEYS)[number], operand: unknown, at: string): Part {
    if (this.kind === 'number' || this.kind === 'instant') {
      const n = this.literalNumber(operand, at);
      return n === undefined ? ANY_PART : this.numberPart(comparisonSet(op === '==' ? '=' : op, n));
    }
    if (op !== '==' && op !== '!=') {
      this.mismatch(operand, at, true);
      return ANY_PART;
    }
    if (this.kind === 'list') {
      const wanted = this.listItem(operand, at);
      const negated = op === '!=';
      return {
        domain: OPAQUE,
        test: (v) => Array.isArray(v) && v.includes(wanted) !== negated,
      };
    }
    if (this.kind === 'other') {
      this.mismatch(operand, at);
      return ANY_PART;
    }
    const v = this.literalValue(operand, at);
    return v === undefined ? ANY_PART : this.valuesPart([v], op === '!=');
  }

  private between(operand: unknown, at: string): Part {
    if (this.kind !== 'number' && this.kind !== 'instant') {
      this.mismatch(operand, at, true);
      return ANY_PART;
    }
    if (!Array.isArray(operand) || operand.length !== 2) {
      this.mismatch(operand, at);
      return ANY_PART;
    }
    const lo = this.literalNumber(operand[0], appendPointer(at, 0));
    const hi = this.literalNumber(operand[1], appendPointer(at, 1));
    if (lo === undefined || hi === undefined) return ANY_PART;
    return this.numberPart([interval(lo, true, hi, false)]);
  }

  private membership(operand: unknown, negated: boolean, at: string): Part {
    if (!Array.isArray(operand)) {
      this.mismatch(operand, at);
      return ANY_PART;
    }
    const items = operand.map((item, i) => ({ item, at: appendPointer(at, i) }));
    if (this.kind === 'list') {
      const wanted = items.map(({ item, at: p }) => this.listItem(item, p));
      return {
        domain: OPAQUE,
        test: (v) => Array.isArray(v) && wanted.some((w) => v.includes(w)) !== negated,
      };
    }
    if (this.kind === 'number' || this.kind === 'instant') {
      const points = items.flatMap(({ item, at: p }) => {
        const n = this.literalNumber(item, p);
        return n === undefined ? [] : [point(n)];
      });
      const set = normalize(points);
      return this.numberPart(negated ? complement(set) : set);
    }
    if (this.kind === 'other') {
      this.mismatch(operand, at);
      return ANY_PART;
    }
    const found = items.flatMap(({ item, at: p }) => {
      const v = this.literalValue(item, p);
      return v === undefined ? [] : [v];
    });
    return this.valuesPart(found, negated);
  }

  private expression(logic: unknown, at: string): Part {
    const { fields, operators, file } = this.scope;
    const compiled = compileExpression(logic, {
      fields,
      pointer: at,
      ...(operators ? { operators } : {}),
      ...(file === undefined ? {} : { file }),
    });
    compiled.diagnostics.forEach((d) => this.scope.report(d));
    if (!compiled.ok) {
      this.failed = true;
      return ANY_PART;
    }
    return {
      domain: OPAQUE,
      test: (_v, record, context) => truthy(compiled.evaluate(record, context)),
    };
  }

  private numberPart(set: IntervalSet): Part {
    const test = numberTest(set);
    return { domain: numbers(set), test: (v) => typeof v === 'number' && test(v) };
  }

  private valuesPart(items: readonly (string | boolean)[], negated: boolean): Part {
    const domain = valueDomain(items, negated, this.kind === 'boolean');
    if (domain.kind !== 'values') return { domain };
    const { values: set, negated: not } = domain;
    return { domain, test: (v) => v !== null && set.has(v as string | boolean) !== not };
  }

  private literalNumber(value: unknown, at: string): number | undefined {
    if (this.kind === 'instant') {
      const instant =
        typeof value === 'string' ? instantOf(value, this.scope.type, this.scope.zone) : undefined;
      if (instant === undefined) this.mismatch(value, at);
      return instant;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      this.checkPercent(value, false, at);
      return value;
    }
    const scanned = typeof value === 'string' ? scanNumber(value.trim()) : undefined;
    if (scanned && scanned.length === (value as string).trim().length) {
      this.checkPercent(scanned.value, scanned.percent, at);
      return scanned.value;
    }
    this.mismatch(value, at);
    return undefined;
  }

  private literalValue(value: unknown, at: string): string | boolean | undefined {
    if (this.kind === 'boolean' ? typeof value === 'boolean' : typeof value === 'string') {
      return value as string | boolean;
    }
    this.mismatch(value, at);
    return undefined;
  }

  private listItem(value: unknown, at: string): unknown {
    if (typeof value !== 'string') this.mismatch(value, at);
    return value;
  }

  private mismatch(value: unknown, at: string, comparison = false): void {
    this.failed = true;
    const shown = comparison
      ? `${at.slice(at.lastIndexOf('/') + 1)} ${describeValue(value)}`
      : describeValue(value);
    this.scope.report(
      tablesDiagnostic(
        'RL5402',
        at,
        { column: this.scope.label, type: typeName(this.scope.type), value: shown },
        { file: this.scope.file },
      ),
    );
  }

  // 85 in a percent column is 8500%: almost always meant as 85%.
  private checkPercent(value: number, writtenAsPercent: boolean, at: string): void {
    if (this.scope.type !== 'percent' || writtenAsPercent || Math.abs(value) < 2) return;
    this.scope.report(
      tablesDiagnostic(
        'RL5414',
        at,
        {
          column: this.scope.label,
          value: formatNumber(value, false),
          percent: formatNumber(value, true),
        },
        { file: this.scope.file },
      ),
    );
  }
}

function union(sets: readonly IntervalSet[]): IntervalSet {
  return normalize(sets.flat() as Interval[]);
}

/** The numbers a comparison with `value` accepts. */
function comparisonSet(op: '<' | '<=' | '>' | '>=' | '=' | '!=', value: number): IntervalSet {
  switch (op) {
    case '<':
      return [interval(-Infinity, false, value, false)];
    case '<=':
      return [interval(-Infinity, false, value, true)];
    case '>':
      return [interval(value, false, Infinity, false)];
    case '>=':
      return [interval(value, true, Infinity, false)];
    case '=':
      return [point(value)];
    case '!=':
      return complement([point(value)]);
  }
}

/** Parts that must all hold. */
function allOf(parts: readonly Part[]): Part {
  const tests = parts.flatMap((p) => (p.test ? [p.test] : []));
  const domain = parts.reduce<Domain>((d, p) => meet(d, p.domain), ANY);
  if (tests.length === 0) return { domain };
  if (tests.length === 1) return { domain, test: tests[0] as CellPredicate };
  return { domain, test: (v, record, context) => tests.every((t) => t(v, record, context)) };
}
