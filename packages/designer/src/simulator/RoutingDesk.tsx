/**
 * "分配 · 销售状态": the routing snapshot the next assignment is made with, as a small table
 * an admin edits to try "张伟出差 → 李娜": each rep's status (在岗 / 出差 / 休假) and open
 * leads, and where the snapshot starts (the directory, or an S42 test's situation).
 */
import type { RoutingSnapshot } from '@ruleloom/engine';
import { InputNumber, Select, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  repRows,
  statusChoices,
  withRep,
  type RepRow,
  type RoutingStart,
  type RoutingSnapshots,
} from './routingSnapshots.js';
import type { StepWords } from './stepView.js';

/**
 * The reps' table of the app's routings.
 *
 * @example
 * <RoutingDesk words={words} starts={starts} chosen={chosen} snapshots={run.routing} … />
 */
export function RoutingDesk(props: {
  readonly words: StepWords;
  /** Per routing id, its starting points (the directory first). */
  readonly starts: Readonly<Record<string, readonly RoutingStart[]>>;
  /** Per routing id, the key of the chosen start. */
  readonly chosen: Readonly<Record<string, string>>;
  readonly snapshots: RoutingSnapshots;
  readonly routingId: string;
  onRouting(routingId: string): void;
  onStart(routingId: string, key: string): void;
  onChange(routingId: string, snapshot: RoutingSnapshot): void;
}): ReactNode {
  const { words, routingId } = props;
  const { t, names, app, locale } = words;
  const snapshot = props.snapshots[routingId] ?? {};
  const rows = repRows(app, routingId, snapshot, words.users);
  const statuses = statusChoices(app, routingId).map((status) => ({
    value: status,
    label: status,
  }));
  const edit = (user: string, change: Parameters<typeof withRep>[2]): void =>
    props.onChange(routingId, withRep(snapshot, user, change));
  const routings = [...app.routings.keys()];
  return (
    <div className="sim-reps" data-testid="sim-reps">
      {routings.length > 1 && (
        <label className="sim-reps-field">
          <span>{t('sim.reps.routing')}</span>
          <Select
            size="small"
            value={routingId}
            onChange={props.onRouting}
            options={routings.map((id) => ({ value: id, label: names.routing(id) }))}
            data-testid="sim-reps-routing"
          />
        </label>
      )}
      <label className="sim-reps-field">
        <span>{t('sim.reps.start')}</span>
        <Select
          size="small"
          value={props.chosen[routingId] ?? 'directory'}
          onChange={(key: string) => props.onStart(routingId, key)}
          popupMatchSelectWidth={false}
          options={(props.starts[routingId] ?? []).map((start) => ({
            value: start.key,
            label: start.label
              ? t('sim.reps.startTest', { name: start.label[locale] })
              : t('sim.reps.startDirectory'),
          }))}
          data-testid="sim-reps-start"
        />
      </label>
      <Table<RepRow>
        size="small"
        pagination={false}
        rowKey="user"
        dataSource={rows}
        onRow={(row) => ({ 'data-rep': row.user }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'rep', title: t('sim.reps.rep'), render: (_, row) => names.user(row.user) },
          {
            key: 'status',
            title: t('sim.reps.status'),
            render: (_, row) => (
              <Select
                size="small"
                value={row.status}
                options={statuses}
                onChange={(status: string) => edit(row.user, { status })}
                className="sim-rep-status"
                data-testid="sim-rep-status"
              />
            ),
          },
          {
            key: 'open',
            title: t('sim.reps.open'),
            render: (_, row) => (
              <InputNumber
                size="small"
                min={0}
                precision={0}
                value={row.open}
                onChange={(open) => edit(row.user, { open: typeof open === 'number' ? open : 0 })}
                className="sim-rep-open"
                data-testid="sim-rep-open"
              />
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="sim-hint">
        {t('sim.reps.hint')}
      </Typography.Paragraph>
    </div>
  );
}
