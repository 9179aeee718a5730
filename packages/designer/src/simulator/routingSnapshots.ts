/**
 * The routing snapshots the simulator keeps between clicks (the engine's contract: the
 * caller holds the snapshot, passes it to `route` and stores the one it gets back), where
 * they start, and the reps' table an admin edits (状态 在岗 / 出差 / 休假, open leads).
 * Plain data; the panel only shows it.
 */
import type {
  CompiledApp,
  DirectoryUser,
  LocalizedText,
  RepLoad,
  RoutingSnapshot,
} from '@ruleloom/engine';

/** Per routing id, the snapshot the next `route` call gets. */
export type RoutingSnapshots = Readonly<Record<string, RoutingSnapshot>>;

/** The status a rep has when nobody says otherwise (not one any routing skips). */
export const AT_WORK = '在岗';

/** Where a routing's snapshot can start. */
export interface RoutingStart {
  /** `directory`, or the id of the test whose `given.routing` it is. */
  readonly key: string;
  /** The test's label; absent for the directory start. */
  readonly label?: LocalizedText;
  readonly snapshot: RoutingSnapshot;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): LocalizedText | undefined {
  if (typeof value === 'string') return { 'zh-CN': value, en: value };
  if (!isObject(value)) return undefined;
  const zh = value['zh-CN'];
  const en = value['en'];
  if (typeof zh !== 'string' && typeof en !== 'string') return undefined;
  const either = typeof zh === 'string' ? zh : String(en);
  return {
    'zh-CN': typeof zh === 'string' ? zh : either,
    en: typeof en === 'string' ? en : either,
  };
}

/**
 * The starting points of a routing's snapshot: first the directory (statuses from the
 * simulator's users, no open leads yet: the default), then every test of app.json whose
 * `given.routing` has a snapshot for the routing, in app.json order — its loads, turns and
 * customers, with the statuses its `given.users` set (the test's whole situation, e.g.
 * S42's 张伟 出差).
 *
 * @example
 * routingStarts(files, 'lead-routing').map((s) => s.key); // ['directory', 's42-skip-away-reps', …]
 */
export function routingStarts(
  files: Readonly<Record<string, unknown>>,
  routingId: string,
): RoutingStart[] {
  const starts: RoutingStart[] = [{ key: 'directory', snapshot: {} }];
  const manifest = files['app.json'];
  const tests = isObject(manifest) && Array.isArray(manifest['tests']) ? manifest['tests'] : [];
  for (const path of tests) {
    const test = typeof path === 'string' ? files[path] : undefined;
    if (!isObject(test) || !isObject(test['given'])) continue;
    const given = test['given'];
    const routing = isObject(given['routing']) ? given['routing'][routingId] : undefined;
    if (!isObject(routing)) continue;
    let snapshot = routing as RoutingSnapshot;
    const users = Array.isArray(given['users']) ? given['users'] : [];
    for (const user of users) {
      if (!isObject(user) || typeof user['id'] !== 'string') continue;
      const status = user['status'];
      // A status in the snapshot wins over the directory's, as in the engine.
      if (typeof status === 'string' && snapshot.reps?.[user['id']]?.status === undefined) {
        snapshot = withRep(snapshot, user['id'], { status });
      }
    }
    const id = typeof test['id'] === 'string' ? test['id'] : String(path);
    const label = textOf(test['label']);
    starts.push({ key: id, ...(label ? { label } : {}), snapshot });
  }
  return starts;
}

/**
 * The snapshot with one rep's load or status changed; the rest is shared.
 *
 * @example
 * withRep(snapshot, 'zhangwei', { status: '出差' }).reps.zhangwei; // { open: 3, status: '出差' }
 */
export function withRep(
  snapshot: RoutingSnapshot,
  user: string,
  change: Partial<RepLoad>,
): RoutingSnapshot {
  const reps = snapshot.reps ?? {};
  return { ...snapshot, reps: { ...reps, [user]: { ...reps[user], ...change } } };
}

/** One row of the reps' table. */
export interface RepRow {
  readonly user: string;
  /** 在岗, or the status the snapshot (else the directory) gives. */
  readonly status: string;
  readonly open: number;
}

/**
 * The reps a routing may pick (its pools' users, roles and teams, and preferred reps), in
 * directory order, with their status and open leads as the snapshot has them.
 *
 * @example
 * repRows(app, 'lead-routing', {}, users).find((r) => r.user === 'zhangwei'); // { user: 'zhangwei', status: '在岗', open: 0 }
 */
export function repRows(
  app: CompiledApp,
  routingId: string,
  snapshot: RoutingSnapshot,
  users: readonly DirectoryUser[],
): RepRow[] {
  const routing = app.routings.get(routingId);
  if (!routing) return [];
  const named = new Set<string>();
  const roles = new Set<string>();
  const teams = new Set<string>();
  for (const rule of routing.definition.rules) {
    for (const id of rule.pool.users ?? []) named.add(id);
    for (const id of rule.pool.roles ?? []) roles.add(id);
    for (const id of rule.pool.teams ?? []) teams.add(id);
  }
  for (const preference of routing.definition.preferences ?? []) {
    for (const id of preference.prefer) named.add(id);
  }
  return users
    .filter(
      (user) =>
        named.has(user.id) ||
        (user.roles ?? []).some((role) => roles.has(role)) ||
        (user.teams ?? []).some((team) => teams.has(team)),
    )
    .map((user) => {
      const rep = snapshot.reps?.[user.id];
      return { user: user.id, status: rep?.status ?? user.status ?? AT_WORK, open: rep?.open ?? 0 };
    });
}

/**
 * The statuses an admin can give a rep: 在岗, then the statuses the routing skips.
 *
 * @example
 * statusChoices(app, 'lead-routing'); // ['在岗', '出差', '休假']
 */
export function statusChoices(app: CompiledApp, routingId: string): string[] {
  const skipped = app.routings.get(routingId)?.definition.constraints?.skipStatuses ?? [];
  return [AT_WORK, ...skipped.filter((status) => status !== AT_WORK)];
}
