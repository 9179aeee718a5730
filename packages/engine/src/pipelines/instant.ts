/** The instant of an action, from the context's `now` (never from a clock). */
import type { HandleContext, Instant } from '../app/types.js';
import { toInstant } from '../expr/domain/time.js';

/**
 * `ctx.now` as UTC epoch milliseconds; ISO text without an offset is read in `zone`. A `now`
 * that is not a time gives `fallback`, so that a result stays well-formed.
 *
 * @example
 * instantOf({ now: '2024-06-03T09:00:00+08:00' }, 'Asia/Shanghai', 0); // 1717376400000
 */
export function instantOf(ctx: HandleContext, zone: string, fallback: Instant): Instant {
  return toInstant(ctx.now, zone) ?? fallback;
}
