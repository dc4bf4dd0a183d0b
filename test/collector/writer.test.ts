import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../collector/db';
import type { StoredEvent } from '../../collector/validate';
import { writer } from '../../collector/writer';

/** A database that stores ids in a set, counts INSERTs, and refuses any batch holding the id `bad`. */
function fakeDb() {
  const ids = new Set<string>();
  const inserts: number[] = [];
  let release: () => void = () => {};
  let held = false;
  const db: Queryable & { inserts: number[]; hold(): void; release(): void } = {
    inserts,
    hold: () => (held = true),
    release: () => release(),
    async query<T>(_sql: string, params?: unknown[]) {
      const rows = JSON.parse(params![0] as string) as { event_id: string }[];
      inserts.push(rows.length);
      if (held) await new Promise<void>((done) => (release = () => ((held = false), done())));
      if (rows.some((r) => r.event_id === 'bad')) throw new Error('refused');
      const stored = rows.filter((r) => !ids.has(r.event_id) && ids.add(r.event_id));
      return stored.map((r) => ({ event_id: r.event_id })) as T[];
    },
  };
  return db;
}

const events = (...ids: string[]) => ids.map((event_id) => ({ event_id }) as StoredEvent);

describe('group commit', () => {
  it('writes a lone batch at once, and the batches that arrive meanwhile together in one INSERT', async () => {
    const db = fakeDb();
    const write = writer(db);
    db.hold();
    const first = write(events('a', 'b'));
    const waiting = [write(events('c')), write(events('d', 'a')), write(events('c', 'e'))];
    expect(db.inserts).toEqual([2]);
    db.release();
    expect(await first).toEqual(new Set(['a', 'b']));
    // a retry racing its original in the same INSERT is stored once and counted once
    expect(await Promise.all(waiting)).toEqual([new Set(['c']), new Set(['d']), new Set(['e'])]);
    expect(db.inserts).toEqual([2, 5]);
  });

  it('fails only the request whose batch the database refuses', async () => {
    const db = fakeDb();
    const write = writer(db);
    db.hold();
    const first = write(events('a'));
    const good = write(events('b'));
    const bad = write(events('bad', 'c'));
    db.release();
    await first;
    expect(await good).toEqual(new Set(['b']));
    await expect(bad).rejects.toThrow('refused');
  });
});
