/** The pipeline designer (stages, transitions, gates, approvals) and its pure edits. */
export { PipelineEditor } from './PipelineEditor.js';
export { GateEditor, type GateEditorProps } from './GateEditor.js';
export { GateFields } from './GateFields.js';
export { ApprovalsEditor } from './ApprovalsEditor.js';
export {
  addStage,
  connectStages,
  deleteStage,
  deleteTransition,
  renameStageId,
  updateStage,
  updateTransition,
} from './pipelineEdits.js';
export { layoutStages, selectionAt, transitionLinks } from './graph.js';
export { autoLayout, keepPlaces, placeStages, stagePositions } from './layout.js';
