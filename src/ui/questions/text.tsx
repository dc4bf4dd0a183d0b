import type { TextQuestion } from '../../types';
import type { Store } from '../state';

/** A free-text answer, at most `maxLength` (default 1000) characters. */
export function Text({ q, s }: { q: TextQuestion; s: Store }) {
  return (
    <textarea
      aria-labelledby="q"
      rows={3}
      maxLength={q.maxLength || 1000}
      placeholder={s.tx(q.placeholder) || undefined}
      value={(s.answers.value[q.id] as string) || ''}
      onInput={(e) => s.set(q.id, e.currentTarget.value)}
    />
  );
}
