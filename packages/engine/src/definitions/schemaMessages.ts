import { definitionFolders, definitionSchemas, sharedSchemas } from '@ruleloom/schemas';
import type { DiagnosticCode } from '../diagnostics/catalogue/index.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { isJsonObject } from './pointer.js';

// The words of schema diagnostics: value display, type names, and what a failed pattern
// or format was about. Patterns are read from the schemas themselves, so a changed
// pattern cannot silently lose its specific message.

const MAX_SHOWN = 60;

/** A value as a diagnostic shows it: JSON, cut short. */
export function displayValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

// JSON types as someone editing the file writes them ({…}, […], true/false without quotes);
// expression diagnostics name value types instead (expr/valueTypes.ts), which differ.
const typeNames: Readonly<Record<string, LocalizedText>> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  integer: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': 'true/false', en: 'true or false' },
  object: { 'zh-CN': '对象 {…}', en: 'an object {…}' },
  array: { 'zh-CN': '列表 […]', en: 'a list […]' },
  null: { 'zh-CN': 'null', en: 'null' },
};

/** The JSON type of a value: string, number, boolean, object, array or null. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Names of JSON types joined with "or", in both languages. */
export function typeList(types: readonly string[]): LocalizedText {
  const unique = [...new Set(types)];
  const name = (type: string): LocalizedText => typeNames[type] ?? { 'zh-CN': type, en: type };
  return {
    'zh-CN': unique.map((t) => name(t)['zh-CN']).join('或'),
    en: unique.map((t) => name(t).en).join(' or '),
  };
}

/** How a pattern failure is reported: a dedicated code, or RL1019 with what was expected. */
export type PatternReport =
  | { readonly code: DiagnosticCode }
  | { readonly code: 'RL1019'; readonly what: LocalizedText; readonly example: string };

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const patternOf = (schema: unknown): string | undefined =>
  isJsonObject(schema) && typeof schema.pattern === 'string' ? schema.pattern : undefined;

let patternTable: ReadonlyMap<string, PatternReport> | undefined;

function buildPatternTable(): ReadonlyMap<string, PatternReport> {
  const table = new Map<string, PatternReport>();
  const put = (pattern: string | undefined, report: PatternReport): void => {
    if (pattern !== undefined) table.set(pattern, report);
  };
  const cronDefs = sharedSchemas.cron.$defs;
  const moneyDefs = sharedSchemas.money.$defs;
  const appDefs = definitionSchemas.app.$defs;
  const appProperties = definitionSchemas.app.properties;
  put(patternOf(sharedSchemas.id), { code: 'RL1014' });
  put(patternOf(sharedSchemas['field-reference']), { code: 'RL1015' });
  put(patternOf(sharedSchemas.duration), { code: 'RL1012' });
  put(patternOf(isJsonObject(cronDefs) ? cronDefs.expression : undefined), { code: 'RL1013' });
  put(patternOf(sharedSchemas.zone), { code: 'RL1018' });
  put(patternOf(isJsonObject(appProperties) ? appProperties.version : undefined), {
    code: 'RL1017',
  });
  put(patternOf(isJsonObject(moneyDefs) ? moneyDefs.currency : undefined), {
    code: 'RL1019',
    what: text('货币代码', 'currency code'),
    example: 'CNY',
  });
  put(patternOf(isJsonObject(appDefs) ? appDefs.path : undefined), {
    code: 'RL1019',
    what: text('应用内的文件路径', 'file path inside the app'),
    example: 'entities/lead.json',
  });
  for (const folder of Object.values(definitionFolders)) {
    put(`^${folder}/`, {
      code: 'RL1019',
      what: text(`${folder}/ 文件夹中的文件路径`, `path of a file in ${folder}/`),
      example: `${folder}/<id>.json`,
    });
  }
  return table;
}

/**
 * What a failed `pattern` was about.
 *
 * @example
 * reportForPattern('^(?:[0-9]{1,6}[mhdw]|…)$'); // { code: 'RL1012' } (the duration pattern)
 */
export function reportForPattern(pattern: unknown): PatternReport {
  patternTable ??= buildPatternTable();
  const known = typeof pattern === 'string' ? patternTable.get(pattern) : undefined;
  if (known) return known;
  if (typeof pattern === 'string' && pattern.includes('[0-5][0-9]$')) {
    return { code: 'RL1019', what: text('时刻', 'time of day'), example: '09:00' };
  }
  if (typeof pattern === 'string' && pattern.includes('\\.[0-9]{1,6}')) {
    return { code: 'RL1019', what: text('金额', 'amount'), example: '"12999.50"' };
  }
  return { code: 'RL1019', what: text('值', 'value'), example: String(pattern) };
}

const formats: Readonly<Record<string, { what: LocalizedText; example: string }>> = {
  date: { what: text('日期', 'date'), example: '2024-03-15' },
  'date-time': { what: text('日期时间', 'date and time'), example: '2024-03-15T09:00:00+08:00' },
  uri: { what: text('网址', 'URL'), example: 'https://erp.example.com/api/orders' },
};

/** What a failed `format` expected. */
export function reportForFormat(format: unknown): { what: LocalizedText; example: string } {
  return (
    (typeof format === 'string' ? formats[format] : undefined) ?? {
      what: text('值', 'value'),
      example: String(format),
    }
  );
}

const limits: Readonly<
  Record<string, { zh: string; en: string; unit: readonly [zh: string, one: string, many: string] }>
> = {
  minLength: { zh: '至少', en: 'at least', unit: ['个字符', 'character', 'characters'] },
  maxLength: { zh: '至多', en: 'at most', unit: ['个字符', 'character', 'characters'] },
  minItems: { zh: '至少', en: 'at least', unit: ['项', 'entry', 'entries'] },
  maxItems: { zh: '至多', en: 'at most', unit: ['项', 'entry', 'entries'] },
  minProperties: { zh: '至少', en: 'at least', unit: ['个属性', 'property', 'properties'] },
  maxProperties: { zh: '至多', en: 'at most', unit: ['个属性', 'property', 'properties'] },
};

/** "at least 1 entry", for a size keyword and its limit; undefined for other keywords. */
export function sizeConstraint(keyword: string, limit: unknown): LocalizedText | undefined {
  const entry = limits[keyword];
  if (!entry) return undefined;
  const [zh, one, many] = entry.unit;
  return {
    'zh-CN': `${entry.zh} ${String(limit)} ${zh}`,
    en: `${entry.en} ${String(limit)} ${limit === 1 ? one : many}`,
  };
}

/** `type is "text"` in both languages. */
export function conditionText(property: string, value: unknown): LocalizedText {
  return {
    'zh-CN': `${property} 为 ${displayValue(value)} `,
    en: `${property} is ${displayValue(value)}`,
  };
}
