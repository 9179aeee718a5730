import { compileApp, type CompiledApp, type Effect, type RoutingSnapshot } from '@ruleloom/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../i18n/I18n.js';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { clockText } from './clockAdvance.js';
import { repRows, routingStarts, statusChoices, withRep } from './routingSnapshots.js';
import { directoryOf } from './sampleData.js';
import {
  advanceClock,
  createRecords,
  pendingTimers,
  startRun,
  type SimRun,
  type SimStep,
} from './simulationRun.js';
import { simulatorNames } from './simulatorNames.js';
import { spanText, stepViews, type StepWords } from './stepView.js';

const START = Date.parse('2026-03-02T10:00:00+08:00'); // a Monday, working hours
const HOUR = 3_600_000;

let app: CompiledApp;
let files: Record<string, unknown>;

beforeAll(() => {
  // The sales CRM assigns new leads without an owner (automations/s42-assign-new-leads.json).
  files = salesCrmFiles();
  const compiled = compileApp({ files });
  if (!compiled.ok) throw new Error('sales-crm does not compile');
  app = compiled.app;
});

const users = () => directoryOf(files);
const zhangwei = { id: 'zhangwei', roles: ['sales-rep'] };
const bigWebsiteLead = {
  entity: 'lead',
  id: 'L9',
  values: {
    name: '沈佳怡',
    company: '宁波甬优医疗器械有限公司',
    phone: '13805741234',
    source: 'website',
    firstTouch: 'phone',
    intentGrade: 'A',
    budget: 250000,
    region: 'east',
  },
};

function createLead(routing: RoutingSnapshot = {}): SimRun {
  const run = startRun(app, START, { users: users() }, { 'lead-routing': routing });
  return createRecords(app, run, [bigWebsiteLead], { actor: zhangwei, users: users() });
}

function routingSteps(run: SimRun): Extract<SimStep, { kind: 'routing' }>[] {
  return run.steps.filter((s): s is Extract<SimStep, { kind: 'routing' }> => s.kind === 'routing');
}

function words(locale: 'zh-CN' | 'en'): StepWords {
  return {
    app,
    users: users(),
    locale,
    t: (key, params) => translate(locale, key, params),
    names: simulatorNames(app, users(), locale),
    time: (instant) => clockText(instant, app.zone, locale),
    span: (ms) => spanText(ms, locale),
  };
}

