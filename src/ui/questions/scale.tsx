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

const STEP: { [key: string]: number } = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };

/**
 * A row of buttons for one answer, labelled by the question: one tab stop (the picked point, else
 * the first), arrow keys and Home/End move focus, Enter or Space picks.
 */
export function Scale({ q, s, points, kind, ends }: ScaleProps) {
  const picked = s.answers.value[q.id];
  const at = points.findIndex((p) => p.value === picked);
  const focused = s.focused.value;
  const stop = focused < 0 ? Math.max(at, 0) : focused;
  const last = points.length - 1;

  const onKeyDown = (e: KeyboardEvent) => {
    const group = e.currentTarget as Element;
    const buttons = [...group.querySelectorAll('button')];
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    // Left and right go where the arrow points: in a right-to-left row, the next point is on the left.
    const by = (STEP[e.key] || NaN) * (/Left|Right/.test(e.key) && getComputedStyle(group).direction == 'rtl' ? -1 : 1);
    const to = buttons[e.key == 'Home' ? 0 : e.key == 'End' ? last : i + by];
    if (to) {
      e.preventDefault();
      to.focus();
    }
  };

  return (
    <>
      <div role="group" aria-labelledby="q" class={'sc ' + kind} onKeyDown={onKeyDown}>
        {points.map((p, i) => (
          <button
            class={p.on ? 'o on' : 'o'}
            tabIndex={i == stop ? 0 : -1}
            aria-pressed={i == at}
            aria-label={p.name}
            aria-describedby={ends && (i == 0 ? 'lo' : i == last ? 'hi' : undefined)}
            onFocus={() => (s.focused.value = i)}
            onClick={() => s.pick(q.id, p.value)}
          >
            {p.body}
          </button>
        ))}
      </div>
      {ends && (
        <div class="ends">
          <span id="lo">{ends[0]}</span>
          <span id="hi">{ends[1]}</span>
        </div>
      )}
    </>
  );
}

/** `[from, …, to]`. */
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
