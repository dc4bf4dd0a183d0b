import { TEXT } from '../config/rules';
import type { ThumbsQuestion } from '../types';
import { among, type Checks, type QuestionSpec } from './spec';

/* Up and down; `labels` names each. Its view: ui/questions/thumbs.tsx. */

export const values = () => ['up', 'down'] as const;
/** The built-in words of the thumbs, in English; i18n/<code>.ts translate them. */
export const strings = { up: 'Yes', down: 'No' };

export const fields = (_: ThumbsQuestion, c: Checks) => ({ labels: c._list(TEXT, 'texts', [2]) });
export const fromLink = (_: ThumbsQuestion, raw: string) => among(values(), raw);
export const oneTap = () => true;

// Every piece, of the type it must have (checked by tsc; nothing at run time).
({ fields, values, fromLink, oneTap, strings }) satisfies QuestionSpec<ThumbsQuestion>;
