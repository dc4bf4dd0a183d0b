import type { RatingQuestion } from '../../types';
import { count, fill } from '../../i18n/strings';
import { scaleOf, values } from '../../questions/rating';
import { Icon } from '../icon';
import type { Store } from '../state';
import { Scale } from './scale';

const STAR = 'M12 2.8l2.8 5.8 6.4.9-4.6 4.5 1.1 6.3L12 17.3l-5.7 3 1.1-6.3-4.6-4.5 6.4-.9z';

/**
 * 1–`scale` as numbers ("3 of 5") or stars ("3 stars"); per-point labels join the names, and the
 * first and last labels show at the ends.
 */
export function Rating({ q, s }: { q: RatingQuestion; s: Store }) {
  const t = s._strings.value;
  const n = scaleOf(q);
  const stars = q.style == 'stars';
  const labels = (q.labels || []).map(s._text);
  const each = labels.length == n;
  const picked = s._answers.value[q.id] as number;
  return (
    <Scale
      q={q}
      s={s}
      kind={stars ? 'stars' : 'numbers'}
      ends={labels.length ? [labels[0], labels[labels.length - 1]] : undefined}
      points={values(q).map((value) => ({
        value,
        name: (stars ? count(t, 'stars', value, s._locale.value) : fill(t.of, { n: value, total: n })) + (each ? ', ' + labels[value - 1] : ''),
        body: stars ? <Icon d={STAR} /> : value,
        on: stars && value <= picked,
      }))}
    />
  );
}
