import type { TestExpectation } from '@ruleloom/schemas';
import type { FieldError, RecordState } from '../app/types.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { compileExpression } from '../expr/compile.js';
import type { EvaluationContext } from '../expr/types.js';
import { deepEqual, partialMatch, sameSet } from './match.js';
import type { TestWorld } from './runTest.js';
import { checkTimer } from './timerExpectation.js';

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const show = (value: unknown): string =>
  value === undefined ? 'undefined' : JSON.stringify(value);

/**
 * Checks one expectation against the world after the steps. Returns why it does not hold,
 * or undefined when it does.
 */
export function checkExpectation(
  world: TestWorld,
  expectation: TestExpectation,
): LocalizedText | undefined {
  switch (expectation.type) {
    case 'gate':
      return checkGate(world, expectation);
    case 'field': {
      const record = world.state.records[expectation.record];
      if (!record) return noRecord(expectation.record);
      const actual = record.values[expectation.field];
      return deepEqual(actual ?? null, expectation.value)
        ? undefined
        : text(
            `记录 ${expectation.record} 的字段 ${expectation.field} 应为 ${show(expectation.value)}，实际为 ${show(actual)}`,
            `field ${expectation.field} of ${expectation.record} should be ${show(expectation.value)} but is ${show(actual)}`,
          );
    }
    case 'stage': {
      const record = world.state.records[expectation.record];
      if (!record) return noRecord(expectation.record);
      const stages = [...world.app.pipelines.values()]
        .filter((p) => p.entity === record.entity)
        .map((p) => p.stageOf(record));
      return stages.includes(expectation.stage)
        ? undefined
        : text(
            `记录 ${expectation.record} 应处于阶段 ${expectation.stage}，实际为 ${stages.join('、') || '无'}`,
            `${expectation.record} should be in stage ${expectation.stage} but is in ${stages.join(', ') || 'none'}`,
          );
    }
    case 'effect': {
      const found = world.effects.filter(
        (effect) =>
          effect.type === expectation.effect && partialMatch(effect, expectation.match ?? {}),
      );
      const ok =
        expectation.count === undefined ? found.length > 0 : found.length === expectation.count;
      return ok
        ? undefined
        : text(
            `应有 ${expectation.count ?? '至少 1'} 个符合 ${show(expectation.match ?? {})} 的 ${expectation.effect} 效果，实际为 ${found.length} 个（共 ${world.effects.length} 个效果）`,
            `expected ${expectation.count ?? 'at least 1'} ${expectation.effect} effect(s) matching ${show(expectation.match ?? {})}, found ${found.length} (of ${world.effects.length} effects)`,
          );
    }
    case 'expression': {
      const result = compileExpression(expectation.expression).safeEvaluate(
        expectation.data ?? {},
        {
          now: world.now,
          zone: world.app.zone,
        },
      );
      if (!result.ok) {
        const { messages } = result.error;
        return text(
          `表达式应得 ${show(expectation.value)}，但求值出错：${messages['zh-CN']}`,
          `the expression should give ${show(expectation.value)} but fails: ${messages.en}`,
        );
      }
      return deepEqual(result.value, expectation.value)
        ? undefined
        : text(
            `表达式应得 ${show(expectation.value)}，实际为 ${show(result.value)}`,
            `the expression should give ${show(expectation.value)} but gives ${show(result.value)}`,
          );
    }
    case 'form':
      return checkForm(world, expectation);
    case 'tags': {
      const record = world.state.records[expectation.record];
      if (!record) return noRecord(expectation.record);
      const tags = tagsOf(world, record);
      const missing = (expectation.includes ?? []).filter((tag) => !tags.includes(tag));
      const extra = (expectation.excludes ?? []).filter((tag) => tags.includes(tag));
      return missing.length === 0 && extra.length === 0
        ? undefined
        : text(
            `记录 ${expectation.record} 的标签为 ${show(tags)}：缺少 ${show(missing)}，不应有 ${show(extra)}`,
            `${expectation.record} has tags ${show(tags)}: missing ${show(missing)}, unexpected ${show(extra)}`,
          );
    }
    case 'mark': {
      const record = world.state.records[expectation.record];
      if (!record) return noRecord(expectation.record);
      const colorOk =
        expectation.color === undefined || (record.mark?.color ?? null) === expectation.color;
      const flagOk = expectation.flag === undefined || record.mark?.flag === expectation.flag;
      // The colour and flag, as the expectation names them (not when or by whom).
      const actual = record.mark
        ? {
            color: record.mark.color ?? null,
            ...(record.mark.flag === undefined ? {} : { flag: record.mark.flag }),
          }
        : null;
      const expected = { color: expectation.color, flag: expectation.flag };
      return colorOk && flagOk
        ? undefined
        : text(
            `记录 ${expectation.record} 的标记应为 ${show(expected)}，实际为 ${show(actual)}`,
            `${expectation.record} should be marked ${show(expected)} but is ${show(actual)}`,
          );
    }
    case 'approval': {
      const record = world.state.records[expectation.record];
      if (!record) return noRecord(expectation.record);
      const approvals = record.approvals.filter((a) => a.id === expectation.approval);
      const status = approvals[approvals.length - 1]?.status ?? 'none';
      return status === expectation.status
        ? undefined
        : text(
            `审批 ${expectation.approval} 应为 ${expectation.status}，实际为 ${status}`,
            `approval ${expectation.approval} should be ${expectation.status} but is ${status}`,
          );
    }
    case 'table':
      return checkTable(world, expectation);
    case 'formula':
      return checkFormula(world, expectation);
    case 'routing':
      return checkRouting(world, expectation);
    case 'timer':
      return checkTimer(world, expectation);
    default:
      return text(
        `未知的期望类型 "${String((expectation as { type: unknown }).type)}"`,
        `unknown expectation type "${String((expectation as { type: unknown }).type)}"`,
      );
  }
}

