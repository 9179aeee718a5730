import { absent, type Evaluator, type OperatorTable } from './spec.js';

function buildCat(args: readonly Evaluator[]): Evaluator {
  const [a, b] = args;
  const str = (value: unknown): string =>
    value === null || value === undefined ? '' : String(value);
  if (args.length === 1 && a) return (d, e) => str(a(d, e));
  if (args.length === 2 && a && b) return (d, e) => str(a(d, e)) + str(b(d, e));
  return (d, e) => {
    let out = '';
    for (const arg of args) out += str(arg(d, e));
    return out;
  };
}

/** `substr` with PHP's negative length, exactly as json-logic-js emulates it. */
function substr(source: unknown, start: unknown, length: unknown): string {
  const text = String(source);
  if ((length as number) < 0) {
    const rest = text.substr(start as number);
    return rest.substr(0, rest.length + (length as number));
  }
  return text.substr(start as number, length as number);
}

/** String operators of JsonLogic, and `log`, which hands its value to the caller's logger. */
export const stringOperators: OperatorTable = {
  cat: {
    build: (args, site) => {
      const cat = buildCat(args);
      return (d, e) => {
        const text = cat(d, e) as string;
        if (text.length > 4096) e.checkSize('cat', text.length, site.pointer);
        return text;
      };
    },
    result: 'string',
  },
  substr: {
    build:
      ([source = absent, start = absent, length = absent]) =>
      (d, e) =>
        substr(source(d, e), start(d, e), length(d, e)),
    result: 'string',
  },
  log: {
    // No I/O in the engine: the value goes to `context.log` when the caller gives one.
    build:
      ([value = absent]) =>
      (d, e) => {
        const result = value(d, e);
        const log = e.context['log'];
        if (typeof log === 'function') (log as (v: unknown) => void)(result);
        return result;
      },
  },
};
