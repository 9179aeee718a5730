import type { FormulaInput } from '@ruleloom/schemas';
import type { LocalizedText } from '../diagnostics/types.js';
import { localizedLabel } from '../entities/labels.js';
import type { FieldType } from '../expr/types.js';
import { readProperty } from '../expr/values.js';
import { describeValue, isBlank, normalizeValue, typeName, UNFIT } from '../tables/columns.js';
import { EvaluationFailure, tablesError } from '../tables/reporting.js';
import type { FormulaInputInfo } from './types.js';

/** A formula input ready to read from data. */
export interface InputReader extends FormulaInputInfo {
  readonly hasDefault: boolean;
}

/** The inputs of a formula definition as compiled. */
export function inputReaders(inputs: readonly FormulaInput[]): InputReader[] {
  return inputs.map((input) => {
    const hasDefault = Object.hasOwn(input, 'default');
    return {
      id: input.id,
      type: input.type as FieldType,
      label: localizedLabel(input.label, input.id),
      required: input.required !== false,
      hasDefault,
      ...(hasDefault ? { default: input.default } : {}),
    };
  });
}

/**
 * Reads a formula's inputs from `input` into `out`: defaults for blank values, numbers as
 * numbers (`"30万"` → 300000), dates as given. Throws `EvaluationFailure` for a required
 * input that is blank (RL5450) and a value that does not fit its type (RL5422).
 */
export function readInputs(
  readers: readonly InputReader[],
  input: unknown,
  out: Record<string, unknown>,
  scope: {
    readonly zone: string;
    readonly owner: LocalizedText;
    readonly label: LocalizedText;
    readonly file: string;
  },
): void {
  const data = typeof input === 'object' && input !== null ? input : undefined;
  for (let i = 0; i < readers.length; i++) {
    const reader = readers[i] as InputReader;
    let raw = readProperty(data, reader.id);
    if (isBlank(raw)) {
      if (reader.hasDefault) raw = reader.default;
      else if (reader.required) {
        throw new EvaluationFailure(
          tablesError(
            'RL5450',
            { formula: scope.label, input: reader.label },
            { file: scope.file },
          ),
          'formula',
        );
      }
    }
    const value = normalizeValue(reader.type, raw, scope.zone, false);
    if (value === UNFIT) {
      throw new EvaluationFailure(
        tablesError(
          'RL5422',
          {
            owner: scope.owner,
            input: reader.label,
            type: typeName(reader.type),
            value: describeValue(raw),
          },
          { file: scope.file },
        ),
        'formula',
      );
    }
    out[reader.id] = value;
  }
}
