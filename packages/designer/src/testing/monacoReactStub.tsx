/**
 * `@monaco-editor/react` in the component tests: the Editor is a textarea with the same
 * `value` / `onChange` contract, so the JSON view's round trip can be tested in jsdom.
 */
import type { ReactNode } from 'react';

/** The props the designer passes to the Editor. */
interface StubEditorProps {
  readonly value?: string;
  readonly path?: string;
  readonly onChange?: (value: string | undefined) => void;
}

/** The stub editor. */
export default function Editor(props: StubEditorProps): ReactNode {
  return (
    <textarea
      data-testid="monaco-stub"
      data-path={props.path}
      value={props.value}
      onChange={(event) => props.onChange?.(event.target.value)}
    />
  );
}

/** The loader: configuring it does nothing in tests. */
export const loader = { config: (): void => undefined };

/** The type of the onMount callback. */
export type OnMount = (editor: unknown) => void;
