/**
 * What names mean where they stand. At the top they are the record's fields. Inside the body
 * of MAP, FILTER, ALL, SOME and NONE JsonLogic evaluates with the current item as the data, so
 * only the item is visible (`item`); inside REDUCE the data is `{current, accumulator}`
 * (`item` and `acc`).
 */
export type Scope =
  { readonly kind: 'record' } | { readonly kind: 'item' | 'reduce'; readonly function: string };

/** The record scope: names are fields. */
export const RECORD_SCOPE: Scope = { kind: 'record' };

/** The word for the current item inside a list function's body (any letter case). */
export const ITEM_WORD = 'item';

/** The word for the running value inside REDUCE's body (any letter case). */
export const ACCUMULATOR_WORD = 'acc';

/** JsonLogic's key for the current item inside a `reduce` body. */
export const REDUCE_ITEM = 'current';

/** JsonLogic's key for the running value inside a `reduce` body. */
export const REDUCE_ACCUMULATOR = 'accumulator';
