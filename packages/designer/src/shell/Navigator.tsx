/**
 * The left navigation: the app's definition files by kind (实体, 表单, 流程, …, 测试) as
 * app.json lists them, with the number of problems of each file; `+` adds a file.
 */
import { PlusOutlined, QuestionCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { Badge, Button, Menu, Tooltip, type MenuProps } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { KINDS, kindOfListedPath, listedPaths, type KindInfo } from '../app/kinds.js';
import { useCompiledApp } from '../compile/useCompiledApp.js';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { AddFileDialog } from './FileDialogs.js';

function fileLabel(
  files: Readonly<Record<string, unknown>>,
  path: string,
  text: (v: unknown, f?: string) => string,
): string {
  const definition = files[path] as { label?: unknown; id?: unknown } | undefined;
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');
  return text(definition?.label, typeof definition?.id === 'string' ? definition.id : name);
}

/**
 * The navigation.
 *
 * @example
 * <Navigator />
 */
export function Navigator(): ReactNode {
  const { t, text } = useI18n();
  const store = useDesignerStore();
  const { result } = useCompiledApp();
  const [adding, setAdding] = useState<KindInfo>();
  const [openKeys, setOpenKeys] = useState<string[]>(['entities', 'forms']);
  // Show the file that is opened from elsewhere (a problem, a test result).
  const selected = store.state.selected;
  const selectedGroup = selected ? kindOfListedPath(store.files, selected)?.list : undefined;
  useEffect(() => {
    if (selectedGroup)
      setOpenKeys((keys) => (keys.includes(selectedGroup) ? keys : [...keys, selectedGroup]));
  }, [selectedGroup]);
  const errorsByFile = useMemo(() => {
    const counts = new Map<string, number>();
    for (const d of result?.diagnostics ?? []) {
      if (d.severity !== 'error') continue;
      const file = d.file ?? 'app.json';
      counts.set(file, (counts.get(file) ?? 0) + 1);
    }
    return counts;
  }, [result]);

  const items: MenuProps['items'] = [
    {
      key: 'app.json',
      icon: <SettingOutlined />,
      label: <span data-nav="app.json">{t('appSettings')}</span>,
    },
    ...KINDS.map((info) => {
      const paths = listedPaths(store.files, info.list);
      return {
        key: info.list,
        label: (
          <span className="nav-group" data-nav-group={info.list}>
            {info.list === 'entities' ? (
              // 实体 is the word Chinese low-code tools use; say once what it means.
              <Tooltip title={t('entityHint')} placement="right">
                <span className="nav-term" data-testid="entity-hint">
                  {t(`kind.${info.list}`)} <QuestionCircleOutlined className="nav-term-icon" />
                </span>
              </Tooltip>
            ) : (
              t(`kind.${info.list}`)
            )}{' '}
            <span className="nav-count">{paths.length}</span>
            <Tooltip title={t('addFile')}>
              <Button
                size="small"
                type="text"
                className="nav-add"
                data-testid={`add-${info.list}`}
                icon={<PlusOutlined />}
                onClick={(event) => {
                  event.stopPropagation();
                  setAdding(info);
                }}
              />
            </Tooltip>
          </span>
        ),
        children: paths.map((path) => ({
          key: path,
          label: (
            <span className="nav-file" data-nav={path} title={path}>
              <span className="nav-file-label">{fileLabel(store.files, path, text)}</span>
              {(errorsByFile.get(path) ?? 0) > 0 && (
                <Badge count={errorsByFile.get(path)} size="small" />
              )}
            </span>
          ),
        })),
      };
    }),
  ];

  return (
    <nav className="navigator" data-testid="navigator">
      <Menu
        mode="inline"
        items={items}
        selectedKeys={store.state.selected ? [store.state.selected] : []}
        openKeys={openKeys}
        onOpenChange={setOpenKeys}
        onClick={({ key }) => store.select(key)}
      />
      {adding && <AddFileDialog info={adding} onClose={() => setAdding(undefined)} />}
    </nav>
  );
}
