import type {
  AppDefinition,
  AutomationDefinition,
  DefinitionKind,
  EntityDefinition,
  FormDefinition,
  FormulaDefinition,
  PipelineDefinition,
  RoutingDefinition,
  TableDefinition,
  TimerDefinition,
} from '@ruleloom/schemas';
import { compileCalendar, type CompiledCalendar } from '../calendar/compile.js';
import { compileCron } from '../timers/cron.js';
import { compileTimer } from '../timers/compileTimer.js';
import type { CompiledTimer } from '../timers/types.js';
import type { ScheduledAutomation } from './handle/timerEvents.js';
import { compileAutomation, findAutomationLoops } from '../automations/index.js';
import { validateDefinition, type ValidateDefinitionOptions } from '../definitions/index.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, LocalizedText } from '../diagnostics/types.js';
import { compileEntity, detectFieldRenames } from '../entities/index.js';
import { compileExpression } from '../expr/compile.js';
import type { OperatorRegistry } from '../expr/registry.js';
import { callOperators, compileFormulas, createCallContext } from '../formulas/index.js';
import { checkCallsFrom } from '../formulas/checkCalls.js';
import type { EvaluationContext } from '../expr/types.js';
import { compileForm } from '../forms/index.js';
import { compilePipeline } from '../pipelines/index.js';
import { compileRouting, type CompiledRouting } from '../routing/index.js';
import { compileTable, type CompiledTable } from '../tables/index.js';
import { CompiledApp } from './compiledApp.js';
import type {
  AppIndex,
  CompiledAutomation,
  CompiledEntity,
  CompiledForm,
  CompiledPipeline,
} from './parts.js';
import { APP_FOLDERS, listedFiles, type AppFolder, type AppSource } from './source.js';

/** What {@link compileApp} returns: the app when it has no errors, and every diagnostic. */
export type CompileAppResult =
  | { readonly ok: true; readonly app: CompiledApp; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly app?: undefined; readonly diagnostics: readonly Diagnostic[] };

const KIND_OF_FOLDER: Readonly<Record<AppFolder, DefinitionKind>> = {
  entities: 'entity',
  forms: 'form',
  pipelines: 'pipeline',
  automations: 'automation',
  routing: 'routing',
  tables: 'table',
  formulas: 'formula',
  timers: 'timer',
};

/** Options of {@link compileApp}. */
export interface CompileAppOptions {
  /**
   * The previous version of the app (e.g. the last published one). Entities are compared
   * with it: removed or renamed field ids, changed types and removed options are reported
   * as migrations, since existing records would lose data (S7b).
   */
  readonly previous?: AppSource;
}

/** Kinds as messages name them, in both languages. */
const KIND_NAMES: Partial<Record<DefinitionKind, LocalizedText>> = {
  entity: { 'zh-CN': '实体', en: 'entity' },
  form: { 'zh-CN': '表单', en: 'form' },
  pipeline: { 'zh-CN': '流程', en: 'pipeline' },
  automation: { 'zh-CN': '自动化', en: 'automation' },
  routing: { 'zh-CN': '分配规则', en: 'routing' },
  table: { 'zh-CN': '决策表', en: 'table' },
  formula: { 'zh-CN': '公式', en: 'formula' },
  timer: { 'zh-CN': '计时器', en: 'timer' },
};

/** A definition file read and checked on its own. */
interface CheckedFile {
  readonly file: string;
  readonly folder: AppFolder;
  readonly definition: Record<string, unknown>;
  /** False when the file has schema errors: its structure cannot be trusted. */
  readonly sound: boolean;
}

/**
 * Compiles an app — its manifest and every definition file — into a runnable
 * {@link CompiledApp}, or explains why it cannot: schema problems per file, then what only
 * the whole app shows (unknown entities, fields and stages, roles, duplicate ids,
 * unreachable stages, automation loops). Never throws.
 *
 * @example
 * const result = compileApp({ files: { 'app.json': manifest, 'entities/lead.json': lead } });
 * if (result.ok) result.app.validateForm('lead-create', { name: '王先生' }, { now: '2026-03-02T10:00:00+08:00' });
 * else console.log(result.diagnostics.map((d) => `${d.file} ${d.pointer} ${d.message['zh-CN']}`));
 */
