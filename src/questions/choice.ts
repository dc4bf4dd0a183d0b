import { BOOL, req } from '../config/rules';
import type { ChoiceQuestion } from '../types';
import { among, type Checks, type QuestionSpec } from './spec';

/*
 * Options, each a value (and a label); with `multiple`, several may be ticked and the answer is an
 * array of values. Its view: ui/questions/choice.tsx.
 */

export const fields = (_: ChoiceQuestion, c: Checks) => ({ options: req(c._list(c._option(new Set()), 'options')), multiple: BOOL });
export const values = (q: ChoiceQuestion) => q.options.map((o) => (typeof o == 'string' ? o : o.value));
export const fromLink = (q: ChoiceQuestion, raw: string) => {
  const value = among(values(q), raw);
  return q.multiple && value ? [value as string] : value;
};
export const oneTap = (q: ChoiceQuestion) => !q.multiple;

// Every piece, of the type it must have (checked by tsc; nothing at run time).
// Its words are the owner's own (`options`): no built-in strings.
const strings = {};
({ fields, values, fromLink, oneTap, strings }) satisfies QuestionSpec<ChoiceQuestion>;
