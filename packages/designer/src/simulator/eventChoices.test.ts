import { compileApp, type CompiledApp } from '@ruleloom/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { nextRecordId, pendingApprovalsOf, stageChoices, typedValue } from './eventChoices.js';
import { directoryOf, recordSummary, sampleRecordsOf } from './sampleData.js';
import { createRecords, fireEvents, importRecords, startRun } from './simulationRun.js';

const START = Date.parse('2026-03-02T09:00:00+08:00');

let app: CompiledApp;
let files: Record<string, unknown>;

beforeAll(() => {
  files = salesCrmFiles();
  const compiled = compileApp({ files });
  if (!compiled.ok) throw new Error('sales-crm does not compile');
  app = compiled.app;
});

describe('what the simulator starts from', () => {
  it('reads the sample records app.json lists, with their entity and file', () => {
    const samples = sampleRecordsOf(files);
    expect(samples.find((r) => r.id === 'L1')).toMatchObject({
      entity: 'lead',
      file: 'sample-data/leads.json',
      values: { intentGrade: 'B', owner: 'zhangwei' },
    });
    expect(new Set(samples.map((r) => r.entity))).toContain('opportunity');
  });

  it('reads sample records that are bare values, and skips lists that are not there', () => {
    const samples = sampleRecordsOf({
      'app.json': {
        sampleData: [
          { entity: 'lead', file: 'sample-data/leads.json' },
          { entity: 'customer', file: 'sample-data/missing.json' },
        ],
      },
      'sample-data/leads.json': [{ name: '王先生' }, 'not a record', { id: 'X', values: { a: 1 } }],
    });
    expect(samples).toEqual([
      { entity: 'lead', id: 'lead-1', values: { name: '王先生' }, file: 'sample-data/leads.json' },
      { entity: 'lead', id: 'X', values: { a: 1 }, file: 'sample-data/leads.json' },
    ]);
  });

  it('knows the users of simulations/users.json first, then those the tests name', () => {
    const users = directoryOf(files).map((u) => u.id);
    expect(users.slice(0, 4)).toEqual(['zhangwei', 'zhoumin', 'zhaogang', 'chenjing']);
    expect(users).toContain('wanglei');
    expect(new Set(users).size).toBe(users.length);
  });

  it('sums a record up by its name-like values', () => {
    expect(
      recordSummary({ intentGrade: 'B', name: '沈佳怡', company: '宁波甬优医疗器械有限公司' }),
    ).toBe('沈佳怡 · 宁波甬优医疗器械有限公司');
    expect(recordSummary({})).toBe('');
  });
});

describe('the event form', () => {
  it('given a new lead, then the transitions from 新线索 are offered first, the other stages after', () => {
    const lead = sampleRecordsOf(files).find((r) => r.id === 'L3')!;
    const run = createRecords(app, startRun(app, START), [lead]);
    const [pipeline] = stageChoices(app, run.state.records['L3']!);
    expect(pipeline?.current).toBe('new');
    expect(pipeline?.stages.map((s) => [s.stage, s.hasTransition])).toEqual([
      ['contacted', true],
      ['invalid', true],
      ['qualified', false],
      ['converted', false],
    ]);
  });

  it('given a quote over 50,000, then the director approval waits; when the director approves, the move happens', () => {
    const users = directoryOf(files);
    const opportunity = {
      entity: 'opportunity',
      id: 'O1',
      values: {
        title: '检验科全自动生化分析仪采购',
        customer: 'CU1',
        owner: 'lina',
        stage: 'proposal',
        amount: 68000,
        budgetRange: 'from-50k-to-200k',
        decisionRole: 'decision-maker',
      },
    };
    let run = importRecords(app, startRun(app, START, { users }), [opportunity], { users });
    run = fireEvents(app, run, [{ type: 'stage.move', recordId: 'O1', to: 'quote' }], {
      actor: { id: 'lina', roles: ['sales-rep'] },
      users,
    });
    const [pending] = pendingApprovalsOf(run.state.records['O1']!);
    expect(pending?.approval.id).toBe('large-quote');
    expect(pending?.approvers).toEqual(['wanglei']);
    run = fireEvents(
      app,
      run,
      [{ type: 'approval.decide', recordId: 'O1', approval: 'large-quote', decision: 'approve' }],
      { actor: { id: 'wanglei', roles: ['sales-director'] }, users },
    );
    expect(run.state.records['O1']?.values['stage']).toBe('quote');
    expect(pendingApprovalsOf(run.state.records['O1']!)).toEqual([]);
  });

  it.each([
    ['money', '260,000', 260000],
    ['number', ' 3 ', 3],
    ['tags', '官网, 白皮书', ['官网', '白皮书']],
    ['multi-enum', '["a","b"]', ['a', 'b']],
    ['boolean', '是', true],
    ['boolean', 'no', false],
    ['geo', '{"lat":30,"lng":120}', { lat: 30, lng: 120 }],
    ['text', '', null],
    ['text', ' 王先生 ', ' 王先生 '],
    ['enum', 'B', 'B'],
  ])('given a %s field and %j, then the value is %j', (type, text, value) => {
    expect(typedValue(type, text)).toEqual({ ok: true, value });
  });

  it('given text that is not the field type, then it says why', () => {
    expect(typedValue('money', 'lots')).toEqual({ ok: false, reason: 'number' });
    expect(typedValue('boolean', 'maybe')).toEqual({ ok: false, reason: 'json' });
    expect(typedValue('attachment', '{')).toEqual({ ok: false, reason: 'json' });
  });

  it('suggests a record id that is free', () => {
    expect(nextRecordId('lead', ['lead-1', 'lead-2'])).toBe('lead-3');
    expect(nextRecordId('lead', ['L1'], 'L')).toBe('L2');
  });
});
