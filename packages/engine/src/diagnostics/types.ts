/** Languages every message of ruleloom is written in. */
export type Locale = 'zh-CN' | 'en';

/** A text in every supported locale. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** How bad a diagnostic is: errors stop a definition from compiling, warnings do not. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Parameters substituted into a catalogue message (`{field}` → `params.field`). A localized
 * value is filled in the message's own locale (type names such as 数字 / a number).
 */
export type DiagnosticParams = Readonly<Record<string, string | number | boolean | LocalizedText>>;

/**
 * One problem found in a definition, an expression or formula text.
 *
 * `pointer` is an RFC 6901 JSON pointer into the document being checked (the CLI turns it
 * into `line:column`); `column`, when present, is a 1-based column inside formula text.
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable code from the catalogue, e.g. `RL2001`. */
  readonly code: string;
  readonly message: LocalizedText;
  readonly hint: LocalizedText;
  readonly pointer: string;
  readonly params: DiagnosticParams;
  /** Path of the file the diagnostic is about, when it came from a file. */
  readonly file?: string;
  /** 1-based column inside formula text (formula parse errors). */
  readonly column?: number;
}

/** A catalogue entry: the code's severity and its message and hint templates. */
export interface CatalogueEntry {
  readonly severity: Severity;
  /** Short English title, used in docs and `--format json`. */
  readonly title: string;
  readonly message: LocalizedText;
  readonly hint: LocalizedText;
}
