/** compileApp: a small app that compiles and runs, every app-level diagnostic, robustness. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleloomError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { compileApp } from './compileApp.js';
import type { CompiledApp } from './compiledApp.js';
import type { AppSource } from './source.js';
import type { HandleContext } from './types.js';
import { smallAppFiles, smallManifest } from './__tests__/smallApp.js';

const NOW = '2026-03-02T10:00:00+08:00';
const ctx: HandleContext = {
  now: NOW,
  users: [
    { id: 'lina', roles: ['sales-rep'] },
    { id: 'wanglei', roles: ['sales-director'] },
  ],
};

type Json = Record<string, unknown>;

/** The small app's files with some of them changed (each function gets a fresh copy). */
function filesWith(changes: Record<string, ((file: Json) => unknown) | unknown>): Json {
  const files = smallAppFiles();
  for (const [path, change] of Object.entries(changes)) {
    if (change === undefined) delete files[path];
    else if (typeof change === 'function') files[path] = change(files[path] as Json);
    else files[path] = change;
  }
  return files;
}

/** The manifest's files lists, to change in place. */
const listsOf = (manifest: Json) => manifest['files'] as Record<string, string[]>;

function compiled(files: Json = smallAppFiles()): CompiledApp {
  const result = compileApp({ files });
  expect(result.diagnostics).toEqual([]);
  if (!result.ok) throw new Error('the small app does not compile');
  return result.app;
}

