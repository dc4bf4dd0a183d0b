import { useEffect, useRef } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { fill } from '../i18n/strings';
import type { Question } from '../types';
import { Choice } from './questions/choice';
import { Emoji } from './questions/emoji';
import { Nps } from './questions/nps';
import { Rating } from './questions/rating';
import { Text } from './questions/text';
import { Thumbs } from './questions/thumbs';
import { oneTap, type Store } from './state';

const views = { emoji: Emoji, rating: Rating, nps: Nps, thumbs: Thumbs, choice: Choice, text: Text } as {
  [type: string]: FunctionComponent<{ q: Question; s: Store }>;
};

/**
 * Moves focus into `ref` when the visitor has moved through the survey (the control they used is
 * gone): never when the widget first appears, which must not steal focus from the page.
 */
export function useFollowFocus(s: Store, key: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (s.moved) ref.current?.querySelector<HTMLElement>('[tabindex="0"],textarea,input,.h')?.focus();
  }, [key]);
  return ref;
}

/** One question: progress when there are several, the question, its control, then Back / Next / Send as needed. */
export function Step({ s }: { s: Store }) {
  const t = s.t.value;
  const { steps, kept } = s.state.value;
  const i = s.step.value;
  const q = steps[i];
  const n = steps.length;
  const tap = oneTap(q);
  const ref = useFollowFocus(s, q);
  const View = views[q.type];
  return (
    <div ref={ref}>
      {n > 1 && <p class="n">{fill(t.of, { n: i + 1, total: n })}</p>}
      <h2 id="q">{s.tx(q.text)}</h2>
      <View key={q.id} q={q} s={s} />
      {(n > 1 || !tap) && (
        <div class="f">
          {i > 0 && (
            <button class="btn" onClick={s.back}>
              {t.back}
            </button>
          )}
          {i == n - 1 ? (
            <button class="btn pri" disabled={!Object.keys(kept).length} onClick={s.send}>
              {t.send}
            </button>
          ) : (
            // A tap moves on by itself; Next is for typed answers, ticked boxes, and coming back to an answered step.
            (!tap || q.id in kept) && (
              <button class="btn pri" onClick={s.next}>
                {t.next}
              </button>
            )
          )}
        </div>
      )}
    </div>
  );
}
