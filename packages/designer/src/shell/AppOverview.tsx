/**
 * The visual view of app.json — what a new app opens on when it has no form yet: the
 * app's name, its users' language, time zone and business calendar, and what the app
 * holds by kind, each with `新建` (the order an admin builds in: entities, then forms and
 * pipelines on them). Roles, sample data and the file lists stay in the JSON tab.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Select, Typography } from 'antd';
import type { Draft } from 'immer';
import { useState, type ReactNode } from 'react';
import type { AppFiles } from '../app/fileOps.js';
import { KINDS, listedPaths, manifestOf, type KindInfo } from '../app/kinds.js';
import { BilingualFields } from '../forms-designer/BilingualFields.js';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { AddFileDialog } from './FileDialogs.js';

/** Time zones offered first; the app's own zone is added when it is another one. */
const ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'UTC',
];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

interface AppSettings {
  name?: unknown;
  locale?: string;
  zone?: string;
  calendar?: {
    region?: string;
    workweek?: number[];
    workingHours?: { start: string; end: string }[];
  };
  [key: string]: unknown;
}

/** Sets (or, with `undefined`, removes) one property of app.json. */
function setManifest(
  change: (manifest: Draft<AppSettings>) => void,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const manifest = draft['app.json'];
    if (typeof manifest === 'object' && manifest !== null) change(manifest as Draft<AppSettings>);
  };
}

/**
 * The app overview.
 *
 * @example
 * <AppOverview />
 */
export function AppOverview(): ReactNode {
  const { t } = useI18n();
  const store = useDesignerStore();
  const [adding, setAdding] = useState<KindInfo>();
  const manifest = (manifestOf(store.files) ?? {}) as AppSettings;
  const calendar = manifest.calendar ?? {};
  const zone = manifest.zone ?? 'Asia/Shanghai';
  const edit = (change: (m: Draft<AppSettings>) => void, coalesceKey?: string): void =>
    store.edit(setManifest(change), coalesceKey ? { coalesceKey } : {});
  const setCalendar = (property: 'region' | 'workweek', value: unknown): void =>
    edit((m) => {
      m.calendar = { ...m.calendar, [property]: value };
    });
  const weekdayNames = t('weekdays').split(',');
  const hours = (
    calendar.workingHours ?? [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ]
  )
    .map((span) => `${span.start}–${span.end}`)
    .join(t('listSeparator'));

  return (
    <div className="app-overview" data-testid="app-overview">
      <Typography.Title level={4}>{t('appOverview')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('appOverviewHint')}</Typography.Paragraph>
      <div className="app-overview-cards">
        <Card size="small" title={t('appContents')}>
          {KINDS.map((info) => (
            <div key={info.list} className="app-overview-kind" data-overview-kind={info.list}>
              <span>
                {t(`kind.${info.list}`)}{' '}
                <Typography.Text type="secondary">
                  {listedPaths(store.files, info.list).length}
                </Typography.Text>
              </span>
              <Button
                size="small"
                icon={<PlusOutlined />}
                data-testid={`overview-add-${info.list}`}
                onClick={() => setAdding(info)}
              >
                {t('addFile')}
              </Button>
            </div>
          ))}
        </Card>
        <Card size="small" title={t('appBasics')}>
          <Form layout="vertical" size="small">
            <BilingualFields
              value={manifest.name}
              labels={[t('appNameZh'), t('appNameEn')]}
              testId="app-name"
              onChange={(next, locale) =>
                edit((m) => {
                  m.name = next ?? { 'zh-CN': '' };
                }, `app.json#name.${locale}`)
              }
            />
            <Form.Item label={t('appLocale')}>
              <Select
                data-testid="app-locale"
                value={manifest.locale ?? 'zh-CN'}
                options={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
                onChange={(locale: string) =>
                  edit((m) => {
                    m.locale = locale;
                  })
                }
              />
            </Form.Item>
            <Form.Item label={t('appZone')} extra={t('appZoneHint')}>
              <Select
                data-testid="app-zone"
                value={zone}
                options={(ZONES.includes(zone) ? ZONES : [zone, ...ZONES]).map((value) => ({
                  value,
                  label: value === 'Asia/Shanghai' ? t('zoneBeijing') : value,
                }))}
                onChange={(next: string) =>
                  edit((m) => {
                    m.zone = next;
                  })
                }
              />
            </Form.Item>
            <Form.Item label={t('appHolidays')}>
              <Select
                data-testid="app-holidays"
                value={calendar.region ?? 'CN'}
                options={[
                  { value: 'CN', label: t('holidaysCN') },
                  { value: 'none', label: t('holidaysNone') },
                ]}
                onChange={(region: string) => setCalendar('region', region)}
              />
            </Form.Item>
            <Form.Item label={t('appWorkweek')} extra={t('appWorkingHours', { hours })}>
              <Checkbox.Group
                data-testid="app-workweek"
                value={calendar.workweek ?? [1, 2, 3, 4, 5]}
                options={WEEKDAYS.map((day) => ({
                  value: day,
                  label: weekdayNames[day - 1] ?? String(day),
                }))}
                onChange={(days) => {
                  if (days.length > 0) setCalendar('workweek', [...days].sort());
                }}
              />
            </Form.Item>
          </Form>
        </Card>
      </div>
      {adding && <AddFileDialog info={adding} onClose={() => setAdding(undefined)} />}
    </div>
  );
}