/** A record's tags: its own, and those in its entity's tags fields (where addTag puts them). */
function tagsOf(world: TestWorld, record: RecordState): string[] {
  const entity = world.app.entities.get(record.entity);
  const fromFields = [...(entity?.fields.values() ?? [])]
    .filter((field) => field.type === 'tags')
    .flatMap((field) => {
      const value = record.values[field.id];
      return Array.isArray(value)
        ? value.filter((tag): tag is string => typeof tag === 'string')
        : [];
    });
  return [...new Set([...record.tags, ...fromFields])];
}

function noRecord(id: string): LocalizedText {
  return text(`没有记录 ${id}`, `there is no record ${id}`);
}

function checkGate(world: TestWorld, expectation: Extract<TestExpectation, { type: 'gate' }>) {
  const record = world.state.records[expectation.record];
  if (!record) return noRecord(expectation.record);
  const actor = world.actors.get(expectation.record);
  const result = world.app.checkTransition(record.entity, record, expectation.to, {
    now: world.now,
    users: world.users,
    ...(actor ? { actor } : {}),
  });
  // What is missing: fields and attachments by field id, failed conditions by their id.
  const missing = result.failures.flatMap((f) => {
    if (f.type === 'missingField' || f.type === 'missingAttachment') return [f.field];
    if (f.type === 'condition' && f.severity !== 'warning') return [f.id];
    return [];
  });
  if (result.allowed !== expectation.passed) {
    return text(
      `移到 ${expectation.to} 的关口应${expectation.passed ? '通过' : '不通过'}，实际${result.allowed ? '通过' : `不通过：${show(result.failures.map((f) => f.type))}`}`,
      `the gate to ${expectation.to} should ${expectation.passed ? 'pass' : 'fail'} but ${result.allowed ? 'passes' : `fails: ${show(result.failures.map((f) => f.type))}`}`,
    );
  }
  if (expectation.missing !== undefined && !sameSet(missing, expectation.missing)) {
    return text(
      `关口缺少的字段应为 ${show(expectation.missing)}，实际为 ${show(missing)}`,
      `the gate should list ${show(expectation.missing)} as missing but lists ${show(missing)}`,
    );
  }
  return undefined;
}

function fieldsWith(errors: readonly FieldError[], severity: FieldError['severity']): string[] {
  return [...new Set(errors.filter((e) => e.severity === severity).map((e) => e.field))];
}

function checkForm(world: TestWorld, expectation: Extract<TestExpectation, { type: 'form' }>) {
  const result = world.app.validateForm(expectation.form, expectation.data, {
    now: world.now,
    users: world.users,
  });
  const problems: string[] = [];
  if (result.valid !== expectation.valid) problems.push(`valid ${show(result.valid)}`);
  const lists: [
    keyof typeof expectation & ('errors' | 'warnings' | 'required' | 'visible'),
    string[],
  ][] = [
    ['errors', fieldsWith(result.errors, 'error')],
    ['warnings', fieldsWith(result.errors, 'warning')],
    ['required', [...result.required]],
    ['visible', [...result.visible]],
  ];
  for (const [key, actual] of lists) {
    const expected = expectation[key];
    if (expected !== undefined && !sameSet(actual, expected))
      problems.push(`${key} ${show(actual)}`);
  }
  if (problems.length === 0) return undefined;
  const details = result.errors.map((e) => `${e.field}: ${e.message['zh-CN']}`).join('；');
  return text(
    `表单 ${expectation.form} 的校验结果不同：${problems.join('，')}（${details}）`,
    `form ${expectation.form} validates differently: ${problems.join(', ')} (${result.errors.map((e) => `${e.field}: ${e.message.en}`).join('; ')})`,
  );
}

