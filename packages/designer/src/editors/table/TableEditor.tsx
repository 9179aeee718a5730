import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Tooltip } from 'antd';
import { compileTable, type CompiledTable, type Diagnostic } from '@ruleloom/engine';
import type { TableDefinition, TableInput, TableOutput } from '@ruleloom/schemas';
import { useMemo, useState, type ReactElement } from 'react';
import type { EditorProps } from '../context.js';
import { diagnosticsWithin, pointerWithin } from '../common/pointers.js';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { t, type EditorLocale } from '../i18n.js';
import { ColumnHeader } from './ColumnHeader.js';
import {
  addColumn,
  addRow,
  cellText,
  moveRow,
  removeColumn,
  removeRow,
  setHitPolicy,
  setThen,
  setWhen,
  textToCell,
  updateInput,
  updateOutput,
  updateRow,
} from './tableEdits.js';
import { TableTry } from './TableTry.js';

const HIT_POLICIES = ['first', 'unique', 'priority', 'any', 'collect', 'rule-order'] as const;
const AGGREGATORS = ['sum', 'min', 'max', 'count'] as const;

const escapeSegment = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The table compiled by the engine, with every diagnostic it reported. */
function useCompiledTable(
  value: TableDefinition,
  path: string,
  zone: string | undefined,
): { table: CompiledTable | undefined; diagnostics: readonly Diagnostic[] } {
  return useMemo(() => {
    const diagnostics: Diagnostic[] = [];
    const table = compileTable(
      { file: path, definition: value },
      { report: (d) => diagnostics.push(d), ...(zone ? { zone } : {}) },
    );
    return { table, diagnostics };
  }, [value, path, zone]);
}

/**
 * The decision-table grid: input and output columns (add, remove, rename, type), rows (add,
 * remove, reorder), the hit policy and aggregator (table.schema.json), every cell checked as
 * typed by compiling the table with the engine (the cell's diagnostic shows under it), and a
 * "try" row evaluated by the engine with the matched rows highlighted.
 */
export function TableEditor({
  value,
  onChange,
  context,
}: EditorProps<TableDefinition>): ReactElement {
  const { locale } = context;
  const zone = (context.files['app.json'] as { zone?: string } | undefined)?.zone;
  const compiled = useCompiledTable(value, context.path, zone);
  // The rows the last try matched, for the table as it was then (an edit clears them).
  const [tried, setTried] = useState<{ table: TableDefinition; rows: readonly string[] }>();
  const matched = tried?.table === value ? tried.rows : [];
  // Diagnostics on a column or a row show in the grid; the rest above the try panel.
  const others = compiled.diagnostics.filter(
    (d) => !/^\/(?:inputs|outputs|rows)\/\d+/.test(d.pointer),
  );
  return (
    <div className="rl-table-editor">
      <Space wrap style={{ marginBottom: 8 }}>
        <LocalizedInput
          ariaLabel={t(locale, 'label')}
          value={value.label}
          locale={locale}
          onChange={(label) => {
            const { label: _old, ...rest } = value;
            onChange(label === undefined ? rest : { ...rest, label });
          }}
        />
        <span>{t(locale, 'tableHitPolicy')}</span>
        <Select
          aria-label={t(locale, 'tableHitPolicy')}
          style={{ width: 230 }}
          value={value.hitPolicy}
          options={HIT_POLICIES.map((p) => ({ value: p, label: t(locale, `hit.${p}`) }))}
          onChange={(p: TableDefinition['hitPolicy']) => onChange(setHitPolicy(value, p))}
        />
        {value.hitPolicy === 'collect' && (
          <>
            <span>{t(locale, 'tableAggregator')}</span>
            <Select
              aria-label={t(locale, 'tableAggregator')}
              style={{ width: 140 }}
              value={value.aggregator ?? 'none'}
              options={[
                { value: 'none', label: t(locale, 'agg.none') },
                ...AGGREGATORS.map((a) => ({ value: a, label: t(locale, `agg.${a}`) })),
              ]}
              onChange={(a: string) => {
                const { aggregator: _old, ...rest } = value;
                onChange(
                  a === 'none'
                    ? rest
                    : { ...rest, aggregator: a as NonNullable<TableDefinition['aggregator']> },
                );
              }}
            />
          </>
        )}
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            onChange(
              addColumn(
                value,
                'inputs',
                t(locale, 'tableNewInput', { n: value.inputs.length + 1 }),
              ),
            )
          }
        >
          {t(locale, 'tableAddInput')}
        </Button>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            onChange(
              addColumn(
                value,
                'outputs',
                t(locale, 'tableNewOutput', { n: value.outputs.length + 1 }),
              ),
            )
          }
        >
          {t(locale, 'tableAddOutput')}
        </Button>
      </Space>
      <TableGrid
        value={value}
        onChange={onChange}
        locale={locale}
        diagnostics={compiled.diagnostics}
        matched={matched}
        focusPointer={context.focusPointer}
      />
      <Button
        icon={<PlusOutlined />}
        style={{ margin: '8px 0' }}
        onClick={() => onChange(addRow(value))}
      >
        {t(locale, 'tableAddRow')}
      </Button>
      {others.map((d, i) => (
        <Alert
          key={i}
          style={{ marginBottom: 4 }}
          type={d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info'}
          showIcon
          title={`${d.code} ${d.message[locale]}`}
        />
      ))}
      <TableTry
        table={compiled.table}
        locale={locale}
        onMatched={(rows) => setTried({ table: value, rows })}
      />
    </div>
  );
}

