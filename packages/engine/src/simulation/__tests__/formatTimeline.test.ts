import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../app/types.js';
import { formatLocalTime, formatTimeline } from '../formatTimeline.js';
import { simulate } from '../simulate.js';
import type { LoggedEvent } from '../types.js';
import { fixtureApp, users } from './fixtureApp.js';

const app = fixtureApp();
const rep = { id: 'zhangwei', roles: ['sales'] };
const move = (to: string): AppEvent => ({ type: 'stage.move', recordId: 'R1', to });

/** A receivable through its nodes; 客户采购发起付款 stalls for three days. */
const journey: LoggedEvent[] = [
  {
    at: '2026-03-02T10:00:00+08:00',
    event: {
      type: 'record.create',
      entity: 'receivable',
      recordId: 'R1',
      values: { title: 'HT-031 预付款', owner: 'zhangwei' },
    },
    actor: rep,
  },
  { at: '2026-03-03T10:00:00+08:00', event: move('invoice-signed'), actor: rep },
  { at: '2026-03-04T15:00:00+08:00', event: move('payment-started'), actor: rep },
  { at: '2026-03-07T11:00:00+08:00', event: move('customer-paid'), actor: rep },
  { at: '2026-03-08T09:30:00+08:00', event: move('received'), actor: rep },
];

const run = () => simulate(app, { events: journey, to: '2026-03-15T00:00:00+08:00', users });

describe('formatTimeline', () => {
  it('reads as a timeline in zh-CN: local time, what happened, what came of it', () => {
    expect(formatTimeline(run().timeline, { locale: 'zh-CN', app, users })).toBe(ZH);
  });

  it('reads as a timeline in en', () => {
    expect(formatTimeline(run().timeline, { locale: 'en', app, users })).toBe(EN);
  });

  it('names records by id and users by id without the app and the directory', () => {
    const text = formatTimeline(run().timeline, { locale: 'en', zone: 'UTC' });
    expect(text.split('\n')[0]).toBe(
      '2026-03-02 Mon 02:00  event  created receivable R1 (by zhangwei)',
    );
  });

  it('says when an event was refused, and prints nothing for an empty timeline', () => {
    const refused = simulate(app, {
      events: [{ at: '2026-03-02T10:00:00+08:00', event: move('received') }],
      to: '2026-03-03T00:00:00+08:00',
    });
    expect(formatTimeline(refused.timeline, { locale: 'en', app })).toMatch(
      /moved record R1 to "Bank receipt" — refused: /,
    );
    expect(formatTimeline([], { locale: 'zh-CN' })).toBe('');
  });

  it('prints local times in the zone asked, with seconds only when they are not zero', () => {
    const instant = Date.parse('2026-03-04T01:00:05Z');
    expect(formatLocalTime(instant, 'Asia/Shanghai', 'zh-CN')).toBe('2026-03-04 周三 09:00:05');
    expect(formatLocalTime(instant, 'Asia/Tokyo', 'en')).toBe('2026-03-04 Wed 10:00:05');
  });
});

const ZH = `2026-03-02 周一 10:00  事件    新建回款 R1（张伟）
                               计时器「回款节点48小时无进展」开始，到期 2026-03-04 周三 10:00
2026-03-03 周二 10:00  事件    回款 R1 推进到「客户签收发票」（张伟）
                               计时器「回款节点48小时无进展」重新计时，到期 2026-03-05 周四 10:00
2026-03-04 周三 15:00  事件    回款 R1 推进到「客户采购发起付款」（张伟）
                               计时器「回款节点48小时无进展」重新计时，到期 2026-03-06 周五 15:00
2026-03-06 周五 15:00  计时器  「回款节点48小时无进展」48h · 回款 R1
                               通知 wecom → 张伟、陈静、赵刚：「HT-031 预付款 在「payment-started」停留超过 48 小时」
                               标记 红色
                               计时器「回款节点48小时无进展」结束
2026-03-07 周六 11:00  事件    回款 R1 推进到「客户财务付款」（张伟）
                               计时器「回款节点48小时无进展」开始，到期 2026-03-09 周一 11:00
2026-03-08 周日 09:30  事件    回款 R1 推进到「银行到账」（张伟）
                               计时器「回款节点48小时无进展」取消
`;
const EN = `2026-03-02 Mon 10:00  event  created receivable R1 (by Zhang Wei)
                             timer "Payment node stalled for 48 h" started, due 2026-03-04 Wed 10:00
2026-03-03 Tue 10:00  event  moved receivable R1 to "Invoice signed" (by Zhang Wei)
                             timer "Payment node stalled for 48 h" restarted, due 2026-03-05 Thu 10:00
2026-03-04 Wed 15:00  event  moved receivable R1 to "Payment started" (by Zhang Wei)
                             timer "Payment node stalled for 48 h" restarted, due 2026-03-06 Fri 15:00
2026-03-06 Fri 15:00  timer  "Payment node stalled for 48 h" 48h · receivable R1
                             notify wecom → Zhang Wei, Chen Jing, Zhao Gang: "HT-031 预付款 has been at "payment-started" for over 48 h"
                             mark red
                             timer "Payment node stalled for 48 h" ended
2026-03-07 Sat 11:00  event  moved receivable R1 to "Customer paid" (by Zhang Wei)
                             timer "Payment node stalled for 48 h" started, due 2026-03-09 Mon 11:00
2026-03-08 Sun 09:30  event  moved receivable R1 to "Bank receipt" (by Zhang Wei)
                             timer "Payment node stalled for 48 h" cancelled
`;