export function compileApp(source: AppSource, options: CompileAppOptions = {}): CompileAppResult {
  const collector = new DiagnosticCollector();
  try {
    if (options.previous) reportMigrations(options.previous, source, collector);
    return compileChecked(source, collector);
  } catch (error) {
    // Every part reports instead of throwing; this keeps the promise if one does not.
    const detail = error instanceof Error ? error.message : String(error);
    collector.add(createDiagnostic('RL1024', '', { detail }, { file: 'app.json' }));
    return { ok: false, diagnostics: collector.sorted() };
  }
}

function compileChecked(source: AppSource, collector: DiagnosticCollector): CompileAppResult {
  const files: Readonly<Record<string, unknown>> =
    typeof source === 'object' &&
    source !== null &&
    typeof source.files === 'object' &&
    source.files !== null
      ? source.files
      : {};
  const manifestValue = files['app.json'];
  if (manifestValue === undefined) {
    collector.add(createDiagnostic('RL5001', '', {}, { file: 'app.json' }));
    checkAlone(files, collector);
    return { ok: false, diagnostics: collector.sorted() };
  }
  const manifestDiagnostics = validateDefinition(manifestValue, {
    kind: 'app',
    file: 'app.json',
    path: 'app.json',
  });
  collector.addAll(manifestDiagnostics);
  if (manifestDiagnostics.some((d) => d.severity === 'error')) {
    checkAlone(files, collector);
    return { ok: false, diagnostics: collector.sorted() };
  }
  const manifest = manifestValue as AppDefinition;
  const listed = listedFiles(manifest);
  reportUnlisted(files, listed, manifest.tests ?? [], collector);

  const index = new Index(manifest, collector);
  const unreadable = new Set(Array.isArray(source.unreadable) ? source.unreadable : []);
  /**
   * Reads and checks one folder's files. Files that name an entity are checked with its
   * fields, so that the per-file check already type-checks their expressions.
   */
  const read = (folder: AppFolder): CheckedFile[] =>
    unique(
      (listed.get(folder) ?? []).flatMap((path, position) => {
        const value = files[path];
        if (value === undefined) {
          if (unreadable.has(path)) return [];
          collector.add(
            createDiagnostic(
              'RL5002',
              `/files/${folder}/${position}`,
              { path },
              { file: 'app.json' },
            ),
          );
          return [];
        }
        const entityId = (value as { entity?: unknown } | null)?.entity;
        const fields =
          typeof entityId === 'string' ? index.entities.get(entityId)?.fieldInfos : undefined;
        const operators = operatorsFor(KIND_OF_FOLDER[folder]);
        const diagnostics = validateDefinition(value, {
          kind: KIND_OF_FOLDER[folder],
          path,
          file: path,
          ...(fields ? { fields } : {}),
          ...(operators ? { operators } : {}),
        });
        collector.addAll(diagnostics);
        const sound =
          isObject(value) &&
          !diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('RL1'));
        // A value that is not an object (null, a list) has its diagnostic already; it is
        // kept as an empty definition so that nothing below reads properties of it.
        return [{ file: path, folder, definition: isObject(value) ? value : {}, sound }];
      }),
      KIND_OF_FOLDER[folder],
      collector,
    );

  for (const checked of read('entities')) {
    const entity = checked.sound
      ? compileEntity(
          { file: checked.file, definition: checked.definition as unknown as EntityDefinition },
          index,
        )
      : undefined;
    if (entity) index.entities.set(entity.id, entity);
    else index.leftOut(checked);
  }

  const forms: CompiledForm[] = [];
  for (const checked of read('forms')) {
    if (!checked.sound || !index.knowsEntity(checked)) continue;
    const form = compileForm(
      { file: checked.file, definition: checked.definition as unknown as FormDefinition },
      index,
    );
    if (form) forms.push(form);
  }
  const pipelines: CompiledPipeline[] = [];
  for (const checked of read('pipelines')) {
    if (!checked.sound || !index.knowsEntity(checked)) continue;
    const pipeline = compilePipeline(
      { file: checked.file, definition: checked.definition as unknown as PipelineDefinition },
      index,
    );
    if (pipeline) {
      pipelines.push(pipeline);
      index.pipelines.set(pipeline.id, pipeline);
    }
  }
  const automations: CompiledAutomation[] = [];
  for (const checked of read('automations')) {
    if (!checked.sound || !index.knowsEntity(checked)) continue;
    const automation = compileAutomation(
      { file: checked.file, definition: checked.definition as unknown as AutomationDefinition },
      index,
    );
    if (automation) automations.push(automation);
  }
  collector.addAll(findAutomationLoops(automations));
  // Tables first (formulas call them), then formulas, then routings.
  const tables = new Map<string, CompiledTable>();
  for (const checked of read('tables')) {
    if (!checked.sound) continue;
    const table = compileTable(
      { file: checked.file, definition: checked.definition as unknown as TableDefinition },
      { report: (d) => index.report(d), zone: index.zone, operators: callOperators() },
    );
    if (table) tables.set(table.id, table);
  }
  const formulas = compileFormulas(
    read('formulas')
      .filter((checked) => checked.sound)
      .map((checked) => ({
        file: checked.file,
        definition: checked.definition as unknown as FormulaDefinition,
      })),
    tables,
    { report: (d) => index.report(d), zone: index.zone },
  );
  // Computed fields may call tables and formulas (S36/S44: the rebate estimate of an order).
  index.bindCalls(createCallContext({ tables, formulas }));
  for (const entity of index.entities.values()) {
    const fields: readonly unknown[] = Array.isArray(entity.definition.fields)
      ? entity.definition.fields
      : [];
    fields.forEach((field, i) => {
      const computed = (field as { computed?: unknown } | null)?.computed;
      if (computed === undefined) return;
      checkCallsFrom(computed, `/fields/${i}/computed`, entity.file, formulas, tables, (d) =>
        index.report(d),
      );
    });
  }
  const routings = new Map<string, CompiledRouting>();
  for (const checked of read('routing')) {
    if (!checked.sound) continue;
    const routing = compileRouting(
      { file: checked.file, definition: checked.definition as unknown as RoutingDefinition },
      {
        report: (d) => index.report(d),
        entities: index.entities,
        roles: index.roles,
        zone: index.zone,
        ...(manifest.calendar ? { calendar: manifest.calendar } : {}),
      },
    );
    if (routing) routings.set(routing.id, routing);
  }
  const calendar = index.calendar;
  const timers: CompiledTimer[] = [];
  for (const checked of read('timers')) {
    if (!checked.sound) continue;
    const entityId = checked.definition['entity'];
    if (entityId !== undefined && !index.knowsEntity(checked)) continue;
    const timer = compileTimer(
      { file: checked.file, definition: checked.definition as unknown as TimerDefinition },
      index,
      { calendar },
    );
    if (timer) timers.push(timer);
  }
  checkTimerActions(automations, timers, collector);
  const schedules = scheduledAutomations(automations, index.zone, collector);
  checkSampleData(manifest, files, unreadable, collector);
  (manifest.tests ?? []).forEach((path, position) => {
    const value = files[path];
    if (value === undefined) {
      if (!unreadable.has(path)) {
        collector.add(
          createDiagnostic('RL5002', `/tests/${position}`, { path }, { file: 'app.json' }),
        );
      }
      return;
    }
    collector.addAll(validateDefinition(value, { kind: 'test', path, file: path }));
  });

  const diagnostics = collector.sorted();
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  const app = new CompiledApp({
    manifest,
    index,
    forms,
    pipelines,
    automations,
    tables,
    formulas,
    routings,
    timers,
    schedules,
    calendar,
  });
  return { ok: true, app, diagnostics };
}

