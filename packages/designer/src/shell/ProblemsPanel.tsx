/**
 * The problems panel: the diagnostics of `compileApp` — the ones `ruleloom validate`
 * prints — in the UI language, with their fixes. A click opens the file at the problem.
 */
import type { Diagnostic } from '@ruleloom/engine';
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useCompiledApp } from '../compile/useCompiledApp.js';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';

const COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;

/**
 * The panel.
 *
 * @example
 * <ProblemsPanel />
 */
export function ProblemsPanel(): ReactNode {
  const { t, locale } = useI18n();
  const store = useDesignerStore();
  const { result } = useCompiledApp();
  const diagnostics = result?.diagnostics ?? [];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return (
    <section className="problems-panel" data-testid="problems-panel">
      <div className="problems-title">
        <Typography.Text strong>{t('problems')}</Typography.Text>
        <Typography.Text type={errors > 0 ? 'danger' : 'secondary'} data-testid="problems-count">
          {t('errorsWarnings', { errors, warnings })}
        </Typography.Text>
      </div>
      <Table<Diagnostic & { key: number }>
        size="small"
        pagination={false}
        scroll={{ y: 150 }}
        locale={{ emptyText: t('noProblems') }}
        dataSource={diagnostics.map((d, key) => ({ ...d, key }))}
        onRow={(d) => ({
          onClick: () => store.select(d.file ?? 'app.json', d.pointer),
          className: 'problem-row',
          'data-code': d.code,
          'data-file': d.file ?? 'app.json',
        })}
        columns={[
          {
            title: t('severity'),
            dataIndex: 'severity',
            width: 80,
            render: (severity: Diagnostic['severity']) => (
              <Tag color={COLORS[severity]}>{t(`severity.${severity}`)}</Tag>
            ),
          },
          {
            title: t('file'),
            width: 300,
            ellipsis: { showTitle: false },
            // The file on one line, where in it on the next; each cut short with the whole
            // place in a tooltip (pointers into pipelines run long).
            render: (_, d) => {
              const file = d.file ?? 'app.json';
              return (
                <Tooltip title={file + (d.pointer ? `#${d.pointer}` : '')} placement="topLeft">
                  <span className="problem-place" data-testid="problem-place">
                    <Typography.Text code className="problem-file">
                      {file}
                    </Typography.Text>
                    {d.pointer && (
                      <Typography.Text type="secondary" className="problem-pointer">
                        {d.pointer}
                      </Typography.Text>
                    )}
                  </span>
                </Tooltip>
              );
            },
          },
          {
            title: t('message'),
            render: (_, d) => (
              <span>
                <Typography.Text type="secondary">{d.code} </Typography.Text>
                {d.message[locale]}
              </span>
            ),
          },
          {
            title: t('fix'),
            render: (_, d) => <Typography.Text type="secondary">{d.hint[locale]}</Typography.Text>,
          },
        ]}
      />
    </section>
  );
}
