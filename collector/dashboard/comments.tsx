// The latest text answers with where they were given. A visitor's text is rendered as a text
// node by Preact, never parsed as markup.
import { useEffect, useState } from 'preact/hooks';
import { get, query, type Comment, type Filters } from './api';
import { when, where } from './shape';

const PAGE = 50;

export interface ScoreRange {
  minScore: string;
  maxScore: string;
}

/** The comments query of these filters (the score range is the comments' own filter). */
export const commentsQuery = (f: Filters, score: ScoreRange, before?: string) =>
  query({ survey: f.survey, moment: f.moment, locale: f.locale, from: f.from, to: f.to, minScore: score.minScore, maxScore: score.maxScore, limit: PAGE, before });

const SCORES = Array.from({ length: 11 }, (_, i) => String(i));

const ScoreSelect = ({ label, value, onChange }: { label: string; value: string; onChange: (e: Event) => void }) => (
  <label>
    {label}
    <select value={value} onChange={onChange}>
      <option value="">any</option>
      {SCORES.map((s) => (
        <option>{s}</option>
      ))}
    </select>
  </label>
);

export function Comments({ filters, version }: { filters: Filters; version: number }) {
  const [score, setScore] = useState<ScoreRange>({ minScore: '', maxScore: '' });
  const [list, setList] = useState<Comment[]>();
  const [more, setMore] = useState(false);
  const [error, setError] = useState('');
  const q = commentsQuery(filters, score);
  useEffect(() => {
    let live = true;
    get<{ comments: Comment[] }>('/api/comments' + q).then(
      ({ comments }) => live && (setList(comments), setMore(comments.length === PAGE), setError('')),
      (err) => live && setError(String(err.message)),
    );
    return () => (live = false);
  }, [q, version]);

  const older = async () => {
    const last = list![list!.length - 1];
    const { comments } = await get<{ comments: Comment[] }>('/api/comments' + commentsQuery(filters, score, last.ts));
    setList([...list!, ...comments]);
    setMore(comments.length === PAGE);
  };
  const pick = (name: keyof ScoreRange) => (e: Event) => setScore({ ...score, [name]: (e.target as HTMLSelectElement).value });

  return (
    <section class="panel comments" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      <div class="filters">
        <ScoreSelect label="Score from" value={score.minScore} onChange={pick('minScore')} />
        <ScoreSelect label="to" value={score.maxScore} onChange={pick('maxScore')} />
      </div>
      {error && <p role="alert">Comments could not load: {error}</p>}
      {list && !list.length && <p class="muted">No text answers for these filters.</p>}
      <ol class="comment-list">
        {list?.map((c) => (
          <li key={c.eventId + c.questionId}>
            <blockquote>
              <p>{c.text}</p>
            </blockquote>
            <p class="muted">
              <time dateTime={c.ts}>{when(c.ts)}</time> · {c.surveyId}.{c.questionId}
              {c.score != null && ` · score ${c.score}`} · {where(c)}
            </p>
          </li>
        ))}
      </ol>
      {more && (
        <button type="button" class="secondary" onClick={older}>
          Older comments
        </button>
      )}
    </section>
  );
}
