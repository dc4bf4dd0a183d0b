// The collector's writes: ingest with de-duplication, erasure of one visitor, retention.
import type { Queryable } from './db';
import type { StoredEvent } from './validate';

// One statement per request whatever its size: the batch travels as one JSON parameter that
// PostgreSQL unpacks, so there is no parameter limit and one round trip.
const INSERT = `
  INSERT INTO ressenti_events (event_id, type, response_id, survey_id, moment, answers, complete, context,
                               path, device, locale, session, visitor, score, ts)
  SELECT event_id, type, response_id, survey_id, moment, answers, complete, context,
         path, device, locale, session, visitor, score, ts
  FROM jsonb_to_recordset($1::jsonb) AS r(event_id text, type text, response_id text, survey_id text, moment text,
       answers jsonb, complete boolean, context jsonb, path text, device text, locale text, session text,
       visitor text, score double precision, ts timestamptz)
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id`;

/** Stores the events not stored yet; resolves with the ids it stored (the others were duplicates). */
export async function insertEvents(db: Queryable, events: StoredEvent[]): Promise<Set<string>> {
  if (!events.length) return new Set();
  const rows = await db.query<{ event_id: string }>(INSERT, [JSON.stringify(events)]);
  return new Set(rows.map((r) => r.event_id));
}

/** GDPR erasure: every event carrying this visitor id. */
export async function eraseVisitor(db: Queryable, visitor: string): Promise<number> {
  const rows = await db.query('DELETE FROM ressenti_events WHERE visitor = $1 RETURNING 1', [visitor]);
  return rows.length;
}

/**
 * Deletes events received more than `days` ago. The time of reception is the server's own clock;
 * `ts` comes from the visitor's, which may be wrong or forged to keep an event forever.
 */
export async function applyRetention(db: Queryable, days: number): Promise<number> {
  const rows = await db.query(`DELETE FROM ressenti_events WHERE received_at < now() - make_interval(days => $1) RETURNING 1`, [days]);
  return rows.length;
}
