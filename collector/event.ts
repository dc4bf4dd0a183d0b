// A stored row back in SPEC §4 form, for the owner's pipeline (forward.ts) and JSON export.
import type { EventType, StoredEvent } from './validate';

/** SPEC §4's event, as the widget sends it (the widget's own type lives in src/types.ts). */
export interface FeedbackEvent {
  v: 1;
  eventId: string;
  type: EventType;
  responseId: string;
  surveyId: string;
  moment?: string;
  answers?: Record<string, unknown>;
  complete?: boolean;
  context: Record<string, unknown>;
  session?: string;
  visitor?: string;
  ts: string;
  /** Export only: when the collector stored it. */
  receivedAt?: string;
}

const iso = (t: string | Date) => new Date(t).toISOString();

export function toFeedbackEvent(row: Omit<StoredEvent, 'ts'> & { ts: string | Date; received_at?: string | Date }): FeedbackEvent {
  return {
    v: 1,
    eventId: row.event_id,
    type: row.type,
    responseId: row.response_id,
    surveyId: row.survey_id,
    ...(row.moment !== null && { moment: row.moment }),
    ...(row.answers !== null && { answers: row.answers }),
    ...(row.type === 'response' && { complete: row.complete }),
    context: row.context,
    ...(row.session !== null && { session: row.session }),
    ...(row.visitor !== null && { visitor: row.visitor }),
    ts: iso(row.ts),
    ...(row.received_at !== undefined && { receivedAt: iso(row.received_at) }),
  };
}
