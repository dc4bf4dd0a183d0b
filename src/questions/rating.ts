import { TEXT, oneOf, range } from '../config/rules';
import type { RatingQuestion } from '../types';
import { among, upTo, type Checks, type QuestionSpec } from './spec';

/* 1 to `scale` (3 to 10; 5 when absent: CSAT is 5, CES 7), as stars or numbers. Its view: ui/questions/rating.tsx. */

const SCALE = /*#__PURE__*/ range(3, 10, true);

/**
 * The built-in name of a star ("3 stars"; a numbered point is "3 of 5", the shared `of`), in English;
 * i18n/<code>.ts translate it, with the plural forms their language needs (`stars_few`…, see `count`).
 */
export const strings = {
  /** In the plural form for 1 (`Intl.PluralRules` "one"). */
  stars_one: '{n} star',
  /** …and in the general form ("other"). */
  stars: '{n} stars',
};

// `labels` are the two ends, or one per point (of a valid scale: a wrong one is reported on its own).
export const fields = (q: RatingQuestion, c: Checks) => ({
  scale: SCALE,
  style: oneOf<NonNullable<RatingQuestion['style']>>('stars numbers'),
  labels: c._list(TEXT, 'texts', [2, SCALE[0](q.scale) ? q.scale! : 5]),
});
/** Its number of points. */
export const scaleOf = (q: RatingQuestion) => q.scale || 5;
export const values = (q: RatingQuestion) => upTo(1, scaleOf(q));
export const fromLink = (q: RatingQuestion, raw: string) => among(values(q), raw);
export const oneTap = () => true;

// Every piece, of the type it must have (checked by tsc; nothing at run time).
({ fields, values, fromLink, oneTap, strings }) satisfies QuestionSpec<RatingQuestion>;