/** The app's business calendar; an unusable zone falls back to Asia/Shanghai (the schema reports it). */
function appCalendar(manifest: AppDefinition, zone: string): CompiledCalendar {
  try {
    return compileCalendar(manifest.calendar, { zone });
  } catch {
    return compileCalendar(manifest.calendar, { zone: 'Asia/Shanghai' });
  }
}

/**
 * `startTimer` / `cancelTimer` actions must name a timer of the app (RL5608) that runs for
 * the automation's entity (RL5609) and is not recurring (RL5610).
 */
function checkTimerActions(
  automations: readonly CompiledAutomation[],
  timers: readonly CompiledTimer[],
  collector: DiagnosticCollector,
): void {
  const known = timers.map((timer) => timer.id).join(', ') || '—';
  for (const automation of automations) {
    const actions: readonly unknown[] = Array.isArray(automation.definition.actions)
      ? automation.definition.actions
      : [];
    actions.forEach((action, i) => {
      const typed = action as { type?: unknown; timer?: unknown };
      if (typed?.type !== 'startTimer' && typed?.type !== 'cancelTimer') return;
      const pointer = `/actions/${i}/timer`;
      const file = { file: automation.file };
      const verb =
        typed.type === 'startTimer'
          ? { 'zh-CN': '启动', en: 'starts' }
          : { 'zh-CN': '取消', en: 'cancels' };
      const timer = timers.find((candidate) => candidate.id === typed.timer);
      if (!timer) {
        collector.add(
          createDiagnostic('RL5608', pointer, { verb, timer: String(typed.timer), known }, file),
        );
      } else if (timer.kind === 'recurring') {
        collector.add(createDiagnostic('RL5610', pointer, { timer: timer.id }, file));
      } else if (timer.entity !== automation.entity) {
        collector.add(
          createDiagnostic(
            'RL5609',
            pointer,
            { timer: timer.id, timerEntity: timer.entity, entity: automation.entity },
            file,
          ),
        );
      }
    });
  }
}

