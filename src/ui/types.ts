import type { FunctionComponent } from 'preact';
import * as choice from '../questions/choice';
import * as emoji from '../questions/emoji';
import * as nps from '../questions/nps';
import * as rating from '../questions/rating';
import type { Of, QuestionSpec } from '../questions/spec';
import * as text from '../questions/text';
import * as thumbs from '../questions/thumbs';
import type { Question, QuestionType } from '../types';
import { Choice } from './questions/choice';
import { Emoji } from './questions/emoji';
import { Nps } from './questions/nps';
import { Rating } from './questions/rating';
import { Text } from './questions/text';
import { Thumbs } from './questions/thumbs';
import type { Store } from './state';

/** What the UI file needs of a question type: its view, and the pieces of `questions/<type>.ts` it uses. */
export type UiType<Q extends Question> = [view: FunctionComponent<{ q: Q; s: Store }>, oneTap: QuestionSpec<Q>['oneTap'], fromLink: QuestionSpec<Q>['fromLink']];

/** Every question type, as the UI knows it: the compiler asks for each type and each piece. */
const TYPES: { [T in QuestionType]: UiType<Of<T>> } = {
  emoji: [Emoji, emoji.oneTap, emoji.fromLink],
  rating: [Rating, rating.oneTap, rating.fromLink],
  nps: [Nps, nps.oneTap, nps.fromLink],
  thumbs: [Thumbs, thumbs.oneTap, thumbs.fromLink],
  choice: [Choice, choice.oneTap, choice.fromLink],
  text: [Text, text.oneTap, text.fromLink],
};

/** The UI's pieces for this question's type (validated: its type is one of TYPES). */
export const typeOf = (q: Question) => TYPES[q.type] as UiType<Question>;
