import { readFileSync } from 'node:fs';

/**
 * The version of `@ruleloom/cli`, read from its package.json (one folder above both `src/`
 * and `dist/`, so it is right when run from either).
 *
 * @example
 * cliVersion(); // '0.1.0'
 */
export function cliVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
