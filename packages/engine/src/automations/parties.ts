/**
 * Parties — who receives a message or does a task: everyone with a role, one user, the user
 * held by a field of the record, or that user's manager. Checked against the app's roles
 * and the entity's user fields when compiled; resolved with the caller's directory
 * (`ctx.users`) when fired.
 */
import type { Party } from '@ruleloom/schemas';
import type { DirectoryUser } from '../app/types.js';
import { appendPointer } from '../diagnostics/diagnostic.js';
import type { AutomationCompileEnv } from './compileEnv.js';

/**
 * Reports a party that names an undeclared role (RL5309) or a field that is missing
 * (RL5302) or holds no user (RL5308).
 *
 * @example
 * checkParty({ field: 'company' }, '/actions/1/recipients/0', env); // RL5308: company is text
 */
export function checkParty(party: Party, pointer: string, env: AutomationCompileEnv): void {
  if (typeof party.role === 'string' && !env.index.roles.has(party.role)) {
    env.report('RL5309', appendPointer(pointer, 'role'), {
      role: party.role,
      known: [...env.index.roles].join(', ') || '-',
    });
  }
  for (const key of ['field', 'managerOf'] as const) {
    const reference = party[key];
    if (typeof reference !== 'string') continue;
    const at = appendPointer(pointer, key);
    const field = env.field(reference, at);
    if (field && field.type !== 'user') {
      env.report('RL5308', at, { field: reference, type: field.type });
    }
  }
}

/**
 * The user ids a field value holds: one id, or a list of them (a multi-user field).
 *
 * @example
 * userIds(['u-li', '', 3]); // ['u-li']
 */
export function userIds(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string' && item !== '');
  }
  return [];
}

function hasRole(user: DirectoryUser, role: string): boolean {
  return Array.isArray(user.roles) && user.roles.includes(role);
}

/**
 * The user ids of a list of parties, each once, in the order the parties and the
 * directory give them. A field without a user, or a user without a manager, adds nobody.
 *
 * @example
 * resolveParties([{ field: 'owner' }, { role: 'finance' }], { owner: 'u-li' }, users);
 * // ['u-li', 'u-zhao']
 */
export function resolveParties(
  parties: readonly Party[],
  values: Readonly<Record<string, unknown>>,
  users: readonly DirectoryUser[],
): string[] {
  const ids: string[] = [];
  const add = (id: string | undefined): void => {
    if (typeof id === 'string' && id !== '' && !ids.includes(id)) ids.push(id);
  };
  const valueOf = (field: string): unknown =>
    Object.hasOwn(values, field) ? values[field] : undefined;
  for (const party of parties) {
    if (typeof party.role === 'string') {
      const role = party.role;
      users.filter((user) => hasRole(user, role)).forEach((user) => add(user.id));
    }
    add(party.user);
    if (typeof party.field === 'string') userIds(valueOf(party.field)).forEach(add);
    if (typeof party.managerOf === 'string') {
      for (const id of userIds(valueOf(party.managerOf))) {
        add(users.find((user) => user.id === id)?.manager);
      }
    }
  }
  return ids;
}
