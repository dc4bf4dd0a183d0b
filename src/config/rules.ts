/*
 * The vocabulary of validation: what a value must be, as rules that config/validate.ts applies and
 * that each question type (src/questions/) composes for its own fields.
 */

/**
 * What a value must be, as data: config/messages.ts words it. The words travel only to a page that
 * has something to be told, so the script every visitor downloads carries no message text.
 */
export type Expect = string | ['range', number, number, boolean?] | ['many', Expect] | ['list', string, number[]?] | ['oneOf', string];

/**
 * A check on one value: `test` passes (having reported any nested problems itself, at `path`,
 * which only rules of objects and arrays need) or the value misses what `expect` says.
 * A third element marks a required field.
 */
export type Rule = [test: (v: any, path?: any) => boolean, expect: Expect, required?: 1];
export type Schema = Record<string, Rule>;
export type Obj = Record<string, any>;

export const isObj = (v: unknown): v is Obj => !!v && typeof v == 'object' && !Array.isArray(v);
export const isStr = (v: unknown): v is string => typeof v == 'string';
export const isNum = (v: unknown): v is number => typeof v == 'number' && isFinite(v);
export const keys = Object.keys;
export const filled = (v: unknown): v is Obj => isObj(v) && keys(v).length > 0;

/** Every way to write the values of `T` space-separated, each once: `'a b' | 'b a'`. */
type Spelled<T extends string, U extends string = T> = [T] extends [never] ? never : U extends U ? ([Exclude<T, U>] extends [never] ? U : `${U} ${Spelled<Exclude<T, U>>}`) : never;

/** A value or a list of values as a list (not `[].concat`, which takes a slow path for an object). */
export const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/**
 * A rule accepting one of the space-separated words, which must be exactly the values of `T` (a
 * type of types.ts, given at each use): the compiler refuses a list that lacks one or adds another.
 */
export const oneOf = <T extends string = never>(words: Spelled<NoInfer<T>>): Rule => {
  const allowed = words.split(' ');
  return [(v) => allowed.includes(v), ['oneOf', words]];
};

export const req = ([test, expect]: Rule): Rule => [test, expect, 1];
export const many = ([test, expect]: Rule): Rule => [(v) => list(v).every((x) => test(x)), ['many', expect]];
export const range = (lo: number, hi = Infinity, integer?: boolean): Rule => [
  (v) => isNum(v) && v >= lo && v <= hi && (!integer || v % 1 == 0),
  ['range', lo, hi, integer],
];

export const BOOL: Rule = [(v) => typeof v == 'boolean', 'boolean'];
export const TEXT: Rule = [(v) => isStr(v) || (filled(v) && Object.values(v).every(isStr)), 'text'];

/**
 * Only http(s) and relative links: the endpoint's rule, a thanks action's, and the UI's before it
 * follows one. The browser strips controls and spaces before reading a scheme (`java\nscript:`).
 */
export const isLink = (v: unknown): v is string => isStr(v) && !!v.trim() && !/^(?!https?:)[a-z][\w+.-]*:/i.test(v.replace(/[\0- ]/g, ''));
