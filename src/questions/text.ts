import { TEXT, range } from '../config/rules';
import type { TextQuestion } from '../types';

/* Typed, not tapped: the answer is what the visitor writes, cut at `textMax`. Its view: ui/questions/text.tsx. */

/** A text answer's length limit: the question's `maxLength`, else 1000. */
export const textMax = (q: TextQuestion) => q.maxLength || 1000;

export const fields = () => ({ placeholder: TEXT, maxLength: range(1, 10000, true) });
export const values = () => [];
// A blank answer is no answer.
export const fromLink = (q: TextQuestion, raw: string) => raw.slice(0, textMax(q)) || undefined;
export const oneTap = () => false;
