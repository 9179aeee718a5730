export { compileApp, type CompileAppOptions, type CompileAppResult } from './compileApp.js';
export { CompiledApp, type CompiledAppParts } from './compiledApp.js';
export { AppSession, type SessionResult } from './session.js';
export type * from './types.js';
export type {
  AppIndex,
  ApprovalUpdate,
  CompiledAutomation,
  CompiledEntity,
  CompiledForm,
  CompiledPipeline,
  DefinitionFile,
  FormResult,
  MoveRequest,
} from './parts.js';
export { APP_FOLDERS, type AppFolder, type AppSource } from './source.js';
