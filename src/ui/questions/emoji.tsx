import type { EmojiQuestion } from '../../types';
import { Icon } from '../icon';
import type { Store } from '../state';
import { Scale, range } from './scale';

/** A face: outline, eyes, and a mouth curving from a frown (`mood` -2) to a smile (+2). */
const face = (mood: number) => {
  const k = mood * 1.8;
  const y = 15.5 - k * 0.4;
  return `M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0M9 9.5v1M15 9.5v1M8 ${y}Q12 ${15.5 + k} 16 ${y}`;
};

/** Five faces, very unhappy (1) to delighted (5), named by `labels` or the built-in names. */
export function Emoji({ q, s }: { q: EmojiQuestion; s: Store }) {
  return (
    <Scale
      q={q}
      s={s}
      kind="emo"
      points={range(1, 5).map((value) => ({
        value,
        name: s.tx(q.labels?.[value - 1]) || s.t.value['emoji' + value],
        body: <Icon d={face(value - 3)} />,
      }))}
    />
  );
}