/** Automations with a `schedule` trigger, with their crons compiled (RL5603 when unreadable). */
function scheduledAutomations(
  automations: readonly CompiledAutomation[],
  zone: string,
  collector: DiagnosticCollector,
): ScheduledAutomation[] {
  return automations.flatMap((automation) => {
    const trigger = automation.definition.trigger as { type: string; cron?: unknown };
    if (trigger.type !== 'schedule' || !automation.runSchedule) return [];
    const cron = compileCron(trigger.cron, zone);
    if ('detail' in cron) {
      const text = typeof trigger.cron === 'string' ? trigger.cron : JSON.stringify(trigger.cron);
      collector.add(
        createDiagnostic(
          'RL5603',
          '/trigger/cron',
          { cron: text, detail: cron.detail },
          { file: automation.file },
        ),
      );
      return [];
    }
    return [{ automation, cron }];
  });
}

/** Entities by id among an app's files (those that look like entity definitions). */
function entitiesById(
  source: AppSource,
): Map<string, { file: string; definition: EntityDefinition }> {
  const found = new Map<string, { file: string; definition: EntityDefinition }>();
  const files = typeof source?.files === 'object' && source.files !== null ? source.files : {};
  for (const [file, value] of Object.entries(files)) {
    const definition = value as Partial<EntityDefinition> | null;
    if (
      file.startsWith('entities/') &&
      typeof definition?.id === 'string' &&
      Array.isArray(definition.fields)
    ) {
      found.set(definition.id, { file, definition: definition as EntityDefinition });
    }
  }
  return found;
}

/** S7b: field ids that disappear between versions strand data; say so before it happens. */
function reportMigrations(
  previous: AppSource,
  next: AppSource,
  collector: DiagnosticCollector,
): void {
  const before = entitiesById(previous);
  for (const [id, now] of entitiesById(next)) {
    const then = before.get(id);
    if (then) collector.addAll(detectFieldRenames(then.definition, now.definition, now.file));
  }
}

/** Drops files whose id repeats an earlier one of the same kind, with a diagnostic. */
function unique(
  files: CheckedFile[],
  kind: DefinitionKind,
  collector: DiagnosticCollector,
): CheckedFile[] {
  const seen = new Map<string, string>();
  return files.filter((checked) => {
    const id = checked.definition['id'];
    if (typeof id !== 'string') return true;
    const other = seen.get(id);
    if (other !== undefined) {
      collector.add(
        createDiagnostic(
          'RL5004',
          '/id',
          { kind: KIND_NAMES[kind] ?? kind, id, other },
          { file: checked.file },
        ),
      );
      return false;
    }
    seen.set(id, checked.file);
    return true;
  });
}

