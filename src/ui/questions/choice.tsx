import type { ChoiceQuestion } from '../../types';
import type { Store } from '../state';
import { Scale } from './scale';

/** Options as buttons (one tap), or as checkboxes when `multiple` (the answer lists them in option order). */
export function Choice({ q, s }: { q: ChoiceQuestion; s: Store }) {
  const options = q.options.map((o) => (typeof o == 'string' ? { value: o, label: o } : { value: o.value, label: s._text(o.label) || o.value }));
  if (!q.multiple)
    return <Scale q={q} s={s} kind="column" points={options.map(({ value, label }) => ({ value, body: label }))} />;
  const picked = (s._answers.value[q.id] as string[] | undefined) || [];
  return (
    <div role="group" aria-labelledby="question" class="scale column">
      {options.map(({ value, label }) => (
        <label class="option">
          <input
            type="checkbox"
            checked={picked.includes(value)}
            onChange={(e) =>
              s._set(q.id, options.map((o) => o.value).filter((v) => (v == value ? e.currentTarget.checked : picked.includes(v))))
            }
          />
          {label}
        </label>
      ))}
    </div>
  );
}
