// What a collector accepts: SPEC §4 events, checked one by one so that one bad event is refused
// with its reason while the rest of the batch is kept. Pure: no database, no HTTP.

export const EVENT_TYPES = ['impression', 'response', 'dismissal'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** An event as stored: SPEC §4 fields, plus what the dashboard filters on, taken out of `context`. */
export interface StoredEvent {
  event_id: string;
  type: EventType;
  response_id: string;
  survey_id: string;
  moment: string | null;
  answers: Record<string, unknown> | null;
  complete: boolean;
  context: Record<string, unknown>;
  path: string | null;
  device: string | null;
  locale: string | null;
  session: string | null;
  visitor: string | null;
  /** The first numeric answer, in the order the widget wrote them (jsonb forgets that order). */
  score: number | null;
  ts: string;
}

export type Checked = { event: StoredEvent } | { reason: string };

const MAX_ID = 200;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
const optionalString = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/**
 * A copy PostgreSQL can store: its text and jsonb have no NUL character and no lone surrogate, and
 * one such string would fail the whole batch. They become U+FFFD, as a browser does with bad UTF-8.
 */
function storable<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\0/g, '\ufffd').toWellFormed() as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)])) as T;
  return value;
}

/** Checks one event; the reason names the first wrong field, as `field: what is wrong`. */
export function checkEvent(input: unknown): Checked {
  if (!isObject(input)) return { reason: 'event: must be an object' };
  const e = storable(input);
  if (e.v !== 1) return { reason: `v: must be 1 (got ${JSON.stringify(e.v) ?? 'nothing'})` };
  for (const field of ['eventId', 'responseId', 'surveyId'] as const) {
    if (!isId(e[field])) return { reason: `${field}: must be a non-empty string of at most ${MAX_ID} characters` };
  }
  if (!EVENT_TYPES.includes(e.type as EventType)) return { reason: `type: must be one of ${EVENT_TYPES.join(', ')}` };
  if (typeof e.ts !== 'string' || !ISO_DATE.test(e.ts) || !(Date.parse(e.ts) >= 0)) return { reason: 'ts: must be an ISO 8601 date-time from 1970 on' };
  if (!isObject(e.context)) return { reason: 'context: must be an object' };
  if (e.type === 'response' && !isObject(e.answers)) return { reason: 'answers: a response must carry an answers object' };
  if (e.answers !== undefined && !isObject(e.answers)) return { reason: 'answers: must be an object' };
  if (e.complete !== undefined && typeof e.complete !== 'boolean') return { reason: 'complete: must be true or false' };
  for (const field of ['moment', 'session', 'visitor'] as const) {
    if (!optionalString(e[field])) return { reason: `${field}: must be a string` };
  }
  const answers = (e.answers as Record<string, unknown> | undefined) ?? null;
  const score = answers && Object.values(answers).find((a) => typeof a === 'number' && Number.isFinite(a));
  return {
    event: {
      event_id: e.eventId as string,
      type: e.type as EventType,
      response_id: e.responseId as string,
      survey_id: e.surveyId as string,
      moment: text(e.moment),
      answers,
      complete: e.complete === true,
      context: e.context,
      path: text(e.context.path),
      device: text(e.context.device),
      locale: text(e.context.locale),
      session: text(e.session),
      visitor: text(e.visitor),
      score: typeof score === 'number' ? score : null,
      // UTC to the millisecond, as JavaScript dates are: export pages through rows by their exact `ts`.
      ts: new Date(e.ts).toISOString(),
    },
  };
}

/** The events of a request body, or why the body is not `{"events": [...]}`. */
export function parseBody(body: string): { events: unknown[] } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { error: 'the body is not JSON' };
  }
  if (!isObject(parsed) || !Array.isArray(parsed.events)) return { error: 'expected {"events": [...]}' };
  return { events: parsed.events };
}
