import type { ComponentChildren } from 'preact';
import type { AnswerValue, Question } from '../../types';
import type { Store } from '../state';

export interface Point {
  value: AnswerValue;
  /** Accessible name, when the visible content is not one (an icon) or not enough ("3" → "3 of 5"). */
  name?: string;
  body: ComponentChildren;
  /** Drawn as reached (stars up to the one picked). */
  on?: boolean;
}

export interface ScaleProps {
  q: Question;
  s: Store;
  points: Point[];
  kind: string;
  /** Visible end labels, tied to the first and last points. */
  ends?: string[];
}

/**
 * A row of buttons for one answer, labelled by the question. Every point is its own tab stop, as a
 * button is (a roving tab stop hid the other points from Tab); Enter, Space or a tap picks.
 */
export function Scale({ q, s, points, kind, ends }: ScaleProps) {
  const picked = s._answers.value[q.id];
  const at = points.findIndex((p) => p.value === picked);
  const last = points.length - 1;

  return (
    <>
      <div role="group" aria-labelledby="question" class={'scale ' + kind}>
        {points.map((p, i) => (
          <button
            class={p.on ? 'option on' : 'option'}
            aria-pressed={i == at}
            aria-label={p.name}
            aria-describedby={ends && (i == 0 ? 'low' : i == last ? 'high' : undefined)}
            // What it shows ("9", "Yes"), else its name (a face's, stars'): the next step repeats it.
            onClick={(e) => s._pick(q.id, p.value, e.currentTarget.textContent || p.name!)}
          >
            {p.body}
          </button>
        ))}
      </div>
      {ends && (
        <div class="ends">
          <span id="low">{ends[0]}</span>
          <span id="high">{ends[1]}</span>
        </div>
      )}
    </>
  );
}
