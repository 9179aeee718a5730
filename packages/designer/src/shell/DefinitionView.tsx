/**
 * The main area: the open definition in its visual editor and, as a second tab, as JSON
 * in monaco (lazy). Forms and entities use the form designer, app.json the app overview;
 * the other kinds use their editors from `editors/` when they exist.
 */
import { Alert, Button, Empty, Popconfirm, Space, Spin, Tabs, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { DefinitionKind } from '@ruleloom/schemas';
import { Component, lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { kindOfListedPath } from '../app/kinds.js';
import { deleteFileRecipe } from '../app/fileOps.js';
import { useCompiledApp } from '../compile/useCompiledApp.js';
import type { EditorContext } from '../editors/context.js';
import { showsOnCanvas } from '../forms-designer/canvasFocus.js';
import { EntityEditor } from '../forms-designer/EntityEditor.js';
import { FormDesigner } from '../forms-designer/FormDesigner.js';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { AppOverview } from './AppOverview.js';
import { editorOf } from './editorRegistry.js';
import { RenameDialog } from './FileDialogs.js';

const JsonView = lazy(() => import('../json/JsonView.js'));

/** Keeps a failing editor from taking the shell down; the JSON tab still works. */
class EditorBoundary extends Component<
  { readonly children: ReactNode; readonly resetKey: string },
  { readonly error?: string; readonly key: string }
> {
  override state: { readonly error?: string; readonly key: string } = { key: this.props.resetKey };
  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { key: string },
  ): { key: string; error?: undefined } | null {
    return props.resetKey !== state.key ? { key: props.resetKey, error: undefined } : null;
  }
  override render(): ReactNode {
    if (this.state.error) return <Alert type="error" showIcon title={this.state.error} />;
    return this.props.children;
  }
}

function VisualEditor(props: {
  readonly kind: DefinitionKind | undefined;
  readonly path: string;
  readonly context: EditorContext;
}): ReactNode {
  const { t } = useI18n();
  const store = useDesignerStore();
  if (props.kind === 'app') return <AppOverview />;
  if (props.kind === 'form') return <FormDesigner path={props.path} />;
  if (props.kind === 'entity') return <EntityEditor path={props.path} />;
  const Editor = props.kind ? editorOf(props.kind) : undefined;
  if (!Editor) return <Alert type="info" showIcon title={t('noEditorYet')} />;
  return (
    <Suspense fallback={<Spin />}>
      <Editor
        value={store.files[props.path]}
        onChange={(next) => store.setFile(props.path, next)}
        context={props.context}
      />
    </Suspense>
  );
}

/** True when the kind has a visual editor in this build. */
function hasVisual(kind: DefinitionKind | undefined): boolean {
  return (
    kind === 'app' ||
    kind === 'form' ||
    kind === 'entity' ||
    (kind !== undefined && editorOf(kind) !== undefined)
  );
}

/**
 * The view of the selected file.
 *
 * @example
 * <DefinitionView />
 */
export function DefinitionView(): ReactNode {
  const { t, locale } = useI18n();
  const store = useDesignerStore();
  const { result } = useCompiledApp();
  const path = store.state.selected;
  const info = path ? kindOfListedPath(store.files, path) : undefined;
  const kind: DefinitionKind | undefined = path === 'app.json' ? 'app' : info?.kind;
  const visual = hasVisual(kind);
  const [tab, setTab] = useState<string>(visual ? 'visual' : 'json');
  const [renaming, setRenaming] = useState(false);
  useEffect(() => setTab(visual ? 'visual' : 'json'), [path, visual]);
  // A problem clicked: the editors take `focusPointer` themselves; the form designer and
  // the entity editor leave to the JSON tab what their canvas cannot show.
  // Decided when the problem is clicked, not again on each edit that follows.
  const jsonFocus = useMemo(
    () =>
      !visual ||
      // The app overview shows a few settings; every problem of app.json is found in JSON.
      kind === 'app' ||
      ((kind === 'form' || kind === 'entity') &&
        !showsOnCanvas(kind, path ? store.files[path] : undefined, store.state.focusPointer)),
    [store.state.focusRequest, visual, kind],
  );
  useEffect(() => {
    if (store.state.focusPointer !== undefined && jsonFocus) setTab('json');
  }, [store.state.focusRequest, store.state.focusPointer, jsonFocus]);

  if (!path) return <Empty description={t('selectFile')} />;
  const value = store.files[path];
  if (value === undefined) return <Empty description={t('fileMissing', { path })} />;
  const context: EditorContext = {
    files: store.files,
    path,
    locale,
    diagnostics: (result?.diagnostics ?? []).filter((d) => (d.file ?? 'app.json') === path),
    focusPointer: store.state.focusPointer,
  };
  const json = (
    <Suspense fallback={<Spin />}>
      <div className="json-host">
        <JsonView
          path={path}
          kind={kind ?? 'unknown'}
          value={value}
          onChange={(next) => store.setFile(path, next, { coalesceKey: `json:${path}` })}
          focusPointer={store.state.focusPointer}
          focusRequest={store.state.focusRequest}
        />
      </div>
    </Suspense>
  );
  return (
    <div className="definition-view" data-testid="definition-view" data-path={path}>
      <div className="definition-header">
        <Typography.Text code data-testid="open-path">
          {path}
        </Typography.Text>
        {info && (
          <Space size="small">
            <Button size="small" icon={<EditOutlined />} onClick={() => setRenaming(true)}>
              {t('renameFile')}
            </Button>
            <Popconfirm
              title={t('deleteConfirm', { path })}
              okText={t('ok')}
              cancelText={t('cancel')}
              onConfirm={() => store.edit(deleteFileRecipe(path, info.list))}
            >
              <Button size="small" danger icon={<DeleteOutlined />}>
                {t('deleteFile')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      <Tabs
        className="definition-tabs"
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          ...(visual
            ? [
                {
                  key: 'visual',
                  label: t('visualTab'),
                  children: (
                    <EditorBoundary resetKey={path}>
                      {/* Keyed by path: another file of the same kind starts with nothing
                          selected (no drawer of the previous file left open). */}
                      <VisualEditor key={path} kind={kind} path={path} context={context} />
                    </EditorBoundary>
                  ),
                },
              ]
            : []),
          { key: 'json', label: t('jsonTab'), children: json },
        ]}
      />
      {renaming && info && (
        <RenameDialog path={path} list={info.list} onClose={() => setRenaming(false)} />
      )}
    </div>
  );
}
