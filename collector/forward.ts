// RESSENTI_FORWARD_URL: each batch of newly stored events is also POSTed, as SPEC §4 JSON, to the
// owner's own pipeline (a queue's HTTP endpoint, a warehouse loader, a webhook). The database stays
// the record: a batch the pipeline refuses three times is logged and can be replayed from
// GET /api/export.
import type { FeedbackEvent } from './event';

const ATTEMPTS = 3;
const TIMEOUT_MS = 10_000;

export type Forward = (events: FeedbackEvent[]) => Promise<void>;

export function forwarder(url: string, log: (line: string) => void): Forward {
  return async (events) => {
    let problem = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ events }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (res.ok) return;
        problem = `HTTP ${res.status}`;
      } catch (err) {
        problem = (err as Error).message;
      }
      if (attempt < ATTEMPTS) await new Promise((done) => setTimeout(done, 2 ** attempt * 500));
    }
    log(`forward to ${url} failed (${problem}): ${events.length} event(s) not forwarded, ids ${events.map((e) => e.eventId).join(' ')}`);
  };
}
