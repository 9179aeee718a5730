import { describe, expect, it } from 'vitest';
import { COALESCE_MS, recordEdit, redo, undo, type History } from './history.js';

const start: History = { files: { 'a.json': { n: 1 } }, past: [], future: [] };
const setN =
  (n: number) =>
  (draft: Record<string, unknown>): void => {
    (draft['a.json'] as { n: number }).n = n;
  };

describe('undo and redo from immer patches', () => {
  it('given an edit, when undone and redone, then the files go back and forth', () => {
    const edited = recordEdit(start, setN(2), undefined, 0);
    expect(edited.files['a.json']).toEqual({ n: 2 });
    const undone = undo(edited);
    expect(undone.files['a.json']).toEqual({ n: 1 });
    expect(undone.future).toHaveLength(1);
    expect(redo(undone).files['a.json']).toEqual({ n: 2 });
  });

  it('given an edit that changes nothing, then no step is recorded', () => {
    expect(recordEdit(start, () => undefined, undefined, 0)).toBe(start);
  });

  it('given quick edits with one key, then they are one step; after the pause a new one', () => {
    let history = recordEdit(start, setN(2), 'typing', 0);
    history = recordEdit(history, setN(3), 'typing', 100);
    expect(history.past).toHaveLength(1);
    expect(undo(history).files['a.json']).toEqual({ n: 1 });
    history = recordEdit(history, setN(4), 'typing', 100 + COALESCE_MS + 1);
    expect(history.past).toHaveLength(2);
    expect(undo(history).files['a.json']).toEqual({ n: 3 });
  });

  it('given an undo, when a new edit is made, then the redo steps are dropped', () => {
    const history = recordEdit(
      undo(recordEdit(start, setN(2), undefined, 0)),
      setN(5),
      undefined,
      1,
    );
    expect(history.future).toHaveLength(0);
    expect(redo(history)).toBe(history);
  });

  it('given adding and deleting files, then undo restores them', () => {
    const added = recordEdit(start, (draft) => void (draft['b.json'] = { id: 'b' }), undefined, 0);
    expect(Object.keys(undo(added).files)).toEqual(['a.json']);
    const deleted = recordEdit(start, (draft) => void delete draft['a.json'], undefined, 0);
    expect(undo(deleted).files['a.json']).toEqual({ n: 1 });
  });
});
