import { values } from '../../questions/nps';
import type { NpsQuestion } from '../../types';
import type { Store } from '../state';
import { Scale } from './scale';

/** 0–10 with the end labels ("Not at all likely" … "Extremely likely") visible and tied to 0 and 10. */
export function Nps({ q, s }: { q: NpsQuestion; s: Store }) {
  const t = s._strings.value;
  return (
    <Scale
      q={q}
      s={s}
      kind="numbers"
      ends={[s._text(q.labels?.[0]) || t.npsLow, s._text(q.labels?.[1]) || t.npsHigh]}
      points={values().map((value) => ({ value, body: value }))}
    />
  );
}
