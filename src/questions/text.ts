import { TEXT, range } from '../config/rules';
import type { TextQuestion } from '../types';
import type { QuestionSpec } from './spec';

/* Typed, not tapped: the answer is what the visitor writes, cut at `textMax`. Its view: ui/questions/text.tsx. */

/** A text answer's length limit: the question's `maxLength`, else 1000. */
export const textMax = (q: TextQuestion) => q.maxLength || 1000;

export const fields = () => ({ placeholder: TEXT, maxLength: range(1, 10000, true) });
export const values = () => [];
// A blank answer is no answer.
export const fromLink = (q: TextQuestion, raw: string) => raw.slice(0, textMax(q)) || undefined;
export const oneTap = () => false;

// Every piece, of the type it must have (checked by tsc; nothing at run time).
// Its words are the owner's own (`placeholder`): no built-in strings.
const strings = {};
({ fields, values, fromLink, oneTap, strings }) satisfies QuestionSpec<TextQuestion>;
