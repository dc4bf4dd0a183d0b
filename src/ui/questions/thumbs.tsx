import { values } from '../../questions/thumbs';
import type { ThumbsQuestion } from '../../types';
import { Icon } from '../icon';
import type { Store } from '../state';
import { Scale } from './scale';

const THUMB = 'M7 11v10H4a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1h3l4-8a2.5 2.5 0 0 1 3 2.5V9h5.3a2 2 0 0 1 2 2.3l-1.3 8a2 2 0 0 1-2 1.7H7';

/** Up and down, with their words next to the thumbs: `labels` (`[up, down]`) or "Yes" / "No". */
export function Thumbs({ q, s }: { q: ThumbsQuestion; s: Store }) {
  return (
    <Scale
      q={q}
      s={s}
      kind="thumbs"
      points={values().map((value, i) => ({
        value,
        body: [<Icon d={THUMB} />, s._text(q.labels?.[i]) || s._strings.value[value]], // the styles turn the second thumb down
      }))}
    />
  );
}
