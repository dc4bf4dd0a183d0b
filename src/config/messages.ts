import type { SourceName } from '../journey/sources';
import type { Expect, Problem } from './validate';

/*
 * The words of every problem config/validate.ts finds. Loaded only on a page that has a problem to
 * tell (the script tag fetches `ressenti-messages.min.js`, the npm build a chunk): healthy pages,
 * nearly all of them, never download it.
 */

/**
 * The N each built-in moment source takes (journey/sources.ts `SOURCES`), in words; '' for a source
 * that takes none. Typed by source, so that a new one must say.
 */
const N: Record<SourceName, string> = {
  scroll: 'an integer from 1 to 100',
  dwell: '> 0 seconds',
  idle: '> 0 seconds',
  'exit-intent': '',
  'rage-click': '',
};

/** The `name:N` forms, those with the same N together: `scroll:N with N …, dwell:N or idle:N with N > 0 seconds`. */
function nForms(): string {
  const byWords: Record<string, string[]> = {};
  for (const name of Object.keys(N) as SourceName[]) if (N[name]) (byWords[N[name]] ||= []).push(name + ':N');
  return Object.keys(byWords)
    .map((words) => `${byWords[words].join(' or ')} with N ${words}`)
    .join(', ');
}

const WORDS: Record<string, string> = {
  boolean: 'true or false',
  text: 'a string or a per-locale map of strings',
  glob: 'a glob string',
  moment: `a moment name (${nForms()})`,
  link: 'an http(s) or relative URL',
  comparison: 'a value, or an object of eq, ne, lt, lte, gt, gte (numbers), in (an array)',
  comparisons: 'an object of comparisons',
  object: 'an object',
  option: 'a non-empty string or an object { value, label? }',
  string: 'a non-empty string',
  number: 'a finite number',
  surveys: 'an array of surveys or { "surveys": [...] }',
};

/** What follows a wrong option (config/validate.ts `checkOptions`), by its name. */
const FOLLOWS: { [path in 'endpoint' | 'consent' | 'theme' | 'position']: string } = {
  endpoint: 'nothing is sent',
  consent: 'treated as "required"',
  theme: 'the default applies',
  position: 'the default applies',
};

/** A value as the console shows it: compact JSON, truncated. */
export function show(v: unknown): string {
  let s: string = typeof v;
  try {
    // JSON would show NaN and Infinity as null; circular values and BigInt throw: the type says enough
    s = typeof v == 'number' ? '' + v : JSON.stringify(v) ?? s;
  } catch {}
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}

/** What `expect` asks for, in words: `an integer from 3 to 10`. */
export function describe(expect: Expect): string {
  if (typeof expect == 'string') return WORDS[expect];
  const [kind, a, b, integer] = expect;
  return kind == 'range' ? `${integer ? 'an integer' : 'a number'} ${b < Infinity ? `from ${a} to ${b}` : '>= ' + a}`
    : kind == 'many' ? describe(a) + ', or an array of them'
    : kind == 'list' ? (b ? `an array of ${b.join(' or ')} ${a}` : 'a non-empty array of ' + a)
    : `"${a.replace(/ /g, '" or "')}"`;
}

/** The message for one problem, after its path: `must be an integer from 3 to 10, got 12`. */
function message({ expect, value }: Problem): string {
  return expect == 'unknown' ? 'is not a known field (ignored)'
    : expect == 'unique' ? `must be unique, got ${show(value)} again`
    : expect == 'earlier' ? 'is not the id of an earlier question'
    : value === undefined ? `is missing (must be ${describe(expect)})`
    : `must be ${describe(expect)}, got ${show(value)}`;
}

/** The one-line console text: `surveys[2] "nps-home": questions[0].scale must be an integer from 3 to 10, got 12`. */
export const formatProblem = (problem: Problem): string =>
  problem.path.replace(/^(surveys\[\d+\])(\.?)/, (_, head, dot) => head + (problem.surveyId ? ' ' + show(problem.surveyId) : '') + (dot && ': ')) +
  ' ' +
  message(problem) +
  (problem.option ? '; ' + FOLLOWS[problem.path as 'theme'] : '');
