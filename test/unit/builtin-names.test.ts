import { because } from '../../src/decide/explain';
// Ids named like Object's own properties are ordinary ids (issue 10): history, answers and lookups
// never find Object.prototype's members.
import { describe, expect, it } from 'vitest';
import { validateDefinitions } from '../../src/config/validate';
import { decide } from '../../src/decide/decide';
import { record, type History } from '../../src/decide/history';
import type { Survey } from '../../src/types';
import { flow, linkAnswers } from '../../src/ui/state';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
const survey = (id: string): Survey => ({ id, on: 'purchase', limit: { once: true }, questions: [{ id: 'mood', type: 'emoji', text: 'How was it?' }] });
const input = (surveys: Survey[], history: History) => ({
  moment: 'purchase',
  context: {},
  surveys,
  settings: {},
  history,
  sessionShown: 0,
  now: 1e12,
  draw: () => 0.5,
  busy: false,
});

describe.each(NAMES)('the id "%s"', (id) => {
  it('is a valid survey id and question id', () => {
    const { surveys, problems } = validateDefinitions([{ id, on: 'purchase', questions: [{ id, type: 'emoji', text: 'How?' }] }]);
    expect(problems).toEqual([]);
    expect(surveys).toHaveLength(1);
  });

  it('as a survey with limit.once: shows on a fresh history, not once recorded (also after a round trip through storage)', () => {
    expect(decide(input([survey(id)], { seen: {} })).survey?.id).toBe(id);
    const stored = JSON.parse(JSON.stringify(record({ seen: {} }, id, 1e12, true)));
    expect(decide(input([survey(id)], stored)).reasons.map((r) => ({ ...r, reason: because(r.reason) }))).toEqual([{ surveyId: id, reason: expect.stringMatching(/^limit\.once/) }]);
  });

  it('as a question: asked, its answer kept, and a link answer to it works', () => {
    const questions = [
      { id, type: 'emoji', text: 'How?' },
      { id: 'why', type: 'text', text: 'Why?', if: { [id]: { lte: 3 } } },
    ] as Survey['questions'];
    // As the store holds them: without a prototype.
    const none = linkAnswers(survey(id), undefined);
    expect(flow(questions, none, none).steps.map((q) => q.id)).toEqual([id]);
    const answers = Object.assign(Object.create(null), JSON.parse(`{${JSON.stringify(id)}: 2}`));
    const { steps, kept } = flow(questions, none, answers);
    expect(steps.map((q) => q.id)).toEqual([id, 'why']);
    expect(JSON.stringify(kept)).toBe(`{${JSON.stringify(id)}:2}`);
    const given = linkAnswers({ ...survey('s'), questions }, '4');
    expect(JSON.stringify(given)).toBe(`{${JSON.stringify(id)}:4}`);
    expect(flow(questions, given, given).steps.map((q) => q.id)).toEqual([]);
  });
});
