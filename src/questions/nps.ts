import { TEXT } from '../config/rules';
import type { NpsQuestion } from '../types';
import { among, upTo, type Checks, type QuestionSpec } from './spec';

/* 0 (not at all likely) to 10 (extremely likely); `labels` are the two ends. Its view: ui/questions/nps.tsx. */

/** The built-in ends of the scale, in English; i18n/<code>.ts translate them. */
export const strings = { npsLow: 'Not at all likely', npsHigh: 'Extremely likely' };

export const fields = (_: NpsQuestion, c: Checks) => ({ labels: c._list(TEXT, 'texts', [2]) });
export const values = () => upTo(0, 10);
export const fromLink = (_: NpsQuestion, raw: string) => among(values(), raw);
export const oneTap = () => true;

// Every piece, of the type it must have (checked by tsc; nothing at run time).
({ fields, values, fromLink, oneTap, strings }) satisfies QuestionSpec<NpsQuestion>;
