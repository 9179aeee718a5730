/**
 * The designer's shell: header, navigation on the left, the open definition in the
 * middle, problems at the bottom, the test results drawer, and the simulator (试运行) in
 * place of the editors when it is open.
 */
import { Empty, Spin } from 'antd';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
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

// Loaded when first opened: the first screen does not carry it.
const SimulatorView = lazy(() => import('../simulator/SimulatorView.js'));

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
  // Once opened, the simulator stays mounted (hidden) so its run survives a visit to the editors.
  const [simulator, setSimulator] = useState<'closed' | 'open' | 'hidden'>('closed');
  const simulating = simulator === 'open';
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
      <HeaderBar
        io={io}
        onRunTests={runTests}
        simulating={simulating}
        onSimulate={() => setSimulator(simulating ? 'hidden' : 'open')}
      />
      {io.loading ? (
        <div className="shell-empty">
          <Spin />
        </div>
      ) : !hasApp ? (
        <div className="shell-empty">
          <Empty description={t('noApp')} />
        </div>
      ) : (
        <>
          <div className="shell-body" style={simulating ? { display: 'none' } : undefined}>
            <Navigator />
            <main className="shell-main">
              <div className="shell-editor">
                <DefinitionView />
              </div>
              <ProblemsPanel />
            </main>
          </div>
          {simulator !== 'closed' && (
            <div className="shell-simulator" style={simulating ? undefined : { display: 'none' }}>
              <Suspense
                fallback={
                  <div className="shell-empty">
                    <Spin />
                  </div>
                }
              >
                <SimulatorView key={store.state.appName} onBack={() => setSimulator('hidden')} />
              </Suspense>
            </div>
          )}
        </>
      )}
      <TestsDrawer run={testRun} open={testsOpen} onClose={() => setTestsOpen(false)} />
    </div>
  );
}
