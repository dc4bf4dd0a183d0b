import type { TextQuestion } from '../../types';
import { textMax } from '../../questions/text';
import type { Store } from '../state';

/** A free-text answer, at most `maxLength` (default 1000) characters. */
export function Text({ q, s }: { q: TextQuestion; s: Store }) {
  return (
    <textarea
      aria-labelledby="question"
      rows={3}
      maxLength={textMax(q)}
      placeholder={s._text(q.placeholder) || undefined}
      value={(s._answers.value[q.id] as string) || ''}
      // Cut here too: a value set by a script ignores the attribute.
      onInput={(e) => s._set(q.id, e.currentTarget.value.slice(0, textMax(q)))}
    />
  );
}
