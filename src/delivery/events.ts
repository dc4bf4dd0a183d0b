import { now } from '../platform/clock';
import { uuid } from '../platform/ids';
import { json } from '../platform/json';
import type { Answers, Context, EventType, FeedbackEvent } from '../types';

/** One survey on screen: every event it gives shares these. */
export interface Display {
  responseId: string;
  surveyId: string;
  moment: string;
  context: Context;
}

/** Builds one event as SPEC §4 describes it; a fresh `eventId`, which retries keep. */
export const buildEvent = (
  type: EventType,
  display: Display,
  ids: { session: string; visitor?: string },
  { answers, complete }: { answers?: Answers; complete?: boolean } = {},
  at = now(),
): FeedbackEvent =>
  // Through JSON: a deep copy (the UI, or a page's `on` handler, may change the answers after the
  // fact), and undefined fields are left out (no `visitor` key before consent). Our `json`, so that
  // a page's `Array.prototype.toJSON` cannot turn a multiple choice answer into a string.
  JSON.parse(
    json({
      v: 1,
      eventId: uuid(),
      type,
      ...display,
      answers,
      complete: type == 'response' ? !!complete : undefined,
      ...ids,
      ts: new Date(at).toISOString(),
    })!,
  );
