// Group commit for ingest. Each INSERT costs a round trip and a commit (a disk flush) whatever its
// size, and PGlite runs one statement at a time: so while one INSERT is under way, the batches that
// arrive wait and then go together in the next one. A lone request is written at once (no added
// latency); under load, ten requests of ten events cost about what one did.
import type { Queryable } from './db';
import { insertEvents } from './store';
import type { StoredEvent } from './validate';

/** The most events one INSERT carries; more wait for the next. */
const MAX_EVENTS = 5000;

interface Pending {
  events: StoredEvent[];
  done(stored: Set<string>): void;
  fail(err: unknown): void;
}

/** The ids of `events` that the INSERT stored, each claimed once: a retry racing its original is a duplicate. */
function claim(events: StoredEvent[], stored: Set<string>): Set<string> {
  const mine = new Set<string>();
  for (const e of events) if (stored.delete(e.event_id)) mine.add(e.event_id);
  return mine;
}

/** `write(events)` resolves with the ids it stored (the others were already there). */
export function writer(db: Queryable): (events: StoredEvent[]) => Promise<Set<string>> {
  const queue: Pending[] = [];
  let busy = false;

  async function drain() {
    busy = true;
    while (queue.length) {
      const round: Pending[] = [];
      for (let size = 0; queue.length && (!round.length || size + queue[0].events.length <= MAX_EVENTS); ) {
        size += queue[0].events.length;
        round.push(queue.shift()!);
      }
      try {
        const stored = await insertEvents(db, round.flatMap((p) => p.events));
        for (const p of round) p.done(claim(p.events, stored));
      } catch (err) {
        // Alone again, so that a batch the database refuses fails only its own request.
        if (round.length === 1) round[0].fail(err);
        else for (const p of round) await insertEvents(db, p.events).then(p.done, p.fail);
      }
    }
    busy = false;
  }

  return (events) =>
    new Promise((done, fail) => {
      if (!events.length) return done(new Set());
      queue.push({ events, done, fail });
      if (!busy) void drain();
    });
}
