/**
 * What every event handler reads: the app, the state, the context with its time resolved
 * and its directory cleaned, and look-ups that never reach a prototype.
 */
import type { CompiledEntity, CompiledPipeline } from '../parts.js';
import type { AppState, DirectoryUser, HandleContext, Instant, RecordState } from '../types.js';
import type { HandleApp } from '../handle.js';
import { isPlainObject } from '../../automations/recordValues.js';

/** One event's view of the app. */
export interface EventScope {
  readonly app: HandleApp;
  readonly state: AppState;
  /** The caller's context, with `users` reduced to well-formed entries. */
  readonly ctx: HandleContext;
  readonly now: Instant;
  readonly users: readonly DirectoryUser[];
}

/**
 * The directory entries that have an id; anything else a caller passed is ignored.
 *
 * @example
 * directory([{ id: 'u-li' }, null, { name: 'x' }]); // [{ id: 'u-li' }]
 */
export function directory(users: unknown): DirectoryUser[] {
  return Array.isArray(users)
    ? users.filter(
        (user): user is DirectoryUser => isPlainObject(user) && typeof user.id === 'string',
      )
    : [];
}

/**
 * The record with this id, reading own properties only (an id such as `constructor` must
 * not find `Object.prototype.constructor`).
 *
 * @example
 * findRecord(state, 'L1'); // the record, or undefined
 */
export function findRecord(state: AppState, id: unknown): RecordState | undefined {
  if (typeof id !== 'string' || !Object.hasOwn(state.records, id)) return undefined;
  const record = state.records[id];
  // A record that is not one (a caller's bad state) is treated as missing, not trusted.
  return isPlainObject(record) &&
    isPlainObject(record.values) &&
    isPlainObject(record.stageHistory) &&
    Array.isArray(record.tags) &&
    Array.isArray(record.approvals) &&
    typeof record.entity === 'string' &&
    typeof record.version === 'number'
    ? record
    : undefined;
}

/**
 * The entity of a record or event, when the app has it.
 *
 * @example
 * entityOf(scope, record.entity)?.fieldLabel('owner'); // { 'zh-CN': '负责人', en: 'Owner' }
 */
export function entityOf(scope: EventScope, id: unknown): CompiledEntity | undefined {
  return typeof id === 'string' ? scope.app.entities.get(id) : undefined;
}

/**
 * The pipelines of an entity, in the app's order.
 *
 * @example
 * pipelinesOf(scope, 'opportunity').map((pipeline) => pipeline.id); // ['opportunity']
 */
export function pipelinesOf(scope: EventScope, entity: string): CompiledPipeline[] {
  return scope.app.pipelines.filter((pipeline) => pipeline.entity === entity);
}

/**
 * What an event named, as text for a message: strings and numbers as they are, anything
 * else by its type — never a caller's `toString` (which may throw or lie).
 *
 * @example
 * named('L1'); // 'L1'
 * named({ toString: [] }); // 'object'
 */
export function named(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : typeof value;
}
