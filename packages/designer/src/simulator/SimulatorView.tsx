/**
 * "试运行 / Try it": the app run by the engine in the browser, full width in place of the
 * editors. Left: who acts, sample data to bring in, an event to fire, the reps' statuses and
 * loads the routing decisions use. Middle: the timeline.
 * Right: the records and the pending timers. Top: the virtual clock. The run lives in this
 * panel only: it is not saved and not part of undo.
 */
import type { Actor, AppEvent, Locale } from '@ruleloom/engine';
import { Alert, App as AntApp, Card, Spin, Typography } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useCompiledApp } from '../compile/useCompiledApp.js';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { ActorPicker } from './ActorPicker.js';
import { ClockBar } from './ClockBar.js';
import { clockText } from './clockAdvance.js';
import { EventForm } from './EventForm.js';
import { RoutingDesk } from './RoutingDesk.js';
import { routingStarts, type RoutingSnapshots } from './routingSnapshots.js';
import { directoryOf, sampleRecordsOf } from './sampleData.js';
import { SamplePicker } from './SamplePicker.js';
import { simulatorNames } from './simulatorNames.js';
import { RecordsPanel, TimersPanel } from './StatePanels.js';
import { spanText, stepViews, type StepWords } from './stepView.js';
import { TimelineView } from './TimelineView.js';
import { MAX_STEPS } from './simulationRun.js';
import { useSimulatorRun } from './useSimulatorRun.js';
import './simulator.css';

function errorText(error: unknown, locale: Locale): string {
  const messages = (error as { messages?: Partial<Record<Locale, string>> } | null)?.messages;
  if (messages?.[locale]) return messages[locale];
  return error instanceof Error ? error.message : String(error);
}

/**
 * The simulator panel.
 *
 * @example
 * <SimulatorView onBack={() => setView('design')} />
 */
export function SimulatorView(props: { readonly onBack: () => void }): ReactNode {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const store = useDesignerStore();
  const { result } = useCompiledApp();
  const app = result?.ok ? result.app : undefined;
  const users = useMemo(() => directoryOf(store.files), [store.files]);
  const samples = useMemo(() => sampleRecordsOf(store.files), [store.files]);
  const [actor, setActor] = useState<Actor | undefined>(() =>
    users[0] ? { id: users[0].id, roles: users[0].roles ?? [] } : undefined,
  );
  const onError = useCallback(
    (error: unknown) => void message.error(t('sim.failed', { detail: errorText(error, locale) })),
    [message, t, locale],
  );
  const starts = useMemo(
    () =>
      Object.fromEntries(
        [...(app?.routings.keys() ?? [])].map((id) => [id, routingStarts(store.files, id)]),
      ),
    [app, store.files],
  );
  const [chosen, setChosen] = useState<Readonly<Record<string, string>>>({});
  const [routingId, setRoutingId] = useState<string>();
  const startOf = (id: string, key = chosen[id]) =>
    starts[id]?.find((start) => start.key === key)?.snapshot ?? {};
  const routingStart: RoutingSnapshots = Object.fromEntries(
    Object.keys(starts).map((id) => [id, startOf(id)]),
  );
  const sim = useSimulatorRun(app, users, onError, routingStart);

  const words = useMemo<StepWords | undefined>(
    () =>
      app && {
        app,
        users,
        locale,
        t,
        names: simulatorNames(app, users, locale),
        time: (instant) => clockText(instant, app.zone, locale),
        span: (ms) => spanText(ms, locale),
      },
    [app, users, locale, t],
  );
  const steps = useMemo(
    () => (words && sim.run ? stepViews(sim.run.steps, words) : []),
    [words, sim.run],
  );

  if (!result) {
    return (
      <div className="simulator simulator-empty" data-testid="simulator">
        <Spin description={t('sim.compiling')} />
      </div>
    );
  }
  if (!words || !sim.run) {
    const detail =
      sim.startError === undefined
        ? t('sim.appErrors')
        : t('sim.failed', { detail: errorText(sim.startError, locale) });
    return (
      <div className="simulator simulator-empty" data-testid="simulator">
        <Alert type="error" showIcon title={detail} />
      </div>
    );
  }
  const run = sim.run;
  const context = { ...(actor ? { actor } : {}), users };
  const fire = (event: AppEvent): void => sim.fire([event], context);
  const shownRouting =
    routingId !== undefined && app?.routings.has(routingId)
      ? routingId
      : app?.routings.keys().next().value;
  return (
    <div className="simulator" data-testid="simulator">
      <ClockBar
        words={words}
        now={run.now}
        start={run.start}
        onAdvance={sim.advanceTo}
        onReset={sim.reset}
        onBack={props.onBack}
      />
      {sim.startedWith !== app && (
        <Alert type="info" showIcon banner title={t('sim.appChanged')} className="sim-changed" />
      )}
      {run.truncated && (
        <Alert
          type="warning"
          showIcon
          banner
          title={t('sim.truncated', { limit: MAX_STEPS, time: words.time(run.now) })}
          className="sim-changed"
        />
      )}
      <div className="sim-body">
        <aside className="sim-column sim-left">
          <Card size="small" title={t('sim.actor')}>
            <ActorPicker words={words} actor={actor} onChange={setActor} />
          </Card>
          <Card size="small" title={t('sim.samples')}>
            <SamplePicker
              words={words}
              samples={samples}
              inRun={new Set(Object.keys(run.state.records))}
              onImport={(records, mode) =>
                mode === 'create' ? sim.create(records, context) : sim.importExisting(records)
              }
            />
          </Card>
          <Card size="small" title={t('sim.events')}>
            <EventForm words={words} state={run.state} onFire={fire} />
          </Card>
          {shownRouting !== undefined && (
            <Card size="small" title={t('sim.reps')}>
              <RoutingDesk
                words={words}
                starts={starts}
                chosen={chosen}
                snapshots={run.routing}
                routingId={shownRouting}
                onRouting={setRoutingId}
                onStart={(id, key) => {
                  setChosen({ ...chosen, [id]: key });
                  sim.setRouting(id, startOf(id, key));
                }}
                onChange={sim.setRouting}
              />
            </Card>
          )}
        </aside>
        <section className="sim-column sim-middle" data-testid="sim-timeline">
          <Typography.Title level={5} className="sim-section-title">
            {t('sim.timeline')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="sim-hint">
            {t('sim.hint')}
          </Typography.Paragraph>
          <TimelineView words={words} steps={steps} />
        </section>
        <aside className="sim-column sim-right">
          <Card
            size="small"
            title={t('sim.records', { count: Object.keys(run.state.records).length })}
            data-testid="sim-records"
          >
            <RecordsPanel words={words} state={run.state} />
          </Card>
          <Card
            size="small"
            title={t('sim.timers', { count: Object.keys(run.state.timers ?? {}).length })}
            data-testid="sim-timers"
          >
            <TimersPanel words={words} state={run.state} />
          </Card>
        </aside>
      </div>
    </div>
  );
}

export default SimulatorView;
