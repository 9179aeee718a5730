/**
 * Keyboard shortcuts, with Ctrl on Windows/Linux and Cmd on macOS alike: undo (Z), redo
 * (Shift+Z, or Y), save (S). Undo and redo leave text inputs and monaco alone (they undo
 * their own typing); save works everywhere.
 */
import { useEffect } from 'react';

/** What the shortcuts do. */
export interface ShortcutActions {
  readonly undo: () => void;
  readonly redo: () => void;
  readonly save: () => void;
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || target.isContentEditable;
}

/**
 * Which shortcut a key event is, if any.
 *
 * @example
 * shortcutOf({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: true }); // 'redo'
 */
export function shortcutOf(event: {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}): 'undo' | 'redo' | 'save' | undefined {
  if (!(event.ctrlKey || event.metaKey)) return undefined;
  const key = event.key.toLowerCase();
  if (key === 's') return 'save';
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  return undefined;
}

/**
 * Installs the shortcuts on the window while the component is mounted.
 *
 * @example
 * useShortcuts({ undo: store.undo, redo: store.redo, save: io.save });
 */
export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const shortcut = shortcutOf(event);
      if (!shortcut) return;
      if (shortcut !== 'save' && isTextTarget(event.target)) return;
      event.preventDefault();
      actions[shortcut]();
    };
    globalThis.addEventListener('keydown', onKeyDown);
    return () => globalThis.removeEventListener('keydown', onKeyDown);
  }, [actions]);
}

/**
 * Warns before the page is left with unsaved changes.
 *
 * @example
 * useUnsavedGuard(store.dirty);
 */
export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      // Older browsers need a return value to show the prompt.
      event.returnValue = '';
    };
    globalThis.addEventListener('beforeunload', onBeforeUnload);
    return () => globalThis.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
