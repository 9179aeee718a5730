/**
 * Picks sample records of the app (app.json `sampleData`) and brings them into the run: as new
 * records (the engine's `record.create`: creation rules run and timers start — S3's 48 h
 * count starts now) or as existing data (put in place, only `timers.sync`).
 */
import { ImportOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { recordSummary, type SampleEntry } from './sampleData.js';
import type { StepWords } from './stepView.js';

/** How sample records come into the run. */
export type ImportMode = 'create' | 'existing';

/**
 * The sample-data picker.
 *
 * @example
 * <SamplePicker words={words} samples={samples} inRun={ids} onImport={(records, mode) => …} />
 */
export function SamplePicker(props: {
  readonly words: StepWords;
  readonly samples: readonly SampleEntry[];
  readonly inRun: ReadonlySet<string>;
  readonly onImport: (records: readonly SampleEntry[], mode: ImportMode) => void;
}): ReactNode {
  const { t, names } = props.words;
  const entities = useMemo(
    () => [...new Set(props.samples.map((sample) => sample.entity))],
    [props.samples],
  );
  const [entity, setEntity] = useState<string | undefined>(entities[0]);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [mode, setMode] = useState<ImportMode>('create');
  if (props.samples.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sim.noSamples')} />;
  }
  const shown = props.samples.filter((sample) => sample.entity === (entity ?? entities[0]));
  const key = (sample: SampleEntry): string => `${sample.entity}/${sample.id}`;
  const chosen = props.samples.filter(
    (sample) => picked.includes(key(sample)) && !props.inRun.has(sample.id),
  );
  return (
    <Space orientation="vertical" size={8} className="sim-wide">
      <Select
        value={entity ?? entities[0]}
        onChange={(value: string) => setEntity(value)}
        aria-label={t('sim.entity')}
        data-testid="sim-sample-entity"
        className="sim-wide"
        options={entities.map((id) => ({
          value: id,
          label: `${names.entity(id)} (${props.samples.filter((s) => s.entity === id).length})`,
        }))}
      />
      <div className="sim-sample-list">
        {shown.map((sample) => {
          const inRun = props.inRun.has(sample.id);
          return (
            <div key={key(sample)} data-sample={key(sample)}>
              <Checkbox
                checked={inRun || picked.includes(key(sample))}
                disabled={inRun}
                onChange={(event) =>
                  setPicked((now) =>
                    event.target.checked
                      ? [...now, key(sample)]
                      : now.filter((item) => item !== key(sample)),
                  )
                }
              >
                <Typography.Text strong>{sample.id}</Typography.Text>{' '}
                <Typography.Text type="secondary" className="sim-sample-summary">
                  {inRun ? t('sim.inRun') : recordSummary(sample.values)}
                </Typography.Text>
              </Checkbox>
            </div>
          );
        })}
      </div>
      <Radio.Group
        value={mode}
        onChange={(event) => setMode(event.target.value as ImportMode)}
        size="small"
        options={[
          { value: 'create', label: t('sim.importCreate') },
          { value: 'existing', label: t('sim.importExisting') },
        ]}
      />
      <Button
        type="primary"
        icon={<ImportOutlined />}
        disabled={chosen.length === 0}
        onClick={() => {
          props.onImport(chosen, mode);
          setPicked([]);
        }}
        data-testid="sim-import"
      >
        {t('sim.importSelected', { count: chosen.length })}
      </Button>
    </Space>
  );
}
