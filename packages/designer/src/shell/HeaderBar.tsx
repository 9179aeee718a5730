/**
 * The header: the app's name and where it lives, undo / redo / save, open and download,
 * run tests, try it (the simulator), and the language switch.
 */
import {
  CloudDownloadOutlined,
  ExperimentOutlined,
  FileZipOutlined,
  FolderOpenOutlined,
  PlayCircleOutlined,
  RedoOutlined,
  SaveOutlined,
  TranslationOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Badge, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, type ReactNode } from 'react';
import { manifestOf } from '../app/kinds.js';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import type { AppIo } from './useAppIo.js';

const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
const mod = isMac ? '⌘' : 'Ctrl+';

/**
 * The header bar.
 *
 * @example
 * <HeaderBar io={io} onRunTests={run} simulating={false} onSimulate={open} />
 */
export function HeaderBar(props: {
  readonly io: AppIo;
  readonly onRunTests: () => void;
  /** The simulator (试运行) is open. */
  readonly simulating: boolean;
  /** Opens the simulator, or goes back to the editors when it is open. */
  readonly onSimulate: () => void;
}): ReactNode {
  const { t, text, locale, setLocale } = useI18n();
  const store = useDesignerStore();
  const folderInput = useRef<HTMLInputElement>(null);
  const zipInput = useRef<HTMLInputElement>(null);
  const manifest = manifestOf(store.files);
  const hasApp = manifest !== undefined;
  return (
    <header className="header-bar">
      <Space size="middle" className="header-title">
        <Typography.Text strong className="brand">
          {t('appTitle')}
        </Typography.Text>
        {hasApp && (
          <Typography.Text data-testid="app-name">
            {text(manifest?.name, store.state.appName)}
          </Typography.Text>
        )}
        {hasApp && (
          <Tag color={store.state.origin === 'server' ? 'green' : 'default'}>
            {store.state.origin === 'server' ? t('online') : t('offline')}
          </Tag>
        )}
        {hasApp && (
          <Typography.Text type={store.dirty ? 'warning' : 'secondary'} data-testid="dirty-state">
            {store.dirty ? t('unsaved', { count: store.changed.length }) : t('allSaved')}
          </Typography.Text>
        )}
      </Space>
      <Space size="small" wrap>
        <Tooltip title={`${t('undo')} (${mod}Z)`}>
          <Button
            icon={<UndoOutlined />}
            disabled={!store.canUndo}
            onClick={store.undo}
            data-testid="undo"
            aria-label={t('undo')}
          />
        </Tooltip>
        <Tooltip title={`${t('redo')} (${isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z'})`}>
          <Button
            icon={<RedoOutlined />}
            disabled={!store.canRedo}
            onClick={store.redo}
            data-testid="redo"
            aria-label={t('redo')}
          />
        </Tooltip>
        <Tooltip title={`${t('save')} (${mod}S)`}>
          <Badge dot={store.dirty}>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={props.io.saving}
              disabled={!hasApp}
              onClick={() => void props.io.save()}
              data-testid="save"
            >
              {t('save')}
            </Button>
          </Badge>
        </Tooltip>
        <Button
          icon={<ExperimentOutlined />}
          disabled={!hasApp}
          onClick={props.onRunTests}
          data-testid="run-tests"
        >
          {t('runTests')}
        </Button>
        <Button
          icon={<PlayCircleOutlined />}
          type={props.simulating ? 'primary' : 'default'}
          ghost={props.simulating}
          disabled={!hasApp}
          onClick={props.onSimulate}
          aria-pressed={props.simulating}
          data-testid="open-simulator"
        >
          {t('sim.open')}
        </Button>
        <Button
          icon={<FolderOpenOutlined />}
          onClick={() => props.io.confirmDiscard() && folderInput.current?.click()}
        >
          {t('openFolder')}
        </Button>
        <Button
          icon={<FileZipOutlined />}
          onClick={() => props.io.confirmDiscard() && zipInput.current?.click()}
        >
          {t('openZip')}
        </Button>
        <Button
          icon={<CloudDownloadOutlined />}
          disabled={!hasApp}
          onClick={() => void props.io.downloadZip()}
        >
          {t('downloadZip')}
        </Button>
        <Button
          icon={<TranslationOutlined />}
          onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
          data-testid="language"
        >
          {t('language')}
        </Button>
      </Space>
      <input
        ref={folderInput}
        type="file"
        hidden
        multiple
        {...({ webkitdirectory: '' } as object)}
        onChange={(event) => {
          if (event.target.files) void props.io.openFolder(event.target.files);
          event.target.value = '';
        }}
      />
      <input
        ref={zipInput}
        type="file"
        hidden
        accept=".zip,application/zip"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void props.io.openZip(file);
          event.target.value = '';
        }}
      />
    </header>
  );
}
