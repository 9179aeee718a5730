/**
 * The designer's shell: header, navigation on the left, the open definition in the
 * middle, problems at the bottom, and the test results drawer.
 */
import { Empty, Spin } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { runAppTests, type AppTestRun } from '../tests-runner/runAppTests.js';
import { TestsDrawer } from '../tests-runner/TestsDrawer.js';
import { DefinitionView } from './DefinitionView.js';
import { HeaderBar } from './HeaderBar.js';
import { Navigator } from './Navigator.js';
import { ProblemsPanel } from './ProblemsPanel.js';
import { useAppIo } from './useAppIo.js';
import { useShortcuts, useUnsavedGuard } from './useShortcuts.js';

/**
 * The whole designer screen.
 *
 * @example
 * <Shell />
 */
export function Shell(): ReactNode {
  const { t } = useI18n();
  const store = useDesignerStore();
  const io = useAppIo();
  const [testRun, setTestRun] = useState<AppTestRun>();
  const [testsOpen, setTestsOpen] = useState(false);
  const shortcuts = useMemo(
    () => ({ undo: store.undo, redo: store.redo, save: () => void io.save() }),
    [store.undo, store.redo, io],
  );
  useShortcuts(shortcuts);
  useUnsavedGuard(store.dirty);
  const hasApp = Object.keys(store.files).length > 0;

  const runTests = (): void => {
    setTestsOpen(true);
    setTestRun(undefined);
    void runAppTests({ files: store.files, unreadable: store.state.unreadable }).then(setTestRun);
  };

  return (
    <div className="shell">
      <HeaderBar io={io} onRunTests={runTests} />
      {io.loading ? (
        <div className="shell-empty">
          <Spin />
        </div>
      ) : !hasApp ? (
        <div className="shell-empty">
          <Empty description={t('noApp')} />
        </div>
      ) : (
        <div className="shell-body">
          <Navigator />
          <main className="shell-main">
            <div className="shell-editor">
              <DefinitionView />
            </div>
            <ProblemsPanel />
          </main>
        </div>
      )}
      <TestsDrawer run={testRun} open={testsOpen} onClose={() => setTestsOpen(false)} />
    </div>
  );
}