/** `file pointer code` of each diagnostic, for compact expectations. */
const where = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.file} ${d.pointer} ${d.code}`);

describe('a small app compiles and runs', () => {
  it('compiles without diagnostics and exposes its parts', () => {
    const app = compiled();
    expect(app.id).toBe('mini-crm');
    expect(app.version).toBe('1.0.0');
    expect(app.locale).toBe('zh-CN');
    expect(app.zone).toBe('Asia/Shanghai');
    expect([...app.entities.keys()]).toEqual(['opportunity']);
    expect([...app.forms.keys()]).toEqual(['opportunity-create']);
    expect([...app.pipelines.keys()]).toEqual(['opportunity']);
    expect(app.automations.map((a) => a.id)).toEqual(['big-deal']);
  });

  it('validateForm: required fields, visibility by expression, validation rules', () => {
    const app = compiled();
    const ok = app.validateForm('opportunity-create', { title: '华东精密二期' }, ctx);
    expect(ok.valid).toBe(true);
    expect(ok.visible).toEqual(['title', 'owner', 'amount']);
    expect(ok.required).toEqual(['title']);

    const empty = app.validateForm('opportunity-create', {}, ctx);
    expect(empty.valid).toBe(false);
    expect(empty.errors.map((e) => e.field)).toEqual(['title']);
    expect(empty.errors[0]?.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);

    const priced = app.validateForm('opportunity-create', { title: 'x', amount: 20000000 }, ctx);
    expect(priced.visible).toContain('budgetRange');
    expect(priced.required).toEqual(['title', 'budgetRange']);
    expect(priced.errors.map((e) => [e.field, e.rule ?? e.code])).toEqual(
      expect.arrayContaining([
        ['budgetRange', expect.any(String)],
        ['amount', 'amount-cap'],
      ]),
    );
  });

  it('checkTransition: missing fields, failed conditions, roles and approvals to come', () => {
    const app = compiled();
    const record = { title: 'x', stage: 'proposal', amount: 0 };
    const blocked = app.checkTransition('opportunity', record, 'quote', ctx);
    expect(blocked).toMatchObject({ allowed: false, pipeline: 'opportunity', from: 'proposal' });
    expect(blocked.failures.map((f) => (f.type === 'condition' ? f.id : f.type))).toEqual([
      'missingField',
      'amount-positive',
    ]);

    const big = { ...record, amount: 60000, budgetRange: 'over-50k' };
    const allowed = app.checkTransition('opportunity', big, 'quote', ctx, 'opportunity');
    expect(allowed).toMatchObject({ allowed: true, failures: [], to: 'quote' });
    expect(allowed.approvalsRequired).toEqual(['large-quote']);

    const skip = app.checkTransition('opportunity', { ...big, stage: 'lead' }, 'won', ctx);
    expect(skip.allowed).toBe(false);
    expect(skip.failures.map((f) => f.type)).toContain('noTransition');
  });

  it('handle: a create runs the automation (tag in the tags field, mark, notification)', () => {
    const app = compiled();
    const result = app.handle(
      app.emptyState(),
      {
        type: 'record.create',
        entity: 'opportunity',
        recordId: 'O1',
        values: { title: '华东精密二期', amount: 150000, owner: 'lina' },
      },
      { ...ctx, actor: { id: 'lina', roles: ['sales-rep'] } },
    );
    expect(result.outcome).toEqual({ ok: true });
    const record = result.state.records['O1'];
    expect(record?.values['stage']).toBe('lead');
    expect(record?.values['tags']).toEqual(['大单']);
    expect(record?.mark).toMatchObject({ color: 'orange', by: 'big-deal' });
    expect(result.effects).toMatchObject([
      {
        type: 'notify',
        recordId: 'O1',
        channel: 'wecom',
        recipients: ['lina'],
        message: { 'zh-CN': '新大单：华东精密二期', en: 'New big deal: 华东精密二期' },
        source: { automation: 'big-deal' },
      },
    ]);
    expect(result.trace).toContainEqual(
      expect.objectContaining({ kind: 'automation', automation: 'big-deal', outcome: 'fired' }),
    );

    const small = app.handle(
      app.emptyState(),
      {
        type: 'record.create',
        entity: 'opportunity',
        recordId: 'O2',
        values: { title: '小单', amount: 1000 },
      },
      ctx,
    );
    expect(small.effects).toEqual([]);
    expect(small.state.records['O2']?.mark).toBeUndefined();
  });

  it('RL5008: an unknown form or pipeline throws a RuleloomError in both languages', () => {
    const app = compiled();
    const thrown = (run: () => unknown): RuleloomError => {
      try {
        run();
      } catch (error) {
        if (error instanceof RuleloomError) return error;
        throw error;
      }
      throw new Error('did not throw');
    };
    const form = thrown(() => app.validateForm('lead-create', {}, ctx));
    expect(form.code).toBe('RL5008');
    expect(form.messages).toEqual({
      'zh-CN': '应用中没有 id 为 "lead-create" 的表单',
      en: 'the app has no form with the id "lead-create"',
    });
    expect(form.hint.en).toBe('known ids: opportunity-create');

    const pipeline = thrown(() => app.checkTransition('opportunity', {}, 'quote', ctx, 'deal'));
    expect(pipeline.code).toBe('RL5008');
    expect(pipeline.messages.en).toBe('the app has no pipeline with the id "deal"');
    expect(pipeline.messages['zh-CN']).toBe('应用中没有 id 为 "deal" 的流程');

    const entity = thrown(() => app.checkTransition('lead', {}, 'quote', ctx));
    expect(entity.code).toBe('RL5008');
    expect(entity.messages.en).toBe('the app has no pipeline for the entity with the id "lead"');
    expect(entity.hint.en).toBe('known ids: opportunity');
  });
});

describe('app-level diagnostics carry their file and pointer', () => {
  it('RL5001: no app.json (also for a source that is not an object)', () => {
    const { 'app.json': _manifest, ...rest } = smallAppFiles();
    for (const source of [{ files: rest }, { files: {} }, { files: null }, null, undefined, 42]) {
      const result = compileApp(source as unknown as AppSource);
      expect(result.ok).toBe(false);
      expect(where(result.diagnostics)).toEqual(['app.json  RL5001']);
    }
  });

  it('an app.json with schema errors stops there', () => {
    const result = compileApp({
      files: filesWith({ 'app.json': (m: Json) => ({ ...m, version: 'one' }) }),
    });
    expect(result.ok).toBe(false);
    expect(where(result.diagnostics)).toEqual(['app.json /version RL1017']);
  });

  it('RL5002: a listed definition, test or sample-data file is missing', () => {
    const result = compileApp({
      files: filesWith({
        'forms/opportunity-create.json': undefined,
        'tests/s38-quote-gate.json': undefined,
        'sample-data/opportunities.json': undefined,
      }),
    });
    expect(result.ok).toBe(false);
    expect(where(result.diagnostics)).toEqual([
      'app.json /files/forms/0 RL5002',
      'app.json /sampleData/0/file RL5002',
      'app.json /tests/0 RL5002',
    ]);
    expect(result.diagnostics[0]?.message).toEqual({
      'zh-CN': 'app.json 列出的文件 "forms/opportunity-create.json" 不存在',
      en: 'the file "forms/opportunity-create.json" listed in app.json does not exist',
    });
  });

  it('the position in app.json is that of the file in its list', () => {
    const files = filesWith({
      'app.json': (m: Json) => {
        listsOf(m)['automations']?.unshift('automations/first.json');
        return m;
      },
      'automations/first.json': undefined,
    });
    expect(where(compileApp({ files }).diagnostics)).toEqual([
      'app.json /files/automations/0 RL5002',
    ]);
  });

  it('unreadable files (the reader reported them) are not reported as missing', () => {
    const files = filesWith({
      'forms/opportunity-create.json': undefined,
      'tests/s38-quote-gate.json': undefined,
      'sample-data/opportunities.json': undefined,
    });
    const result = compileApp({
      files,
      unreadable: [
        'forms/opportunity-create.json',
        'tests/s38-quote-gate.json',
        'sample-data/opportunities.json',
      ],
    });
    expect(result.diagnostics).toEqual([]);
    // Not reported, and not there: the form is not part of the app.
    expect(result.app?.forms.size).toBe(0);
  });

  it('RL5003: an unlisted file in a kind folder is a warning, and is still checked on its own', () => {
    const copy = { ...(smallAppFiles()['forms/opportunity-create.json'] as Json), id: 'copy' };
    const clean = compileApp({ files: filesWith({ 'forms/copy.json': copy }) });
    expect(clean.ok).toBe(true);
    expect(where(clean.diagnostics)).toEqual(['forms/copy.json  RL5003']);
    expect(clean.diagnostics[0]).toMatchObject({
      severity: 'warning',
      message: { en: 'the file "forms/copy.json" is not listed in app.json and is ignored' },
      hint: { en: 'add it to files.forms in app.json, or delete it' },
    });
    expect(clean.app?.forms.has('copy')).toBe(false);

    const broken = compileApp({
      files: filesWith({ 'forms/copy.json': { ...copy, fields: 'title' } }),
    });
    // The app does not use the file, so its problems are warnings and the app still compiles.
    expect(broken.ok).toBe(true);
    expect(where(broken.diagnostics)).toEqual([
      'forms/copy.json  RL5003',
      'forms/copy.json /fields RL1010',
    ]);
    expect(broken.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('RL5003 for an unlisted test says to list it in tests (not files.tests)', () => {
    const test = { ...(smallAppFiles()['tests/s38-quote-gate.json'] as Json), id: 'other' };
    const result = compileApp({ files: filesWith({ 'tests/other.json': test }) });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.file, d.code, d.hint.en, d.hint['zh-CN']])).toEqual([
      [
        'tests/other.json',
        'RL5003',
        'add it to tests in app.json, or delete it',
        '把它加入 app.json 的 tests，或删除该文件',
      ],
    ]);
  });

  it('files outside the kind folders (sample data, README-like JSON) are not reported', () => {
    const result = compileApp({
      files: filesWith({ 'sample-data/extra.json': [], 'docs/notes.json': { any: 1 } }),
    });
    expect(result.diagnostics).toEqual([]);
  });

  it('RL5004: a repeated id within a kind; the first file wins', () => {
    const files = filesWith({
      'app.json': (m: Json) => {
        listsOf(m)['forms']?.push('forms/again.json');
        return m;
      },
      'forms/again.json': smallAppFiles()['forms/opportunity-create.json'],
    });
    const result = compileApp({ files });
    expect(result.ok).toBe(false);
    expect(where(result.diagnostics)).toEqual(['forms/again.json /id RL5004']);
    expect(result.diagnostics[0]?.message).toEqual({
      'zh-CN': '表单 的 id "opportunity-create" 重复（另见 forms/opportunity-create.json）',
      en: 'the form id "opportunity-create" is used twice (see also forms/opportunity-create.json)',
    });
  });

  it('the same id in two kinds is fine (a pipeline and its entity are both "opportunity")', () => {
    expect(compileApp({ files: smallAppFiles() }).ok).toBe(true);
  });

  it('RL5005: a form, pipeline or automation of an entity the app does not have', () => {
    const toLead = (definition: Json) => ({ ...definition, entity: 'lead' });
    const result = compileApp({
      files: filesWith({
        'forms/opportunity-create.json': toLead,
        'pipelines/opportunity.json': toLead,
        'automations/big-deal.json': toLead,
      }),
    });
    expect(result.ok).toBe(false);
    expect(where(result.diagnostics)).toEqual([
      'automations/big-deal.json /entity RL5005',
      'forms/opportunity-create.json /entity RL5005',
      'pipelines/opportunity.json /entity RL5005',
    ]);
    expect(result.diagnostics[0]?.message.en).toBe('refers to the unknown entity "lead"');
    expect(result.diagnostics[0]?.hint.en).toMatch(/^known entities: opportunity\./);
  });

  it('RL5006: sample data that is not a list of records', () => {
    const notAList = compileApp({
      files: filesWith({ 'sample-data/opportunities.json': { O1: { title: 'x' } } }),
    });
    expect(notAList.ok).toBe(false);
    expect(where(notAList.diagnostics)).toEqual(['sample-data/opportunities.json  RL5006']);
    expect(notAList.diagnostics[0]?.message).toEqual({
      'zh-CN': '示例数据 "sample-data/opportunities.json" 应为记录数组：文件内容是对象，不是数组',
      en: 'the sample data "sample-data/opportunities.json" should be a list of records: the file holds an object, not a list',
    });

    const badItems = compileApp({
      files: filesWith({ 'sample-data/opportunities.json': [{ title: 'x' }, 'O2', null, [1]] }),
    });
    expect(where(badItems.diagnostics)).toEqual([
      'sample-data/opportunities.json /1 RL5006',
      'sample-data/opportunities.json /2 RL5006',
      'sample-data/opportunities.json /3 RL5006',
    ]);
    expect(badItems.diagnostics.map((d) => d.message.en.split(': ')[1])).toEqual([
      'item 2 is a string, not an object {…}',
      'item 3 is null, not an object {…}',
      'item 4 is a list, not an object {…}',
    ]);
  });

  it('an empty sample-data list and both record shapes are fine', () => {
    expect(compileApp({ files: filesWith({ 'sample-data/opportunities.json': [] }) }).ok).toBe(
      true,
    );
  });

  it('RL5007: files of an entity left out for its own errors point to that file', () => {
    const result = compileApp({
      files: filesWith({ 'entities/opportunity.json': (e: Json) => ({ ...e, fields: 3 }) }),
    });
    expect(result.ok).toBe(false);
    expect(where(result.diagnostics)).toEqual([
      'automations/big-deal.json /entity RL5007',
      'entities/opportunity.json /fields RL1010',
      'forms/opportunity-create.json /entity RL5007',
      'pipelines/opportunity.json /entity RL5007',
    ]);
    expect(result.diagnostics[0]?.message).toEqual({
      'zh-CN': '"entities/opportunity.json" 有结构错误，未参与应用编译',
      en: '"entities/opportunity.json" has structural errors and was left out of the app',
    });
  });
});

describe('broken files', () => {
  it('a file with schema errors is left out with its diagnostics; the rest still compiles', () => {
    const result = compileApp({
      files: filesWith({
        'pipelines/opportunity.json': (p: Json) => ({ ...p, stages: 'lead, quote' }),
      }),
    });
    expect(result.ok).toBe(false);
    expect(where(result.diagnostics)).toEqual(['pipelines/opportunity.json /stages RL1010']);
  });

  it('an expression error is reported in its file with the pointer of the expression', () => {
    const result = compileApp({
      files: filesWith({
        'automations/big-deal.json': (a: Json) => ({
          ...a,
          condition: { '>=': [{ var: 'amout' }, 100000] },
        }),
      }),
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.file, d.pointer])).toContainEqual([
      'automations/big-deal.json',
      '/condition/>=/0/var',
    ]);
  });

  it.each([
    ['null', null],
    ['a list', []],
    ['a number', 7],
    ['text', 'entities/opportunity.json'],
  ])('a definition file that is %s gives its own diagnostic, no internal error', (_name, value) => {
    // (Sample data is a list: it is left out for the list case.)
    const paths = Object.keys(smallAppFiles()).filter(
      (p) => p !== 'app.json' && !(Array.isArray(value) && p.startsWith('sample-data/')),
    );
    for (const path of paths) {
      const result = compileApp({ files: filesWith({ [path]: value }) });
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => d.code)).not.toContain('RL1024');
      expect(result.diagnostics.some((d) => d.file === path && d.severity === 'error')).toBe(true);
    }
  });

  it('diagnostics are sorted by file (code-unit order), without repeats', () => {
    const result = compileApp({
      files: filesWith({
        'app.json': (m: Json) => {
          listsOf(m)['forms']?.push('forms/Zeta.json', 'forms/alpha.json');
          return m;
        },
        'forms/Zeta.json': undefined,
        'forms/alpha.json': { id: 'alpha' },
        'entities/opportunity.json': (e: Json) => ({ ...e, fields: 3 }),
      }),
    });
    const files = result.diagnostics.map((d) => d.file ?? '');
    expect(files).toEqual([...files].sort());
    const keys = result.diagnostics.map((d) => `${d.file} ${d.pointer} ${d.code} ${d.message.en}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is deterministic: the same files give the same result', () => {
    const files = filesWith({
      'forms/opportunity-create.json': (f: Json) => ({ ...f, entity: 1 }),
    });
    expect(compileApp({ files }).diagnostics).toEqual(compileApp({ files }).diagnostics);
  });
});

