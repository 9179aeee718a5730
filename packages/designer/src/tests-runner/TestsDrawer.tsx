/**
 * The results of "运行测试 / Run tests": pass or fail per test, with its scenario id (S1,
 * S38, …) and, for a failure, what was expected.
 */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { TestResult } from '@ruleloom/engine';
import { Alert, Drawer, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import type { AppTestRun } from './runAppTests.js';

/**
 * The drawer with the last run's results.
 *
 * @example
 * <TestsDrawer run={run} open onClose={close} />
 */
export function TestsDrawer(props: {
  readonly run: AppTestRun | undefined;
  readonly open: boolean;
  readonly onClose: () => void;
}): ReactNode {
  const { t, text, locale } = useI18n();
  const store = useDesignerStore();
  const run = props.run;
  return (
    <Drawer
      title={t('testResults')}
      open={props.open}
      onClose={props.onClose}
      size={720}
      rootClassName="tests-drawer"
    >
      {!run && (
        <Space>
          <Spin size="small" />
          {t('testsNotRun')}
        </Space>
      )}
      {run && !run.ok && <Alert type="error" showIcon title={t('testsBlocked')} />}
      {run?.ok && (
        <>
          <Typography.Title level={5} data-testid="tests-summary">
            {t('testsSummary', { passed: run.report.passed, failed: run.report.failed })}
          </Typography.Title>
          <Table<TestResult & { key: string }>
            size="small"
            pagination={false}
            dataSource={run.report.results.map((r) => ({ ...r, key: r.file }))}
            onRow={(r) => ({
              onClick: () => {
                store.select(r.file);
                props.onClose();
              },
              'data-test-id': r.id,
              'data-passed': String(r.passed),
            })}
            columns={[
              {
                title: t('result'),
                width: 90,
                render: (_, r) =>
                  r.passed ? (
                    <Tag icon={<CheckCircleFilled />} color="success">
                      {t('passed')}
                    </Tag>
                  ) : (
                    <Tag icon={<CloseCircleFilled />} color="error">
                      {t('failed')}
                    </Tag>
                  ),
              },
              { title: t('scenario'), width: 80, render: (_, r) => r.scenario ?? '—' },
              {
                title: t('test'),
                render: (_, r) => (
                  <div>
                    <div>{text(r.label, r.id)}</div>
                    {r.failures.map((failure, index) => (
                      <Typography.Text key={index} type="danger" className="test-failure">
                        {failure.message[locale]}
                      </Typography.Text>
                    ))}
                  </div>
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
