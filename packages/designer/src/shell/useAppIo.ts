/**
 * Loading and saving the app: from `ruleloom serve` when the designer is served by it,
 * else from a folder or .zip opened in the browser; saving writes the changed files
 * through the API (or downloads a .zip when there is no server).
 */
import { App as AntApp } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { manifestOf } from '../app/kinds.js';
import { useI18n } from '../i18n/I18n.js';
import {
  downloadBlob,
  readPickedFolder,
  readZip,
  zipApp,
  type LocalApp,
} from '../io/localFiles.js';
import { prefetchServedApp, saveToServer } from '../io/serverApi.js';
import { useDesignerStore } from '../store/DesignerStore.js';

/** The commands of the header that read and write the app. */
export interface AppIo {
  /** True until the first load attempt is over. */
  readonly loading: boolean;
  readonly saving: boolean;
  save(): Promise<void>;
  openFolder(files: FileList): Promise<void>;
  openZip(file: File): Promise<void>;
  downloadZip(): Promise<void>;
  /** Asks before discarding unsaved changes; true when it may go on. */
  confirmDiscard(): boolean;
}

/**
 * The app's io, bound to the store.
 *
 * @example
 * const io = useAppIo(); <Button onClick={io.save}>保存</Button>
 */
export function useAppIo(): AppIo {
  const store = useDesignerStore();
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);
  const { load } = store;

  useEffect(() => {
    let cancelled = false;
    void prefetchServedApp().then((app) => {
      if (cancelled) return;
      if (app) load(app.name, 'server', app.files, app.unreadable);
      setLoading(false);
    });
    return () => {
      cancelled = true;
    };
  }, [load]);

  const confirmDiscard = useCallback(
    (): boolean => !store.dirty || globalThis.confirm(t('discardConfirm')),
    [store.dirty, t],
  );

  const openLocal = (app: LocalApp | undefined, origin: 'folder' | 'zip'): void => {
    if (!app) {
      void message.error(t('noAppJson'));
      return;
    }
    store.load(app.name, origin, app.files, app.unreadable);
  };

  const downloadZip = async (): Promise<void> => {
    const name = manifestOf(store.files)?.id ?? store.state.appName ?? 'app';
    downloadBlob(await zipApp(name, store.files), `${name}.zip`);
  };

  const save = async (): Promise<void> => {
    if (store.changed.length === 0) {
      void message.info(t('nothingToSave'));
      return;
    }
    if (store.state.origin !== 'server') {
      await downloadZip();
      store.markSaved(store.files);
      return;
    }
    const files = store.files;
    const writes = Object.fromEntries(
      store.changed.filter((path) => path in files).map((path) => [path, files[path]]),
    );
    const deletes = store.changed.filter((path) => !(path in files));
    setSaving(true);
    try {
      await saveToServer(writes, deletes);
      store.markSaved(files);
      void message.success(t('saved', { count: store.changed.length }));
    } catch (error) {
      void message.error(
        t('saveFailed', { detail: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setSaving(false);
    }
  };

  return {
    loading,
    saving,
    save,
    confirmDiscard,
    downloadZip,
    openFolder: async (list) => openLocal(await readPickedFolder(list), 'folder'),
    openZip: async (file) => openLocal(await readZip(file, file.name), 'zip'),
  };
}
