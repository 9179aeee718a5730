import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the folder of the app a file belongs to: the nearest folder, from the file's own
 * upwards, that holds an `app.json`. The search stops at the root of a git repository
 * (a folder with `.git`) so that an unrelated `app.json` further up is not taken.
 * Results are cached per folder, since the files of one run share their folders.
 *
 * @example
 * const finder = createAppRootFinder();
 * await finder('/repo/examples/sales-crm/entities/lead.json'); // '/repo/examples/sales-crm'
 */
export function createAppRootFinder(): (file: string) => Promise<string | undefined> {
  const cache = new Map<string, Promise<string | undefined>>();
  const rootOf = (folder: string): Promise<string | undefined> => {
    let found = cache.get(folder);
    if (!found) {
      found = (async () => {
        if (await exists(join(folder, 'app.json'))) return folder;
        const parent = dirname(folder);
        if (parent === folder || (await exists(join(folder, '.git')))) return undefined;
        return rootOf(parent);
      })();
      cache.set(folder, found);
    }
    return found;
  };
  return (file) => rootOf(dirname(file));
}
