import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.js';
import { salesCrmFiles } from '../testing/salesCrm.js';

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (String(url).endsWith('/api/app')) {
        return new Response(
          JSON.stringify({ name: 'sales-crm', files: salesCrmFiles(), unreadable: [] }),
        );
      }
      return new Response(JSON.stringify({ ok: true }));
    }),
  );
});

afterEach(() => vi.unstubAllGlobals());

async function openSimulator(): Promise<HTMLElement> {
  render(<App />);
  await screen.findByTestId('form-designer', {}, { timeout: 10_000 });
  await waitFor(() =>
    expect(screen.getByTestId('problems-count').textContent).toContain('0 个错误'),
  );
  fireEvent.click(screen.getByTestId('open-simulator'));
  const simulator = await screen.findByTestId('simulator', {}, { timeout: 10_000 });
  await within(simulator).findByTestId('sim-clock', {}, { timeout: 10_000 });
  return simulator;
}

/** Picks an option of an antd Select the way a click does. */
async function choose(select: HTMLElement, option: string): Promise<void> {
  fireEvent.mouseDown(select.querySelector('[role=combobox]') ?? select);
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find((element) =>
      element.textContent?.startsWith(option),
    );
    if (!found) throw new Error(`no option ${option}`);
    return found;
  });
  fireEvent.click(item);
}

async function startAt(simulator: HTMLElement, start: string): Promise<void> {
  fireEvent.change(within(simulator).getByTestId('sim-start'), { target: { value: start } });
  fireEvent.click(within(simulator).getByTestId('sim-reset'));
  await waitFor(() =>
    expect(within(simulator).getByTestId('sim-clock').textContent).toContain(start.slice(0, 10)),
  );
}

async function importLead(simulator: HTMLElement, id: string): Promise<void> {
  await choose(within(simulator).getByTestId('sim-sample-entity'), '线索');
  const sample = await waitFor(() => {
    const found = simulator.querySelector(`[data-sample="lead/${id}"]`);
    if (!found)
      throw new Error(
        `no sample lead/${id}: ${simulator.querySelector('.sim-sample-list')?.innerHTML.slice(0, 600)}`,
      );
    return found;
  });
  fireEvent.click(sample.querySelector('input')!);
  fireEvent.click(within(simulator).getByTestId('sim-import'));
  await waitFor(() => expect(simulator.querySelector(`[data-record="${id}"]`)).not.toBeNull());
}

describe('the simulator (试运行)', () => {
  it('given the B-grade sample lead, when the clock advances 48 h, then it turns red and the area manager is alerted', async () => {
    const simulator = await openSimulator();
    await startAt(simulator, '2026-03-02 09:00');
    await importLead(simulator, 'L1');
    const timers = within(simulator).getByTestId('sim-timers');
    expect(timers.querySelector('[data-timer="b-lead-48h@L1"]')?.textContent).toContain(
      '2026-03-04 周三 09:00',
    );

    fireEvent.change(within(simulator).getByTestId('sim-advance-input'), {
      target: { value: '47h59m' },
    });
    fireEvent.click(within(simulator).getByTestId('sim-advance'));
    await waitFor(() =>
      expect(within(simulator).getByTestId('sim-clock').textContent).toBe('2026-03-04 周三 08:59'),
    );
    expect(simulator.querySelector('[data-record="L1"] [data-mark]')).toBeNull();

    fireEvent.click(within(simulator).getByTestId('sim-plus-1h'));
    await waitFor(() =>
      expect(simulator.querySelector('[data-record="L1"] [data-mark="red"]')?.textContent).toBe(
        '标记 红色',
      ),
    );
    const timeline = within(simulator).getByTestId('sim-timeline');
    expect(timeline.textContent).toContain('「B级线索48小时未推进」48h · 线索 L1');
    expect(timeline.textContent).toContain('通知 wecom → 周敏、张伟');
  });

  it('given a lead, when it is moved to a stage without a transition, then the refusal shows in red', async () => {
    const simulator = await openSimulator();
    await importLead(simulator, 'L3');
    await choose(within(simulator).getByTestId('sim-move-to'), '已转商机');
    fireEvent.click(within(simulator).getByTestId('sim-move'));
    const refusal = await within(simulator).findByTestId('sim-refusal');
    expect(refusal.textContent).toContain('被拒绝');
    expect(simulator.querySelector('[data-refused=true]')).not.toBeNull();
  });

  it('given a run, when reset, then the records and timeline are gone; back returns to the editors and keeps nothing in undo', async () => {
    const simulator = await openSimulator();
    await importLead(simulator, 'L1');
    fireEvent.click(within(simulator).getByTestId('sim-reset'));
    await waitFor(() => expect(simulator.querySelector('[data-record="L1"]')).toBeNull());
    fireEvent.click(within(simulator).getByTestId('sim-back'));
    expect(screen.getByTestId('form-designer')).toBeTruthy();
    expect((screen.getByTestId('undo') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('dirty-state').textContent).toBe('已全部保存');
  });

  it('given the English switch, then the simulator speaks English', async () => {
    const simulator = await openSimulator();
    fireEvent.click(screen.getByTestId('language'));
    await waitFor(() =>
      expect(within(simulator).getByTestId('sim-plus-48h').textContent).toBe('+48 hours'),
    );
    expect(within(simulator).getByTestId('sim-clock').textContent).toMatch(
      / (Mon|Tue|Wed|Thu|Fri|Sat|Sun) /,
    );
  });
});
