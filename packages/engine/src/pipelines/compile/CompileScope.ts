/** What every check of one pipeline file shares: the app, the file, the entity, the verdict. */
import type { AppIndex, CompiledEntity } from '../../app/parts.js';
import type { DiagnosticCode } from '../../diagnostics/catalogue/index.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticParams } from '../../diagnostics/types.js';
import type { CompiledExpression } from '../../expr/compile.js';

/**
 * The compile of one pipeline file: reports located diagnostics and remembers errors.
 *
 * @example
 * const scope = new CompileScope(index, 'pipelines/opportunity.json', entity, 'opportunity');
 * scope.report('RL5206', '/initialStage', { stage: 'leads', known: 'lead, proposal' });
 * scope.failed; // true
 */
export class CompileScope {
  #failed = false;

  constructor(
    readonly index: AppIndex,
    readonly file: string,
    /** The pipeline's entity; undefined when it does not exist (field checks are skipped). */
    readonly entity: CompiledEntity | undefined,
    readonly entityId: string,
  ) {}

  /** True once an error was reported: the pipeline does not compile. */
  get failed(): boolean {
    return this.#failed;
  }

  /** Reports a catalogue diagnostic at a JSON pointer of the file. */
  report(code: DiagnosticCode, pointer: string, params: DiagnosticParams = {}): void {
    const diagnostic = createDiagnostic(code, pointer, params, { file: this.file });
    if (diagnostic.severity === 'error') this.#failed = true;
    this.index.report(diagnostic);
  }

  /** Compiles an expression against the entity's fields; its diagnostics go to the app. */
  expression(logic: unknown, pointer: string): CompiledExpression | undefined {
    const entityId = this.entity === undefined ? undefined : this.entityId;
    const compiled = this.index.expression(logic, entityId, this.file, pointer);
    if (compiled === undefined) this.#failed = true;
    return compiled;
  }

  /** The ids of the entity's fields, for "known" lists in messages. */
  knownFields(): string {
    return this.entity === undefined ? '' : [...this.entity.fields.keys()].join(', ');
  }
}
