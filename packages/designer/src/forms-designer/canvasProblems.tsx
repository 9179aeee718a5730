/**
 * The problems of the compiled app that belong to one place of the form designer — a
 * field (its entity definition and its entry on the form), a group, the form's settings —
 * so the canvas marks that place and the side panel lists them where they are fixed.
 */
import type { Diagnostic } from '@ruleloom/engine';
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { pointerWithin } from '../editors/common/pointers.js';
import { useI18n } from '../i18n/I18n.js';
import { fieldIdOf, type EntityDef, type FormDef } from './formModel.js';

/** The files a form designer shows: the form and its entity. */
export interface DesignerFiles {
  readonly formPath: string;
  readonly form: FormDef;
  readonly entityPath: string;
  readonly entity: EntityDef;
}

const inFile = (d: Diagnostic, path: string): boolean => (d.file ?? 'app.json') === path;

/**
 * The pointer of a field's entry on a form, or `undefined` when it is not on the form.
 *
 * @example
 * entryPointer(leadCreate, 'source'); // '/sections/1/fields/0'
 */
export function entryPointer(form: FormDef, fieldId: string): string | undefined {
  if (Array.isArray(form.sections)) {
    for (const [g, section] of form.sections.entries()) {
      const i = (section.fields ?? []).findIndex((ref) => fieldIdOf(ref) === fieldId);
      if (i >= 0) return `/sections/${g}/fields/${i}`;
    }
    return undefined;
  }
  const i = (form.fields ?? []).findIndex((ref) => fieldIdOf(ref) === fieldId);
  return i >= 0 ? `/fields/${i}` : undefined;
}

/**
 * The problems of one field: in its entity definition (`/fields/<i>`, options included)
 * and in its entry on the form.
 *
 * @example
 * fieldDiagnostics(diagnostics, files, 'source');
 */
export function fieldDiagnostics(
  diagnostics: readonly Diagnostic[],
  files: DesignerFiles,
  fieldId: string,
): Diagnostic[] {
  const i = Array.isArray(files.entity.fields)
    ? files.entity.fields.findIndex((f) => f.id === fieldId)
    : -1;
  const entry = entryPointer(files.form, fieldId);
  return diagnostics.filter(
    (d) =>
      (i >= 0 && inFile(d, files.entityPath) && pointerWithin(d.pointer, `/fields/${i}`)) ||
      (entry !== undefined && inFile(d, files.formPath) && pointerWithin(d.pointer, entry)),
  );
}

/**
 * The problems of a group itself (its title, condition, an empty field list) — not those
 * of its fields.
 *
 * @example
 * groupDiagnostics(diagnostics, 'forms/a.json', 1);
 */
export function groupDiagnostics(
  diagnostics: readonly Diagnostic[],
  formPath: string,
  group: number,
): Diagnostic[] {
  const base = `/sections/${group}`;
  return diagnostics.filter(
    (d) =>
      inFile(d, formPath) &&
      pointerWithin(d.pointer, base) &&
      !d.pointer.startsWith(`${base}/fields/`),
  );
}

/**
 * The problems listed where they are fixed: message and hint in the UI language.
 *
 * @example
 * <ProblemList diagnostics={fieldDiagnostics(all, files, 'source')} />
 */
export function ProblemList(props: {
  readonly diagnostics: readonly Diagnostic[];
  /** Says a problem in the designer's own words when the engine's are too general. */
  readonly explain?: (diagnostic: Diagnostic) => string | undefined;
}): ReactNode {
  const { t, locale } = useI18n();
  if (props.diagnostics.length === 0) return null;
  return (
    <Alert
      className="canvas-problems"
      data-testid="canvas-problems"
      type={props.diagnostics.some((d) => d.severity === 'error') ? 'error' : 'warning'}
      showIcon
      title={t('problemsHere')}
      description={
        <ul>
          {props.diagnostics.map((d, i) => (
            <li key={i}>
              {props.explain?.(d) ??
                `${d.message[locale]}${d.hint[locale] ? ` — ${d.hint[locale]}` : ''}`}
            </li>
          ))}
        </ul>
      }
    />
  );
}
