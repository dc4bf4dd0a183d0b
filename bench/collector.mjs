// `npm run bench:collector` (and the end of `npm run bench`): how many events per second the built
// collector (dist/collector/) ingests over HTTP on loopback, with de-duplication, on PGlite (in a
// data folder, as by default) and on PostgreSQL (the server of DATABASE_URL; skipped with a message
// when there is none: `.ci/with-postgres npm run bench:collector` starts a throwaway one).
// Senders run in a worker thread, each posting SPEC §4 batches one after another as fast as the
// collector answers; one event in ten is a retry of an event already sent. Median of repeated runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const RUNS = Number(process.env.BENCH_COLLECTOR_RUNS) || 5;
const EVENTS_PER_RUN = Number(process.env.BENCH_COLLECTOR_EVENTS) || 10_000;
const BATCH = 10; // events per request: a widget's outbox flush after a few answers
const SENDERS = [1, 8];
const GOAL = 5_000; // events/s on PostgreSQL with 8 senders

if (isMainThread) await main();
else await send(workerData);

/** Worker: `senders` loops posting batches until `events` events are sent; reports the time taken. */
async function send({ url, senders, events, run }) {
  const requests = Math.ceil(events / BATCH);
  let next = 0;
  let sent = 0;
  const previous = [];
  const batch = (n) => {
    const base = `b${run}-${n}-`;
    const list = Array.from({ length: BATCH - 1 }, (_, i) => ({
      v: 1,
      eventId: base + i,
      type: i % 3 === 0 ? 'impression' : 'response',
      responseId: `${base}r${i >> 1}`,
      surveyId: `survey-${n % 5}`,
      moment: 'purchase',
      ...(i % 3 !== 0 && { answers: { mood: 1 + (n % 5), why: 'fine' }, complete: i % 3 === 2 }),
      context: { url: 'https://shop.example/checkout/done', path: '/checkout/done', locale: 'en', device: 'mobile', value: 42 },
      session: 's' + n,
      visitor: 'v' + n,
      ts: new Date().toISOString(),
    }));
    list.push(previous.pop() ?? list[0]); // a retry: already stored, counted as a duplicate
    previous.push(list[0]);
    return JSON.stringify({ events: list });
  };
  // node:http with keep-alive rather than fetch: a lighter client leaves more of the CPU to the collector.
  const agent = new Agent({ keepAlive: true, maxSockets: senders });
  const post = (body) =>
    new Promise((done, fail) => {
      const req = request(url, { method: 'POST', agent, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk)).on('end', () => done({ status: res.statusCode, body: JSON.parse(text) }));
      });
      req.on('error', fail).end(body);
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < requests) {
        const { status, body } = await post(batch(next++));
        if (status !== 200 || body.rejected.length) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
        sent += body.accepted + body.duplicates;
      }
    }),
  );
  agent.destroy();
  parentPort.postMessage({ ms: performance.now() - start, sent });
}

/** A stand-in that reads and answers like the collector but stores nothing. */
function httpOnly() {
  return {
    handle: (req, res) =>
      new Promise((done) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk)).on('end', () => {
          const n = JSON.parse(body).events.length;
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ accepted: n - 1, duplicates: 1, rejected: [] }));
          done(true);
        });
      }),
    close: async () => {},
  };
}

async function main() {
  let createCollector;
  try {
    ({ createCollector } = await import('../dist/collector/index.mjs'));
  } catch {
    console.error('dist/collector/ is missing: run `npm run build` first');
    process.exit(1);
  }
  // The first row stores nothing: what loopback HTTP alone allows on this machine, to read the others by.
  const backends = [['no storage', null], ['PGlite', {}]];
  if (process.env.DATABASE_URL) backends.push(['PostgreSQL', { databaseUrl: process.env.DATABASE_URL }]);
  console.log(`\nCollector ingest over HTTP on loopback, ${BATCH} events per request (1 a retry), ${EVENTS_PER_RUN.toLocaleString('en-US')} events per run, median of ${RUNS} runs:`);
  const results = [];
  for (const [name, options] of backends) {
    const dataDir = mkdtempSync(join(tmpdir(), 'ressenti-bench-'));
    let collector;
    try {
      collector = options ? await createCollector({ ...options, dataDir, token: 'bench', rate: 1e9, log: () => {} }) : httpOnly();
    } catch (err) {
      console.log(`  ${name}: skipped, no server reachable at DATABASE_URL (${err.message})`);
      rmSync(dataDir, { recursive: true, force: true });
      continue;
    }
    const server = createServer((req, res) => collector.handle(req, res));
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${server.address().port}/collect`;
    for (const senders of SENDERS) {
      const rates = [];
      for (let run = 0; run < RUNS; run++) {
        const worker = new Worker(new URL(import.meta.url), { workerData: { url, senders, events: EVENTS_PER_RUN, run: `${name}${senders}-${run}` } });
        const { ms, sent } = await new Promise((done, fail) => worker.once('message', done).once('error', fail));
        rates.push((sent * 1000) / ms);
      }
      rates.sort((a, b) => a - b);
      const median = rates[Math.floor(rates.length / 2)];
      results.push({ name, senders, median });
      const n = (x) => Math.round(x).toLocaleString('en-US');
      console.log(`  ${name.padEnd(11)} ${String(senders).padStart(2)} sender${senders > 1 ? 's' : ' '}  ${n(median).padStart(7)} events/s   (runs ${n(rates[0])}–${n(rates[rates.length - 1])})`);
    }
    server.closeAllConnections();
    server.close();
    await collector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!process.env.DATABASE_URL) console.log('  PostgreSQL: skipped, DATABASE_URL is not set (`.ci/with-postgres npm run bench:collector` starts a throwaway server)');
  const pg = results.find((r) => r.name === 'PostgreSQL' && r.senders === 8);
  if (pg) console.log(`  Goal on PostgreSQL, 8 senders: ≥ ${GOAL.toLocaleString('en-US')} events/s: ${pg.median >= GOAL ? 'met' : 'NOT met'}`);
}
