/**
 * A collector on a loopback HTTP server for tests: on in-memory PGlite, or on the PostgreSQL server
 * of `DATABASE_URL` (.ci/run starts one), whose table is emptied before each test.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeEach } from 'vitest';
import { createCollector, openDb, type Collector, type CollectorOptions, type Db } from '../../collector/index';

export const TOKEN = 'test-token';
export const DATABASE_URL = process.env.DATABASE_URL || undefined;

export interface TestCollector {
  url: string;
  collector: Collector;
  /** POSTs `{events}` as the widget does (text/plain); `headers` add to or replace the defaults. */
  post(events: unknown[], headers?: Record<string, string>): Promise<Response>;
  /** GET (or another method) with the owner's token. */
  owner(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

let shared: Promise<Db> | undefined;
// Starting PGlite takes seconds: one database per test file, shared by its collectors.
afterAll(async () => (await shared)?.close());

/** A collector on this file's database (emptied before each test by `useCollector`). */
export async function startCollector(options: CollectorOptions = {}): Promise<TestCollector> {
  shared ??= openDb({ databaseUrl: DATABASE_URL, dataDir: 'memory://' });
  const collector = await createCollector({ db: await shared, token: TOKEN, rate: 100_000, log: () => {}, ...options });
  const server = createServer(async (req, res) => {
    if (!(await collector.handle(req, res))) res.writeHead(404).end('not ours');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    collector,
    post: (events, headers = {}) =>
      fetch(`${url}/collect`, { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers }, body: JSON.stringify({ events }) }),
    owner: (path, init = {}) => fetch(url + path, { ...init, headers: { Authorization: `Bearer ${TOKEN}`, ...init.headers } }),
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await collector.close();
    },
  };
}

/** One collector for the describe block, closed after it; every test starts from an empty table. */
export function useCollector(options: CollectorOptions = {}): { current: TestCollector } {
  const ref = {} as { current: TestCollector };
  beforeEach(async () => {
    ref.current ??= await startCollector(options);
    await ref.current.collector.db.query('TRUNCATE ressenti_events');
  });
  afterAll(() => ref.current?.close());
  return ref;
}

let clock = Date.parse('2026-11-22T10:00:00.000Z');

/** A valid SPEC §4 event; `fields` override. Each call is one second after the previous one. */
export function event(fields: Record<string, unknown> = {}): Record<string, unknown> {
  clock += 1000;
  return {
    v: 1,
    eventId: randomUUID(),
    type: 'impression',
    responseId: 'r-' + randomUUID(),
    surveyId: 'post-purchase',
    moment: 'purchase',
    context: { url: 'https://shop.example/checkout/done', path: '/checkout/done', locale: 'en', device: 'desktop' },
    session: 's1',
    visitor: 'v1',
    ts: new Date(clock).toISOString(),
    ...fields,
  };
}

/** One display: its impression and its response events (answers so far after each step). */
export function display(answers: Record<string, unknown>[], fields: Record<string, unknown> = {}) {
  const responseId = 'r-' + randomUUID();
  return [
    event({ responseId, ...fields }),
    ...answers.map((a, i) => event({ type: 'response', responseId, answers: a, complete: i === answers.length - 1, ...fields })),
  ];
}