describe('compileApp never throws (property)', () => {
  const paths = [
    'app.json',
    'entities/opportunity.json',
    'forms/opportunity-create.json',
    'pipelines/opportunity.json',
    'automations/big-deal.json',
    'tests/s38-quote-gate.json',
    'sample-data/opportunities.json',
    'forms/unlisted.json',
    'routing/x.json',
    'notes.json',
  ];

  const check = (source: AppSource): void => {
    const result = compileApp(source);
    expect(result.diagnostics.map((d) => d.code)).not.toContain('RL1024');
    for (const diagnostic of result.diagnostics) {
      expect(typeof diagnostic.file).toBe('string');
      expect(typeof diagnostic.pointer).toBe('string');
      expect(diagnostic.message['zh-CN'].length).toBeGreaterThan(0);
    }
    expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
    if (result.ok) expect(result.app).toBeDefined();
  };

  it('for arbitrary files maps', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.dictionary(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 })),
        fc.option(fc.subarray(paths), { nil: undefined }),
        (validManifest, random, unreadable) => {
          // With the valid manifest half of the time, so the files it lists are read too.
          const files = validManifest ? { ...random, 'app.json': smallManifest() } : random;
          check({ files, ...(unreadable ? { unreadable } : {}) });
        },
      ),
      { numRuns: 300 },
    );
  });

  /** Every path into a JSON value (lists of keys), the root included. */
  function pathsIn(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    const inner =
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, child]) =>
            pathsIn(child, [...prefix, Array.isArray(value) ? Number(key) : key]),
          )
        : [];
    return [prefix, ...inner];
  }

  /** A copy of `value` with the value at `path` replaced (or deleted when `next` is undefined). */
  function replaced(value: unknown, path: (string | number)[], next: unknown): unknown {
    if (path.length === 0) return next;
    const [key, ...rest] = path as [string | number, ...(string | number)[]];
    const copy = (Array.isArray(value) ? [...value] : { ...(value as Json) }) as unknown as Record<
      string | number,
      unknown
    >;
    const child = replaced(copy[key], rest, next);
    if (child === undefined && rest.length === 0) {
      if (Array.isArray(copy)) copy.splice(Number(key), 1);
      else delete copy[key];
    } else copy[key] = child;
    return copy;
  }

  it('for mutations of the valid app (a value replaced or removed anywhere)', () => {
    const valid = smallAppFiles();
    const files = Object.keys(valid);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...files),
            fc.nat(),
            fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined, freq: 3 }),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        (mutations) => {
          const mutated = smallAppFiles();
          for (const [file, at, next] of mutations) {
            const targets = pathsIn(mutated[file]);
            const path = targets[at % targets.length] ?? [];
            const value = replaced(mutated[file], path, next);
            if (value === undefined) delete mutated[file];
            else mutated[file] = value;
          }
          check({ files: mutated });
        },
      ),
      { numRuns: 400 },
    );
  });
});
