import { validMoment } from '../journey/sources';
import * as choice from '../questions/choice';
import * as emoji from '../questions/emoji';
import * as nps from '../questions/nps';
import * as rating from '../questions/rating';
import type { Checks, Registry } from '../questions/spec';
import * as text from '../questions/text';
import * as thumbs from '../questions/thumbs';
import type { Device, Options, Position, QuestionType, Settings, Survey, Theme } from '../types';
import { BOOL, TEXT, filled, isLink, isNum, isObj, isStr, keys, many, oneOf, range, req, type Expect, type Obj, type Rule, type Schema } from './rules';

export type { Expect };

/**
 * One thing wrong (or unknown) in the definitions or options; `path` is like `surveys[2].questions[0].scale`.
 * `expect` says what the value must be, or one of `unknown` (a field we ignore), `unique`, `earlier`
 * (not the id of an earlier question).
 */
export interface Problem {
  surveyId?: string;
  path: string;
  expect: Expect;
  value?: unknown;
  level: 'error' | 'warning';
  /** Set on an option's problem (`checkOptions`): config/messages.ts says what follows (`the default applies`). */
  option?: true;
}

const isScalar = (v: unknown) => v === null || isStr(v) || isNum(v) || BOOL[0](v);

const GLOBS = many([isStr, 'glob']);
// Accepted names come from the sources (journey/sources.ts); a unit test keeps the message (config/messages.ts) naming each N.
const MOMENTS = many([(v) => isStr(v) && !!v && validMoment(v), 'moment']);
const LINK: Rule = [isLink, 'link'];
/** Each question type's own fields (src/questions/<type>.ts): the compiler asks for every type. */
const FIELDS: Record<QuestionType, (q: any, checks: Checks) => Schema> = {
  emoji: emoji.fields,
  rating: rating.fields,
  nps: nps.fields,
  thumbs: thumbs.fields,
  choice: choice.fields,
  text: text.fields,
} satisfies Registry<'fields'>;
// The types are the registry's: a type with its fields there is valid.
const TYPE = (oneOf as (words: string) => Rule)(keys(FIELDS).join(' '));
// An unknown operator is an error, not a warning: ignoring it would make the condition always hold.
// Numeric operators accept numeric strings ("42" >= 40).
const isOperation = (op: string, v: any) =>
  op == 'in' ? Array.isArray(v) && v.every(isScalar) : /^(eq|ne)$/.test(op) ? isScalar(v) : /^[lg]te?$/.test(op) && (isNum(v) || (isStr(v) && !!v.trim() && isFinite(+v)));
const COMPARISON: Rule = [(v) => isScalar(v) || (filled(v) && keys(v).every((op) => isOperation(op, v[op]))), 'comparison'];
const SETTINGS: Schema = { maxPerSession: range(0, Infinity, true), cooldownDays: range(0) };

/**
 * Validates a definitions document (or a bare array of surveys). Pure: returns the valid surveys
 * (the same objects, in order), the valid settings, and every problem found, each once.
 */