/**
 * Operators a kind's expressions may use besides the built-ins: tables, formulas and the
 * computed fields of entities may call tables and formulas (`{"table": [...]}`,
 * `{"formula": [...]}`).
 */
function operatorsFor(kind: DefinitionKind): OperatorRegistry | undefined {
  return kind === 'table' || kind === 'formula' || kind === 'entity' ? callOperators() : undefined;
}

/** Options for checking a file on its own, its kind read from its folder. */
function aloneOptions(path: string): ValidateDefinitionOptions {
  const folder = APP_FOLDERS.find((f) => path.startsWith(`${f}/`));
  const operators = folder ? operatorsFor(KIND_OF_FOLDER[folder]) : undefined;
  return { path, file: path, ...(operators ? { operators } : {}) };
}

/** True for a path in a kind's folder or in `tests/`. */
function inAppFolder(path: string): boolean {
  return [...APP_FOLDERS, 'tests'].some((folder) => path.startsWith(`${folder}/`));
}

/**
 * Without a usable manifest the app cannot be put together; each definition file (in a
 * kind's folder or `tests/`) is still checked on its own, so that its problems are not
 * hidden behind the manifest's.
 */
function checkAlone(
  files: Readonly<Record<string, unknown>>,
  collector: DiagnosticCollector,
): void {
  for (const path of Object.keys(files).sort()) {
    if (inAppFolder(path)) collector.addAll(validateDefinition(files[path], aloneOptions(path)));
  }
}

