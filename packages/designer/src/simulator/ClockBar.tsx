/**
 * The virtual clock: the time now in the app's zone, quick steps (+1 小时, +1 天, +48 小时), a
 * custom advance (a duration or a date-time), the start time and reset.
 */
import { ClockCircleOutlined, ReloadOutlined, RollbackOutlined } from '@ant-design/icons';
import type { Instant } from '@ruleloom/engine';
import { Button, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { advanceTarget, inputText, localTime } from './clockAdvance.js';
import type { StepWords } from './stepView.js';

const HOUR = 3_600_000;

/**
 * The clock bar at the top of the simulator.
 *
 * @example
 * <ClockBar words={words} now={run.now} onAdvance={sim.advanceTo} onReset={sim.reset} onBack={close} />
 */
export function ClockBar(props: {
  readonly words: StepWords;
  readonly now: Instant | undefined;
  readonly start: Instant;
  readonly onAdvance: (to: Instant) => void;
  readonly onReset: (start: Instant) => void;
  readonly onBack: () => void;
}): ReactNode {
  const { words, now } = props;
  const { t, app } = words;
  const [custom, setCustom] = useState('');
  const [customError, setCustomError] = useState<string>();
  const [startText, setStartText] = useState(() => inputText(props.start, app.zone));
  const [startError, setStartError] = useState<string>();
  const ready = now !== undefined;

  const advanceBy = (ms: number): void => {
    if (now !== undefined) props.onAdvance(now + ms);
  };
  const advanceCustom = (): void => {
    if (now === undefined) return;
    const target = advanceTarget(custom, now, app);
    if (target.ok) {
      setCustomError(undefined);
      props.onAdvance(target.to);
      return;
    }
    setCustomError(
      target.reason === 'invalid'
        ? t('sim.advanceInvalid', { input: custom })
        : t('sim.advanceNotLater', { time: custom }),
    );
  };
  const reset = (): void => {
    const at = localTime(startText, app.zone);
    if (at === undefined) {
      setStartError(t('sim.startInvalid'));
      return;
    }
    setStartError(undefined);
    props.onReset(at);
  };

  return (
    <div className="sim-clock-bar">
      <Space size="middle" wrap>
        <Typography.Text strong className="sim-title">
          {t('sim.title')}
        </Typography.Text>
        <Tooltip title={`${t('sim.clock')} (${app.zone})`}>
          <Space size={6} className="sim-clock-now">
            <ClockCircleOutlined aria-label={t('sim.clock')} />
            <Typography.Text strong className="sim-clock" data-testid="sim-clock">
              {now === undefined ? '—' : words.time(now)}
            </Typography.Text>
            <Tag>{app.zone}</Tag>
          </Space>
        </Tooltip>
        <Space.Compact>
          <Button disabled={!ready} onClick={() => advanceBy(HOUR)} data-testid="sim-plus-1h">
            {t('sim.plus1h')}
          </Button>
          <Button disabled={!ready} onClick={() => advanceBy(24 * HOUR)} data-testid="sim-plus-1d">
            {t('sim.plus1d')}
          </Button>
          <Button disabled={!ready} onClick={() => advanceBy(48 * HOUR)} data-testid="sim-plus-48h">
            {t('sim.plus48h')}
          </Button>
        </Space.Compact>
        <Tooltip title={customError} open={customError !== undefined} color="red">
          <Space.Compact>
            <Input
              value={custom}
              status={customError ? 'error' : undefined}
              placeholder={t('sim.advancePlaceholder')}
              onChange={(event) => {
                setCustom(event.target.value);
                setCustomError(undefined);
              }}
              onPressEnter={advanceCustom}
              className="sim-advance-input"
              data-testid="sim-advance-input"
              aria-label={t('sim.advancePlaceholder')}
            />
            <Button
              type="primary"
              disabled={!ready || custom.trim() === ''}
              onClick={advanceCustom}
              data-testid="sim-advance"
            >
              {t('sim.advance')}
            </Button>
          </Space.Compact>
        </Tooltip>
      </Space>
      <Space size="small" wrap>
        <Tooltip title={startError} open={startError !== undefined} color="red">
          <Space.Compact>
            <Space.Addon>{t('sim.start')}</Space.Addon>
            <Input
              value={startText}
              status={startError ? 'error' : undefined}
              onChange={(event) => {
                setStartText(event.target.value);
                setStartError(undefined);
              }}
              onPressEnter={reset}
              className="sim-start-input"
              data-testid="sim-start"
              aria-label={t('sim.start')}
            />
          </Space.Compact>
        </Tooltip>
        <Button icon={<ReloadOutlined />} onClick={reset} data-testid="sim-reset">
          {t('sim.reset')}
        </Button>
        <Button icon={<RollbackOutlined />} onClick={props.onBack} data-testid="sim-back">
          {t('sim.back')}
        </Button>
      </Space>
    </div>
  );
}
