// The schema, as numbered migrations applied once each and recorded in `ressenti_migrations`.
// Append a migration to change it; never edit one that has shipped.
import type { Db } from './db';

const MIGRATIONS: string[] = [
  // 1: events, one row per eventId (the widget retries with the same id: de-duplication is the key).
  `CREATE TABLE ressenti_events (
     event_id    text PRIMARY KEY,
     type        text NOT NULL,
     response_id text NOT NULL,
     survey_id   text NOT NULL,
     moment      text,
     answers     jsonb,
     complete    boolean NOT NULL DEFAULT false,
     context     jsonb NOT NULL,
     path        text,
     device      text,
     locale      text,
     session     text,
     visitor     text,
     score       double precision,
     ts          timestamptz NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now()
   );
   -- the dashboard: one survey over a period; its latest answers per display
   CREATE INDEX ressenti_events_survey_ts ON ressenti_events (survey_id, ts);
   CREATE INDEX ressenti_events_latest ON ressenti_events (survey_id, response_id, ts DESC) WHERE type = 'response';
   -- export order, and the period filter without a survey
   CREATE INDEX ressenti_events_ts ON ressenti_events (ts, event_id);
   -- erasure of one visitor, retention
   CREATE INDEX ressenti_events_visitor ON ressenti_events (visitor) WHERE visitor IS NOT NULL;
   CREATE INDEX ressenti_events_received ON ressenti_events (received_at);`,
];

/**
 * Brings the database to the latest version. Several collectors starting at once against one
 * PostgreSQL take turns on an advisory lock, so each migration runs exactly once.
 */
export async function migrate(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(2026120212)');
    await tx.query('CREATE TABLE IF NOT EXISTS ressenti_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const [{ version }] = await tx.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM ressenti_migrations');
    for (let v = version + 1; v <= MIGRATIONS.length; v++) {
      for (const statement of MIGRATIONS[v - 1].split(/;\s*(?=\n|$)/).filter((s) => s.trim())) await tx.query(statement);
      await tx.query('INSERT INTO ressenti_migrations (version) VALUES ($1)', [v]);
    }
    return MIGRATIONS.length;
  });
}
