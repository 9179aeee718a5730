import {
  createDiagnostic,
  toInstant,
  type Diagnostic,
  type LocalizedText,
  type LoggedEvent,
} from '@ruleloom/engine';
import { readJsonText } from '../jsonSyntax.js';
import { lineStartsOf, locatePointer, type Position } from '../position.js';

/** One problem of an event log, placed in the file. */
export interface EventLogProblem {
  readonly line: number;
  readonly column: number;
  readonly diagnostic: Diagnostic;
}

/** A JSON Lines event log, read: its entries with their lines, or the problems found. */
export interface EventLogFile {
  readonly entries: readonly LoggedEvent[];
  /** 1-based line of each entry. */
  readonly lines: readonly number[];
  /** Where the `at` of an entry is (for problems the engine finds later). */
  readonly atPosition: (entry: number) => Position;
  readonly problems: readonly EventLogProblem[];
}

const reasons = {
  notObject: { 'zh-CN': '这一行应是一个 JSON 对象', en: 'the line must be a JSON object' },
  noEvent: {
    'zh-CN': '缺少 "event"，或它没有字符串 "type"',
    en: '"event" is missing or has no string "type"',
  },
  noAt: { 'zh-CN': '缺少 "at"（事件发生的时间）', en: '"at" (when it happens) is missing' },
  actor: { 'zh-CN': '"actor" 应是带 "id" 的对象', en: '"actor" must be an object with an "id"' },
  users: { 'zh-CN': '"users" 应是用户列表', en: '"users" must be a list of users' },
} as const satisfies Record<string, LocalizedText>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a JSON Lines event log: one `{ "at", "event", "actor"?, "users"? }` object per line
 * (blank lines are skipped). Every bad line is a problem at its line and column: not JSON
 * (RL9033), not an event (RL9034), a time that is not a time in `zone` (RL9035).
 *
 * @example
 * readEventLogFile('{"at":"2026-03-02T09:00:00+08:00","event":{"type":"timers.sync"}}\n', 'Asia/Shanghai');
 * // { entries: [{ at: '2026-03-02T09:00:00+08:00', event: { type: 'timers.sync' } }], lines: [1], problems: [] }
 */
export function readEventLogFile(text: string, zone: string): EventLogFile {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const starts = lineStartsOf(source);
  const entries: LoggedEvent[] = [];
  const lines: number[] = [];
  const atPositions: Position[] = [];
  const problems: EventLogProblem[] = [];
  starts.forEach((start, index) => {
    const end = index + 1 < starts.length ? (starts[index + 1] as number) : source.length;
    const lineText = source.slice(start, end).replace(/\r?\n$|\r$/, '');
    if (lineText.trim() === '') return;
    const line = index + 1;
    const problem = (
      code: 'RL9033' | 'RL9034' | 'RL9035',
      at: Position,
      params: Readonly<Record<string, string | LocalizedText>>,
    ): void => {
      problems.push({
        line,
        column: at.column,
        diagnostic: createDiagnostic(code, '', { line, ...params }),
      });
    };
    const read = readJsonText(lineText);
    if (read.syntaxError) {
      problem('RL9033', read.syntaxError.position, { detail: read.syntaxError.detail });
      return;
    }
    const value = read.value;
    const where = (pointer: string): Position => locatePointer(read.json, pointer);
    if (!isObject(value))
      return problem('RL9034', { line: 1, column: 1 }, { reason: reasons.notObject });
    const event = value['event'];
    if (!isObject(event) || typeof event['type'] !== 'string') {
      return problem('RL9034', where(isObject(event) ? '/event' : ''), { reason: reasons.noEvent });
    }
    const actor = value['actor'];
    if (actor !== undefined && (!isObject(actor) || typeof actor['id'] !== 'string')) {
      return problem('RL9034', where('/actor'), { reason: reasons.actor });
    }
    if (value['users'] !== undefined && !Array.isArray(value['users'])) {
      return problem('RL9034', where('/users'), { reason: reasons.users });
    }
    if (value['at'] === undefined) return problem('RL9034', where(''), { reason: reasons.noAt });
    if (toInstant(value['at'], zone) === undefined) {
      return problem('RL9035', where('/at'), { value: JSON.stringify(value['at']) });
    }
    entries.push(value as unknown as LoggedEvent);
    lines.push(line);
    atPositions.push({ line, column: where('/at').column });
  });
  return {
    entries,
    lines,
    atPosition: (entry) => atPositions[entry] ?? { line: 1, column: 1 },
    problems,
  };
}
