import { validMoment } from '../journey/sources';
import type { QuestionType, Settings, Survey } from '../types';

/** One thing wrong (or unknown) in the definitions; `path` is like `surveys[2].questions[0].scale`. */
export interface Problem {
  surveyId?: string;
  path: string;
  message: string;
  level: 'error' | 'warning';
}

/**
 * A check on one value: `test` passes (having reported any nested problems itself, at `path`,
 * which only rules of objects and arrays need) or the value "must be <expectation>".
 * A third element marks a required field.
 */
type Rule = [test: (v: any, path?: any) => boolean, expectation: string, required?: 1];
type Schema = Record<string, Rule>;
type Obj = Record<string, any>;

const isObj = (v: unknown): v is Obj => !!v && typeof v == 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v == 'string';
const isNum = (v: unknown): v is number => typeof v == 'number' && isFinite(v);
const filled = (v: unknown): v is Obj => isObj(v) && Object.keys(v).length > 0;
const isScalar = (v: unknown) => v === null || isStr(v) || isNum(v) || typeof v == 'boolean';

/** A value as the console shows it: compact JSON, truncated. */
function show(v: unknown): string {
  let s: string = typeof v;
  try {
    // JSON would show NaN and Infinity as null; circular values and BigInt throw: the type says enough
    s = typeof v == 'number' ? '' + v : JSON.stringify(v) ?? s;
  } catch {}
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}

/** The message for a value that misses an expectation. */
export const mustBe = (expectation: string, v: unknown) =>
  v === undefined ? `is missing (must be ${expectation})` : `must be ${expectation}, got ${show(v)}`;

/** A rule accepting one of the space-separated words. */
export const oneOf = (words: string): Rule => [(v) => words.split(' ').includes(v), `"${words.replace(/ /g, '" or "')}"`];

const req = ([test, expectation]: Rule): Rule => [test, expectation, 1];
const many = ([test, expectation]: Rule): Rule => [
  (v) => [].concat(v).every((x) => test(x)),
  expectation + ', or an array of them',
];
const range = (lo: number, hi = Infinity, integer?: boolean): Rule => [
  (v) => isNum(v) && v >= lo && v <= hi && (!integer || v % 1 == 0),
  `${integer ? 'an integer' : 'a number'} ${hi < Infinity ? `from ${lo} to ${hi}` : '>= ' + lo}`,
];

const BOOL: Rule = [(v) => typeof v == 'boolean', 'true or false'];
const TEXT: Rule = [
  (v) => isStr(v) || (filled(v) && Object.values(v).every(isStr)),
  'a string or a per-locale map of strings',
];
const SCALE = range(3, 10, true);
// Marked pure so that bundles using oneOf without the validator (the UI) drop this call.
const TYPE = /*#__PURE__*/ oneOf('emoji rating nps thumbs choice text');
const GLOBS = many([isStr, 'a glob string']);
// Accepted names come from the sources (journey/sources.ts); a unit test keeps this message naming each N.
const MOMENTS = many([(v) => isStr(v) && !!v && validMoment(v), 'a moment name (scroll:N with N an integer from 1 to 100, dwell:N or idle:N with N > 0 seconds)']);
// Only http(s) and relative links (also the endpoint's rule): the browser strips controls and spaces before reading a scheme.
export const LINK: Rule = [
  (v) => isStr(v) && !!v.trim() && !/^(?!https?:)[a-z][\w+.-]*:/i.test(v.replace(/[\0- ]/g, '')),
  'an http(s) or relative URL',
];
// An unknown operator is an error, not a warning: ignoring it would make the condition always hold.
// Numeric operators accept numeric strings ("42" >= 40).
const isOperation = (op: string, v: any) =>
  op == 'in' ? Array.isArray(v) && v.every(isScalar) : /^(eq|ne)$/.test(op) ? isScalar(v) : /^[lg]te?$/.test(op) && (isNum(v) || (isStr(v) && !!v.trim() && isFinite(+v)));
const COMPARISON: Rule = [
  (v) => isScalar(v) || (filled(v) && Object.keys(v).every((op) => isOperation(op, v[op]))),
  'a value, or an object of eq, ne, lt, lte, gt, gte (numbers), in (an array)',
];
const SETTINGS: Schema = { maxPerSession: range(0, Infinity, true), cooldownDays: range(0) };

/**
 * Validates a definitions document (or a bare array of surveys). Pure: returns the valid surveys
 * (the same objects, in order), the valid settings, and every problem found, each once.
 */