describe('routing decisions in a simulator run (S42)', () => {
  it('given a 官网 lead with budget 250,000 in 华东, when it is created, then it is assigned to 张伟 by the preference and the owner is set by a follow-up update', () => {
    const run = createLead();
    const [routed] = routingSteps(run);
    expect(routed?.assignment.result.assignee).toBe('zhangwei');
    expect(routed?.assignment.result.rule).toBe('website-large-east');
    expect(routed?.assignment.result.explanation.decision).toEqual({
      by: 'preference',
      preference: 'big-website-leads',
    });
    expect(run.state.records['L9']?.values['owner']).toBe('zhangwei');
    // Order: the creation, the decision, then the update that applies it.
    const kinds = run.steps.map((s) => (s.kind === 'entry' ? s.entry.event?.type : s.kind));
    expect(kinds.slice(-3)).toEqual(['record.create', 'routing', 'record.update']);
    // The router's next snapshot is kept: 张伟 has one open lead more.
    expect(run.routing['lead-routing']?.reps?.['zhangwei']?.open).toBe(1);
  });

  it('given the assignment, then S42b\'s "分配后4小时未联系" counts from it and reminds 张伟 at 14:00', () => {
    const run = createLead();
    expect(pendingTimers(run.state).some((t) => t.id.startsWith('s42b-first-contact-4h'))).toBe(
      true,
    );
    const later = advanceClock(app, run, START + 4 * HOUR, { users: users() });
    const reminded = later.steps.flatMap((s) =>
      s.kind === 'entry' && s.entry.timer?.timer === 's42b-first-contact-4h' ? s.entry.effects : [],
    );
    expect(reminded.some((e) => e.type === 'notify' && e.recipients.includes('zhangwei'))).toBe(
      true,
    );
  });

  it('given 张伟 set 出差 in the reps table, when the lead is created, then it goes to 李娜 and the explanation says why 张伟 was passed over', () => {
    const run = createLead(withRep({}, 'zhangwei', { status: '出差' }));
    const [routed] = routingSteps(run);
    expect(routed?.assignment.result.assignee).toBe('lina');
    expect(run.state.records['L9']?.values['owner']).toBe('lina');
    expect(routed?.assignment.lines.map((l) => l['zh-CN'])).toContain(
      '优先规则「官网大单优先张伟、李娜」适用：张伟 不可分配（状态为「出差」），选中 李娜',
    );
  });

  it('given everyone of 华东大客户组 away or full, when the lead is created, then it lands in the queue lead-pool, the sales manager is notified and no owner is set', () => {
    let snapshot = withRep({}, 'zhangwei', { status: '出差' });
    snapshot = withRep(snapshot, 'lina', { status: '休假' });
    snapshot = withRep(snapshot, 'wangfang', { open: 9 });
    const run = createLead(snapshot);
    const [routed] = routingSteps(run);
    const result = routed!.assignment.result;
    expect(result.assignee).toBeUndefined();
    expect(result.queue).toBe('lead-pool');
    const notify = result.effects.find(
      (e): e is Extract<Effect, { type: 'notify' }> => e.type === 'notify',
    );
    expect(notify?.recipients).toContain('zhoumin');
    expect(run.state.records['L9']?.values['owner']).toBeUndefined();
    expect(run.steps.at(-1)?.kind).toBe('routing');
    // The snapshot is unchanged: nobody got a lead.
    expect(run.routing['lead-routing']).toEqual(snapshot);
  });

  it("given a routing step, then the timeline shows 分配 with the assignee, the engine's lines and a tree of rules, reps and preferences (zh-CN and en)", () => {
    const run = createLead(withRep({}, 'zhangwei', { status: '出差' }));
    const zh = stepViews(run.steps, words('zh-CN')).find((s) => s.kind === 'routing')!;
    expect(zh.headline).toBe('「线索分配规则」线索 L9 → 李娜');
    expect(zh.routing?.assignee).toBe('李娜');
    expect(zh.routing?.lines[0]).toBe('规则「官网·20万以上·华东」：符合');
    const titles = (zh.routing?.tree ?? []).flatMap((n) => [
      n.title,
      ...n.children.map((c) => c.title),
    ]);
    expect(titles).toContain('规则「官网·20万以上·华东」：符合');
    expect(titles).toContain('张伟（出差，未结线索 0 条）：跳过（状态为「出差」）');
    expect(titles).toContain('优先规则「官网大单优先张伟、李娜」：适用');
    expect(titles).toContain('李娜：选中');
    const en = stepViews(run.steps, words('en')).find((s) => s.kind === 'routing')!;
    expect(en.headline).toBe('"Lead routing": Lead L9 → Li Na');
    expect(en.routing?.lines.at(-1)).toBe(
      'result: assigned to Li Na (preference "Big website leads: Zhang Wei or Li Na first")',
    );
  });
});

describe('the routing snapshot the panel keeps', () => {
  it("given the sales CRM, then the directory gives 张伟 the S42 teams but no test's status", () => {
    const zhang = users().find((u) => u.id === 'zhangwei');
    expect(zhang?.teams).toEqual(['east-ka', 'east']);
    expect(zhang?.status).toBeUndefined();
  });

  it('given the starts, then the directory comes first and the S42 tests follow with their statuses', () => {
    const starts = routingStarts(files, 'lead-routing');
    expect(starts[0]).toEqual({ key: 'directory', snapshot: {} });
    const away = starts.find((s) => s.key === 's42-lina-when-zhangwei-away');
    expect(away?.snapshot.reps?.['zhangwei']).toEqual({ open: 3, status: '出差' });
    const run = createLead(away?.snapshot);
    expect(routingSteps(run)[0]?.assignment.result.assignee).toBe('lina');
    const big = starts.find((s) => s.key === 's42-big-website-prefers-zhangwei-lina');
    expect(routingSteps(createLead(big?.snapshot))[0]?.assignment.result.assignee).toBe('zhangwei');
  });

  it("given a snapshot, then the reps table lists the routing's reps with status and open leads", () => {
    const rows = repRows(app, 'lead-routing', withRep({}, 'lina', { open: 4 }), users());
    expect(rows.map((r) => r.user)).toEqual(
      expect.arrayContaining(['zhangwei', 'lina', 'wangfang', 'liuqiang', 'zhouqi']),
    );
    expect(rows.find((r) => r.user === 'lina')).toEqual({ user: 'lina', status: '在岗', open: 4 });
    expect(rows.some((r) => r.user === 'zhoumin')).toBe(false);
    expect(statusChoices(app, 'lead-routing')).toEqual(['在岗', '出差', '休假']);
  });
});
