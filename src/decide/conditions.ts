import type { AnswerCondition, Answers, Comparison, Context, SurveyCondition } from '../types';
import type { Reason } from './reason';
import { list } from '../config/rules';

// Numbers and numeric strings are numbers; everything else (booleans, null, "", "abc") is not.
const num = (v: unknown): number => (typeof v == 'number' ? v : typeof v == 'string' && v.trim() ? +v : NaN);

const holds = (op: string, a: unknown, b: unknown): boolean => {
  const x = num(a);
  const y = num(b);
  // `eq` is `in` one value: strict, except that a number equals its numeric string ("2" eq 2),
  // as context often comes from markup.
  return op == 'eq' || op == 'in' ? list(b).some((v) => a === v || ((typeof a == 'number' || typeof v == 'number') && x === num(v)))
    : op == 'lt' ? x < y
    : op == 'lte' ? x <= y
    : op == 'gt' ? x > y
    : op == 'gte' && x >= y;
};

/**
 * Whether `actual` satisfies `cmp` (a bare value is `eq`; every operator given must hold).
 * An array actual (a multiple choice answer) satisfies an operator when one of its values does;
 * `ne` holds when none equals. A missing actual fails everything but `ne`; an unknown operator fails.
 */
export function compare(cmp: Comparison, actual: unknown): boolean {
  const some = (op: string, b: unknown) => actual !== undefined && list(actual).some((a) => holds(op, a, b));
  return Object.entries(cmp === null || typeof cmp != 'object' ? { eq: cmp } : cmp).every(([op, b]) =>
    op == 'ne' ? !some('eq', b) : some(op, b),
  );
}

/**
 * Whole-string glob: `*` is any run of characters but `/` (one segment), `**` anything;
 * and a `/**` segment may be empty: `/checkout/**` matches `/checkout`, `/checkout/` and `/checkout/a/b`.
 * Every other character is literal.
 */
export function glob(pattern: string, text: string): boolean {
  const source = pattern.replace(/\/\*\*(?=\/|$)|\*\*?|[.+?^${}()|[\]\\]/g, (m) =>
    m == '/**' ? '(/.*)?' : m == '**' ? '.*' : m == '*' ? '[^/]*' : '\\' + m,
  );
  return new RegExp('^' + source + '$').test(text);
}

/** Null when the survey's `if` holds in `ctx`, else why not, naming the field and its actual value. */
export function checkSurvey(cond: SurveyCondition | undefined, ctx: Context): Reason | null {
  // A device name is a glob without wildcards. A missing value is tested as "undefined", which
  // only `*` and `**` match: patterns that accept anything.
  for (const key of ['path', 'url', 'device'] as const) {
    const patterns = cond?.[key];
    const actual = ctx[key];
    if (patterns != null && !list<string>(patterns).some((p) => glob(p, actual as string)))
      return ['if', key, actual, patterns];
  }
  for (const [key, cmp] of Object.entries(cond?.context || {}))
    if (!compare(cmp, ctx[key])) return ['if', 'context.' + key, ctx[key], cmp];
  return null;
}

/** Whether earlier answers satisfy a question's (or a thanks action's) `if`. */
export function checkAnswers(cond: AnswerCondition | undefined, answers: Answers): boolean {
  return !cond || Object.entries(cond).every(([id, cmp]) => compare(cmp, answers[id]));
}
