/** Approvers resolved to user ids from the caller's directory and the record. */
import type { Party } from '@ruleloom/schemas';
import type { DirectoryUser, RecordState } from '../../app/types.js';
import { readField } from '../values.js';

/**
 * The user ids a user field holds: one id, or several for a `multiple` field.
 *
 * @example
 * usersIn(['u-rep', 3, 'u-manager']); // ['u-rep', 'u-manager']
 */
export function usersIn(value: unknown): string[] {
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

function resolveParty(
  party: Party,
  record: RecordState,
  users: readonly DirectoryUser[],
): string[] {
  if (party.role !== undefined) {
    const role = party.role;
    return users.filter((user) => user.roles?.includes(role) === true).map((user) => user.id);
  }
  if (party.user !== undefined) return [party.user];
  if (party.field !== undefined) return usersIn(readField(record.values, party.field));
  if (party.managerOf !== undefined) {
    return usersIn(readField(record.values, party.managerOf)).flatMap((id) => {
      const manager = users.find((user) => user.id === id)?.manager;
      return manager === undefined ? [] : [manager];
    });
  }
  return [];
}

/**
 * The user ids who may decide a step, in the order the parties list them, each once: by
 * role (everyone in the directory with it), by user id, by a user field of the record, or
 * the manager of the user in a field.
 *
 * @example
 * resolveApprovers([{ role: 'sales-director' }, { field: 'owner' }], record, users);
 * // ['u-director', 'u-rep']
 */
export function resolveApprovers(
  parties: readonly Party[],
  record: RecordState,
  users: readonly DirectoryUser[] = [],
): string[] {
  return [...new Set(parties.flatMap((party) => resolveParty(party, record, users)))];
}
