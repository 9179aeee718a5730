/**
 * Undo and redo from immer patches: every edit of the app's files is recorded as the
 * patches that make it and the patches that take it back (DESIGN.md principle 8).
 */
import { applyPatches, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import type { AppFiles } from '../app/fileOps.js';

enablePatches();

/** One undoable step. */
export interface HistoryEntry {
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
  /** Edits with the same key made within {@link COALESCE_MS} merge (typing in one input). */
  readonly coalesceKey?: string;
  readonly at: number;
}

/** The files and their history. */
export interface History {
  readonly files: AppFiles;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
}

/** Keystrokes in one input closer together than this are one undo step. */
export const COALESCE_MS = 1000;

/** Most undo steps kept. */
const LIMIT = 200;

/**
 * Applies an edit (an immer recipe) and records it; an edit that changes nothing is not
 * recorded.
 *
 * @example
 * const next = recordEdit(history, (files) => { files['a.json'] = {}; }, undefined, Date.now());
 */
export function recordEdit(
  history: History,
  recipe: (draft: Draft<AppFiles>) => void,
  coalesceKey: string | undefined,
  at: number,
): History {
  const [files, patches, inversePatches] = produceWithPatches(history.files, recipe);
  if (patches.length === 0) return history;
  const last = history.past[history.past.length - 1];
  if (
    coalesceKey !== undefined &&
    last?.coalesceKey === coalesceKey &&
    at - last.at < COALESCE_MS &&
    history.future.length === 0
  ) {
    const merged: HistoryEntry = {
      patches: [...last.patches, ...patches],
      inversePatches: [...inversePatches, ...last.inversePatches],
      coalesceKey,
      at,
    };
    return { files, past: [...history.past.slice(0, -1), merged], future: [] };
  }
  const entry: HistoryEntry = { patches, inversePatches, coalesceKey, at };
  return { files, past: [...history.past, entry].slice(-LIMIT), future: [] };
}

/**
 * Takes the last edit back.
 *
 * @example
 * undo(history).files; // the files before the last edit
 */
export function undo(history: History): History {
  const entry = history.past[history.past.length - 1];
  if (!entry) return history;
  return {
    files: applyPatches(history.files, [...entry.inversePatches]),
    past: history.past.slice(0, -1),
    future: [{ ...entry, coalesceKey: undefined }, ...history.future],
  };
}

/**
 * Makes the last undone edit again.
 *
 * @example
 * redo(undo(history)).files; // as before the undo
 */
export function redo(history: History): History {
  const [entry, ...future] = history.future;
  if (!entry) return history;
  return {
    files: applyPatches(history.files, [...entry.patches]),
    past: [...history.past, entry],
    future,
  };
}
