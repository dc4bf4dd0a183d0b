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
export interface UiType<Q extends Question> {
  _view: FunctionComponent<{ q: Q; s: Store }>;
  _oneTap: QuestionSpec<Q>['oneTap'];
  _fromLink: QuestionSpec<Q>['fromLink'];
}

/** Every question type, as the UI knows it: the compiler asks for each type and each piece. */
const TYPES: { [T in QuestionType]: UiType<Of<T>> } = {
  emoji: { _view: Emoji, _oneTap: emoji.oneTap, _fromLink: emoji.fromLink },
  rating: { _view: Rating, _oneTap: rating.oneTap, _fromLink: rating.fromLink },
  nps: { _view: Nps, _oneTap: nps.oneTap, _fromLink: nps.fromLink },
  thumbs: { _view: Thumbs, _oneTap: thumbs.oneTap, _fromLink: thumbs.fromLink },
  choice: { _view: Choice, _oneTap: choice.oneTap, _fromLink: choice.fromLink },
  text: { _view: Text, _oneTap: text.oneTap, _fromLink: text.fromLink },
};

/** The UI's pieces for this question's type (validated: its type is one of TYPES). */
export const typeOf = (q: Question) => TYPES[q.type] as UiType<Question>;
