import '@xyflow/react/dist/style.css';
import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  type Connection,
  type NodeChange,
  type ReactFlowInstance,
} from '@xyflow/react';
import { Alert, Button, Space, Typography } from 'antd';
import type { PipelineDefinition } from '@ruleloom/schemas';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { EditorProps } from '../context.js';
import { roleOptions } from '../common/appInfo.js';
import { conditionFields, findEntity } from '../common/entityFields.js';
import { localize, t } from '../i18n.js';
import { edgeTypes, nodeTypes, type StageFlowNode, type TransitionFlowEdge } from './flowParts.js';
import { GATE_DRAWER_WIDTH, GateEditor } from './GateEditor.js';
import {
  selectionAt,
  stageDiagnostics,
  transitionDiagnostics,
  transitionLinks,
  type PipelineSelection,
  type Position,
} from './graph.js';
import { autoLayout, keepPlaces, placeStages, stagePositions } from './layout.js';
import {
  addStage,
  connectStages,
  deleteStage,
  deleteTransition,
  renameStageId,
  updateStage,
  updateTransition,
} from './pipelineEdits.js';
import { StagePanel } from './StagePanel.js';
import { viewportShowing } from './viewport.js';

type Size = { width: number; height: number };

/**
 * The pipeline designer: stages as nodes and transitions as edges (@xyflow/react). Drag from
 * a stage's right handle to another stage to add a transition; click a transition to edit
 * its gate and approvals in a drawer; click a stage to edit it and its entry gate. Stages and
 * transitions with diagnostics carry a red badge; `focusPointer` selects the stage or
 * transition it points into.
 *
 * Stages are drawn where the pipeline's `layout.positions` says (the engine ignores it), else
 * where dagre lays them out. A drag is one edit when the stage is dropped (one undo step),
 * saving every stage's place, rounded to whole pixels; 自动布局 saves the dagre layout.
 */
