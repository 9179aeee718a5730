/**
 * The caller's directory as routing reads it: users by id, and the members of a pool in a
 * stable order (listed users in the order listed, then role and team members by id), so
 * that round robin and ties do not depend on the order the directory happens to list users.
 */
import type { DirectoryUser } from '../app/types.js';
import type { PoolModel } from './model.js';

/** The members of a pool in order, and where each one stands. */
export interface PoolMembers {
  readonly members: readonly string[];
  readonly positions: ReadonlyMap<string, number>;
}

/** Users by id, and pool members already worked out for this directory. */
export interface Directory {
  readonly byId: ReadonlyMap<string, DirectoryUser>;
  pool(pool: PoolModel): PoolMembers;
}

interface Cached {
  readonly length: number;
  readonly directory: Directory;
}

// Routing many leads against one directory is the common case: index it once per array.
const cache = new WeakMap<readonly DirectoryUser[], Cached>();

function ids(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function buildDirectory(users: readonly unknown[]): Directory {
  const byId = new Map<string, DirectoryUser>();
  for (const user of users) {
    if (typeof user !== 'object' || user === null) continue;
    const id = (user as DirectoryUser).id;
    if (typeof id === 'string' && id !== '' && !byId.has(id)) byId.set(id, user as DirectoryUser);
  }
  const sorted = [...byId.keys()].sort();
  const pools = new Map<PoolModel, PoolMembers>();
  return {
    byId,
    pool(pool) {
      let found = pools.get(pool);
      if (!found) {
        const listed = new Set(pool.users);
        const grouped = sorted.filter((id) => {
          if (listed.has(id)) return false;
          const user = byId.get(id);
          return (
            ids(user?.roles).some((role) => pool.roles.includes(role)) ||
            ids(user?.teams).some((team) => pool.teams.includes(team))
          );
        });
        const members = [...pool.users, ...grouped];
        found = { members, positions: new Map(members.map((id, i) => [id, i])) };
        pools.set(pool, found);
      }
      return found;
    },
  };
}

/**
 * The directory of a users array, built once per array (the array is treated as immutable,
 * as its `readonly` type says; a different length rebuilds it).
 *
 * @example
 * directoryOf(users).pool({ users: ['lina'], roles: ['sales-rep'], teams: [] }).members;
 * // ['lina', 'chenjing', 'wangfang', …] (listed first, then by id)
 */
export function directoryOf(users: readonly DirectoryUser[]): Directory {
  const list: readonly DirectoryUser[] = Array.isArray(users) ? users : [];
  const cached = cache.get(list);
  if (cached && cached.length === list.length) return cached.directory;
  const directory = buildDirectory(list);
  if (Array.isArray(users)) cache.set(users, { length: list.length, directory });
  return directory;
}