/** The context tables and formulas are evaluated in: the test's clock and the app's zone. */
function evaluationContext(world: TestWorld): EvaluationContext {
  return { now: world.now, zone: world.app.zone };
}

/** `table`: the rows that hit (ids, in order) and the result, each when the test names it. */
function checkTable(world: TestWorld, expectation: Extract<TestExpectation, { type: 'table' }>) {
  const result = world.app.evaluateTable(
    expectation.table,
    expectation.input,
    evaluationContext(world),
  );
  if (!result.ok) {
    return text(
      `决策表 ${expectation.table} 求值出错：${result.error.message['zh-CN']}`,
      `table ${expectation.table} fails: ${result.error.message.en}`,
    );
  }
  const rows = result.matched.map((match) => match.rowId);
  const problems: string[] = [];
  if (expectation.rows !== undefined && !deepEqual(rows, expectation.rows)) {
    problems.push(`rows ${show(rows)}`);
  }
  if (Object.hasOwn(expectation, 'output') && !deepEqual(result.outputs, expectation.output)) {
    problems.push(`output ${show(result.outputs)}`);
  }
  if (problems.length === 0) return undefined;
  const expected = {
    ...(expectation.rows === undefined ? {} : { rows: expectation.rows }),
    ...(Object.hasOwn(expectation, 'output') ? { output: expectation.output } : {}),
  };
  return text(
    `决策表 ${expectation.table} 应得 ${show(expected)}，实际为 ${problems.join('，')}`,
    `table ${expectation.table} should give ${show(expected)} but gives ${problems.join(', ')}`,
  );
}

/** `formula`: the formula's value on the input. */
function checkFormula(
  world: TestWorld,
  expectation: Extract<TestExpectation, { type: 'formula' }>,
) {
  const result = world.app.evaluateFormula(
    expectation.formula,
    expectation.input,
    evaluationContext(world),
  );
  if (!result.ok) {
    return text(
      `公式 ${expectation.formula} 应得 ${show(expectation.value)}，但求值出错：${result.error.message['zh-CN']}`,
      `formula ${expectation.formula} should give ${show(expectation.value)} but fails: ${result.error.message.en}`,
    );
  }
  return deepEqual(result.value, expectation.value)
    ? undefined
    : text(
        `公式 ${expectation.formula} 应得 ${show(expectation.value)}，实际为 ${show(result.value)}`,
        `formula ${expectation.formula} should give ${show(expectation.value)} but gives ${show(result.value)}`,
      );
}

/**
 * `routing`: routes the record (as it is after the steps) with the routing's snapshot of
 * `given.routing` and the test's users, at the test's time; checks the assignee, the queue
 * and the rule the test names. Naming a queue and no assignee means nobody may be picked.
 */
function checkRouting(
  world: TestWorld,
  expectation: Extract<TestExpectation, { type: 'routing' }>,
) {
  const record = world.state.records[expectation.record];
  if (!record) return noRecord(expectation.record);
  const snapshot = world.routingSnapshots[expectation.routing] ?? {};
  const result = world.app.route(
    expectation.routing,
    { id: record.id, values: record.values },
    snapshot,
    { now: world.now, users: world.users },
  );
  const actual = {
    ...(result.assignee === undefined ? {} : { assignee: result.assignee }),
    ...(result.queue === undefined ? {} : { queue: result.queue }),
    ...(result.rule === undefined ? {} : { rule: result.rule }),
  };
  const assigneeOk =
    expectation.assignee !== undefined
      ? result.assignee === expectation.assignee
      : expectation.queue === undefined || result.assignee === undefined;
  const queueOk = expectation.queue === undefined || result.queue === expectation.queue;
  const ruleOk = expectation.rule === undefined || result.rule === expectation.rule;
  if (assigneeOk && queueOk && ruleOk) return undefined;
  const expected = {
    ...(expectation.assignee === undefined ? {} : { assignee: expectation.assignee }),
    ...(expectation.queue === undefined ? {} : { queue: expectation.queue }),
    ...(expectation.rule === undefined ? {} : { rule: expectation.rule }),
  };
  const lines = world.app.routings.get(expectation.routing)?.describe(result, world.users);
  const why = (locale: keyof LocalizedText) =>
    lines && lines.length > 0 ? ` (${lines.map((line) => line[locale]).join('; ')})` : '';
  return text(
    `分配规则 ${expectation.routing} 对记录 ${expectation.record} 应得 ${show(expected)}，实际为 ${show(actual)}${why('zh-CN')}`,
    `routing ${expectation.routing} should give ${expectation.record} ${show(expected)} but gives ${show(actual)}${why('en')}`,
  );
}
