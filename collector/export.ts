// GET /api/export: every event matching the filters, as CSV (one row per event, answers and context
// flattened into columns) or as JSON (a SPEC §4 body, `{"events": [...]}`, that another collector or
// pipeline can take as is). Streamed page by page, so memory stays flat however many rows there are.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Queryable } from './db';
import { toFeedbackEvent } from './event';
import { where, type Filters } from './filters';
import { sendJson } from './http';
import type { StoredEvent } from './validate';

const PAGE = 1000;

type Row = Omit<StoredEvent, 'ts'> & { ts: Date; received_at: Date };

const FIXED: [string, (r: Row) => unknown][] = [
  ['eventId', (r) => r.event_id],
  ['type', (r) => r.type],
  ['surveyId', (r) => r.survey_id],
  ['responseId', (r) => r.response_id],
  ['moment', (r) => r.moment],
  ['complete', (r) => (r.type === 'response' ? r.complete : null)],
  ['ts', (r) => r.ts.toISOString()],
  ['receivedAt', (r) => r.received_at.toISOString()],
  ['session', (r) => r.session],
  ['visitor', (r) => r.visitor],
  ['path', (r) => r.path],
  ['device', (r) => r.device],
  ['locale', (r) => r.locale],
];
const LIFTED = new Set(['path', 'device', 'locale']); // already columns of their own

/**
 * One CSV cell. Text starting with = + - @ (or a tab or carriage return) is prefixed with `'`: a
 * spreadsheet would otherwise run a visitor's answer as a formula (CSV injection).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of the filtered events in (ts, event_id) order, a page at a time (keyset pagination). */
async function* pages(db: Queryable, filters: Filters): AsyncGenerator<Row[]> {
  let after: [string, string] | undefined;
  for (;;) {
    const params: unknown[] = [];
    let sql = `SELECT * FROM ressenti_events ${where(filters, params)}`;
    if (after) sql += ` AND (ts, event_id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])})`;
    const rows = await db.query<Row>(`${sql} ORDER BY ts, event_id LIMIT ${PAGE}`, params);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    after = [last.ts.toISOString(), last.event_id];
  }
}

async function keysOf(db: Queryable, column: 'answers' | 'context', filters: Filters): Promise<string[]> {
  const params: unknown[] = [];
  const rows = await db.query<{ key: string }>(
    `SELECT DISTINCT jsonb_object_keys(${column}) AS key FROM ressenti_events ${where(filters, params)} AND jsonb_typeof(${column}) = 'object' ORDER BY key`,
    params,
  );
  return rows.map((r) => r.key);
}

export async function exportEvents(db: Queryable, res: ServerResponse, filters: Filters, format: string | null) {
  format ??= 'csv';
  if (format !== 'csv' && format !== 'json') return sendJson(res, 400, { error: 'format: csv or json' });
  const answerKeys = format === 'csv' ? await keysOf(db, 'answers', filters) : [];
  const contextKeys = format === 'csv' ? (await keysOf(db, 'context', filters)).filter((k) => !LIFTED.has(k)) : [];
  const name = `ressenti-${filters.survey ?? 'events'}-${new Date().toISOString().slice(0, 10)}.${format}`.replace(/[^\w.-]/g, '_');
  res.writeHead(200, {
    'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  const write = async (chunk: string) => {
    if (!res.write(chunk)) await once(res, 'drain');
  };
  if (format === 'csv') {
    // The byte-order mark makes Excel read the file as UTF-8.
    await write('\ufeff' + [...FIXED.map(([n]) => n), ...answerKeys.map((k) => `answers.${k}`), ...contextKeys.map((k) => `context.${k}`)].map(csvCell).join(',') + '\r\n');
  } else await write('{"events":[');
  let first = true;
  for await (const rows of pages(db, filters)) {
    if (res.destroyed) return; // the client went away: stop reading the table
    const lines = rows.map((r, i) =>
      format === 'csv'
        ? [...FIXED.map(([, get]) => get(r)), ...answerKeys.map((k) => r.answers?.[k]), ...contextKeys.map((k) => r.context[k])].map(csvCell).join(',') + '\r\n'
        : (first && i === 0 ? '\n' : ',\n') + JSON.stringify(toFeedbackEvent(r)),
    );
    first = false;
    await write(lines.join(''));
  }
  res.end(format === 'csv' ? '' : '\n]}\n');
}
