/** The React Flow parts of the pipeline canvas: the stage node and the transition edge. */
import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  Handle,
  Position,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import { LockOutlined } from '@ant-design/icons';
import { Badge, Tag } from 'antd';
import type { ReactElement } from 'react';

/** What a stage node shows. */
export interface StageNodeData extends Record<string, unknown> {
  readonly label: string;
  readonly stageId: string;
  readonly color?: string;
  readonly initial: boolean;
  readonly final: boolean;
  /** Number of diagnostics on the stage. */
  readonly problems: number;
  readonly initialText: string;
  readonly finalText: string;
}

/** What a transition edge shows. */
export interface TransitionEdgeData extends Record<string, unknown> {
  readonly label: string;
  readonly problems: number;
  readonly gated: boolean;
  readonly fromAny: boolean;
  /** The label's tooltip (what a click on it opens). */
  readonly title?: string;
  readonly onSelect: () => void;
}

export type StageFlowNode = Node<StageNodeData, 'stage'>;
export type TransitionFlowEdge = Edge<TransitionEdgeData, 'transition'>;

const COLORS: Readonly<Record<string, string>> = {
  red: '#ff4d4f',
  orange: '#fa8c16',
  yellow: '#fadb14',
  green: '#52c41a',
  blue: '#1677ff',
  purple: '#722ed1',
  grey: '#8c8c8c',
};

/** A stage: its label and id, initial / final tags, and a red badge with its problems. */
export function StageNode({ data, selected }: NodeProps<StageFlowNode>): ReactElement {
  const accent = COLORS[data.color ?? ''] ?? '#d9d9d9';
  return (
    <Badge count={data.problems} size="small" title={String(data.problems)}>
      <div
        className="rl-stage-node"
        data-stage={data.stageId}
        data-problems={data.problems}
        style={{
          width: 170,
          minHeight: 56,
          padding: '6px 10px',
          background: '#fff',
          border: `2px solid ${data.problems > 0 ? '#ff4d4f' : selected ? '#1677ff' : '#d9d9d9'}`,
          borderLeft: `6px solid ${accent}`,
          borderRadius: 8,
          boxShadow: selected ? '0 0 0 3px rgba(22,119,255,0.2)' : undefined,
        }}
      >
        <Handle type="target" position={Position.Left} />
        <div style={{ fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {data.label}
        </div>
        <div style={{ fontSize: 11, color: '#8c8c8c' }}>
          {data.stageId}
          {data.initial && (
            <Tag color="blue" style={{ marginLeft: 4, fontSize: 10, lineHeight: '16px' }}>
              {data.initialText}
            </Tag>
          )}
          {data.final && (
            <Tag style={{ marginLeft: 4, fontSize: 10, lineHeight: '16px' }}>{data.finalText}</Tag>
          )}
        </div>
        <Handle type="source" position={Position.Right} />
      </div>
    </Badge>
  );
}

/** A transition: a curve with a clickable label (a lock when gated) and a red problem badge. */
export function TransitionEdge(props: EdgeProps<TransitionFlowEdge>): ReactElement {
  const { data, selected } = props;
  const [path, labelX, bezierLabelY] = getBezierPath(props);
  // A move back (right to left) shares its stages with the forward move: its label goes lower.
  const labelY = props.targetX < props.sourceX ? bezierLabelY + 32 : bezierLabelY;
  const problems = data?.problems ?? 0;
  const stroke = problems > 0 ? '#ff4d4f' : selected ? '#1677ff' : '#8c8c8c';
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        style={{ stroke, strokeWidth: 2, strokeDasharray: data?.fromAny ? '6 4' : undefined }}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          className="nodrag nopan rl-transition-label"
          data-problems={problems}
          title={data?.title}
          onClick={data?.onSelect}
          style={{
            position: 'absolute',
            transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
            pointerEvents: 'all',
            fontSize: 13,
            background: '#fff',
            border: `1px solid ${stroke}`,
            borderRadius: 10,
            padding: '2px 10px',
            cursor: 'pointer',
          }}
        >
          {data?.gated && <LockOutlined style={{ marginRight: 4 }} />}
          {data?.label}
          {problems > 0 && (
            <Badge
              count={problems}
              size="small"
              style={{ marginLeft: 4 }}
              title={String(problems)}
            />
          )}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const nodeTypes = { stage: StageNode };
export const edgeTypes = { transition: TransitionEdge };
