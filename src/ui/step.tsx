import { fill } from '../i18n/strings';
import type { Store } from './state';
import { typeOf } from './types';

/** One question: progress when there are several, the question, its control, then Back / Next / Send as needed. */
export function Step({ s }: { s: Store }) {
  const t = s._strings.value;
  const { steps, kept } = s._state.value;
  const i = s._step.value;
  const q = steps[i];
  const n = steps.length;
  const [View, oneTap] = typeOf(q);
  const tap = oneTap(q);
  const last = i == n - 1;
  // A tap moves on by itself: Next is for typed answers, ticked boxes, and coming back to an answered step.
  const main = last ? n > 1 || !tap : !tap || q.id in kept;
  // A tap on the step before moved the visitor on: what they picked stays in sight here.
  const before = steps[i - 1];
  const tapped = before && before.id in kept && s._tapped[before.id];
  return (
    <div>
      {n > 1 && (
        <p class="progress">
          {tapped && fill(t.yourAnswer, { answer: tapped }) + ' · '}
          <span>{fill(t.of, { n: i + 1, total: n })}</span>
        </p>
      )}
      <h2 id="question">{s._text(q.text)}</h2>
      <View key={q.id} q={q} s={s} />
      {(i > 0 || main) && (
        <div class="actions">
          {i > 0 && (
            <button class="btn" onClick={s._back}>
              {t.back}
            </button>
          )}
          {main && (
            <button class="btn primary" disabled={last && !Object.keys(kept).length} onClick={last ? s._send : s._next}>
              {last ? t.send : t.next}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
