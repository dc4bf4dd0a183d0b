import { values } from '../../questions/emoji';
import type { EmojiQuestion } from '../../types';
import { Icon } from '../icon';
import type { Store } from '../state';
import { Scale } from './scale';

// Five expressions told apart by shape, not only by their colour (red to green, set in the styles):
// frowning brows, a frown, a flat mouth, a smile, closed happy eyes over an open grin.
const EYES = 'M9 9.5v1M15 9.5v1';
const FEATURES = [
  EYES + 'M7 6.5l3 1.5M17 6.5l-3 1.5M8 17.5q4-4.5 8 0',
  EYES + 'M8.5 16.5q3.5-2.5 7 0',
  EYES + 'M8.5 15.5h7',
  EYES + 'M8 14q4 4 8 0',
  'M7.5 10q1.5-2 3 0m3 0q1.5-2 3 0M7.5 13.5h9a4.5 4.5 0 0 1-9 0z',
];

/** Five faces, very unhappy (1) to delighted (5), named by `labels` or the built-in names (the styles show the name under the pointer or focus). */
export function Emoji({ q, s }: { q: EmojiQuestion; s: Store }) {
  return (
    <Scale
      q={q}
      s={s}
      kind="faces"
      points={values().map((value) => ({
        value,
        name: s._text(q.labels?.[value - 1]) || s._strings.value['emoji' + value],
        body: <Icon d={'M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0' + FEATURES[value - 1]} />,
      }))}
    />
  );
}