export function PipelineEditor({
  value,
  onChange,
  context,
}: EditorProps<PipelineDefinition>): ReactElement {
  const { locale, diagnostics, files } = context;
  const shown = useMemo(() => stagePositions(value), [value]);
  // Where stages are while they are being dragged; saved (and cleared) when dropped.
  const [dragged, setDragged] = useState<Readonly<Record<string, Position>>>({});
  const [sizes, setSizes] = useState<Record<string, Size>>({});
  const [selection, setSelection] = useState<PipelineSelection | undefined>(undefined);
  const [seenFocus, setSeenFocus] = useState<string | undefined>(undefined);
  const [flow, setFlow] = useState<ReactFlowInstance<StageFlowNode, TransitionFlowEdge>>();
  const [notice, setNotice] = useState<string>();
  const canvasRef = useRef<HTMLDivElement>(null);

  if (context.focusPointer !== seenFocus) {
    setSeenFocus(context.focusPointer);
    const focused = selectionAt(context.focusPointer);
    if (focused) setSelection(focused);
  }

  const entity = findEntity(files, value.entity);
  const fields = useMemo(() => conditionFields(entity, locale), [entity, locale]);
  const parties = useMemo(
    () => ({
      roles: roleOptions(files, locale),
      userFields: fields
        .filter((f) => f.type === 'user')
        .map((f) => ({ value: f.id, label: `${f.label} (${f.id})` })),
    }),
    [files, locale, fields],
  );
  const stageOptions = value.stages.map((s) => ({
    value: s.id,
    label: localize(s.label, locale, s.id),
  }));

  const nodes: StageFlowNode[] = value.stages.map((stage, index) => ({
    id: stage.id,
    type: 'stage',
    position: dragged[stage.id] ?? shown[stage.id] ?? { x: 0, y: 0 },
    selected: selection?.kind === 'stage' && selection.index === index,
    ...(sizes[stage.id] ? { measured: sizes[stage.id] } : {}),
    data: {
      label: localize(stage.label, locale, stage.id),
      stageId: stage.id,
      ...(stage.color ? { color: stage.color } : {}),
      initial: value.initialStage === stage.id,
      final: stage.final === true,
      problems: stageDiagnostics(diagnostics, index).length,
      initialText: t(locale, 'pipeInitial'),
      finalText: t(locale, 'pipeFinal'),
    },
  }));

  const edges: TransitionFlowEdge[] = transitionLinks(value).map((link) => {
    const transition = value.transitions?.[link.index];
    return {
      id: link.id,
      type: 'transition',
      source: link.source,
      target: link.target,
      selected: selection?.kind === 'transition' && selection.index === link.index,
      markerEnd: { type: MarkerType.ArrowClosed },
      data: {
        label: localize(transition?.label, locale, transition?.id ?? ''),
        problems: transitionDiagnostics(diagnostics, link.index).length,
        gated: Boolean(transition?.gate || transition?.approvals?.length),
        fromAny: link.fromAny,
        title: t(locale, 'pipeEdgeTitle'),
        onSelect: () => setSelection({ kind: 'transition', index: link.index }),
      },
    };
  });

  const onNodesChange = (changes: NodeChange<StageFlowNode>[]): void => {
    const moving: Record<string, Position> = {};
    const dropped: Record<string, Position> = {};
    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        // React Flow reports `dragging: false` when a drag ends or an arrow key moves a stage.
        (change.dragging ? moving : dropped)[change.id] = change.position;
      } else if (change.type === 'dimensions' && change.dimensions) {
        const size = change.dimensions;
        setSizes((s) => ({ ...s, [change.id]: size }));
      } else if (change.type === 'select' && change.selected) {
        const index = value.stages.findIndex((s) => s.id === change.id);
        if (index >= 0) setSelection({ kind: 'stage', index });
      }
    }
    if (Object.keys(moving).length > 0) setDragged((d) => ({ ...d, ...moving }));
    if (Object.keys(dropped).length > 0) {
      setDragged({});
      const next = placeStages(value, { ...shown, ...dropped });
      if (next !== value) onChange(next);
    }
  };

  const onConnect = (connection: Connection): void => {
    const next = connectStages(value, connection.source, connection.target);
    if (next === value) return;
    onChange(keepPlaces(value, next));
    setSelection({ kind: 'transition', index: (next.transitions?.length ?? 1) - 1 });
  };

  const layOut = (): void => {
    const next = autoLayout(value);
    if (next !== value) onChange(next);
    requestAnimationFrame(() => void flow?.fitView());
  };

  // A transition opened (a click, a problem, a new connection): show its stages, readable, in
  // the part of the canvas the gate drawer leaves free.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (selection?.kind !== 'transition' || !flow || !canvas) return;
    const ids = new Set(
      transitionLinks(value)
        .filter((link) => link.index === selection.index)
        .flatMap((link) => [link.source, link.target]),
    );
    const rect = canvas.getBoundingClientRect();
    const covered = Math.max(0, rect.right - (window.innerWidth - GATE_DRAWER_WIDTH));
    const viewport = viewportShowing(
      [...ids].flatMap((id) => (shown[id] ? [shown[id]] : [])),
      { width: rect.width - covered, height: rect.height },
    );
    if (viewport) void flow.setViewport(viewport, { duration: 300 });
    // Only a newly opened transition moves the view, not each edit of its gate.
  }, [selection, flow]);

  const selectedStage = selection?.kind === 'stage' ? value.stages[selection.index] : undefined;
  const selectedTransition =
    selection?.kind === 'transition' ? value.transitions?.[selection.index] : undefined;

  return (
    <div className="rl-pipeline-editor">
      <Space wrap style={{ marginBottom: 8 }}>
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            const added = addStage(value, t(locale, 'pipeNewStage'));
            onChange(keepPlaces(value, added.pipeline));
            setSelection({ kind: 'stage', index: added.pipeline.stages.length - 1 });
          }}
        >
          {t(locale, 'pipeAddStage')}
        </Button>
        <Button icon={<ApartmentOutlined />} onClick={layOut}>
          {t(locale, 'pipeAutoLayout')}
        </Button>
        <Typography.Text type="secondary">{t(locale, 'pipeHint')}</Typography.Text>
      </Space>
      {notice && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setNotice(undefined) }}
          title={notice}
          style={{ marginBottom: 8 }}
        />
      )}
      <div style={{ display: 'flex', gap: 8 }}>
        <div
          ref={canvasRef}
          style={{ flex: 1, height: 560, border: '1px solid #f0f0f0', borderRadius: 8 }}
        >
          <ReactFlow<StageFlowNode, TransitionFlowEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onConnect={onConnect}
            onEdgeClick={(_, edge) => {
              const index = Number(/^t(\d+):/.exec(edge.id)?.[1]);
              if (Number.isInteger(index)) setSelection({ kind: 'transition', index });
            }}
            onPaneClick={() => setSelection(undefined)}
            onInit={setFlow}
            deleteKeyCode={null}
            // Dropping a new transition near a stage's left edge is enough, not only on the dot.
            connectionRadius={60}
            fitView
          >
            <Background />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
        {selectedStage && selection?.kind === 'stage' && (
          <StagePanel
            key={selection.index}
            stage={selectedStage}
            initial={value.initialStage === selectedStage.id}
            canDelete={value.initialStage !== selectedStage.id && value.stages.length > 2}
            fields={fields}
            diagnostics={stageDiagnostics(diagnostics, selection.index)}
            locale={locale}
            onChange={(stage) => onChange(updateStage(value, selectedStage.id, () => stage))}
            onRenameId={(id) => {
              const next = renameStageId(value, selectedStage.id, id);
              if (next === value) return;
              onChange(next);
            }}
            onMakeInitial={() => onChange({ ...value, initialStage: selectedStage.id })}
            onDelete={() => {
              if (value.initialStage === selectedStage.id) {
                setNotice(t(locale, 'pipeStageUsed', { stage: selectedStage.id }));
                return;
              }
              if (value.stages.length <= 2) {
                setNotice(t(locale, 'pipeMinStages'));
                return;
              }
              setSelection(undefined);
              onChange(deleteStage(value, selectedStage.id));
            }}
          />
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(locale, 'pipePositionsNote')}
      </Typography.Text>
      <GateEditor
        transition={selectedTransition}
        stages={stageOptions}
        fields={fields}
        parties={parties}
        locale={locale}
        diagnostics={
          selection?.kind === 'transition'
            ? transitionDiagnostics(diagnostics, selection.index)
            : []
        }
        {...(entity ? {} : { warning: t(locale, 'gateNoEntity', { entity: value.entity }) })}
        onClose={() => setSelection(undefined)}
        onChange={(transition) => {
          if (selection?.kind === 'transition') {
            onChange(updateTransition(value, selection.index, transition));
          }
        }}
        onDelete={() => {
          if (selection?.kind !== 'transition') return;
          setSelection(undefined);
          onChange(deleteTransition(value, selection.index));
        }}
      />
    </div>
  );
}
