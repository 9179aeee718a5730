/**
 * The definition editors of the designer. Each is a controlled component
 * `(props: EditorProps<Definition>) => JSX` (see `context.ts`). Nothing here imports monaco at
 * module level: the formula editor loads its text editor lazily, and `formula/FormulaEditor`
 * also has a default export for `React.lazy`.
 */
export type { EditorContext, EditorProps } from './context.js';
export { t, localize, type EditorLocale, type MessageKey } from './i18n.js';
export {
  ConditionBuilder,
  conditionFromLogic,
  conditionToLogic,
  type ConditionBuilderProps,
  type ConditionField,
} from './condition/index.js';
export { PipelineEditor, GateEditor, type GateEditorProps } from './pipeline/index.js';
export { TableEditor } from './table/index.js';
export { FormulaEditor } from './formula/index.js';
export { RoutingEditor } from './routing/index.js';
export { AutomationEditor, ActionList } from './automation/index.js';
export { TimerEditor, timerSentence } from './timer/index.js';
export { conditionFields, findEntity } from './common/entityFields.js';
