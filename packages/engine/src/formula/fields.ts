import type { Locale } from '../diagnostics/types.js';
import type { FieldInfo } from '../expr/types.js';
import { closest } from './similarity.js';
import type { NameSegment } from './syntax.js';

/** What a name in formula text refers to. */
export type Resolution =
  | { readonly kind: 'found'; readonly path: string }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'ambiguous'; readonly label: string; readonly ids: readonly string[] };

const LISTED_FIELDS = 20;

function labelsOf(field: FieldInfo): { locale: Locale | undefined; text: string }[] {
  const label = field.label;
  if (typeof label === 'string') return label ? [{ locale: undefined, text: label }] : [];
  if (!label || typeof label !== 'object') return [];
  return (['zh-CN', 'en'] as const)
    .map((locale) => ({ locale, text: label[locale] }))
    .filter(
      (l): l is { locale: Locale; text: string } => typeof l.text === 'string' && l.text !== '',
    );
}

/**
 * The fields formula text may name, indexed by id and by label. Ids are exact; labels are the
 * display names in any locale, and a label two fields share is ambiguous.
 */
export class FieldDirectory {
  readonly #fields: readonly FieldInfo[];
  readonly #ids = new Map<string, FieldInfo>();
  readonly #labels = new Map<string, Set<string>>();
  /** Most dot-separated parts of any id or label: longer leading runs cannot match. */
  readonly longestName: number;

  constructor(fields: readonly FieldInfo[]) {
    this.#fields = fields.filter((f) => typeof f?.id === 'string');
    for (const field of this.#fields) {
      if (!this.#ids.has(field.id)) this.#ids.set(field.id, field);
      for (const { text } of labelsOf(field)) {
        const ids = this.#labels.get(text) ?? new Set<string>();
        ids.add(field.id);
        this.#labels.set(text, ids);
      }
    }
    const names = [...this.#ids.keys(), ...this.#labels.keys()];
    this.longestName = Math.max(0, ...names.map((n) => n.split('.').length));
  }

  /**
   * Resolves a name: the longest leading run of segments that is a field id names the field,
   * and the segments after it are a path inside that field (`customer.grade`); failing
   * that, the longest run that is a label (`客户.grade` → `customer.grade`). Ids win over
   * labels, so a path that starts with an id always reads back as written.
   */
  resolve(segments: readonly NameSegment[]): Resolution {
    const texts = segments.map((s) => s.text);
    // Leading runs, longest first (no longer than any known name, which keeps a hostile
    // a.a.a… linear): the head text and the segments after it.
    const longest = Math.min(texts.length, this.longestName);
    const runs = Array.from({ length: longest }, (_, i) => {
      const count = longest - i;
      return { head: texts.slice(0, count).join('.'), rest: texts.slice(count) };
    });
    const found = (id: string, rest: readonly string[]): Resolution => ({
      kind: 'found',
      path: [id, ...rest].join('.'),
    });
    const byId = runs.find((run) => this.#ids.has(run.head));
    if (byId) return found(byId.head, byId.rest);
    for (const { head, rest } of runs) {
      const ids = this.#labels.get(head);
      if (!ids) continue;
      if (ids.size > 1) return { kind: 'ambiguous', label: head, ids: [...ids] };
      const [only] = ids;
      if (only !== undefined) return found(only, rest);
    }
    return { kind: 'unknown' };
  }

  /** True when `id` is the id of a field. */
  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Labels of a field to print, best first: the locale's, a plain one, then the others. */
  labelsFor(id: string, locale: Locale): string[] {
    const field = this.#ids.get(id);
    if (!field) return [];
    const labels = labelsOf(field);
    const rank = (l: { locale: Locale | undefined }): number =>
      l.locale === locale ? 0 : l.locale === undefined ? 1 : 2;
    return labels.sort((a, b) => rank(a) - rank(b)).map((l) => l.text);
  }

  /** The fields for a diagnostic, closest to `query` first: `回款率 (paymentRate), …`. */
  describeKnown(query: string): string {
    const listed = closest(query, this.#fields, LISTED_FIELDS, (f) => [
      f.id,
      ...labelsOf(f).map((l) => l.text),
    ]).map((field) => {
      const [label] = this.labelsFor(field.id, 'zh-CN');
      return label === undefined ? field.id : `${label} (${field.id})`;
    });
    if (listed.length === 0) return '—';
    return this.#fields.length > listed.length ? `${listed.join(', ')}, …` : listed.join(', ');
  }
}

/**
 * Resolves a name in the record's scope: through the directory when fields are known,
 * otherwise the name is taken as the field id (its segments joined by dots).
 */
export function resolveName(
  segments: readonly NameSegment[],
  directory: FieldDirectory | undefined,
): Resolution {
  if (directory) return directory.resolve(segments);
  return { kind: 'found', path: segments.map((s) => s.text).join('.') };
}
