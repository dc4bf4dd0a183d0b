import type { Rule, Schema } from '../config/rules';
import type { AnswerValue, Question, QuestionType } from '../types';

/*
 * A question type is declared once, in `questions/<type>.ts` (its view in `ui/questions/<type>.tsx`).
 * Its pieces go to different files: `fields` to the script on every page (config/validate.ts),
 * `values`, `fromLink` and `oneTap` to the UI file. Each registry reads them by name
 * (`emoji.fields`), so that the bundler keeps only the pieces a file uses; each registry is typed
 * `Registry<piece>`, so that a type missing from one fails `tsc`.
 */

/** The question of this type: `Of<'rating'>` is `RatingQuestion`. */
export type Of<T extends QuestionType> = Extract<Question, { type: T }>;

/** The rules of config/validate.ts that report as they go (items of a list, values unique within the question). */
export interface Checks {
  /** An array of `what` whose items follow `rule`, each reported at its index: non-empty, or of one of the given lengths. */
  _list(rule: Rule, what: string, lengths?: number[]): Rule;
  /** A choice option: a string or `{ value, label? }`, its value not in `seen` yet. */
  _option(seen: Set<string>): Rule;
}

/**
 * The pieces of a question type, each a named export of `questions/<type>.ts`; the registries that
 * read them check their types.
 */
export interface QuestionSpec<Q extends Question> {
  /** Its own fields (besides id, type, text and if), for config/validate.ts; `q` is still unchecked. */
  fields(q: Q, checks: Checks): Schema;
  /** The answers a tap gives, in order: the view's points, and what a link may answer. Empty for a typed answer. */
  values(q: Q): readonly AnswerValue[];
  /** A link's `ressenti_answer` as its answer, or undefined when it is not one. */
  fromLink(q: Q, raw: string): AnswerValue | undefined;
  /** One tap on a value answers it (no Next button). */
  oneTap(q: Q): boolean;
  /** Its built-in strings, in English (spread into `en`, i18n/strings.ts; every language must then translate them). */
  strings: Record<string, string>;
}

/** One piece of every question type, by type: what a bundle's registry holds. */
export type Registry<K extends keyof QuestionSpec<Question>> = { [T in QuestionType]: QuestionSpec<Of<T>>[K] };

/**
 * `[from, …, to]`. Not `Array.from({ length }, fn)`: Prototype.js (Magento 1 shops) replaces
 * `Array.from` with a copy that ignores `fn`, and MooTools with one that wraps its argument.
 */
export const upTo = (from: number, to: number) => {
  const all = [];
  while (from <= to) all.push(from++);
  return all;
};

/** The value among `values` that a link writes as `raw` (`"7"` is 7): written plainly, not `07` or `7.0`. */
export const among = (values: readonly AnswerValue[], raw: string) => values.find((v) => '' + v == raw);
