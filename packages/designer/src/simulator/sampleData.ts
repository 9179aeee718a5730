/**
 * What the simulator starts from, read from the app's files: the sample records app.json
 * lists (`sampleData`), and a directory of users (a `users.json` such as
 * `simulations/users.json`, then the users the app's tests name) for the actor picker,
 * recipients and approvers.
 */
import type { DirectoryUser } from '@ruleloom/engine';
import type { SampleRecord } from './simulationRun.js';

/** A sample record with the file it came from. */
export interface SampleEntry extends SampleRecord {
  readonly file: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The sample records of the files app.json lists in `sampleData`: `{ id, values }` objects, or
 * the values themselves (then `id` is theirs or `<entity>-<n>`). Files that are missing or not
 * lists are left out (the problems panel reports them).
 *
 * @example
 * sampleRecordsOf(files).find((r) => r.id === 'L1'); // { entity: 'lead', id: 'L1', values: { intentGrade: 'B', … }, file: 'sample-data/leads.json' }
 */
export function sampleRecordsOf(files: Readonly<Record<string, unknown>>): SampleEntry[] {
  const manifest = files['app.json'];
  const lists =
    isObject(manifest) && Array.isArray(manifest['sampleData']) ? manifest['sampleData'] : [];
  return lists.flatMap((list: unknown) => {
    if (!isObject(list)) return [];
    const { entity, file } = list;
    const records = typeof file === 'string' ? files[file] : undefined;
    if (typeof entity !== 'string' || typeof file !== 'string' || !Array.isArray(records)) {
      return [];
    }
    return records.flatMap((item: unknown, index) => {
      if (!isObject(item)) return [];
      const values = isObject(item['values']) ? item['values'] : item;
      const id = typeof item['id'] === 'string' ? item['id'] : `${entity}-${index + 1}`;
      return [{ entity, id, values, file }];
    });
  });
}

function usersIn(value: unknown): DirectoryUser[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (user: unknown): user is DirectoryUser => isObject(user) && typeof user['id'] === 'string',
  );
}

function withoutStatus(user: DirectoryUser): DirectoryUser {
  return Object.fromEntries(
    Object.entries(user).filter(([key]) => key !== 'status'),
  ) as unknown as DirectoryUser;
}

/**
 * The users the simulator knows: every `users.json` of the app folder (e.g.
 * `simulations/users.json`, as `ruleloom simulate` reads), then the `given.users` of the
 * app's tests. The first mention of an id wins, and what it leaves out (teams, manager,
 * roles) is filled in from later mentions, so that a rep listed in users.json without teams
 * still belongs to the routing teams the S42 tests give them. A status (出差, 休假) counts
 * only from a users.json: in a test it is that test's situation, not the directory.
 *
 * @example
 * directoryOf(files).map((u) => u.id); // ['zhangwei', 'zhoumin', 'zhaogang', 'chenjing', 'liuyang', …]
 */
export function directoryOf(files: Readonly<Record<string, unknown>>): DirectoryUser[] {
  const found = new Map<string, DirectoryUser>();
  const add = (users: readonly DirectoryUser[], fromTest: boolean): void => {
    for (const user of users) {
      const mention = fromTest ? withoutStatus(user) : user;
      const known = found.get(user.id);
      found.set(user.id, known ? { ...mention, ...known } : mention);
    }
  };
  const paths = Object.keys(files).sort();
  for (const path of paths) {
    if (path === 'users.json' || path.endsWith('/users.json')) add(usersIn(files[path]), false);
  }
  const manifest = files['app.json'];
  const tests = isObject(manifest) && Array.isArray(manifest['tests']) ? manifest['tests'] : [];
  for (const path of tests) {
    const test = typeof path === 'string' ? files[path] : undefined;
    const given = isObject(test) ? test['given'] : undefined;
    if (isObject(given)) add(usersIn(given['users']), true);
  }
  return [...found.values()];
}

/**
 * A short summary of a record's values for a picker: its name-like fields first.
 *
 * @example
 * recordSummary({ name: '沈佳怡', company: '宁波甬优医疗器械有限公司', intentGrade: 'B' }); // '沈佳怡 · 宁波甬优医疗器械有限公司'
 */
export function recordSummary(values: Readonly<Record<string, unknown>>): string {
  const preferred = ['name', 'title', 'company', 'customerName'];
  const texts = [
    ...preferred.map((key) => values[key]),
    ...Object.entries(values)
      .filter(([key]) => !preferred.includes(key))
      .map(([, value]) => value),
  ].filter((value): value is string => typeof value === 'string' && value.length > 1);
  return [...new Set(texts)].slice(0, 2).join(' · ');
}
