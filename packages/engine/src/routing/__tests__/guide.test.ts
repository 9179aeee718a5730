import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../diagnostics/types.js';
import type { RouteResult } from '../types.js';
import { bigWebsiteLead, MONDAY_10, s42, s42Definition, teamWith } from './world.js';

const guide = readFileSync(
  new URL('../../../../../docs/guides/lead-routing.md', import.meta.url),
  'utf8',
);

/** The fenced block that follows the first line starting with `marker`. */
function blockAfter(marker: string): string {
  const at = guide.indexOf(marker);
  expect(at, `marker ${marker}`).toBeGreaterThanOrEqual(0);
  const match = /```\w*\n([\s\S]*?)\n```/.exec(guide.slice(at));
  if (!match?.[1]) throw new Error(`no block after ${marker}`);
  return match[1];
}

const routing = s42();
const away = teamWith({ zhangwei: { status: '出差' } });
const nobody = teamWith({ zhangwei: { status: '出差' }, lina: { status: '休假' } });
const scenarios: Record<string, { result: RouteResult; users: typeof away }> = {
  picked: {
    result: routing.route(
      bigWebsiteLead,
      { reps: { lina: { open: 5 }, wangfang: { open: 3 } } },
      { now: MONDAY_10, users: away },
    ),
    users: away,
  },
  queued: {
    result: routing.route(
      bigWebsiteLead,
      { reps: { wangfang: { open: 9 } } },
      { now: MONDAY_10, users: nobody },
    ),
    users: nobody,
  },
};

describe('docs/guides/lead-routing.md', () => {
  it('shows the S42 routing the tests run', () => {
    expect(JSON.parse(blockAfter('<!-- routing-example'))).toEqual(s42Definition);
  });

  it.each([
    ['picked', 'zh-CN'],
    ['picked', 'en'],
    ['queued', 'zh-CN'],
    ['queued', 'en'],
  ] as const)('shows the explanation the engine gives (%s, %s)', (name, locale: Locale) => {
    const { result, users } = scenarios[name]!;
    const lines = routing.describe(result, users).map((line) => line[locale]);
    expect(blockAfter(`<!-- explanation: ${name} (${locale}) -->`).split('\n')).toEqual(lines);
  });

  it('quotes the notice the manager gets', () => {
    const notice = scenarios['queued']!.result.effects[0];
    expect(notice?.type).toBe('notify');
    if (notice?.type !== 'notify') return;
    expect(guide.replace(/\n/g, '')).toContain(`「${notice.message['zh-CN']}」`);
  });
});