export function validateDefinitions(input: unknown): { surveys: Survey[]; settings: Settings; problems: Problem[] } {
  const problems: Problem[] = [];
  let surveyId: string | undefined;
  let failed: boolean;

  const report = (path: string, expect: Expect, value?: unknown, level: Problem['level'] = 'error') => {
    failed ||= level == 'error';
    problems.push({ surveyId, path, expect, value, level });
  };
  const check = (path: string, v: unknown, [test, expect]: Rule) => test(v, path) || report(path, expect, v);
  /** Checks the known fields of an object and, unless `lax`, warns about the others. */
  const fields = (o: unknown, path: string, schema: Schema, lax?: boolean) => {
    if (!isObj(o)) return false;
    const prefix = path && path + '.';
    // Own keys only: a page may have added an enumerable `Object.prototype.toJSON`.
    for (const k of keys(schema)) if (o[k] !== undefined || schema[k][2]) check(prefix + k, o[k], schema[k]);
    if (!lax) for (const k of keys(o)) if (!(k in schema)) report(prefix + k, 'unknown', o[k], 'warning');
    return true;
  };
  const obj = (schema: Schema): Rule => [(v, p) => fields(v, p, schema), 'object'];
  /** An array of `what`: non-empty, or of one of the given lengths. */
  const list = (rule: Rule, what: string, lengths?: number[]): Rule => [
    (v, p) =>
      Array.isArray(v) &&
      (lengths ? lengths.includes(v.length) : v.length > 0) &&
      (v.forEach((x, i) => check(`${p}[${i}]`, x, rule)), true),
    ['list', what, lengths],
  ];
  /** Non-empty strings, each used once among `seen` (a Set: thousands of surveys stay linear). */
  const unique = (seen: Set<string>): Rule => [
    (v, p) => isStr(v) && !!v && (seen.has(v) ? report(p, 'unique', v) : seen.add(v), true),
    'string',
  ];
  /** Comparisons by key; with `ids`, the keys must be ids of earlier questions. */
  const comparisons = (ids?: Set<string>): Rule => [
    (v, p) => {
      if (!isObj(v)) return false;
      for (const k of keys(v)) ids && !ids.has(k) ? report(`${p}.${k}`, 'earlier') : check(`${p}.${k}`, v[k], COMPARISON);
      return true;
    },
    'comparisons',
  ];
  const option = (seen: Set<string>): Rule => [
    (o, p) => (isObj(o) ? fields(o, p, { value: req(unique(seen)), label: TEXT }) : unique(seen)[0](o, p)),
    'option',
  ];
  const checks: Checks = { _list: list, _option: option };
  // Built once, not once per survey or question, so that thousands of surveys allocate little: `ids`
  // (the survey's question ids so far) is emptied for each survey.
  const seen = new Set<string>();
  const ids = new Set<string>();
  // A question's `if` is checked before its `id` is counted: it sees only the questions before it.
  const base: Schema = { if: comparisons(ids), id: req(unique(ids)), type: req(TYPE), text: req(TEXT) };
  const question: Rule = [
    (q, p) => {
      const known = TYPE[0](q?.type);
      return fields(q, p, known ? { ...base, ...FIELDS[q.type as QuestionType](q, checks) } : base, !known);
    },
    'object',
  ];
  const survey = obj({
    id: req(unique(seen)),
    on: MOMENTS,
    delay: range(0),
    if: obj({ path: GLOBS, url: GLOBS, device: many(oneOf<Device>('mobile tablet desktop')), context: comparisons() }),
    sample: range(0, 1),
    limit: obj({ once: BOOL, cooldownDays: range(0) }),
    priority: [isNum, 'number'],
    display: oneOf<NonNullable<Survey['display']>>('popover inline'),
    questions: req(list(question, 'questions')),
    thanks: obj({ text: TEXT, action: obj({ if: comparisons(ids), label: req(TEXT), url: req(LINK) }) }),
  });

  const doc: Obj = isObj(input) ? input : { surveys: input };
  fields(doc, '', {
    $schema: [() => true, ''],
    surveys: req([Array.isArray, 'surveys']),
    settings: obj(SETTINGS),
  });
  // A bad setting is dropped alone: its default applies, the other settings stand.
  const settings: Obj = {};
  for (const k of keys(SETTINGS)) if (SETTINGS[k][0](doc.settings?.[k])) settings[k] = doc.settings[k];

  const surveys = (Array.isArray(doc.surveys) ? doc.surveys : []).filter((s: any, index: number) => {
    surveyId = (isStr(s?.id) && s.id) || undefined;
    failed = false;
    ids.clear();
    check(`surveys[${index}]`, s, survey);
    return !failed;
  });
  return { surveys, settings, problems };
}

/** The options checked at start; what follows when one is wrong is said by config/messages.ts `FOLLOWS`. */
const OPTIONS: [keyof Options, Rule, Problem['level']][] = [
  ['endpoint', LINK, 'error'],
  ['consent', oneOf<NonNullable<Options['consent']>>('required'), 'warning'],
  ['theme', oneOf<Theme>('light dark auto'), 'warning'],
  ['position', oneOf<Position>('bottom-right bottom-left top-right top-left center'), 'warning'],
];

/**
 * The options as the widget uses them, and what was wrong with them: an endpoint that is not
 * http(s) is refused (a `data:` one would swallow every event without a word); an unknown theme or
 * position gives way to the default; a mistyped consent counts as "required".
 */
export function checkOptions(options: Options): [Options, Problem[]] {
  const checked = { ...options };
  const problems: Problem[] = [];
  for (const [path, [test, expect], level] of OPTIONS) {
    const value = options[path];
    if (value == null || test(value)) continue;
    problems.push({ path, expect, value, level, option: true });
    // A mistyped consent stays set: anything set there means required.
    if (path != 'consent') delete checked[path];
  }
  return [checked, problems];
}