export function validateDefinitions(input: unknown): { surveys: Survey[]; settings: Settings; problems: Problem[] } {
  const problems: Problem[] = [];
  let surveyId: string | undefined;
  let failed: boolean;

  const report = (path: string, message: string, level: Problem['level'] = 'error') => {
    failed ||= level == 'error';
    problems.push({ surveyId, path, message, level });
  };
  const check = (path: string, v: unknown, [test, expectation]: Rule) => test(v, path) || report(path, mustBe(expectation, v));
  /** Checks the known fields of an object and, unless `lax`, warns about the others. */
  const fields = (o: unknown, path: string, schema: Schema, lax?: boolean) => {
    if (!isObj(o)) return false;
    const prefix = path && path + '.';
    for (const k in schema) if (o[k] !== undefined || schema[k][2]) check(prefix + k, o[k], schema[k]);
    if (!lax) for (const k in o) if (!(k in schema)) report(prefix + k, 'is not a known field (ignored)', 'warning');
    return true;
  };
  const obj = (schema: Schema): Rule => [(v, p) => fields(v, p, schema), 'an object'];
  /** An array of `what`: non-empty, or of one of the given lengths. */
  const list = (rule: Rule, what: string, lengths?: number[]): Rule => [
    (v, p) =>
      Array.isArray(v) &&
      (lengths ? lengths.includes(v.length) : v.length > 0) &&
      (v.forEach((x, i) => check(`${p}[${i}]`, x, rule)), true),
    lengths ? `an array of ${lengths.join(' or ')} ${what}` : 'a non-empty array of ' + what,
  ];
  const labels = (...lengths: number[]) => list(TEXT, 'texts', lengths);
  /** Non-empty strings, each used once among `seen`. */
  const unique = (seen: string[]): Rule => [
    (v, p) => isStr(v) && !!v && (seen.includes(v) ? report(p, `must be unique, got ${show(v)} again`) : seen.push(v), true),
    'a non-empty string',
  ];
  /** Comparisons by key; with `ids`, the keys must be ids of earlier questions. */
  const comparisons = (ids?: string[]): Rule => [
    (v, p) => {
      if (!isObj(v)) return false;
      for (const k in v) ids && !ids.includes(k) ? report(`${p}.${k}`, 'is not the id of an earlier question') : check(`${p}.${k}`, v[k], COMPARISON);
      return true;
    },
    'an object of comparisons',
  ];
  const option = (seen: string[]): Rule => [
    (o, p) => (isObj(o) ? fields(o, p, { value: req(unique(seen)), label: TEXT }) : unique(seen)[0](o, p)),
    'a non-empty string or an object { value, label? }',
  ];
  const typed = (q: Obj): Schema =>
    ({
      emoji: { labels: labels(5) },
      rating: { scale: SCALE, style: oneOf('stars numbers'), labels: labels(2, SCALE[0](q.scale) ? q.scale : 5) },
      nps: { labels: labels(2) },
      thumbs: { labels: labels(2) },
      choice: { options: req(list(option([]), 'options')), multiple: BOOL },
      text: { placeholder: TEXT, maxLength: range(1, 10000, true) },
    })[q.type as QuestionType];
  // `ids` grows as questions are checked: a question's `if` sees only the ones before it.
  const question = (ids: string[]): Rule => [
    (q, p) => {
      const known = TYPE[0](q?.type);
      return fields(q, p, { id: req(unique(ids)), type: req(TYPE), text: req(TEXT), if: comparisons(ids.slice()), ...(known && typed(q)) }, !known);
    },
    'an object',
  ];
  const survey = (seen: string[]): Schema => {
    const ids: string[] = [];
    return {
      id: req(unique(seen)),
      on: MOMENTS,
      delay: range(0),
      if: obj({ path: GLOBS, url: GLOBS, device: many(oneOf('mobile tablet desktop')), context: comparisons() }),
      sample: range(0, 1),
      limit: obj({ once: BOOL, cooldownDays: range(0) }),
      priority: [isNum, 'a finite number'],
      display: oneOf('popover inline'),
      questions: req(list(question(ids), 'questions')),
      thanks: obj({ text: TEXT, action: obj({ if: comparisons(ids), label: req(TEXT), url: req(LINK) }) }),
    };
  };

  const doc: Obj = isObj(input) ? input : { surveys: input };
  fields(doc, '', {
    $schema: [() => true, ''],
    surveys: req([Array.isArray, 'an array of surveys or { "surveys": [...] }']),
    settings: obj(SETTINGS),
  });
  // A bad setting is dropped alone: its default applies, the other settings stand.
  const settings: Obj = {};
  for (const k in SETTINGS) if (SETTINGS[k][0](doc.settings?.[k])) settings[k] = doc.settings[k];

  const seen: string[] = [];
  const surveys = (Array.isArray(doc.surveys) ? doc.surveys : []).filter((s: any, index: number) => {
    surveyId = (isStr(s?.id) && s.id) || undefined;
    failed = false;
    check(`surveys[${index}]`, s, obj(survey(seen)));
    return !failed;
  });
  return { surveys, settings, problems };
}

/** The one-line console text: `surveys[2] "nps-home": questions[0].scale must be an integer from 3 to 10, got 12`. */
export const formatProblem = ({ surveyId, path, message }: Problem) =>
  path.replace(/^(surveys\[\d+\])(\.?)/, (_, head, dot) => head + (surveyId ? ' ' + show(surveyId) : '') + (dot && ': ')) + ' ' + message;