/** Files in a kind's folder that app.json does not list are ignored, with a warning. */
function reportUnlisted(
  files: Readonly<Record<string, unknown>>,
  listed: ReadonlyMap<AppFolder, readonly string[]>,
  tests: readonly string[],
  collector: DiagnosticCollector,
): void {
  const all = new Set([...[...listed.values()].flat(), ...tests]);
  for (const path of Object.keys(files).sort()) {
    const folder = [...APP_FOLDERS, 'tests'].find((f) => path.startsWith(`${f}/`));
    if (folder && !all.has(path)) {
      // Tests are listed in app.json's `tests`, definitions in `files.<folder>`.
      const list = folder === 'tests' ? 'tests' : `files.${folder}`;
      collector.add(createDiagnostic('RL5003', '', { path, folder, list }, { file: path }));
      // Still checked on its own, so a file the admin forgot to list gets its feedback —
      // as warnings: the app does not use it, so it cannot break the app.
      collector.addAll(
        validateDefinition(files[path], aloneOptions(path)).map((d) => ({
          ...d,
          severity: d.severity === 'error' ? 'warning' : d.severity,
        })),
      );
    }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Diagnostics of the whole app, without the repeats two checks of one value give. */
class DiagnosticCollector {
  private readonly list: Diagnostic[] = [];
  private readonly keys = new Set<string>();

  add(diagnostic: Diagnostic): void {
    const key = `${diagnostic.file ?? ''}\u0000${diagnostic.pointer}\u0000${diagnostic.code}\u0000${diagnostic.message.en}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.list.push(diagnostic);
  }

  addAll(diagnostics: readonly Diagnostic[]): void {
    for (const diagnostic of diagnostics) this.add(diagnostic);
  }

  /**
   * By file, then in the order found (which follows each file's structure). Files compare by
   * code units, not by the host's locale, so the order is the same in every environment.
   */
  sorted(): Diagnostic[] {
    return this.list
      .map((d, i) => [d, i] as const)
      .sort(([a, i], [b, j]) => compareText(a.file ?? '', b.file ?? '') || i - j)
      .map(([d]) => d);
  }
}

/** The {@link AppIndex} the kinds compile against. */
class Index implements AppIndex {
  readonly entities = new Map<string, CompiledEntity>();
  readonly pipelines = new Map<string, CompiledPipeline>();
  readonly locale: 'zh-CN' | 'en';
  readonly zone: string;
  readonly roles: ReadonlySet<string>;
  readonly calendar: CompiledCalendar;
  /** Entities whose files were left out of the app, by id: the file. */
  private readonly leftOutEntities = new Map<string, string>();
  /** The tables and formulas computed fields call, once they are compiled. */
  private callContext: EvaluationContext | undefined;
  readonly calls = {
    operators: callOperators(),
    context: (): EvaluationContext | undefined => this.callContext,
  };

  /** Makes the app's tables and formulas callable from computed fields. */
  bindCalls(context: EvaluationContext): void {
    this.callContext = context;
  }

  constructor(
    readonly manifest: AppDefinition,
    private readonly collector: DiagnosticCollector,
  ) {
    this.locale = manifest.locale === 'en' ? 'en' : 'zh-CN';
    this.zone = manifest.zone ?? 'Asia/Shanghai';
    this.roles = new Set((manifest.roles ?? []).map((role) => role.id));
    this.calendar = appCalendar(manifest, this.zone);
  }

  report(diagnostic: Diagnostic): void {
    this.collector.add(diagnostic);
  }

  expression(logic: unknown, entity: string | undefined, file: string, pointer: string) {
    const fields = entity === undefined ? undefined : this.entities.get(entity)?.fieldInfos;
    const compiled = compileExpression(logic, { pointer, file, ...(fields ? { fields } : {}) });
    this.collector.addAll(compiled.diagnostics);
    return compiled.ok ? compiled : undefined;
  }

  /** Remembers an entity file that was left out of the app (schema errors, did not compile). */
  leftOut(checked: CheckedFile): void {
    const id = checked.definition['id'];
    if (typeof id === 'string' && !this.leftOutEntities.has(id)) {
      this.leftOutEntities.set(id, checked.file);
    }
  }

  /**
   * True when the file's `entity` is a compiled entity. Otherwise reports it: RL5007 when the
   * app has the entity's file but left it out for its own errors (so the admin fixes that
   * file rather than looking for a typo here), else RL5005.
   */
  knowsEntity(checked: CheckedFile): boolean {
    const entity = checked.definition['entity'];
    if (typeof entity === 'string' && this.entities.has(entity)) return true;
    const brokenFile = typeof entity === 'string' ? this.leftOutEntities.get(entity) : undefined;
    this.report(
      brokenFile !== undefined
        ? createDiagnostic('RL5007', '/entity', { path: brokenFile }, { file: checked.file })
        : createDiagnostic(
            'RL5005',
            '/entity',
            { entity: String(entity), known: [...this.entities.keys()].join(', ') || '—' },
            { file: checked.file },
          ),
    );
    return false;
  }
}

/**
 * Sample data (app.json `sampleData`): each entry's file must be in the app and be a list of
 * records: objects, either `{"id", "values"}` or the field values themselves. The records
 * are not checked against their entity here.
 */
function checkSampleData(
  manifest: AppDefinition,
  files: Readonly<Record<string, unknown>>,
  unreadable: ReadonlySet<string>,
  collector: DiagnosticCollector,
): void {
  (manifest.sampleData ?? []).forEach(({ file: path }, position) => {
    const pointer = `/sampleData/${position}`;
    const value = files[path];
    if (value === undefined) {
      if (!unreadable.has(path)) {
        collector.add(
          createDiagnostic('RL5002', `${pointer}/file`, { path }, { file: 'app.json' }),
        );
      }
      return;
    }
    if (!Array.isArray(value)) {
      const detail = {
        'zh-CN': `文件内容是${describeZh(value)}，不是数组`,
        en: `the file holds ${describeEn(value)}, not a list`,
      };
      collector.add(createDiagnostic('RL5006', '', { path, detail }, { file: path }));
      return;
    }
    value.forEach((record: unknown, i) => {
      if (isObject(record)) return;
      const detail = {
        'zh-CN': `第 ${i + 1} 项是${describeZh(record)}，应为对象 {…}`,
        en: `item ${i + 1} is ${describeEn(record)}, not an object {…}`,
      };
      collector.add(createDiagnostic('RL5006', `/${i}`, { path, detail }, { file: path }));
    });
  });
}

/** A JSON object (not null, not a list). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeEn(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function describeZh(value: unknown): string {
  if (value === null) return '空值 null';
  if (Array.isArray(value)) return '数组';
  const names: Record<string, string> = {
    object: '对象',
    string: '文本',
    number: '数字',
    boolean: '布尔值',
  };
  return names[typeof value] ?? typeof value;
}
