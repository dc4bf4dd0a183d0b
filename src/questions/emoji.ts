import { TEXT } from '../config/rules';
import type { EmojiQuestion } from '../types';
import { among, upTo, type Checks, type QuestionSpec } from './spec';

/*
 * Five faces, very unhappy (1) to delighted (5); `labels` names each. Its view: ui/questions/emoji.tsx.
 * The pieces of a question type are named exports, read by name (see spec.ts).
 */

const FACES = 5;

/** Its built-in names of the faces (`emoji1` very unhappy … `emoji5` delighted), in English; i18n/<code>.ts translate them. */
export const strings = {
  emoji1: 'Very unhappy',
  emoji2: 'Unhappy',
  emoji3: 'Neutral',
  emoji4: 'Happy',
  emoji5: 'Delighted',
};

export const fields = (_: EmojiQuestion, c: Checks) => ({ labels: c._list(TEXT, 'texts', [FACES]) });
export const values = () => upTo(1, FACES);
export const fromLink = (_: EmojiQuestion, raw: string) => among(values(), raw);
export const oneTap = () => true;

// Every piece, of the type it must have (checked by tsc; nothing at run time).
({ fields, values, fromLink, oneTap, strings }) satisfies QuestionSpec<EmojiQuestion>;
