import { useState, type ReactElement } from 'react';
import type { EditorContext, EditorProps } from '../context.js';

/**
 * Holds an editor's value as the shell does: every `onChange` becomes the next `value`, and is
 * also reported to `onChange` for the test to inspect.
 */
export function Controlled<T>(props: {
  readonly initial: T;
  readonly onChange: (next: T) => void;
  readonly context: EditorContext;
  readonly editor: (props: EditorProps<T>) => ReactElement;
}): ReactElement {
  const [value, setValue] = useState(props.initial);
  const Editor = props.editor;
  return (
    <Editor
      value={value}
      context={props.context}
      onChange={(next) => {
        setValue(next);
        props.onChange(next);
      }}
    />
  );
}
