/** What the editors read from the app manifest (`app.json`): roles. */
import { localize, type EditorLocale } from '../i18n.js';

/** The roles declared in app.json, as select options. */
export function roleOptions(
  files: Readonly<Record<string, unknown>>,
  locale: EditorLocale,
): { value: string; label: string }[] {
  const roles = (files['app.json'] as { roles?: unknown } | undefined)?.roles;
  if (!Array.isArray(roles)) return [];
  return roles
    .filter((r): r is { id: string; label?: never } => typeof r?.id === 'string')
    .map((r) => ({ value: r.id, label: `${localize(r.label, locale, r.id)} (${r.id})` }));
}