function TableGrid(props: {
  readonly value: TableDefinition;
  readonly onChange: (next: TableDefinition) => void;
  readonly locale: EditorLocale;
  readonly diagnostics: readonly Diagnostic[];
  readonly matched: readonly string[];
  /** The shell's focus pointer: the row it points into is outlined. */
  readonly focusPointer: string | undefined;
}): ReactElement {
  const { value, onChange, locale } = props;
  const within = (pointer: string): readonly Diagnostic[] =>
    diagnosticsWithin(props.diagnostics, pointer);
  /** The row's diagnostics that no cell of it shows. */
  const rowLevel = (index: number): readonly Diagnostic[] => {
    const base = `/rows/${index}`;
    const cells = [
      `${base}/id`,
      ...value.inputs.map((c) => `${base}/when/${escapeSegment(c.id)}`),
      ...value.outputs.map((c) => `${base}/then/${escapeSegment(c.id)}`),
    ];
    return within(base).filter((d) => !cells.some((cell) => pointerWithin(d.pointer, cell)));
  };
  const cellStyle = { border: '1px solid #f0f0f0', padding: 4, verticalAlign: 'top' } as const;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="rl-table-grid" style={{ borderCollapse: 'collapse', minWidth: '100%' }}>
        <thead>
          <tr>
            <th style={cellStyle}>#</th>
            <th style={cellStyle}>{t(locale, 'tableRowId')}</th>
            {value.inputs.map((column, index) => (
              <th key={`in-${index}`} style={{ ...cellStyle, background: '#e6f4ff' }}>
                <ColumnHeader
                  side="inputs"
                  column={column}
                  showValues={false}
                  locale={locale}
                  diagnostics={within(`/inputs/${index}`)}
                  onChange={(next) => onChange(updateInput(value, index, next as TableInput))}
                  onDelete={
                    value.inputs.length > 1
                      ? () => onChange(removeColumn(value, 'inputs', column.id))
                      : undefined
                  }
                />
              </th>
            ))}
            {value.outputs.map((column, index) => (
              <th key={`out-${index}`} style={{ ...cellStyle, background: '#f6ffed' }}>
                <ColumnHeader
                  side="outputs"
                  column={column}
                  showValues={value.hitPolicy === 'priority'}
                  locale={locale}
                  diagnostics={within(`/outputs/${index}`)}
                  onChange={(next) => onChange(updateOutput(value, index, next as TableOutput))}
                  onDelete={
                    value.outputs.length > 1
                      ? () => onChange(removeColumn(value, 'outputs', column.id))
                      : undefined
                  }
                />
              </th>
            ))}
            <th style={cellStyle}>{t(locale, 'tableRowNote')}</th>
            <th style={cellStyle} />
          </tr>
        </thead>
        <tbody>
          {value.rows.map((row, index) => {
            const base = `/rows/${index}`;
            const hit = props.matched.includes(row.id);
            const focused =
              props.focusPointer !== undefined && pointerWithin(props.focusPointer, base);
            return (
              <tr
                key={index}
                className="rl-table-row"
                data-row={row.id}
                data-matched={hit}
                data-focused={focused}
                style={{
                  ...(hit ? { background: '#d9f7be' } : {}),
                  ...(focused ? { outline: '2px solid #1677ff' } : {}),
                }}
              >
                <td style={cellStyle}>{index + 1}</td>
                <td style={cellStyle}>
                  <Input
                    size="small"
                    aria-label={`${t(locale, 'tableRowId')} ${index + 1}`}
                    value={row.id}
                    onChange={(e) =>
                      onChange(updateRow(value, index, (r) => ({ ...r, id: e.target.value })))
                    }
                  />
                  <CellProblems diagnostics={within(`${base}/id`)} locale={locale} />
                </td>
                {value.inputs.map((column) => (
                  <td key={column.id} style={cellStyle}>
                    <Cell
                      label={`${row.id} ${column.id}`}
                      text={cellText(row.when?.[column.id])}
                      placeholder="-"
                      diagnostics={within(`${base}/when/${escapeSegment(column.id)}`)}
                      locale={locale}
                      onChange={(text) =>
                        onChange(setWhen(value, index, column.id, textToCell(text, column.type)))
                      }
                    />
                  </td>
                ))}
                {value.outputs.map((column) => (
                  <td key={column.id} style={cellStyle}>
                    <Cell
                      label={`${row.id} ${column.id}`}
                      text={cellText((row.then as Record<string, unknown>)[column.id])}
                      placeholder=""
                      diagnostics={within(`${base}/then/${escapeSegment(column.id)}`)}
                      locale={locale}
                      onChange={(text) =>
                        onChange(setThen(value, index, column.id, textToCell(text, column.type)))
                      }
                    />
                  </td>
                ))}
                <td style={{ ...cellStyle, minWidth: 220 }}>
                  <LocalizedInput
                    ariaLabel={`${t(locale, 'tableRowNote')} ${index + 1}`}
                    value={row.description}
                    locale={locale}
                    size="small"
                    // A note is a sentence: it wraps instead of being cut off.
                    multiline
                    onChange={(description) =>
                      onChange(
                        updateRow(value, index, (r) => {
                          const { description: _old, ...rest } = r;
                          return description === undefined ? rest : { ...rest, description };
                        }),
                      )
                    }
                  />
                  <CellProblems diagnostics={rowLevel(index)} locale={locale} />
                </td>
                <td style={{ ...cellStyle, whiteSpace: 'nowrap' }}>
                  <Button
                    size="small"
                    type="text"
                    aria-label={t(locale, 'moveUp')}
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    onClick={() => onChange(moveRow(value, index, -1))}
                  />
                  <Button
                    size="small"
                    type="text"
                    aria-label={t(locale, 'moveDown')}
                    icon={<ArrowDownOutlined />}
                    disabled={index === value.rows.length - 1}
                    onClick={() => onChange(moveRow(value, index, 1))}
                  />
                  <Button
                    size="small"
                    type="text"
                    danger
                    aria-label={`${t(locale, 'delete')} ${row.id}`}
                    icon={<DeleteOutlined />}
                    disabled={value.rows.length <= 1}
                    onClick={() => onChange(removeRow(value, index))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Cell(props: {
  readonly label: string;
  readonly text: string;
  readonly placeholder: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly locale: EditorLocale;
  readonly onChange: (text: string) => void;
}): ReactElement {
  const error = props.diagnostics.some((d) => d.severity === 'error');
  return (
    <>
      <Tooltip title={t(props.locale, 'tableCellHint')} mouseEnterDelay={1}>
        <Input
          size="small"
          aria-label={props.label}
          status={error ? 'error' : props.diagnostics.length ? 'warning' : undefined}
          placeholder={props.placeholder}
          value={props.text}
          onChange={(e) => props.onChange(e.target.value)}
        />
      </Tooltip>
      <CellProblems diagnostics={props.diagnostics} locale={props.locale} />
    </>
  );
}

function CellProblems(props: {
  readonly diagnostics: readonly Diagnostic[];
  readonly locale: EditorLocale;
}): ReactElement | null {
  if (props.diagnostics.length === 0) return null;
  return (
    <div className="rl-cell-problems">
      {props.diagnostics.map((d, i) => (
        <div
          key={i}
          role="alert"
          title={d.hint[props.locale]}
          style={{
            color: d.severity === 'error' ? '#ff4d4f' : '#faad14',
            fontSize: 12,
            maxWidth: 260,
          }}
        >
          {d.message[props.locale]}
        </div>
      ))}
    </div>
  );
}
