import { uuid } from '../platform/ids';
import type { Answers, Context, EventType, FeedbackEvent } from '../types';

/** One survey on screen: every event it gives shares these. */
export interface Display {
  responseId: string;
  surveyId: string;
  moment: string;
  context: Context;
}

/** Builds one event as SPEC §4 describes it; a fresh `eventId`, which retries keep. */
export function buildEvent(
  type: EventType,
  display: Display,
  ids: { session: string; visitor?: string },
  extra: { answers?: Answers; complete?: boolean } = {},
  now = Date.now(),
): FeedbackEvent {
  const { responseId, surveyId, moment, context } = display;
  const { answers, complete } = extra;
  return {
    v: 1,
    eventId: uuid(),
    type,
    responseId,
    surveyId,
    moment,
    // A deep copy: the UI, or a page's `on` handler, may change the answers after the fact.
    ...(answers && { answers: JSON.parse(JSON.stringify(answers)) as Answers }),
    ...(type == 'response' && { complete: !!complete }),
    context: { ...context },
    session: ids.session,
    ...(ids.visitor && { visitor: ids.visitor }),
    ts: new Date(now).toISOString(),
  };
}
